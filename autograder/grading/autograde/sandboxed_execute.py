"""SandboxedExecute, in place of nbgrader's Execute: each notebook in a fresh kernel inside the sandbox."""

import shutil

from nbclient.exceptions import CellTimeoutError
from nbclient.util import run_sync
from nbgrader.preprocessors import Execute

from autograder.grading import gradebook
from autograder.grading.autograde.check_submission import REFUSED, REPAIR_NOTES
from autograder.grading.autograde.protection import ProtectionMissing
from autograder.grading.grades import first_line
from autograder.grading.sandbox.ahead import AHEAD, hand_over
from autograder.grading.sandbox.sandboxed_kernel import KERNEL_NAME, SandboxedKernel

#: Where SandboxedExecute leaves, in the conversion's resources, what JudgeRecords needs of the run.
RAN = "logreg"


class SandboxedExecute(Execute):
    """nbgrader's Execute, in a fresh sandboxed kernel per notebook; what became of the kernel goes in resources.

    The kernel is the sandbox's kernelspec whatever the notebook names; it talks over Unix sockets in a
    private folder made for it and removed after it. When the kernel dies or nbclient gives up on it, the
    notebook as far as it ran goes on to be judged. A kernel started ahead for this notebook
    (autograder.grading.sandbox.ahead) is handed the notebook instead of starting one.

    For JudgeRecords, resources[RAN] gets: "notes" (CheckSubmission's), "fate" (the sandbox's fate file, with
    "cell_timeout"), "error" (why the kernel did not finish, or None) and "records" (the records folder); for the
    release standing in for a refused notebook, no kernel and "refused" (why). Without bubblewrap it refuses,
    and flags for review the scores an earlier grading left of the notebook (gradebook.flag_not_regraded).
    """

    def preprocess(self, nb, resources, km=None):
        ids = resources["nbgrader"]
        student, notebook = ids["student"], ids["notebook"]
        if REFUSED in nb.metadata:  # the release standing in for a refused notebook: nothing to run
            resources[RAN] = {"notes": nb.metadata.pop(REPAIR_NOTES, []), "refused": nb.metadata[REFUSED]}
            return nb, resources
        if shutil.which("bwrap") is None:
            with gradebook.opened(ids["db_url"], self.config.CourseDirectory.get("course_id", "")) as opened:
                flagged = gradebook.flag_not_regraded(opened, student, ids["assignment"], notebook)
            raise ProtectionMissing(
                f"{student}: {notebook}: not graded: bubblewrap (bwrap) is not installed, and this course runs every "
                "notebook in its sandbox: install it (`apt-get install bubblewrap`, or `make demo`), then grade again"
                + (f"; the {flagged} scores the gradebook holds from an earlier grading stand, flagged for review in "
                   "the formgrader" if flagged else ""))
        ahead = AHEAD.take(self.config, student, notebook)
        self._kernel = ahead or SandboxedKernel(self.config, student, notebook)
        self._cell_timed_out, notes, error = False, nb.metadata.pop(REPAIR_NOTES, []), None
        try:
            if ahead:
                hand_over(ahead.runtime)
            nb, resources = super().preprocess(nb, resources, ahead.manager if ahead else km)
        except Exception as failed:  # the kernel died or stopped answering: its records say what ran
            error = f"{type(failed).__name__}: {first_line(failed)}"[:200]
            self._cell_timed_out |= isinstance(failed, CellTimeoutError)
            self.log.warning("%s: %s: %s", student, notebook, error)
        finally:
            if ahead:  # nbclient leaves running a kernel it did not start
                if self.kc is not None:
                    self.kc.stop_channels()
                ahead.shutdown()
            self._kernel.remove_runtime()
        fate = {**self._kernel.read_fate(), "cell_timeout": self._cell_timed_out}
        resources[RAN] = {"notes": notes, "fate": fate, "error": error, "records": str(self._kernel.records)}
        return nb, resources

    async def _async_handle_timeout(self, timeout, cell=None):
        self._cell_timed_out = True  # nbclient's one way in for a cell past Execute.timeout
        return await super()._async_handle_timeout(timeout, cell)

    # nbclient's hooks for a kernel it starts itself: the sandbox's kernelspec and environment.

    def create_kernel_manager(self):
        self.kernel_name = KERNEL_NAME
        self.km = self._kernel.manager_for(self.kernel_manager_class, self.config)
        return self.km

    async def async_start_new_kernel(self, **kwargs):
        kwargs["env"] = self._kernel.environment()
        return await super().async_start_new_kernel(**kwargs)

    start_new_kernel = run_sync(async_start_new_kernel)  # nbclient's sync name is bound to its own coroutine
