"""One notebook's sandboxed kernel as the grader starts it: the kernel library it mounts, its kernelspec, its
fresh records and fate, and its settings in the kernel's own environment."""

import json

import solutions
from autograder.grading import course
from autograder.grading.sandbox import sandboxed_kernel as kernel
from autograder.grading.sandbox import watcher
from autograder.judging import FUNCTIONS, judge, probe
from autograder.kernel import contract
from autograder.kernel.capture import capture, load_probe
from tests.helpers import REPO


def test_the_kernel_library_holds_the_kernel_layer_a_recording_package_and_every_probe(tmp_path):
    library = kernel.kernel_library(tmp_path / "lib", {name: probe(name) for name in FUNCTIONS})
    package = library / "autograder"
    assert sorted(p.name for p in package.iterdir()) == ["__init__.py", "kernel"]
    shipped = sorted(p.name for p in (package / "kernel").glob("*.py"))
    assert shipped == sorted(p.name for p in (REPO / "autograder" / "kernel").glob("*.py"))
    assert "import submit, submit_answer" in (package / "__init__.py").read_text()
    assert sorted(p.stem for p in (library / "probes").glob("*.pickle")) == sorted(FUNCTIONS)


def test_a_probe_from_the_library_gives_the_same_record_as_one_made_here(tmp_path, monkeypatch):
    library = kernel.kernel_library(tmp_path / "lib", {"dL_dz": probe("dL_dz")})
    monkeypatch.setenv(contract.PROBES_ENV, str(library / "probes"))
    record = capture(solutions.dL_dz, load_probe("dL_dz"))
    assert record == capture(solutions.dL_dz, probe("dL_dz")) and judge("dL_dz", record).passed


def test_the_kernelspec_runs_the_watcher_as_a_script_and_interrupts_by_message(tmp_path):
    spec = json.loads((kernel.install_kernelspec(tmp_path) / "kernel.json").read_text())
    assert spec["argv"][:3] == [spec["argv"][0], "-P", watcher.__file__] and spec["argv"][-2:] == ["-f", "{connection_file}"]
    assert spec["interrupt_mode"] == "message"


def test_each_kernel_starts_with_fresh_records_and_fate_and_its_settings_in_its_own_environment(course_copy):
    config = course.config(course_copy())
    first = kernel.SandboxedKernel(config, "ann", "01_model_and_loss")
    (first.records / "function-sigmoid.json").write_text("{}")
    first.fate.write_text('{"reason": "timeout"}')
    assert first.read_fate() == {"reason": "timeout"}
    again = kernel.SandboxedKernel(config, "ann", "01_model_and_loss")  # the same notebook graded again
    assert list(again.records.iterdir()) == [] and again.read_fate() == {}
    settings = json.loads(again.environment()[contract.SANDBOX_ENV])
    assert settings["records"] == str(again.records) and settings["fate"] == str(again.fate)
    assert settings["notebook_folder"] is None and settings["memory_limit"] == course.limits().memory_limit
    assert again.runtime.is_dir() and len(str(again.runtime / "kernel")) < 100  # Unix socket paths stay short
    for made in (first, again):
        made.remove_runtime()
    assert not again.runtime.exists()
