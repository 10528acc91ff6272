"""Grading one student as an independent task: staged here, run anywhere, stored by the grading process.

`stage` reads and checks a student's notebooks into a Task; `reuse` takes out of it the notebooks whose last
grading stands (their bytes, the course and the grader unchanged: template.content_key). `run_task` grades
the rest in a private copy of the course (template.template): nbgrader autograde of one notebook at a time,
under its assignment, with this course's pieces (autograder.grading.autograde: repaired against the
release, a fresh sandboxed kernel each, the hidden tests' records judged outside the kernel), then
nbgrader's feedback; it returns a Result and touches nothing shared.
"""

import tempfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import nbformat

from autograder.grading import course, refusals
from autograder.grading.autograde.judge_records import read_verdicts, state
from autograder.grading.autograde.late import late_row, nbgrader_timestamp
from autograder.grading.batch.template import content_key, unpack
from autograder.grading.grades import Row, first_line, missing_rows
from autograder.grading.layout import ROOT, TIMESTAMP
from autograder.grading.sandbox.ahead import AHEAD


@dataclass
class Task:
    """One submission to grade: independent of every other, so it can run anywhere.

    Attributes
    ----------
    student : str
    notebooks : dict of str to bytes
        Readable notebooks to run, by notebook name.
    unreadable : dict of str to str
        Notebooks that could not be read, with the reason.
    notes : list of str
        What staging found (renamed, stray, refused files).
    expected : tuple of str
        The notebooks this run grades (those of its assignments): the ones not submitted are missing.
    timestamps : dict of str to str
        When each readable notebook was handed in (ISO, UTC), for the late-work policy.
    secrets : dict of str to str
        nbgrader's submission secret of each notebook that came through its exchange.
    keys : dict of str to str
        Each readable notebook's content key (template.content_key): the same key, the same grading.
    reused : dict of str to list of grades.Row
        Notebooks not run again, because their key is that of the last grading: their rows from then.
    regraded : list of str
        Notebooks run again although their key is that of the last grading, because the gradebook does not hold it.
    """

    student: str
    notebooks: dict
    unreadable: dict
    notes: list
    expected: tuple = ()
    timestamps: dict = field(default_factory=dict)
    secrets: dict = field(default_factory=dict)
    keys: dict = field(default_factory=dict)
    reused: dict = field(default_factory=dict)
    regraded: list = field(default_factory=list)

    def handed_in(self, notebook):
        """When a notebook was handed in (aware), or None when nothing says."""
        stamp = self.timestamps.get(notebook)
        return None if stamp is None else datetime.fromisoformat(stamp)

    def write_timestamp(self, notebook, folder):
        """nbgrader's timestamp.txt of a notebook in `folder`, when the task knows when it was handed in."""
        if notebook in self.timestamps:
            (folder / TIMESTAMP).write_text(nbgrader_timestamp(self.handed_in(notebook)), encoding="utf-8")


@dataclass
class Result:
    """What grading a Task produced: rows, notes, the graded copies and feedback, and what re-judging needs.

    `graded` and `feedback` are {file name: bytes} of the notebooks run; `state` is {path below the work
    folder: bytes}: their records, fate files and verdicts (judge_records.state).
    """

    student: str
    rows: list
    notes: list
    graded: dict
    feedback: dict
    state: dict = field(default_factory=dict)


def stage(submission, root=ROOT, expected=None, version=""):
    """Read and check one student's notebooks into a Task (nothing is written).

    Parameters
    ----------
    submission : submissions.Submission
    root : Path
        The course root.
    expected : sequence of str, optional
        The notebooks graded in this run (default: every notebook of the course).
    version : str
        The grading's version (template.version), part of every notebook's content key.
    """
    notes, unreadable, readable = [], dict(submission.refused), {}
    max_size = course.limits(root).max_notebook_size
    for name, path in submission.notebooks.items():
        problem = refusals.problem(path, max_size)
        if problem:
            unreadable[name] = problem
            continue
        readable[name] = nbformat.writes(nbformat.read(path, as_version=4)).encode("utf-8")  # as nbformat 4
        if path.stem != name:
            notes.append(f"{submission.student}: graded {path.name} as {name}.ipynb")
    notes += [f"{submission.student}: {p.name} matches no notebook of the assignment (ignored)" for p in submission.unmatched]
    notes += [f"{submission.student}: {p.name} is a second copy of a notebook (ignored)" for p in submission.duplicates]
    notes += [f"{submission.student}: {p.name} is a symbolic link (not followed)" for p in submission.links]
    notes += [f"{submission.student}: {name}: {why}" for name, why in submission.refused.items()]
    timestamps = {name: submission.timestamps[name].isoformat() for name in readable if name in submission.timestamps}
    secrets = {name: submission.secrets[name] for name in readable if name in submission.secrets}
    keys = {name: content_key(version, content) for name, content in readable.items()}
    return Task(submission.student, readable, unreadable, notes, tuple(expected or course.notebook_names(root)),
                timestamps, secrets, keys)


def reuse(task, root=ROOT, held=None):
    """Take out of a Task the notebooks whose last grading had the same key, with all it left still kept.

    They go into task.reused with the rows of that grading, and are not run again; but not where the gradebook
    does not hold that grading (`held`, gradebook.graded: a new, restored or emptied gradebook): those are run
    again and listed in task.regraded.
    """
    where, of = course.layout(root), course.assignment_by_notebook(root)
    for name in sorted(task.notebooks):
        key, verdicts, assignment = where.key(task.student, name), read_verdicts(where, task.student, name), of[name].name
        copies = [where.graded_copy(task.student, assignment, name), where.feedback_page(task.student, assignment, name)]
        if verdicts and key.is_file() and key.read_text() == task.keys.get(name) and all(p.is_file() for p in copies):
            if held is not None and (task.student, name) not in held:
                task.regraded.append(name)
                continue
            del task.notebooks[name]
            task.reused[name], more = verdicts
            task.notes += more
    return task


def run_task(task, template):
    """Grade one Task in a private copy of the course template; touch nothing shared.

    This is what a worker runs, on this machine or another (see `runners`):
    nbgrader autograde of each notebook in its own sandboxed kernel, trusted
    verdicts, and nbgrader's feedback, all against the copy's own gradebook.

    Parameters
    ----------
    task : Task
    template : Path or bytes
        The template folder (template.template), or it as a zip archive's bytes (template.archive).

    Returns
    -------
    Result
    """
    with tempfile.TemporaryDirectory(prefix="logreg-") as scratch:
        root = Path(scratch) / "c"  # short: the kernels' Unix socket paths must stay under 108 characters
        if task.notebooks or isinstance(template, bytes):
            unpack(template, root)
        else:  # nothing to run: the template is only read
            root = Path(template)
        expected = task.expected or course.notebook_names(root)
        tests = {name: cells for name, cells in course.tests(root).items() if name in expected}
        notes, rows, states, graded, feedback = list(task.notes), [], {}, {}, {}
        if task.notebooks:
            rows, states, graded, feedback = _run(task, root, tests, notes)
        rows += [row for reused in task.reused.values() for row in reused]
        rows += _late_rows(task, rows, root)
        rows += _rows_of_notebooks_not_graded(task, tests)
        return Result(task.student, _in_course_order(rows, tests), notes, graded, feedback, states)


def _run(task, root, tests, notes):
    """Grade the task's notebooks in the course copy at `root`: (rows, state, graded copies, feedback pages).

    nbgrader autograde of one notebook at a time, each in its sandboxed kernel, the next notebook's kernel
    started ahead while this one runs (sandbox.ahead); then nbgrader's feedback of each assignment.
    """
    where, of, config = course.layout(root), course.assignment_by_notebook(root), course.config(root)
    for name, content in task.notebooks.items():
        path = where.submission(task.student, of[name].name, name)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
        task.write_timestamp(name, path.parent)  # nbgrader's own late penalty, in the copy's gradebook and feedback
    api, names, rows, states = course.api(root), sorted(task.notebooks), [], {}
    try:
        for notebook, following in zip(names, [*names[1:], None]):
            if following:
                AHEAD.start(config, task.student, of[following].name, following)
            rows += _grade_notebook(api, where, task.student, notebook, of[notebook].name, tests[notebook], notes)
            states.update(state(where, task.student, notebook, tests[notebook]))
    finally:
        AHEAD.stop()
    for assignment in sorted({of[name].name for name in names}):
        api.generate_feedback(assignment, task.student)
    # the graded notebooks and their pages, never what a kernel or a student left beside them
    graded = _files({f"{name}.ipynb": where.graded_copy(task.student, of[name].name, name) for name in names})
    feedback = _files({f"{name}.html": where.feedback_page(task.student, of[name].name, name) for name in names})
    return rows, states, graded, feedback


def _files(paths):
    """{file name: bytes} of the regular files among {file name: path}."""
    return {name: path.read_bytes() for name, path in sorted(paths.items()) if path.is_file() and not path.is_symlink()}


def _grade_notebook(api, where, student, notebook, assignment, tests, notes):
    """nbgrader autograde of one notebook (sandboxed, judged outside the kernel: autograde): its rows."""
    api.coursedir.notebook_id = notebook
    try:
        result = api.autograde(assignment, student)
    finally:
        api.coursedir.notebook_id = "*"
    verdicts = read_verdicts(where, student, notebook)
    if verdicts is None:  # nbgrader stopped before the verdicts: every test of the notebook says why
        why = f"nbgrader could not grade it ({_last_error(result)})"
        notes.append(f"{student}: {notebook}: {why}")
        return [Row(student, notebook, t.grade_id, 0.0, t.points, "error", why) for t in tests]
    rows, more = verdicts
    notes += more
    return rows


def _last_error(result):
    lines = [line for line in (result.get("log", "") + "\n" + result.get("error", "")).splitlines()
             if "Error" in line or "error" in line]
    return first_line(lines[-1]) if lines else "see the grading log"


def _late_rows(task, rows, root):
    """The late-penalty row of each notebook graded or reused that was handed in after its due date."""
    config, of, late = course.config(root), course.assignment_by_notebook(root), []
    for notebook in sorted({*task.notebooks, *task.reused} & set(task.timestamps)):
        row = late_row(config, task.student, notebook, [r for r in rows if r.notebook == notebook],
                       task.handed_in(notebook), of[notebook].due)
        late += [row] if row else []
    return late


def _rows_of_notebooks_not_graded(task, tests):
    """Every test of a notebook neither graded nor reused scores 0: it was unreadable, or not handed in."""
    rows = []
    for notebook, cells in tests.items():
        if notebook in task.notebooks or notebook in task.reused:
            continue
        rows += (missing_rows(task.student, notebook, cells, "unreadable", task.unreadable[notebook])
                 if notebook in task.unreadable else missing_rows(task.student, notebook, cells))
    return rows


def _in_course_order(rows, tests):
    """Rows in course order: notebook by notebook, each notebook's tests in order, its late row after them."""
    notebook_at = {name: k for k, name in enumerate(tests)}
    test_at = {(name, t.grade_id): k for name, cells in tests.items() for k, t in enumerate(cells)}
    return sorted(rows, key=lambda r: (notebook_at.get(r.notebook, len(notebook_at)),
                                       test_at.get((r.notebook, r.test), len(test_at))))
