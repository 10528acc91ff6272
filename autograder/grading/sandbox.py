"""The kernel's sandbox: a student's code runs in bubblewrap, with limits, apart from the grader.

nbgrader starts kernels from a kernelspec; ours (`install_kernelspec`) runs
this file as a script with `-f {connection_file}`, which starts the real
ipykernel inside `bwrap` and watches it. Inside, the kernel sees:

- read-only: the system (/usr, /etc, ...), the Python installation and the
  virtualenv, and the kernel library: a copy of `autograder/kernel/` (the
  capturing layer: no answer, no judge) and the probe inputs as data;
- read-write: a private copy of its working folder (the student's autograded
  folder, copied by the watcher and bound at the same path, so that nothing
  the kernel writes there, a symbolic link least of all, ever reaches the
  folder that nbgrader and the grader read and write), its records folder
  (where hidden tests put captured outputs), its connection file and
  sockets, and a private /tmp of bounded size;
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
#: The kernel library's folder of matplotlib's caches; inside, they appear in MPLCONFIGDIR, a folder of /tmp.
MPL_CACHE, MPLCONFIGDIR = "matplotlib", "/tmp/matplotlib"
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
        # A script run with -P: neither the student's folder (the kernel's working directory) nor this
        # file's folder is on the watcher's import path; it imports the standard library and the contract.
        "argv": [sys.executable, "-P", str(Path(__file__).resolve()), "-f", "{connection_file}"],
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
    _font_cache(target / MPL_CACHE)
    return target


def _font_cache(folder):
    """matplotlib's font list, made once for every kernel: one whose cache is empty builds it anew (~0.25 s)."""
    from matplotlib import font_manager

    folder.mkdir()
    font_manager.json_dump(font_manager.fontManager, folder / f"fontlist-v{font_manager.FontManager.__version__}.json")


def bwrap_command(connection_file, workdir, kernel_lib, records, tmp_size, work_copy=None, preload=False):
    """The bwrap command line that runs ipykernel on `connection_file` in `workdir`, with a /tmp of tmp_size bytes.

    `work_copy`, when given, is what appears at `workdir` inside the sandbox (a private copy of it).
    `preload`: the kernel imports numpy and matplotlib before it answers (a kernel started ahead).
    """
    venv, base = Path(sys.prefix), Path(sys.base_prefix)
    runtime = Path(connection_file).resolve().parent
    command = ["bwrap", "--die-with-parent", "--new-session",
               "--unshare-net", "--unshare-pid", "--unshare-ipc", "--unshare-uts", "--unshare-cgroup-try"]
    for system in ("/usr", "/etc", "/lib", "/lib64", "/bin", "/sbin"):
        command += ["--ro-bind-try", system, system]
    # Mounts apply in order: the private /tmp first, so that binds below /tmp stay visible.
    command += ["--proc", "/proc", "--dev", "/dev", "--size", str(int(tmp_size)), "--tmpfs", "/tmp",
                "--ro-bind", str(base), str(base), "--ro-bind", str(venv), str(venv),
                "--ro-bind", str(kernel_lib), contract.KERNEL_LIB,
                "--bind", str(work_copy or workdir), str(workdir),
                "--bind", str(runtime), str(runtime),
                "--bind", str(records), contract.RECORDS]
    # matplotlib wants its config folder writable: a folder of the private /tmp, holding the library's caches read-only
    for cache in sorted((Path(kernel_lib) / MPL_CACHE).glob("*")):
        command += ["--ro-bind", str(cache), f"{MPLCONFIGDIR}/{cache.name}"]
    command += ["--chdir", str(workdir), "--clearenv"]
    environment = {"HOME": "/tmp", "PATH": f"{venv / 'bin'}:/usr/bin:/bin", "PYTHONPATH": contract.KERNEL_LIB,
                   contract.RECORDS_ENV: contract.RECORDS, contract.PROBES_ENV: contract.PROBES,
                   "MPLBACKEND": "Agg", "MPLCONFIGDIR": MPLCONFIGDIR, "OPENBLAS_NUM_THREADS": "1",
                   "PYTHONDONTWRITEBYTECODE": "1", "LANG": "C.UTF-8", "JPY_PARENT_PID": "1"}
    environment.update({k: os.environ[k] for k in _PASSED_THROUGH if k in os.environ})
    for key, value in environment.items():
        command += ["--setenv", key, value]
    command += [str(venv / "bin" / "python"), "-m", "ipykernel_launcher", "-f", str(Path(connection_file).resolve())]
    return command + ([f"--IPKernelApp.exec_lines={PRELOAD}"] if preload else [])


#: What a kernel started ahead imports while it waits, leaving no name behind (what every notebook imports first).
PRELOAD = "import numpy as _logreg_np, matplotlib.pyplot as _logreg_plt; del _logreg_np, _logreg_plt"
#: Files in a kernel's runtime folder: the grader hands a kernel started ahead its notebook, the watcher
#: answers once the notebook's folder is in the sandbox.
HANDED, READY = "handed-over", "ready"


def hand_over(runtime, timeout=60.0):
    """Give a kernel started ahead its notebook (whose folder now exists); return once the watcher has copied it.

    Raises
    ------
    TimeoutError
        When the watcher does not answer: the kernel died, or its sandbox never came up.
    """
    runtime = Path(runtime)
    (runtime / HANDED).touch()
    deadline = time.monotonic() + timeout
    while not (runtime / READY).exists():
        if time.monotonic() > deadline:
            raise TimeoutError(f"the sandbox started ahead did not take its notebook within {timeout:g} s")
        time.sleep(0.01)


def _take_over(kernel, runtime, workdir, work_copy, idle):
    """In a watcher started ahead: wait for the notebook, then copy its folder in; False if it never came."""
    deadline = time.monotonic() + idle
    while not (runtime / HANDED).exists():
        if not _running(kernel, 0.01) or time.monotonic() > deadline:
            return False
    shutil.copytree(workdir, work_copy, symlinks=True, dirs_exist_ok=True)
    (runtime / READY).touch()
    return True


def _limit(memory, file_size):
    def apply():
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
        resource.setrlimit(resource.RLIMIT_FSIZE, (file_size, file_size))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    return apply


def _report(path, reason, returncode, seconds, **more):
    Path(path).write_text(json.dumps({"reason": reason, "returncode": returncode, "seconds": round(seconds, 1), **more}))


#: Files a kernel may leave in its folders before it counts as flooding them.
MAX_FILES = 10_000
#: Seconds between two looks at what the kernel has written.
POLL = 0.2


def _written(folders):
    """(bytes, files) under the folders, without following links; stops counting past MAX_FILES."""
    size = files = 0
    for folder in folders:
        for top, _, names in os.walk(folder, followlinks=False):
            for name in names:
                try:
                    size += os.lstat(os.path.join(top, name)).st_blocks * 512
                except OSError:
                    continue
                files += 1
                if files > MAX_FILES:
                    return size, files
    return size, files


def _process_group(max_processes):
    """A pids cgroup that caps the kernel's processes and threads, or None where none can be made here.

    RLIMIT_NPROC would not do: it does not bind a grader that runs as root.
    """
    for base in (Path("/sys/fs/cgroup/pids"), Path("/sys/fs/cgroup/unified"), Path("/sys/fs/cgroup")):
        group = base / f"logreg-{os.getpid()}"
        try:
            group.mkdir()
            (group / "pids.max").write_text(str(max_processes))
            return group
        except OSError:
            try:
                group.rmdir()
            except OSError:
                pass
    return None


def _end_group(group):
    """Kill whatever is left in the cgroup and remove it; whether its process limit was ever hit."""
    if group is None:
        return False
    hit = "max 0" not in (group / "pids.events").read_text() if (group / "pids.events").exists() else False
    for _ in range(50):
        for pid in (group / "cgroup.procs").read_text().split():
            try:
                os.kill(int(pid), signal.SIGKILL)
            except OSError:
                pass
        try:
            group.rmdir()
            break
        except OSError:
            time.sleep(0.05)
    return hit


def _running(kernel, wait=POLL):
    """Whether the kernel still runs after waiting up to `wait` seconds for it (its end is seen at once)."""
    try:
        kernel.wait(timeout=wait)
        return False
    except subprocess.TimeoutExpired:
        return True


def _die_with(parent):
    """Ask Linux to kill this process when its parent dies (prctl PR_SET_PDEATHSIG); exit if it already has.

    The watcher asks it of the grader, the sandbox (in preexec, before bwrap runs) of the watcher: no window is
    left in which one of them dies and the process below it lives on. bwrap's --die-with-parent and its PID
    namespace take the kernel along: a killed grader leaves no kernel behind.
    """
    import ctypes

    ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # 1 = PR_SET_PDEATHSIG
    if os.getppid() != parent:  # the parent died before the line above ran
        os._exit(1)


def main(argv):
    """Run one sandboxed kernel until it ends, is stopped, runs out of time or writes too much."""
    _die_with(int(os.environ.get("JPY_PARENT_PID", os.getppid())))  # the grader's pid, set by jupyter_client
    connection_file = argv[argv.index("-f") + 1]
    settings = contract.read_sandbox_settings()
    timeout, report, quota = settings["notebook_timeout"], settings["report"], settings["disk_quota"]
    # started ahead, the kernel boots before its notebook's folder exists: the folder is copied in when handed over
    ahead = settings.get("workdir") is not None
    runtime = Path(connection_file).resolve().parent
    records, workdir = Path(settings["records"]), Path(settings["workdir"]) if ahead else Path.cwd()
    records.mkdir(parents=True, exist_ok=True)
    work_copy = runtime / f"work-{os.getpid()}"
    if ahead:
        work_copy.mkdir()
    else:
        shutil.copytree(workdir, work_copy, symlinks=True)
    watched = (records, runtime)  # the runtime folder holds the working copy
    group = _process_group(settings["max_processes"])
    limit = _limit(settings["memory_limit"], settings["file_size_limit"])

    watcher = os.getpid()

    def enter():
        _die_with(watcher)
        limit()
        if group is not None:
            (group / "cgroup.procs").write_text(str(os.getpid()))

    kernel = subprocess.Popen(bwrap_command(connection_file, workdir, Path(settings["kernel_lib"]), records, quota,
                                            work_copy, preload=ahead), preexec_fn=enter)

    def stop(signum, frame):  # the kernel manager shuts us down: take the kernel with us
        kernel.kill()
    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # interrupts go to the kernel as messages
    reason = "exited"
    if ahead and not _take_over(kernel, runtime, workdir, work_copy, idle=2 * timeout):
        kernel.kill()  # never given a notebook (the grader stopped, or it had nothing more to grade)
        reason = "unused"
    already, _ = _written(watched)  # the notebook and its data: only what the kernel adds counts
    start = time.monotonic()  # the notebook's time starts with the notebook
    while _running(kernel):
        size, files = _written(watched)
        if time.monotonic() - start > timeout:
            reason = "timeout"
        elif size - already > quota or files > MAX_FILES:
            reason = "disk"
        else:
            continue
        kernel.kill()
        break
    returncode = kernel.wait()
    limited = _end_group(group)
    shutil.rmtree(work_copy, ignore_errors=True)  # what the kernel wrote in its folder is discarded
    _report(report, reason, returncode, time.monotonic() - start, process_limit=group is not None,
            process_limit_hit=limited)
    if reason == "timeout":
        print(f"sandbox: the notebook ran past its time limit of {timeout:g} s; kernel stopped", file=sys.stderr)
    elif reason == "disk":
        print(f"sandbox: the kernel wrote more than {quota / 1e6:g} MB (or {MAX_FILES} files); kernel stopped",
              file=sys.stderr)
    return 0 if returncode == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
