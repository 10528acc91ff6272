"""The watcher: run by the sandbox's kernelspec in the kernel's place, it runs the kernel in bubblewrap and watches it.

Run as a script (`python -P watcher.py -f CONNECTION_FILE`): it imports only the standard library
and the kernel/grader contract. It reads its settings from the environment (contract.SANDBOX_ENV),
copies the notebook's folder into a private copy, starts ipykernel inside `bwrap` with the mounts and
limits of `bwrap_command`, and watches it: past the notebook's time limit or its disk quota it kills the
kernel, and when the kernel ends it writes its fate (why it ended, exit code, seconds) for the grader.
A watcher started ahead of its notebook waits to be handed it first (autograder.grading.sandbox.ahead).
"""

import json
import os
import resource
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from autograder.kernel import contract

#: The kernel library's folder of matplotlib's caches; inside, they appear in MPLCONFIGDIR, a folder of /tmp.
MPL_CACHE, MPLCONFIGDIR = "matplotlib", "/tmp/matplotlib"
#: Variables that pick a correct OpenBLAS kernel on some processors: passed through as they are.
_PASSED_THROUGH = ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")


#: matplotlib's backend in the sandbox: figures as outputs, as in JupyterLab, or drawn and dropped.
BACKENDS = {True: "module://matplotlib_inline.backend_inline", False: "Agg"}


def bwrap_command(connection_file, notebook_folder, kernel_lib, records, tmp_size, private_copy=None, preload=False,
                  figures=True):
    """The bwrap command line that runs ipykernel on `connection_file` in `notebook_folder`, with a /tmp of tmp_size bytes.

    `private_copy`, when given, is what appears at `notebook_folder` inside the sandbox (a private copy of it).
    `preload`: the kernel imports numpy and matplotlib before it answers (a kernel started ahead).
    `figures`: matplotlib's figures are outputs (the inline backend, c.GradedCopy.figures), or drawn with Agg.
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
                "--bind", str(private_copy or notebook_folder), str(notebook_folder),
                "--bind", str(runtime), str(runtime),
                "--bind", str(records), contract.RECORDS]
    # matplotlib wants its config folder writable: a folder of the private /tmp, holding the library's caches read-only
    for cache in sorted((Path(kernel_lib) / MPL_CACHE).glob("*")):
        command += ["--ro-bind", str(cache), f"{MPLCONFIGDIR}/{cache.name}"]
    command += ["--chdir", str(notebook_folder), "--clearenv"]
    # with the inline backend, as in JupyterLab, the student's figures are outputs of the graded copy and the
    # feedback (bounded as every output is: autograde.graded_copy.bound); with Agg they are drawn and dropped
    environment = {"HOME": "/tmp", "PATH": f"{venv / 'bin'}:/usr/bin:/bin", "PYTHONPATH": contract.KERNEL_LIB,
                   contract.RECORDS_ENV: contract.RECORDS, contract.PROBES_ENV: contract.PROBES,
                   "MPLBACKEND": BACKENDS[figures], "MPLCONFIGDIR": MPLCONFIGDIR, "OPENBLAS_NUM_THREADS": "1",
                   "PYTHONDONTWRITEBYTECODE": "1", "LANG": "C.UTF-8", "JPY_PARENT_PID": "1"}
    environment.update({k: os.environ[k] for k in _PASSED_THROUGH if k in os.environ})
    for key, value in environment.items():
        command += ["--setenv", key, value]
    command += [str(venv / "bin" / "python"), "-m", "ipykernel_launcher", "-f", str(Path(connection_file).resolve())]
    return command + ([f"--IPKernelApp.exec_lines={PRELOAD}"] if preload else [])


#: What a kernel started ahead imports while it waits, leaving no name behind (what every notebook imports first).
PRELOAD = "import numpy as _logreg_np, matplotlib.pyplot as _logreg_plt; del _logreg_np, _logreg_plt"
#: Files in a kernel's runtime folder: the grader hands a kernel started ahead its notebook, the watcher
#: answers once the notebook's folder is in the sandbox (the protocol: autograder.grading.sandbox.ahead).
HANDED, READY = "handed-over", "ready"


def take_over(kernel, runtime, notebook_folder, private_copy, idle):
    """In a watcher started ahead: wait for the notebook, then copy its folder in; False if it never came."""
    deadline = time.monotonic() + idle
    while not (runtime / HANDED).exists():
        if not _running(kernel, 0.01) or time.monotonic() > deadline:
            return False
    shutil.copytree(notebook_folder, private_copy, symlinks=True, dirs_exist_ok=True)
    (runtime / READY).touch()
    return True


def fate_reason(reason, shut_down, returncode):
    """Why the kernel ended, for its fate file: the watcher's own reason (timeout, disk, unused), else "shutdown"
    when its kernel manager stopped it, else "exited".

    The kernel manager's SIGTERM reaches the watcher's whole process group, bwrap too, and nothing in the sandbox
    can signal bwrap: a kernel ended by SIGTERM was shut down (slowly, after its notebook), it did not crash.
    """
    if reason == "exited" and (shut_down or returncode == -signal.SIGTERM):
        return "shutdown"
    return reason


def _limit(memory, file_size):
    def apply():
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
        resource.setrlimit(resource.RLIMIT_FSIZE, (file_size, file_size))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    return apply


def _write_fate(path, reason, returncode, seconds, **more):
    """What became of the kernel, for the grader (autograder.grading.autograde.trusted reads it)."""
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
    timeout, fate, quota = settings["notebook_timeout"], settings["fate"], settings["disk_quota"]
    # started ahead, the kernel boots before its notebook's folder exists: the folder is copied in when handed over
    ahead = settings.get("notebook_folder") is not None
    runtime = Path(connection_file).resolve().parent
    records = Path(settings["records"])
    notebook_folder = Path(settings["notebook_folder"]) if ahead else Path.cwd()
    records.mkdir(parents=True, exist_ok=True)
    private_copy = runtime / f"work-{os.getpid()}"
    if ahead:
        private_copy.mkdir()
    else:
        shutil.copytree(notebook_folder, private_copy, symlinks=True)
    watched = (records, runtime)  # the runtime folder holds the private copy
    group = _process_group(settings["max_processes"])
    limit = _limit(settings["memory_limit"], settings["file_size_limit"])

    watcher = os.getpid()

    def enter():
        _die_with(watcher)
        limit()
        if group is not None:
            (group / "cgroup.procs").write_text(str(os.getpid()))

    kernel = subprocess.Popen(bwrap_command(connection_file, notebook_folder, Path(settings["kernel_lib"]), records, quota,
                                            private_copy, preload=ahead, figures=settings.get("figures", True)),
                              preexec_fn=enter)

    shut_down = []

    def stop(signum, frame):  # the kernel manager shuts us down: take the kernel with us
        shut_down.append(signum)
        kernel.kill()
    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # interrupts go to the kernel as messages
    reason = "exited"
    if ahead and not take_over(kernel, runtime, notebook_folder, private_copy, idle=2 * timeout):
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
    reason = fate_reason(reason, bool(shut_down), returncode)
    limited = _end_group(group)
    shutil.rmtree(private_copy, ignore_errors=True)  # what the kernel wrote in its folder is discarded
    _write_fate(fate, reason, returncode, time.monotonic() - start, process_limit=group is not None,
                process_limit_hit=limited)
    if reason == "timeout":
        print(f"sandbox: the notebook ran past its time limit of {timeout:g} s; kernel stopped", file=sys.stderr)
    elif reason == "disk":
        print(f"sandbox: the kernel wrote more than {quota / 1e6:g} MB (or {MAX_FILES} files); kernel stopped",
              file=sys.stderr)
    return 0 if returncode == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
