"""Kernels started ahead: the next notebook's sandboxed kernel boots while this one runs.

Starting a sandboxed kernel and importing numpy and matplotlib takes about a second, on a core that a
single-threaded kernel leaves idle. So while a grading task runs one notebook, the kernel of its next
notebook is started ahead, in a sandbox of its own, and handed that notebook when nbgrader runs it.

The protocol, in order, and who does what:

1. **Start** (`KernelsAhead.start`, the grading task, as it starts grading the previous notebook): a
   SandboxedKernel is made for the next notebook, with fresh records, fate file and runtime folder, and told
   its notebook's folder, which nbgrader has not made yet. It is started: its watcher starts bwrap with the
   kernel importing numpy and matplotlib (watcher.PRELOAD), then waits for the file `handed-over`
   (watcher.HANDED) in its runtime folder. The kernel waits in `AHEAD`, by (work folder, student, notebook).
2. **Take** (`KernelsAhead.take`, SandboxedExecute, when nbgrader runs that notebook): the kernel leaves
   `AHEAD`, so that it serves this notebook and no other.
3. **Hand over** (`hand_over`, SandboxedExecute): the grader makes `handed-over`; the watcher copies the
   notebook's folder into the sandbox's private copy, makes `ready` (watcher.READY) and starts the
   notebook's time limit; `hand_over` returns. nbclient runs the notebook on this kernel's manager, so it
   starts none of its own.
4. **Shut down** (SandboxedExecute, after the notebook): nbclient leaves running a kernel it did not start.
5. **Stop** (`KernelsAhead.stop`, the task, when it is done): a kernel that no notebook took (its notebook
   could not be graded) is shut down. A watcher never handed its notebook kills its kernel after twice the
   notebook's time limit in any case (fate `unused`).

`AHEAD` is one registry per process because nbgrader makes SandboxedExecute itself, and nothing can be
passed to it but configuration: a grading task runs in one process, and only its own kernels are in it.
Only `grade`'s tasks start kernels ahead; nbgrader's own commands start each kernel when it is needed.
"""

import time
from pathlib import Path

from autograder.grading.layout import Layout
from autograder.grading.sandbox.sandboxed_kernel import SandboxedKernel
from autograder.grading.sandbox.watcher import HANDED, READY


class KernelsAhead:
    """The kernels started ahead by this process, each waiting for its one notebook."""

    def __init__(self):
        self._waiting = {}

    def start(self, config, student, assignment, notebook):
        """Start the sandboxed kernel of a notebook graded next (step 1 of the protocol)."""
        where = Layout(config)
        kernel = SandboxedKernel(config, student, notebook, notebook_folder=where.autograded(student, assignment))
        kernel.start()
        self._waiting[(str(where.work), student, notebook)] = kernel

    def take(self, config, student, notebook):
        """The kernel started ahead for this notebook, now its alone (step 2), or None when none was."""
        return self._waiting.pop((str(Layout(config).work), student, notebook), None)

    def stop(self):
        """Shut down every kernel that no notebook took (step 5)."""
        while self._waiting:
            kernel = self._waiting.popitem()[1]
            kernel.shutdown(now=True)
            kernel.remove_runtime()


#: The kernels started ahead by this process.
AHEAD = KernelsAhead()


def hand_over(runtime, timeout=60.0):
    """Give a kernel started ahead its notebook, whose folder now exists; return once the watcher has copied it in
    (step 3).

    Parameters
    ----------
    runtime : Path
        The kernel's runtime folder (SandboxedKernel.runtime), where the watcher looks for HANDED.

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
