"""Grading one student as an independent task: staged here, run anywhere, stored by the grading process.

`stage` reads and checks a student's notebooks into a Task; `run_task` grades
it in a private copy of the course (`template`): nbgrader autograde of one
notebook at a time, under its assignment, with this course's pieces (`protected`:
repaired against the release, a fresh sandboxed kernel each, the hidden tests'
records judged outside the kernel), then nbgrader's feedback; it returns a
Result and touches nothing shared.
"""

import hashlib
import io
import shutil
import tempfile
import zipfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import nbformat

from autograder.grading import course, protected, records
from autograder.grading.late import late_row
from autograder.grading.status import Row, first_line


@dataclass
class Task:
    """One submission to grade: independent of every other, so it can run anywhere.

    Attributes
    ----------
    student : str
    notebooks : dict of str to bytes
        Readable notebooks, by notebook name.
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
        Each readable notebook's content key (`content_key`): the same key, the same grading.
    reused : dict of str to list of status.Row
        Notebooks not run again, because their key is that of the last grading: their rows from then.
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


@dataclass
class Result:
    """What grading a Task produced: rows, notes, the graded copies and feedback, and what re-judging needs.

    `graded` and `feedback` are {file name: bytes} of the notebooks run; `kept` is {path below the work
    folder: bytes}: their records, kernel reports and verdicts (protected.state).
    """

    student: str
    rows: list
    notes: list
    graded: dict
    feedback: dict
    kept: dict = field(default_factory=dict)


def tests_of(root=course.ROOT):
    """The autograder cells of every notebook, {notebook: [records.Test, ...]}, in course order."""
    folder = course.notebook_folder(root)
    return {name: records.tests_of(nbformat.read(folder / f"{name}.ipynb", as_version=4))
            for name in course.source_notebooks(root)}


def _unreadable(path, max_size):
    """Why a submitted file cannot be graded, or None when nbformat reads it (links are refused before)."""
    size = path.lstat().st_size
    if size == 0:
        return "not a readable notebook (an empty file)"
    if size > max_size:
        return (f"not graded: the file is {size / 1e6:.1f} MB, over the limit of {max_size / 1e6:.1f} MB for a notebook "
                "(large outputs or data saved in it? clear the outputs and submit again)")
    try:
        notebook = nbformat.read(path, as_version=4)
        if not isinstance(notebook.get("cells"), list):
            raise ValueError("it has no list of cells")
    except Exception as error:  # any way a file can fail to be a notebook
        return f"not a readable notebook ({type(error).__name__}: {first_line(error)[:200] or 'empty file'})"
    return None


def stage(submission, root=course.ROOT, expected=None, version=""):
    """Read and check one student's notebooks into a Task (nothing is written).

    Parameters
    ----------
    submission : submissions.Submission
    root : Path
        The course root.
    expected : sequence of str, optional
        The notebooks graded in this run (default: every notebook of the course).
    version : str
        The grading's version (`version`), part of every notebook's content key.
    """
    notes, unreadable, readable = [], dict(submission.refused), {}
    max_size = course.limits(root).max_notebook_size
    for name, path in submission.notebooks.items():
        problem = _unreadable(path, max_size)
        if problem:
            unreadable[name] = problem
            continue
        readable[name] = nbformat.writes(nbformat.read(path, as_version=4)).encode("utf-8")  # as nbformat 4
        if path.stem != name:
            notes.append(f"{submission.student}: graded {path.name} as {name}.ipynb")
    notes += [f"{submission.student}: {p.name} matches no notebook of the assignment (ignored)" for p in submission.unmatched]
    notes += [f"{submission.student}: {p.name} is a second copy of a notebook (ignored)" for p in submission.duplicates]
    notes += [f"{submission.student}: {p.name} is a symbolic link (not followed)" for p in submission.links]
    notes += [f"{submission.student}: {name}: refused: {why}" for name, why in submission.refused.items()]
    timestamps = {name: submission.timestamps[name].isoformat() for name in readable if name in submission.timestamps}
    secrets = {name: submission.secrets[name] for name in readable if name in submission.secrets}
    keys = {name: content_key(version, content) for name, content in readable.items()}
    return Task(submission.student, readable, unreadable, notes, tuple(expected or course.source_notebooks(root)),
                timestamps, secrets, keys)


def content_key(version, content):
    """The key of grading one notebook: the grading's version and the notebook's bytes (SHA-256, hex)."""
    return hashlib.sha256(version.encode("utf-8") + b"\0" + content).hexdigest()


def key_file(work, student, notebook):
    """Where the content key of a notebook's last grading is kept, beside its verdicts."""
    return protected.verdicts_file(work, student, notebook).with_suffix(".key")


def reuse(task, root=course.ROOT):
    """Take out of a Task the notebooks whose last grading had the same key, with all it left still kept.

    They go into task.reused with the rows of that grading, and are not run again.
    """
    work, of = course.work(root), course.assignment_by_notebook(root)
    for name in sorted(task.notebooks):
        key, judged = key_file(work, task.student, name), protected.read_verdicts(work, task.student, name)
        copies = [Path(root) / "course" / step / task.student / of[name].name / f"{name}.{ext}"
                  for step, ext in (("autograded", "ipynb"), ("feedback", "html"))]
        if judged and key.is_file() and key.read_text() == task.keys.get(name) and all(p.is_file() for p in copies):
            del task.notebooks[name]
            task.reused[name], more = judged
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
        The template folder (see `template`), or it as a zip archive's bytes.

    Returns
    -------
    Result
    """
    with tempfile.TemporaryDirectory(prefix="logreg-") as scratch:
        root = Path(scratch) / "c"  # short: the kernels' Unix socket paths must stay under 108 characters
        if task.notebooks or isinstance(template, bytes):
            _unpack(template, root)
        else:  # nothing to run: the template is only read
            root = Path(template)
        expected = task.expected or course.source_notebooks(root)
        tests = {name: cells for name, cells in tests_of(root).items() if name in expected}
        of = course.assignment_by_notebook(root)
        for name, content in task.notebooks.items():
            folder = root / "course" / "submitted" / task.student / of[name].name
            folder.mkdir(parents=True, exist_ok=True)
            (folder / f"{name}.ipynb").write_bytes(content)
        notes, rows, kept, work = list(task.notes), [], {}, course.work(root)
        config = course.config(root)
        if task.notebooks:
            api, names = course.api(root), sorted(task.notebooks)
            try:
                for k, notebook in enumerate(names):
                    if k + 1 < len(names):  # the next notebook's kernel boots while this one runs
                        protected.start_ahead(config, task.student, of[names[k + 1]].name, names[k + 1])
                    rows += _grade_notebook(api, task.student, notebook, of[notebook].name, tests[notebook], root, notes)
                    kept.update(protected.state(work, task.student, notebook, tests[notebook]))
            finally:
                protected.stop_ahead()
            for assignment in sorted({of[name].name for name in task.notebooks}):
                api.generate_feedback(assignment, task.student)
        rows += [row for kept_rows in task.reused.values() for row in kept_rows]
        for notebook in sorted({*task.notebooks, *task.reused} & set(task.timestamps)):
            late = late_row(config, task.student, notebook, [r for r in rows if r.notebook == notebook],
                            datetime.fromisoformat(task.timestamps[notebook]), of[notebook].due)
            rows += [late] if late else []
        for notebook, cells in tests.items():
            if notebook not in task.notebooks and notebook not in task.reused:
                status, message = (("unreadable", task.unreadable[notebook]) if notebook in task.unreadable
                                   else ("missing", "notebook not submitted"))
                rows += [Row(task.student, notebook, t.grade_id, 0.0, t.points, status, message) for t in cells]
        order = {(n, t.grade_id): k for k, (n, t) in enumerate((n, t) for n, cells in tests.items() for t in cells)}
        last = {n: max(order[(n, t.grade_id)] for t in cells) for n, cells in tests.items() if cells}
        rows.sort(key=lambda r: order.get((r.notebook, r.test), last.get(r.notebook, 0) + 0.5))  # a late row last
        return Result(task.student, rows, notes, *(_files(root, step, task.student) for step in ("autograded", "feedback")),
                      kept)


#: What is kept of each step's folder: the graded notebooks and the feedback pages, never what a kernel wrote beside them.
_KEPT = {"autograded": "*.ipynb", "feedback": "*.html"}


def _files(root, step, student):
    folder = Path(root) / "course" / step / student
    return {p.name: p.read_bytes() for p in sorted(folder.glob(f"*/{_KEPT[step]}")) if p.is_file() and not p.is_symlink()}


def _unpack(template, root):
    if isinstance(template, bytes):
        with zipfile.ZipFile(io.BytesIO(template)) as archive:
            archive.extractall(root)
    else:
        shutil.copytree(template, root)


def _grade_notebook(api, student, notebook, assignment, tests, root, notes):
    """nbgrader autograde of one notebook (sandboxed, judged outside the kernel: `protected`): its rows."""
    api.coursedir.notebook_id = notebook
    try:
        result = api.autograde(assignment, student)
    finally:
        api.coursedir.notebook_id = "*"
    judged = protected.read_verdicts(course.work(root), student, notebook)
    if judged is None:  # nbgrader stopped before the verdicts: every test of the notebook says why
        why = f"nbgrader could not grade it ({_last_error(result)})"
        notes.append(f"{student}: {notebook}: {why}")
        return [Row(student, notebook, t.grade_id, 0.0, t.points, "error", why) for t in tests]
    rows, more = judged
    notes += more
    return rows


def _last_error(result):
    lines = [line for line in (result.get("log", "") + "\n" + result.get("error", "")).splitlines()
             if "Error" in line or "error" in line]
    return first_line(lines[-1]) if lines else "see grading.log"


def template(root=course.ROOT):
    """The course as a worker needs it: notebooks, every assignment's release, config, and a gradebook of them alone.

    Made once per change of the notebooks or the config, under the work folder's template/.

    Returns
    -------
    Path
    """
    root = Path(root)
    digest = _digest(sorted(course.notebook_folder(root).rglob("*")) + [root / "nbgrader_config.py"])
    folder = course.work(root) / "template"
    if (folder / "version").exists() and (folder / "version").read_text() == digest.hexdigest():
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(root / "notebooks", folder / "notebooks", ignore=shutil.ignore_patterns("__pycache__", ".ipynb_*"))
    if (root / "nbgrader_config.py").exists():
        shutil.copy(root / "nbgrader_config.py", folder / "nbgrader_config.py")
    course.release(folder, [a.name for a in course.assignments(folder)])
    (folder / "version").write_text(digest.hexdigest())
    return folder


def _digest(paths):
    return hashlib.sha256(b"".join(p.read_bytes() for p in paths if p.is_file() and "__pycache__" not in p.parts))


def version(root=course.ROOT):
    """The grading's version: the course (its notebooks and config) and this grader's code, as a SHA-256 (hex).

    A notebook whose content and version are those of its last grading is not run again (`reuse`);
    a change of a judge alone is cheaper to apply with re-judging (`rejudge`).
    """
    code = [p for package in ("autograder", "solutions") for p in sorted(course.ROOT.joinpath(package).rglob("*.py"))]
    return _digest([template(root) / "version", *code]).hexdigest()


def archive(folder):
    """A folder as zip bytes, to send a template to workers on other machines."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        for path in sorted(Path(folder).rglob("*")):
            if path.is_file():
                out.write(path, path.relative_to(folder))
    return buffer.getvalue()
