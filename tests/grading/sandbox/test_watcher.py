"""The watcher's bwrap command: what the kernel sees, where the contract says, and a preload only when started ahead."""

import signal

import pytest

from autograder.grading.sandbox import watcher
from autograder.kernel import contract


def test_a_kernel_started_ahead_preloads_numpy_and_matplotlib_and_no_other_does(tmp_path):
    args = (tmp_path / "run" / "kernel.json", tmp_path / "work", tmp_path / "lib", tmp_path / "rec", 2**20)
    assert watcher.bwrap_command(*args, preload=True)[-1] == f"--IPKernelApp.exec_lines={watcher.PRELOAD}"
    assert not any("exec_lines" in a for a in watcher.bwrap_command(*args))
    namespace = {}
    exec(watcher.PRELOAD, namespace)  # it imports, and leaves no name behind for the student's code
    assert set(namespace) == {"__builtins__"}


def test_the_bwrap_command_mounts_the_library_and_records_where_the_contract_says(tmp_path):
    command = watcher.bwrap_command(tmp_path / "run" / "kernel.json", tmp_path / "work", tmp_path / "lib", tmp_path / "rec",
                                    tmp_size=2**25)
    assert ["--ro-bind", str(tmp_path / "lib"), contract.KERNEL_LIB] == command[command.index(str(tmp_path / "lib")) - 1:][:3]
    assert ["--bind", str(tmp_path / "rec"), contract.RECORDS] == command[command.index(str(tmp_path / "rec")) - 1:][:3]
    settings_of = {command[i + 1]: command[i + 2] for i, word in enumerate(command) if word == "--setenv"}
    assert settings_of[contract.PROBES_ENV] == contract.PROBES and settings_of[contract.RECORDS_ENV] == contract.RECORDS
    assert "--unshare-net" in command and command[command.index("--tmpfs") - 2:command.index("--tmpfs")] == [
        "--size", str(2**25)]


@pytest.mark.parametrize("reason, shut_down, returncode, fate", [
    ("exited", False, 0, "exited"), ("exited", False, 3, "exited"), ("exited", False, -signal.SIGSEGV, "exited"),
    ("exited", True, -signal.SIGKILL, "shutdown"), ("exited", False, -signal.SIGTERM, "shutdown"),
    ("timeout", True, -signal.SIGKILL, "timeout"), ("disk", False, -signal.SIGTERM, "disk"),
])
def test_a_kernel_its_manager_stopped_is_shut_down_and_one_that_died_on_its_own_exited(reason, shut_down, returncode,
                                                                                       fate):
    assert watcher.fate_reason(reason, shut_down, returncode) == fate


@pytest.mark.parametrize("figures, backend", [(True, "module://matplotlib_inline.backend_inline"), (False, "Agg")])
def test_figures_are_outputs_with_the_inline_backend_unless_the_course_turns_them_off(tmp_path, figures, backend):
    command = watcher.bwrap_command(tmp_path / "run" / "kernel.json", tmp_path / "work", tmp_path / "lib", tmp_path / "rec",
                                    tmp_size=2**25, figures=figures)
    settings_of = {command[i + 1]: command[i + 2] for i, word in enumerate(command) if word == "--setenv"}
    assert settings_of["MPLBACKEND"] == backend
