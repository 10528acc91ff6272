"""The kernel's sandbox: a student's code runs in bubblewrap, with limits, apart from the grader.

nbgrader starts kernels from a kernelspec; ours (`install_kernelspec`) runs
this file as a script with `-f {connection_file}`, which starts the real
ipykernel inside `bwrap` and watches it. Inside, the kernel sees:

- read-only: the system (/usr, /etc, ...), the Python installation and the
  virtualenv, and the kernel library: a copy of `autograder/kernel/` (the
  capturing layer: no answer, no judge) and the probe inputs as data;
- read-write: its own working copy (the student's autograded folder), its
  records folder (where hidden tests put captured outputs), its connection
  file and sockets, and a private /tmp;
- nothing else: not the repository (instructor notebooks, hidden tests,
  `solutions`), not the gradebook, not other students' folders.

It has no network (its sockets are Unix sockets in its own folder), its own
PID namespace (it cannot see or signal the grader), a memory limit, a file
size limit, and a wall-clock limit for the whole notebook. When the limit
passes, or the grader goes away, the kernel and every process it started are
killed. What happened is written to the report file for the grader. The
settings arrive in one environment variable, written and read by
`autograder.kernel.contract`, which owns every name the two sides share.
"""

import json
import os
import pickle
import resource
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from autograder.kernel import contract

#: The kernelspec's name.
KERNEL_NAME = "logreg-sandbox"
#: The kernel layer, which the sandbox copies in whole.
KERNEL_LAYER = Path(__file__).resolve().parents[1] / "kernel"
#: Variables that pick a correct OpenBLAS kernel on some processors: passed through as they are.
_PASSED_THROUGH = ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")


def install_kernelspec(jupyter_dir):
    """Write the sandbox kernelspec under jupyter_dir/kernels/ (put jupyter_dir on JUPYTER_PATH).

    Returns
    -------
    Path
        The kernelspec's folder.
    """
    folder = Path(jupyter_dir) / "kernels" / KERNEL_NAME
    folder.mkdir(parents=True, exist_ok=True)
    spec = {
        # Run as a script, not with -m: the student's folder (the kernel's working directory) must not be
        # on the watcher's import path, and the watcher imports only the standard library and the contract.
        "argv": [sys.executable, str(Path(__file__).resolve()), "-f", "{connection_file}"],
        "display_name": "Python 3 (sandboxed for grading)",
        "language": "python",
        # Interrupts travel as messages: a signal to this watcher would not reach the kernel inside bwrap.
        "interrupt_mode": "message",
    }
    (folder / "kernel.json").write_text(json.dumps(spec, indent=1), encoding="utf-8")
    return folder


def kernel_library(target, probes):
    """Make the kernel library under target: the kernel layer as package `autograder`, and the probes.

    Parameters
    ----------
    target : Path
    probes : dict of str to dict
        Each graded function's probe (autograder.judging.probe), pickled into target/probes/.

    Returns
    -------
    Path
        `target`, to be mounted at contract.KERNEL_LIB.
    """
    target = Path(target)
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(KERNEL_LAYER, target / "autograder" / "kernel", ignore=shutil.ignore_patterns("__pycache__"))
    (target / "autograder" / "__init__.py").write_text(
        '"""In the grading sandbox, the kernel layer alone: hidden tests record, the grader judges."""\n\n'
        "from autograder.kernel.capture import submit, submit_answer  # noqa: F401\n", encoding="utf-8")
    folder = target / "probes"
    folder.mkdir()
    for name, probe in probes.items():
        contract.probe_file(folder, name).write_bytes(pickle.dumps(probe))
    return target


def bwrap_command(connection_file, workdir, kernel_lib, records):
    """The bwrap command line that runs ipykernel on `connection_file` in `workdir`."""
    venv, base = Path(sys.prefix), Path(sys.base_prefix)
    runtime = Path(connection_file).resolve().parent
    command = ["bwrap", "--die-with-parent", "--new-session",
               "--unshare-net", "--unshare-pid", "--unshare-ipc", "--unshare-uts", "--unshare-cgroup-try"]
    for system in ("/usr", "/etc", "/lib", "/lib64", "/bin", "/sbin"):
        command += ["--ro-bind-try", system, system]
    # Mounts apply in order: the private /tmp first, so that binds below /tmp stay visible.
    command += ["--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp",
                "--ro-bind", str(base), str(base), "--ro-bind", str(venv), str(venv),
                "--ro-bind", str(kernel_lib), contract.KERNEL_LIB,
                "--bind", str(workdir), str(workdir),
                "--bind", str(runtime), str(runtime),
                "--bind", str(records), contract.RECORDS,
                "--chdir", str(workdir), "--clearenv"]
    environment = {"HOME": "/tmp", "PATH": f"{venv / 'bin'}:/usr/bin:/bin", "PYTHONPATH": contract.KERNEL_LIB,
                   contract.RECORDS_ENV: contract.RECORDS, contract.PROBES_ENV: contract.PROBES,
                   "MPLBACKEND": "Agg", "OPENBLAS_NUM_THREADS": "1",
                   "PYTHONDONTWRITEBYTECODE": "1", "LANG": "C.UTF-8", "JPY_PARENT_PID": "1"}
    environment.update({k: os.environ[k] for k in _PASSED_THROUGH if k in os.environ})
    for key, value in environment.items():
        command += ["--setenv", key, value]
    return command + [str(venv / "bin" / "python"), "-m", "ipykernel_launcher", "-f", str(Path(connection_file).resolve())]


def _limit(memory, file_size):
    def apply():
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
        resource.setrlimit(resource.RLIMIT_FSIZE, (file_size, file_size))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    return apply


def _report(path, reason, returncode, seconds):
    Path(path).write_text(json.dumps({"reason": reason, "returncode": returncode, "seconds": round(seconds, 1)}))


def _die_with_parent():
    """Ask Linux to kill this watcher when the grader that started it dies (prctl PR_SET_PDEATHSIG).

    bwrap's --die-with-parent then takes the kernel along: a killed grader leaves no kernel behind.
    """
    import ctypes

    ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # 1 = PR_SET_PDEATHSIG
    if os.getppid() == 1:  # the grader died before the line above ran
        sys.exit(1)


def main(argv):
    """Run one sandboxed kernel until it ends, is stopped, or runs out of time."""
    _die_with_parent()
    connection_file = argv[argv.index("-f") + 1]
    settings = contract.read_sandbox_settings()
    timeout, report = settings["notebook_timeout"], settings["report"]
    records = Path(settings["records"])
    records.mkdir(parents=True, exist_ok=True)
    start = time.monotonic()
    kernel = subprocess.Popen(bwrap_command(connection_file, Path.cwd(), Path(settings["kernel_lib"]), records),
                              preexec_fn=_limit(settings["memory_limit"], settings["file_size_limit"]))

    def stop(signum, frame):  # the kernel manager shuts us down: take the kernel with us
        kernel.kill()
    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # interrupts go to the kernel as messages
    try:
        returncode = kernel.wait(timeout=timeout)
        _report(report, "exited", returncode, time.monotonic() - start)
    except subprocess.TimeoutExpired:
        kernel.kill()
        returncode = kernel.wait()
        _report(report, "timeout", returncode, time.monotonic() - start)
        print(f"sandbox: the notebook ran past its time limit of {timeout:g} s; kernel stopped", file=sys.stderr)
    return 0 if returncode == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
