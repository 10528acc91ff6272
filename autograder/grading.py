"""Grading a folder of submissions with nbgrader, and saying what happened to every test.

`grade()` stages each student's matched notebooks into a Task (read, checked,
repaired), runs the tasks (`runners`: here, in worker processes, or on a Dask
cluster) and stores their results. A task runs in a private copy of the
course (`template`): nbgrader autograde of one notebook at a time, each in a
fresh sandboxed kernel (`sandbox`), the hidden tests' records judged outside
the kernel (`trusted`), nbgrader's feedback. Storing is done here alone: the
graded copies and feedback under course/, the verdicts as scores in the
gradebook, and grades.csv: one row per student × test cell, with a status in
STATUSES and the first line of what the student needs to read.
"""

import csv
import hashlib
import io
import json
import os
import re
import shutil
import tempfile
import zipfile
from dataclasses import astuple, dataclass, fields
from pathlib import Path

import nbformat

from autograder import course, runners, trusted
from autograder.repair import repair
from autograder.submissions import discover

STATUSES = ("passed", "failed", "error", "timeout", "missing", "unreadable")
_MISTAKE_TAG = re.compile(r"^\[mistake: (\w+)\]$", re.MULTILINE)


class NothingToGrade(Exception):
    """The submissions folder holds no student's notebook."""


@dataclass(frozen=True)
class Row:
    """One student's result on one autograder test cell (one row of grades.csv)."""

    student: str
    notebook: str
    test: str
    score: float
    max_score: float
    status: str
    message: str
    mistake: str = ""


COLUMNS = tuple(f.name for f in fields(Row))


def tests_of(root=course.ROOT):
    """The autograder cells of every notebook, {notebook: [trusted.Test, ...]}, in course order."""
    folder = Path(root) / "notebooks" / course.ASSIGNMENT
    return {name: trusted.tests_of(nbformat.read(folder / f"{name}.ipynb", as_version=4))
            for name in course.source_notebooks(root)}


def _first_line(text):
    return next((line.strip() for line in str(text).splitlines() if line.strip()), "")


def _unreadable(path):
    """Why a submitted file cannot be graded, or None when nbformat reads it."""
    if path.stat().st_size == 0:
        return "not a readable notebook (an empty file)"
    try:
        notebook = nbformat.read(path, as_version=4)
        if not isinstance(notebook.get("cells"), list):
            raise ValueError("it has no list of cells")
    except Exception as error:  # any way a file can fail to be a notebook
        return f"not a readable notebook ({type(error).__name__}: {_first_line(error)[:200] or 'empty file'})"
    return None


def cell_status(cell, score, max_score):
    """(status, message, mistake) of one test cell from its error output, as the kernel saw it."""
    errors = [o for o in cell.get("outputs", []) if o.get("output_type") == "error"]
    if not errors:
        return ("passed" if score >= max_score else "failed"), "", ""
    ename, evalue = errors[0].get("ename", ""), str(errors[0].get("evalue", ""))
    tag = _MISTAKE_TAG.search(evalue)
    mistake = tag.group(1) if tag else ""
    if ename == "CellTimeoutError" or "timeout" in ename.lower():
        return "timeout", "the cell ran longer than the time limit and was stopped", ""
    if ename == "AssertionError":
        return "failed", _first_line(evalue) or "a test assertion failed", mistake
    if ename == "NotImplementedError":
        return "failed", _first_line(evalue) or "not implemented yet", "not_implemented"
    return "error", f"{ename}: {_first_line(evalue)}".strip(": "), ""


def trusted_status(test, verdicts, cell, fate, limits):
    """(score, status, message, mistake) of a test from the verdicts on its records.

    Parameters
    ----------
    test : trusted.Test
    verdicts : list of judges.Verdict or None
        One per record of the test; None where the hidden test left no record.
    cell : dict or None
        The test cell of the graded copy, for what the kernel saw.
    fate : dict
        The sandbox's report on the notebook's kernel ({} when none).
    limits : dict
        course.limits().
    """
    if verdicts and all(v is not None and v.passed for v in verdicts):
        return test.points, "passed", "", ""
    failed = [v for v in verdicts if v is not None and not v.passed]
    if failed:
        return 0.0, "failed", _first_line(failed[0].message), failed[0].mistake
    if fate.get("reason") == "timeout":
        return 0.0, "timeout", (f"the notebook ran past its time limit of {limits['notebook_timeout']:g} s "
                                "and was stopped before this test"), ""
    status, message, mistake = cell_status(cell, 0, test.points) if cell is not None else ("error", "", "")
    if status == "timeout" or fate.get("cell_timeout"):
        return 0.0, "timeout", (f"a cell ran longer than {limits['cell_timeout']:g} s and was stopped"
                                + ("" if status == "timeout" else ", with the rest of the notebook")), ""
    if fate.get("returncode") not in (None, 0):
        return 0.0, "error", ("the kernel stopped before this test (exit code "
                              f"{fate['returncode']}): os._exit, a crash, or the memory limit"), ""
    if status in ("error", "failed") and message:
        return 0.0, "error", f"the hidden test did not run: {message}", mistake
    return 0.0, "error", "the hidden test did not run (its cell was not reached)", ""


@dataclass
class Task:
    """One submission to grade: independent of every other, so it can run anywhere.

    Attributes
    ----------
    student : str
    notebooks : dict of str to bytes
        Readable (and repaired) notebooks, by assignment name.
    unreadable : dict of str to str
        Notebooks that could not be read, with the reason.
    notes : list of str
        What staging found (renamed, repaired, stray files).
    """

    student: str
    notebooks: dict
    unreadable: dict
    notes: list


@dataclass
class Result:
    """What grading a Task produced: rows, notes, and the graded copies and feedback (bytes)."""

    student: str
    rows: list
    notes: list
    graded: dict
    feedback: dict


def stage(submission, root=course.ROOT):
    """Read, check and repair one student's notebooks into a Task (nothing is written).

    Parameters
    ----------
    submission : submissions.Submission
    root : Path
        The course root (its release is the template of every repair).
    """
    notes, unreadable, readable = [], {}, {}
    for name, path in submission.notebooks.items():
        problem = _unreadable(path)
        if problem:
            unreadable[name] = problem
            continue
        notebook = nbformat.read(path, as_version=4)
        released = nbformat.read(Path(root) / "release" / course.ASSIGNMENT / f"{name}.ipynb", as_version=4)
        notes += [f"{submission.student}: {name}: {what}" for what in repair(notebook, released)]
        readable[name] = nbformat.writes(notebook).encode("utf-8")
        if path.stem != name:
            notes.append(f"{submission.student}: graded {path.name} as {name}.ipynb")
    notes += [f"{submission.student}: {p.name} matches no notebook of the assignment (ignored)" for p in submission.unmatched]
    notes += [f"{submission.student}: {p.name} is a second copy of a notebook (ignored)" for p in submission.duplicates]
    return Task(submission.student, readable, unreadable, notes)


def _sandbox_environment(root, student):
    """Make the sandbox kernelspec, the capturing library and this student's private folders."""
    from autograder import sandbox

    base = Path(root) / "course"
    runtime = base / "runtime" / student
    runtime.mkdir(parents=True, exist_ok=True)
    os.environ["JUPYTER_PATH"] = str(sandbox.install_kernelspec(base / "jupyter").parents[1])
    os.environ["LOGREG_KERNEL_LIB"] = str(sandbox.kernel_library(base / "kernel_lib"))
    limits = course.limits(root)
    os.environ["LOGREG_NOTEBOOK_TIMEOUT"] = str(limits["notebook_timeout"])
    os.environ["LOGREG_MEMORY_LIMIT"] = str(limits["memory_limit"])
    return runtime, limits


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
        _unpack(template, root)
        tests = tests_of(root)
        folder = root / "course" / "submitted" / task.student / course.ASSIGNMENT
        folder.mkdir(parents=True)
        for name, content in task.notebooks.items():
            (folder / f"{name}.ipynb").write_bytes(content)
        notes, rows = list(task.notes), []
        if task.notebooks:
            runtime, limits = _sandbox_environment(root, task.student)
            api = course.api(root, runtime=runtime)
            for notebook in sorted(task.notebooks):
                rows += _grade_notebook(api, task.student, notebook, tests[notebook], root, limits, notes)
            api.generate_feedback(course.ASSIGNMENT, task.student)
        for notebook, cells in tests.items():
            if notebook not in task.notebooks:
                status, message = (("unreadable", task.unreadable[notebook]) if notebook in task.unreadable
                                   else ("missing", "notebook not submitted"))
                rows += [Row(task.student, notebook, t.grade_id, 0.0, t.points, status, message) for t in cells]
        order = {(n, t.grade_id): k for k, (n, t) in enumerate((n, t) for n, cells in tests.items() for t in cells)}
        rows.sort(key=lambda r: order[(r.notebook, r.test)])
        return Result(task.student, rows, notes, *(_files(root, step, task.student) for step in ("autograded", "feedback")))


def _files(root, step, student):
    folder = Path(root) / "course" / step / student / course.ASSIGNMENT
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*")) if p.is_file()}


def _unpack(template, root):
    if isinstance(template, bytes):
        with zipfile.ZipFile(io.BytesIO(template)) as archive:
            archive.extractall(root)
    else:
        shutil.copytree(template, root)


def template(root=course.ROOT):
    """The course as a worker needs it: source, release, config, and a gradebook of the assignment alone.

    Made once per change of the notebooks or the config, under course/template/.

    Returns
    -------
    Path
    """
    root = Path(root)
    sources = sorted((root / "notebooks" / course.ASSIGNMENT).rglob("*")) + [root / "nbgrader_config.py"]
    digest = hashlib.sha256(b"".join(p.read_bytes() for p in sources if p.is_file() and "__pycache__" not in p.parts))
    folder = root / "course" / "template"
    if (folder / "version").exists() and (folder / "version").read_text() == digest.hexdigest():
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(root / "notebooks", folder / "notebooks", ignore=shutil.ignore_patterns("__pycache__", ".ipynb_*"))
    if (root / "nbgrader_config.py").exists():
        shutil.copy(root / "nbgrader_config.py", folder / "nbgrader_config.py")
    release(folder)
    (folder / "version").write_text(digest.hexdigest())
    return folder


def archive(folder):
    """A folder as zip bytes, to send a template to workers on other machines."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        for path in sorted(Path(folder).rglob("*")):
            if path.is_file():
                out.write(path, path.relative_to(folder))
    return buffer.getvalue()


def store(task, result, root=course.ROOT):
    """Keep a Result in the course: its files under course/, its scores in the gradebook (this process only)."""
    from nbgrader.api import Gradebook, MissingEntry

    base = Path(root) / "course"
    for step, files in (("submitted", {f"{n}.ipynb": b for n, b in task.notebooks.items()}),
                        ("autograded", result.graded), ("feedback", result.feedback)):
        folder = base / step / task.student / course.ASSIGNMENT
        shutil.rmtree(folder.parent, ignore_errors=True)  # re-grading replaces the student's previous run
        folder.mkdir(parents=True)
        for name, content in files.items():
            (folder / name).write_bytes(content)
    with Gradebook(course.config(root).CourseDirectory.db_url) as gradebook:
        gradebook.update_or_create_student(task.student)
        try:
            gradebook.remove_submission(course.ASSIGNMENT, task.student)
        except MissingEntry:
            pass
        gradebook.add_submission(course.ASSIGNMENT, task.student)
        for row in result.rows:
            gradebook.find_grade(row.test, row.notebook, course.ASSIGNMENT, task.student).auto_score = row.score
        gradebook.db.commit()


def _grade_notebook(api, student, notebook, tests, root, limits, notes):
    """nbgrader autograde of one notebook in the sandbox, then the trusted verdicts: rows of that notebook."""
    base = Path(root) / "course"
    records, fate_file = base / "records" / student / notebook, base / "kernels" / student / f"{notebook}.json"
    records.mkdir(parents=True, exist_ok=True)
    fate_file.parent.mkdir(parents=True, exist_ok=True)
    os.environ["LOGREG_RECORDS_DIR"], os.environ["LOGREG_KERNEL_REPORT"] = str(records), str(fate_file)
    api.coursedir.notebook_id = notebook
    try:
        result = api.autograde(course.ASSIGNMENT, student)
    finally:
        api.coursedir.notebook_id = "*"
    if not result["success"]:
        notes.append(f"{student}: {notebook}: nbgrader could not finish it ({_last_error(result)})")
    fate = json.loads(fate_file.read_text()) if fate_file.exists() else {}
    fate["cell_timeout"] = "Timeout waiting for execute reply" in result.get("log", "")
    graded = base / "autograded" / student / course.ASSIGNMENT / f"{notebook}.ipynb"
    copy = nbformat.read(graded if graded.exists() else base / "submitted" / student / course.ASSIGNMENT / f"{notebook}.ipynb",
                         as_version=4)
    cells = {c.metadata.get("nbgrader", {}).get("grade_id"): c for c in copy.cells}
    rows, decided = [], {}
    for test in tests:
        verdicts = [trusted.judge_record(records, kind, name) for kind, name in test.records]
        score, status, message, mistake = trusted_status(test, verdicts, cells.get(test.grade_id), fate, limits)
        rows.append(Row(student, notebook, test.grade_id, score, test.points, status, message, mistake))
        decided[test.grade_id] = (score, test.points, message)
    _record_scores(api, student, notebook, rows, notes)
    if trusted.truncate_outputs(copy, limits["max_output"]):
        notes.append(f"{student}: {notebook}: outputs longer than {limits['max_output']} characters were cut")
    graded.parent.mkdir(parents=True, exist_ok=True)
    if graded.exists():
        graded.chmod(0o644)  # nbgrader leaves graded copies read-only
    nbformat.write(trusted.annotate(copy, decided), graded)
    return rows


def _record_scores(api, student, notebook, rows, notes):
    """Put the trusted scores into nbgrader's gradebook (they replace what the cells' errors gave)."""
    from nbgrader.api import Gradebook

    try:
        with Gradebook(api.coursedir.db_url) as gradebook:
            for row in rows:
                grade = gradebook.find_grade(row.test, notebook, course.ASSIGNMENT, student)
                grade.auto_score = row.score
            gradebook.db.commit()
    except Exception as error:  # a submission nbgrader could not create: grades.csv still has the rows
        notes.append(f"{student}: {notebook}: the gradebook has no entry to hold the scores ({_first_line(error)})")


def _last_error(result):
    lines = [line for line in (result.get("log", "") + "\n" + result.get("error", "")).splitlines()
             if "Error" in line or "error" in line]
    return _first_line(lines[-1]) if lines else "see grading.log"


def ensure_assignment(root=course.ROOT):
    """Create the assignment in the gradebook, and the release, if either is missing."""
    api = course.api(root)
    released = (Path(root) / "release" / course.ASSIGNMENT).is_dir()
    if not released or course.ASSIGNMENT not in {a.name for a in api.gradebook.assignments}:
        release(root)


def release(root=course.ROOT):
    """Write the student copies under release/ with nbgrader generate_assignment, fresh.

    Returns
    -------
    Path
        The released assignment's folder.
    """
    api = course.api(root)
    target = Path(root) / "release" / course.ASSIGNMENT
    shutil.rmtree(target, ignore_errors=True)
    result = api.generate_assignment(course.ASSIGNMENT)
    if not result["success"]:
        raise RuntimeError(f"nbgrader generate_assignment failed:\n{result.get('error') or result.get('log')}")
    return target


def grade(submissions_dir, out_dir, root=course.ROOT, jobs=1, progress=lambda iterable, total: iterable,
          scheduler=None):
    """Grade every submission under a folder and write grades.csv, summary.csv and feedback.

    Parameters
    ----------
    submissions_dir : Path
        SUBMISSIONS/<student>/<notebook>.ipynb or .../<student>/<assignment>/<notebook>.ipynb.
    out_dir : Path
        Where grades.csv, summary.csv, notes.txt and feedback/ are written.
    root : Path
        The course root.
    jobs : int
        Students graded at the same time on this machine.
    progress : callable
        Wraps the iterable of finished students (e.g. a progress bar).
    scheduler : str, optional
        The address of a Dask distributed scheduler: the submissions are graded
        by its workers instead (each gets the course as an archive), and this
        process alone writes the gradebook.

    Returns
    -------
    rows : list of Row
    notes : list of str
        What the instructor should know: renamed, unmatched, duplicate, repaired or unreadable files.

    Raises
    ------
    FileNotFoundError, NothingToGrade
        On bad input, before anything is graded.
    """
    submissions, notes = discover(submissions_dir, course.source_notebooks(root))
    submissions = [s for s in submissions if s.notebooks or s.unmatched]
    if not any(s.notebooks for s in submissions):
        raise NothingToGrade(f"no notebook of the assignment found under {submissions_dir} "
                             "(expected <student>/<notebook>.ipynb or <student>/<assignment>/<notebook>.ipynb)")
    ensure_assignment(root)
    tasks = {task.student: task for task in (stage(s, root) for s in submissions)}
    run = runners.dask if scheduler else runners.local
    results = []
    for result in progress(run(list(tasks.values()), template(root), jobs=jobs, scheduler=scheduler), len(tasks)):
        store(tasks[result.student], result, root)
        results.append(result)
    results.sort(key=lambda r: r.student)
    rows = [row for r in results for row in r.rows]
    notes += [note for r in results for note in r.notes]
    write_results(rows, notes, out_dir, root)
    return rows, notes


def write_results(rows, notes, out_dir, root=course.ROOT):
    """grades.csv, summary.csv, notes.txt and feedback/<student>/<notebook>.html under out_dir."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    with open(out_dir / "grades.csv", "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(COLUMNS)
        writer.writerows(astuple(r) for r in rows)
    notebooks = list(dict.fromkeys(r.notebook for r in rows))
    with open(out_dir / "summary.csv", "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["student", *notebooks, "total", "max"])
        for student in dict.fromkeys(r.student for r in rows):
            mine = [r for r in rows if r.student == student]
            per_notebook = [sum(r.score for r in mine if r.notebook == n) for n in notebooks]
            writer.writerow([student, *per_notebook, sum(per_notebook), sum(r.max_score for r in mine)])
    (out_dir / "notes.txt").write_text("".join(f"{n}\n" for n in notes), encoding="utf-8")
    feedback = out_dir / "feedback"
    shutil.rmtree(feedback, ignore_errors=True)
    for student in dict.fromkeys(r.student for r in rows):
        source = Path(root) / "course" / "feedback" / student / course.ASSIGNMENT
        for html in sorted(source.glob("*.html")):
            (feedback / student).mkdir(parents=True, exist_ok=True)
            shutil.copyfile(html, feedback / student / html.name)
