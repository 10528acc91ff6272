"""nbgrader's autograde with this course's protections: the pieces nbgrader_config.py registers with it.

Whatever starts nbgrader's Autograde converter (`python -m autograder grade`,
`nbgrader autograde`, the formgrader's *Autograde* button), it runs these in
place of its own pieces, so every path grades the same way:

- sanitizing, first: `CheckSubmission` refuses a linked or oversized notebook
  (its tests score 0) and repairs the rest against the release (nbgrader
  metadata re-identified, deleted test cells restored);
- autograding: `SandboxedExecute` runs the notebook in a fresh kernel inside the
  sandbox (sandbox.py), whatever kernel the notebook names, and notes what became
  of that kernel; `JudgeRecords`, in place of nbgrader's SaveAutoGrades, judges
  the records the hidden tests left, outside the kernel, puts those scores into
  the gradebook, and leaves a graded copy whose outputs are bounded and inert.

What was decided is also written, as the rows of grades.csv and the notes for
the instructor, to the work folder's verdicts/<student>/<notebook>.json.
"""

import json
import os
import shutil
import tempfile
from dataclasses import asdict
from pathlib import Path

import nbformat
from nbclient.exceptions import CellTimeoutError
from nbclient.util import run_sync
from nbgrader.coursedir import CourseDirectory
from nbgrader.preprocessors import Execute, NbGraderPreprocessor, SaveAutoGrades

from autograder.grading import graded_copy, records, sandbox, settings
from autograder.grading.repair import repair
from autograder.grading.status import Row, first_line
from autograder.kernel import contract

#: The pieces nbgrader_config.py must register, by Autograde's list; grading refuses to run without them.
REQUIRED = {"sanitize_preprocessors": "CheckSubmission",
            "autograde_preprocessors": ("SandboxedExecute", "JudgeRecords")}


#: Notebook metadata that carries CheckSubmission's notes to SandboxedExecute, which removes it.
_NOTES = "logreg_grading_notes"


class ProtectionMissing(RuntimeError):
    """A protection cannot be had here (no bubblewrap, or the configuration lacks a piece): grading refuses."""


def require(config):
    """Raise ProtectionMissing unless `config` registers every piece of this module with nbgrader's Autograde."""
    for trait, names in REQUIRED.items():
        listed = [p if isinstance(p, str) else f"{p.__module__}.{p.__name__}"
                  for p in config.Autograde.get(trait, [])]
        for name in (names,) if isinstance(names, str) else names:
            if f"{__name__}.{name}" not in listed:
                raise ProtectionMissing(f"nbgrader_config.py must list {__name__}.{name} in c.Autograde.{trait}: "
                                        "without it nbgrader would grade outside the sandbox")


def _work(config, coursedir):
    """The work folder (c.Grading.work_directory) of the course nbgrader is converting."""
    return Path(coursedir.root) / settings.Grading(config=config).work_directory


def _paths(config, resources):
    """(course directory, student, assignment, notebook, work folder) of the notebook being converted."""
    coursedir = CourseDirectory(config=config)
    ids = resources["nbgrader"]
    return coursedir, ids["student"], ids["assignment"], ids["notebook"], _work(config, coursedir)


def set_judged(grade, score):
    """Give a gradebook grade the grader's score: nothing left for the formgrader to flag (nbgrader's default for a
    new grade is True), unless a grader scored it by hand, which is never overwritten."""
    grade.auto_score, grade.needs_manual_grade = score, grade.manual_score is not None


def records_folder(work, student, notebook):
    """Where a notebook's hidden tests leave their records (the one folder its kernel may write outside its own)."""
    return Path(work) / "records" / student / notebook


def fate_file(work, student, notebook):
    """Where the sandbox reports what became of a notebook's kernel."""
    return Path(work) / "kernels" / student / f"{notebook}.json"


def verdicts_file(work, student, notebook):
    """Where JudgeRecords writes the rows and notes of one notebook (outside every sandbox)."""
    return Path(work) / "verdicts" / student / f"{notebook}.json"


def read_verdicts(work, student, notebook):
    """(rows, notes) that JudgeRecords wrote for a notebook, or None when it did not get that far."""
    path = verdicts_file(work, student, notebook)
    if not path.is_file():
        return None
    kept = json.loads(path.read_text(encoding="utf-8"))
    return [Row(**row) for row in kept["rows"]], kept["notes"]


def write_verdicts(work, student, notebook, rows, notes):
    """Keep the rows and notes of one notebook, as JudgeRecords and re-judging decided them."""
    path = verdicts_file(work, student, notebook)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"rows": [asdict(r) for r in rows], "notes": notes}, indent=1), encoding="utf-8")


def state(work, student, notebook, tests):
    """What grading a notebook leaves to judge it again without a kernel: {path below work: bytes}.

    The verdicts, the sandbox's report and the records its tests can make (regular files of at most
    records.MAX_RECORD bytes: anything else the kernel wrote there is never judged, so never kept).
    """
    work = Path(work)
    paths = [verdicts_file(work, student, notebook), fate_file(work, student, notebook)]
    paths += [contract.record_file(records_folder(work, student, notebook), kind, name)
              for test in tests for kind, name in test.records]
    return {str(p.relative_to(work)): p.read_bytes() for p in paths
            if p.is_file() and not p.is_symlink() and p.stat().st_size <= records.MAX_RECORD}


def _refusal(path, submitted, max_size):
    """Why a notebook under the submitted folder is not graded (a link, or too large), or None.

    Any link on its way below `submitted` (the file, the student's or the assignment's folder) is refused.
    """
    path, submitted = Path(path), Path(submitted)
    if Path(os.path.realpath(path)) != Path(os.path.realpath(submitted)) / path.relative_to(submitted):
        return "not graded: a symbolic link (links are never followed)"
    size = path.stat().st_size
    if size > max_size:
        return (f"not graded: the file is {size / 1e6:.1f} MB, over the limit of {max_size / 1e6:.1f} MB for a "
                "notebook (large outputs or data saved in it? clear the outputs and submit again)")
    return None


class CheckSubmission(NbGraderPreprocessor):
    """Refuse a linked or oversized submission, and repair a gradable one against the release."""

    def preprocess(self, nb, resources):
        coursedir, student, assignment, notebook, work = _paths(self.config, resources)
        path = Path(resources["metadata"]["path"]) / f"{notebook}.ipynb"
        submitted = Path(coursedir.format_path(coursedir.submitted_directory, ".", "."))
        verdicts_file(work, student, notebook).unlink(missing_ok=True)  # nothing of an earlier run stands
        problem = _refusal(path, submitted, settings.limits(self.config).max_notebook_size)
        if problem:
            self._zero(resources, problem)
            raise ProtectionMissing(f"{student}: {notebook}: {problem}")
        released = Path(coursedir.format_path(coursedir.release_directory, ".", assignment)) / f"{notebook}.ipynb"
        done = repair(nb, nbformat.read(released, as_version=4))
        # the notes travel in the notebook to the autograde step (nbgrader gives each step new resources)
        nb.metadata[_NOTES] = [f"{student}: {notebook}: {what}" for what in done]
        return nb, resources

    def _zero(self, resources, problem):
        """The refused notebook's tests score 0 in the gradebook, whatever an earlier run gave them."""
        from nbgrader.api import Gradebook

        ids = resources["nbgrader"]
        with Gradebook(ids["db_url"]) as gradebook:
            for grade in gradebook.find_submission_notebook(ids["notebook"], ids["assignment"], ids["student"]).grades:
                grade.auto_score, grade.needs_manual_grade = 0.0, False
            gradebook.db.commit()
        self.log.error("%s: %s: %s", ids["student"], ids["notebook"], problem)


#: Kernel libraries made by this process, by work folder: made once, mounted read-only in every sandbox.
_LIBRARIES = {}


def _kernel_library(work):
    from autograder.judging import FUNCTIONS, probe

    target = Path(work) / "kernel_lib"
    if _LIBRARIES.get(str(work)) is None or not target.is_dir():
        _LIBRARIES[str(work)] = sandbox.kernel_library(target, {name: probe(name) for name in FUNCTIONS})
    return _LIBRARIES[str(work)]


class _Sandbox:
    """What one notebook's sandboxed kernel is started with: fresh records, report and private runtime folder.

    Parameters
    ----------
    config : traitlets.config.Config
    work : Path
        The work folder.
    student, notebook : str
    workdir : Path, optional
        For a kernel started ahead of its notebook: the notebook's folder, copied in at hand-over.
    """

    def __init__(self, config, work, student, notebook, workdir=None):
        self.records, self.report = records_folder(work, student, notebook), fate_file(work, student, notebook)
        shutil.rmtree(self.records, ignore_errors=True)  # records of an earlier run never count
        self.records.mkdir(parents=True)
        self.report.parent.mkdir(parents=True, exist_ok=True)
        self.report.unlink(missing_ok=True)
        limits = settings.limits(config)
        self.settings = contract.sandbox_settings(
            kernel_lib=_kernel_library(work), records=self.records, report=self.report,
            notebook_timeout=limits.notebook_timeout, memory_limit=limits.memory_limit,
            file_size_limit=limits.file_size_limit, disk_quota=limits.disk_quota, max_processes=limits.max_processes,
            workdir=workdir)
        self.kernels = sandbox.install_kernelspec(Path(work) / "jupyter").parent
        self.runtime = Path(tempfile.mkdtemp(prefix="lk-"))  # short: Unix socket paths stay under 108 characters

    def manager(self, kernel_manager_class, config):
        """A kernel manager for the sandbox's kernelspec, talking over Unix sockets in the private runtime folder."""
        from jupyter_client.kernelspec import KernelSpecManager

        return kernel_manager_class(
            kernel_name=sandbox.KERNEL_NAME, config=config, transport="ipc", ip=str(self.runtime / "kernel"),
            connection_file=str(self.runtime / "kernel.json"),
            kernel_spec_manager=KernelSpecManager(kernel_dirs=[str(self.kernels)]))

    def environment(self):
        """The kernel's environment: the sandbox's settings reach its watcher there, not in this process's."""
        return {**os.environ, contract.SANDBOX_ENV: self.settings}


#: Kernels started ahead by this process, by (work folder, student, notebook): each for one notebook only.
_AHEAD = {}


def start_ahead(config, student, assignment, notebook):
    """Start the sandboxed kernel of the notebook graded next, while this one runs (`python -m autograder grade`).

    It boots in its own fresh sandbox, imports numpy and matplotlib and waits; SandboxedExecute hands
    it that notebook (and no other) when the notebook is graded, and its time limit starts then.
    """
    from jupyter_client.manager import AsyncKernelManager

    coursedir = CourseDirectory(config=config)
    work = _work(config, coursedir)
    box = _Sandbox(config, work, student, notebook,
                   workdir=Path(coursedir.format_path(coursedir.autograded_directory, student, assignment)))
    km = box.manager(AsyncKernelManager, config)
    run_sync(km.start_kernel)(cwd=str(box.runtime), env=box.environment())
    _AHEAD[(str(work), student, notebook)] = box, km


def stop_ahead():
    """Stop every kernel started ahead that no notebook took (its notebook could not be graded)."""
    while _AHEAD:
        box, km = _AHEAD.popitem()[1]
        run_sync(km.shutdown_kernel)(now=True)
        shutil.rmtree(box.runtime, ignore_errors=True)


class SandboxedExecute(Execute):
    """nbgrader's Execute, in a fresh sandboxed kernel per notebook; what became of the kernel goes in resources.

    The kernel is the sandbox's kernelspec whatever the notebook names; it talks over
    Unix sockets in a private folder made for it and removed after it. When the kernel
    dies or nbclient gives up on it, the notebook as far as it ran goes on to be judged.
    A kernel started ahead for this notebook (`start_ahead`) is handed the notebook
    instead of starting one.
    """

    def preprocess(self, nb, resources, km=None):
        if shutil.which("bwrap") is None:
            raise ProtectionMissing("bubblewrap (bwrap) is not installed, and this course runs every notebook in its "
                                    "sandbox: install it (`apt-get install bubblewrap`, or `make demo`), then grade again")
        _, student, _, notebook, work = _paths(self.config, resources)
        ahead = _AHEAD.pop((str(work), student, notebook), None)
        self._box, km = ahead if ahead else (_Sandbox(self.config, work, student, notebook), km)
        self._cell_timed_out, notes, error = False, nb.metadata.pop(_NOTES, []), None
        try:
            if ahead:
                sandbox.hand_over(self._box.runtime)
            nb, resources = super().preprocess(nb, resources, km)
        except Exception as failed:  # the kernel died or stopped answering: its records say what ran
            error = f"{type(failed).__name__}: {first_line(failed)}"[:200]
            self._cell_timed_out |= isinstance(failed, CellTimeoutError)
            self.log.warning("%s: %s: %s", student, notebook, error)
        finally:
            if ahead:  # nbclient leaves a kernel it did not start running
                if self.kc is not None:
                    self.kc.stop_channels()
                run_sync(km.shutdown_kernel)(now=False)
            shutil.rmtree(self._box.runtime, ignore_errors=True)
        report = self._box.report
        fate = json.loads(report.read_text()) if report.exists() else {}
        fate["cell_timeout"] = self._cell_timed_out
        resources["logreg"] = {"notes": notes, "fate": fate, "error": error, "records": str(self._box.records)}
        return nb, resources

    async def _async_handle_timeout(self, timeout, cell=None):
        self._cell_timed_out = True  # nbclient's one way in for a cell past Execute.timeout
        return await super()._async_handle_timeout(timeout, cell)

    def create_kernel_manager(self):
        self.kernel_name = sandbox.KERNEL_NAME
        self.km = self._box.manager(self.kernel_manager_class, self.config)
        return self.km

    async def async_start_new_kernel(self, **kwargs):
        kwargs["env"] = self._box.environment()
        return await super().async_start_new_kernel(**kwargs)

    start_new_kernel = run_sync(async_start_new_kernel)  # nbclient's sync name is bound to its own coroutine


class JudgeRecords(SaveAutoGrades):
    """nbgrader's SaveAutoGrades with the scores judged from the records, not from what the cells printed."""

    def preprocess(self, nb, resources):
        coursedir, student, assignment, notebook, work = _paths(self.config, resources)
        ran = resources.get("logreg", {})
        if "records" not in ran:
            raise ProtectionMissing(f"{__name__}.JudgeRecords needs {__name__}.SandboxedExecute before it in "
                                    "c.Autograde.autograde_preprocessors")
        limits = settings.limits(self.config)
        source = Path(coursedir.format_path(coursedir.source_directory, ".", assignment)) / f"{notebook}.ipynb"
        cells = {c.metadata.get("nbgrader", {}).get("grade_id"): c for c in nb.cells}
        tests = records.tests_of(nbformat.read(source, as_version=4))
        rows = records.judge_notebook(student, notebook, tests, ran["records"], cells, ran["fate"], limits)
        self._scores = {row.test: row.score for row in rows}
        nb, resources = super().preprocess(nb, resources)
        notes = list(ran.get("notes", [])) + self._bound(nb, limits, f"{student}: {notebook}: ")
        if ran["error"]:
            notes.append(f"{student}: {notebook}: its kernel did not finish ({ran['error']})")
        graded_copy.annotate(nb, rows)
        write_verdicts(work, student, notebook, rows, notes)
        return nb, resources

    def _add_score(self, cell, resources):
        grade_id = cell.metadata["nbgrader"]["grade_id"]
        if grade_id not in self._scores:  # a grade cell no hidden test records: nbgrader's own rule
            return super()._add_score(cell, resources)
        set_judged(self.gradebook.find_grade(grade_id, self.notebook_id, self.assignment_id, self.student_id),
                   self._scores[grade_id])
        self.gradebook.db.commit()

    @staticmethod
    def _bound(nb, limits, prefix):
        """Cut long outputs, keep a bounded number, make what is left inert; the notes saying so."""
        notes = []
        if graded_copy.truncate_outputs(nb, limits.max_output):
            notes.append(f"{prefix}outputs longer than {limits.max_output} characters were cut")
        if graded_copy.bound_outputs(nb, limits.max_outputs, limits.max_output_total):
            notes.append(f"{prefix}outputs past {limits.max_outputs} or {limits.max_output_total} "
                         "characters in all were not kept")
        if graded_copy.make_inert(nb):
            notes.append(f"{prefix}HTML or scripts in outputs or markdown are shown as text")
        return notes
