"""The kernel's sandbox: a student's code runs in bubblewrap, with limits, apart from the grader.

nbgrader starts kernels from a kernelspec; ours (`install_kernelspec`) runs
this file as a script with `-f {connection_file}`, which starts the real
ipykernel inside `bwrap` and watches it. Inside, the kernel sees:

- read-only: the system (/usr, /etc, ...), the Python installation and the
  virtualenv, and a copy of `autograder.probes` and `autograder.capture` (the
  capturing half: no answer, no judge);
- read-write: its own working copy (the student's autograded folder), its
  records folder (where hidden tests put captured outputs), its connection
  file and sockets, and a private /tmp;
- nothing else: not the repository (instructor notebooks, hidden tests,
  `solutions`), not the gradebook, not other students' folders.

It has no network (its sockets are Unix sockets in its own folder), its own
PID namespace (it cannot see or signal the grader), a memory limit, a file
size limit, and a wall-clock limit for the whole notebook. When the limit
passes, or the grader goes away, the kernel and every process it started are
killed. What happened is written to LOGREG_KERNEL_REPORT for the grader.
"""

import json
import os
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

#: The kernelspec's name.
KERNEL_NAME = "logreg-sandbox"
#: Defaults of the limits; the grader passes its configured values in the environment.
NOTEBOOK_TIMEOUT = 300  # seconds for a whole notebook
MEMORY_LIMIT = 2 * 1024**3  # bytes of address space per process
FILE_SIZE_LIMIT = 256 * 1024**2  # bytes per file written
#: Where the capturing library appears inside the sandbox, and the records folder.
KERNEL_LIB = "/opt/logreg"
RECORDS = "/records"
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
        # Run as a script: the watcher needs only the standard library, not the autograder package.
        "argv": [sys.executable, str(Path(__file__).resolve()), "-f", "{connection_file}"],
        "display_name": "Python 3 (sandboxed for grading)",
        "language": "python",
        # Interrupts travel as messages: a signal to this watcher would not reach the kernel inside bwrap.
        "interrupt_mode": "message",
    }
    (folder / "kernel.json").write_text(json.dumps(spec, indent=1), encoding="utf-8")
    return folder


def kernel_library(target):
    """Copy the capturing half of autograder (probes, capture) into target/autograder/.

    Returns
    -------
    Path
        `target`, to be mounted at KERNEL_LIB.
    """
    package = Path(target) / "autograder"
    package.mkdir(parents=True, exist_ok=True)
    here = Path(__file__).parent
    for module in ("probes.py", "capture.py"):
        (package / module).write_bytes((here / module).read_bytes())
    (package / "__init__.py").write_text('"""Capturing only: the judges run outside this sandbox."""\n', encoding="utf-8")
    return Path(target)


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
                "--ro-bind", str(kernel_lib), KERNEL_LIB,
                "--bind", str(workdir), str(workdir),
                "--bind", str(runtime), str(runtime),
                "--bind", str(records), RECORDS,
                "--chdir", str(workdir), "--clearenv"]
    environment = {"HOME": "/tmp", "PATH": f"{venv / 'bin'}:/usr/bin:/bin", "PYTHONPATH": KERNEL_LIB,
                   "LOGREG_RECORDS": RECORDS, "MPLBACKEND": "Agg", "OPENBLAS_NUM_THREADS": "1",
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


def _report(reason, returncode, seconds):
    path = os.environ.get("LOGREG_KERNEL_REPORT")
    if path:
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
    timeout = float(os.environ.get("LOGREG_NOTEBOOK_TIMEOUT", NOTEBOOK_TIMEOUT))
    memory = int(os.environ.get("LOGREG_MEMORY_LIMIT", MEMORY_LIMIT))
    records = Path(os.environ.get("LOGREG_RECORDS_DIR", Path.cwd() / ".records"))
    records.mkdir(parents=True, exist_ok=True)
    kernel_lib = Path(os.environ["LOGREG_KERNEL_LIB"])
    start = time.monotonic()
    kernel = subprocess.Popen(bwrap_command(connection_file, Path.cwd(), kernel_lib, records),
                              preexec_fn=_limit(memory, FILE_SIZE_LIMIT))

    def stop(signum, frame):  # the kernel manager shuts us down: take the kernel with us
        kernel.kill()
    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # interrupts go to the kernel as messages
    try:
        returncode = kernel.wait(timeout=timeout)
        _report("exited", returncode, time.monotonic() - start)
    except subprocess.TimeoutExpired:
        kernel.kill()
        returncode = kernel.wait()
        _report("timeout", returncode, time.monotonic() - start)
        print(f"sandbox: the notebook ran past its time limit of {timeout:g} s; kernel stopped", file=sys.stderr)
    return 0 if returncode == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
