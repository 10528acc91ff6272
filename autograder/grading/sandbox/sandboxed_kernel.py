"""One notebook's sandboxed kernel, as the grader starts it; the kernelspec and the kernel library it needs.

Every kernel that runs a student's notebook is started here: with the sandbox's kernelspec (whatever kernel
the notebook names), fresh records and fate file, and a private runtime folder for its connection file and
Unix sockets. Its settings reach the watcher in the kernel's own environment, never this process's: a
grading process (the formgrader's server, say) may start two kernels at once.
"""

import json
import os
import pickle
import shutil
import sys
import tempfile
from pathlib import Path

from autograder.grading import settings
from autograder.grading.layout import Layout
from autograder.grading.sandbox import watcher
from autograder.kernel import contract

#: The kernelspec's name.
KERNEL_NAME = "logreg-sandbox"
#: The kernel layer, which the sandbox copies in whole.
KERNEL_LAYER = Path(__file__).resolve().parents[2] / "kernel"


def install_kernelspec(kernelspecs):
    """Write the sandbox kernelspec into a folder of kernelspecs (layout.Layout.kernelspecs).

    Returns
    -------
    Path
        The kernelspec's folder.
    """
    folder = Path(kernelspecs) / KERNEL_NAME
    folder.mkdir(parents=True, exist_ok=True)
    spec = {
        # A script run with -P: neither the student's folder (the kernel's working directory) nor the
        # watcher's folder is on its import path; it imports the standard library and the contract.
        "argv": [sys.executable, "-P", str(Path(watcher.__file__).resolve()), "-f", "{connection_file}"],
        "display_name": "Python 3 (sandboxed for grading)",
        "language": "python",
        # Interrupts travel as messages: a signal to the watcher would not reach the kernel inside bwrap.
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
    _font_cache(target / watcher.MPL_CACHE)
    return target


def _font_cache(folder):
    """matplotlib's font list, made once for every kernel: one whose cache is empty builds it anew (~0.25 s)."""
    from matplotlib import font_manager

    folder.mkdir()
    font_manager.json_dump(font_manager.fontManager, folder / f"fontlist-v{font_manager.FontManager.__version__}.json")


#: Kernel libraries made by this process, by folder: made once, mounted read-only in every sandbox.
_LIBRARIES = {}


def _kernel_library(folder):
    from autograder.judging import FUNCTIONS, probe

    if _LIBRARIES.get(str(folder)) is None or not Path(folder).is_dir():
        _LIBRARIES[str(folder)] = kernel_library(folder, {name: probe(name) for name in FUNCTIONS})
    return _LIBRARIES[str(folder)]


def read_fate(path):
    """A kernel's fate file as the watcher wrote it ({} where there is none: the watcher never got that far)."""
    return json.loads(Path(path).read_text()) if Path(path).is_file() else {}


class SandboxedKernel:
    """One notebook's kernel in the sandbox: fresh records and fate file, a private runtime folder, its settings.

    Parameters
    ----------
    config : traitlets.config.Config
        The course's configuration (its folders and the sandbox's limits).
    student, notebook : str
    notebook_folder : Path, optional
        For a kernel started ahead of its notebook (`ahead`): the notebook's folder, copied in at hand-over.
        Any other kernel works in a copy of the folder nbclient starts it in.

    Attributes
    ----------
    records, fate : Path
        Where its hidden tests leave their records, and where its watcher writes what became of it.
    runtime : Path
        Its connection file and sockets (a short path: Unix socket paths stay under 108 characters).
    manager : jupyter_client.KernelManager or None
        Set by `start` (a kernel started ahead); nbclient makes its own otherwise, with `manager_for`.
    """

    def __init__(self, config, student, notebook, notebook_folder=None):
        where, limits = Layout(config), settings.limits(config)
        self.config = config
        self.records, self.fate = where.records(student, notebook), where.fate(student, notebook)
        shutil.rmtree(self.records, ignore_errors=True)  # records of an earlier run never count
        self.records.mkdir(parents=True)
        self.fate.parent.mkdir(parents=True, exist_ok=True)
        self.fate.unlink(missing_ok=True)
        self.settings = contract.sandbox_settings(
            kernel_lib=_kernel_library(where.kernel_library), records=self.records, fate=self.fate,
            notebook_timeout=limits.notebook_timeout, memory_limit=limits.memory_limit,
            file_size_limit=limits.file_size_limit, disk_quota=limits.disk_quota, max_processes=limits.max_processes,
            notebook_folder=notebook_folder, figures=limits.figures)
        self.kernelspecs = install_kernelspec(where.kernelspecs).parent
        self.runtime = Path(tempfile.mkdtemp(prefix="lk-"))
        self.manager = None

    def manager_for(self, kernel_manager_class, config):
        """A kernel manager for the sandbox's kernelspec, talking over Unix sockets in the private runtime folder."""
        from jupyter_client.kernelspec import KernelSpecManager

        return kernel_manager_class(
            kernel_name=KERNEL_NAME, config=config, transport="ipc", ip=str(self.runtime / "kernel"),
            connection_file=str(self.runtime / "kernel.json"),
            kernel_spec_manager=KernelSpecManager(kernel_dirs=[str(self.kernelspecs)]))

    def environment(self):
        """The kernel's environment: the sandbox's settings reach its watcher there, not in this process's."""
        return {**os.environ, contract.SANDBOX_ENV: self.settings}

    def start(self):
        """Start the kernel now, before nbclient asks for it (a kernel started ahead)."""
        from jupyter_client.manager import AsyncKernelManager
        from nbclient.util import run_sync

        self.manager = self.manager_for(AsyncKernelManager, self.config)
        run_sync(self.manager.start_kernel)(cwd=str(self.runtime), env=self.environment())

    def shutdown(self, now=False):
        """Shut down a kernel this object started (nbclient leaves running a kernel it did not start)."""
        from nbclient.util import run_sync

        if self.manager is not None:
            run_sync(self.manager.shutdown_kernel)(now=now)

    def read_fate(self):
        """What the watcher wrote of the kernel's end (read_fate)."""
        return read_fate(self.fate)

    def remove_runtime(self):
        shutil.rmtree(self.runtime, ignore_errors=True)
