"""Grading a folder of submissions with nbgrader, and saying what happened to every test.

`grade()` stages each student's matched notebooks in nbgrader's submitted/
layout, runs nbgrader's autograde (test cells restored from the gradebook,
hidden tests run) and generate_feedback, then reads the scores from the
gradebook and the status of every test cell from the autograded notebook.
One row per student × test cell comes out, with a status in STATUSES and the
first line of what the student needs to read.
"""

import csv
import multiprocessing
import re
import shutil
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import astuple, dataclass, fields
from pathlib import Path

import nbformat

from autograder import course
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


@dataclass
class Outcome:
    """What grading one student produced: rows, and notes for the instructor."""

    student: str
    rows: list
    notes: list


def tests_of(root=course.ROOT):
    """The autograder cells of every notebook: {notebook: [(grade_id, points), ...]} in cell order."""
    tests = {}
    for name in course.source_notebooks(root):
        nb = nbformat.read(Path(root) / "notebooks" / course.ASSIGNMENT / f"{name}.ipynb", as_version=4)
        tests[name] = [(c.metadata["nbgrader"]["grade_id"], float(c.metadata["nbgrader"]["points"]))
                       for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade")]
    return tests


def _first_line(text):
    return next((line.strip() for line in str(text).splitlines() if line.strip()), "")


def _unreadable(path):
    """Why a submitted file cannot be graded, or None when nbformat reads it."""
    try:
        nbformat.read(path, as_version=4)
    except Exception as error:  # any way a file can fail to be a notebook
        return f"not a readable notebook ({type(error).__name__}: {_first_line(error)[:200]})"
    return None


def cell_status(cell, score, max_score):
    """(status, message, mistake) of one autograded test cell, from its error output."""
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


def _stage(submission, root, notes):
    """Copy a student's readable notebooks into nbgrader's submitted folder; return the unreadable ones."""
    unreadable, readable = {}, {}
    for name, path in submission.notebooks.items():
        problem = _unreadable(path)
        if problem:
            unreadable[name] = problem
        else:
            readable[name] = path.read_bytes()  # read first: SUBMISSIONS may be nbgrader's own submitted/
            if path.stem != name:
                notes.append(f"{submission.student}: graded {path.name} as {name}.ipynb")
    for step in ("submitted", "autograded", "feedback"):  # re-grading starts from what is submitted now
        shutil.rmtree(Path(root) / "course" / step / submission.student, ignore_errors=True)
    folder = Path(root) / "course" / "submitted" / submission.student / course.ASSIGNMENT
    folder.mkdir(parents=True)
    for name, content in readable.items():
        (folder / f"{name}.ipynb").write_bytes(content)
    notes += [f"{submission.student}: {p.name} matches no notebook of the assignment (ignored)" for p in submission.unmatched]
    notes += [f"{submission.student}: {p.name} is a second copy of a notebook (ignored)" for p in submission.duplicates]
    return unreadable


def grade_one(submission, tests, root=course.ROOT):
    """Autograde one student's submission and describe every test.

    Parameters
    ----------
    submission : submissions.Submission
    tests : dict
        As returned by `tests_of`.
    root : Path
        The course root.

    Returns
    -------
    Outcome
    """
    notes = []
    unreadable = _stage(submission, root, notes)
    api = course.api(root)
    student = submission.student
    result = api.autograde(course.ASSIGNMENT, student) if len(unreadable) < len(submission.notebooks) else {"success": True}
    if not result["success"]:
        notes.append(f"{student}: autograde failed: {_first_line(result.get('error', ''))}")
    else:
        api.generate_feedback(course.ASSIGNMENT, student)
    autograded = Path(root) / "course" / "autograded" / student / course.ASSIGNMENT
    rows = []
    for notebook, cells in tests.items():
        for test, points in cells:
            rows.append(_row(api, student, notebook, test, points, submission, unreadable, autograded, result))
    return Outcome(student, rows, notes)


def _row(api, student, notebook, test, points, submission, unreadable, autograded, result):
    def row(status, message, score=0.0, mistake=""):
        return Row(student, notebook, test, score, points, status, message, mistake)

    if notebook not in submission.notebooks:
        return row("missing", "notebook not submitted")
    if notebook in unreadable:
        return row("unreadable", unreadable[notebook])
    path = autograded / f"{notebook}.ipynb"
    if not result["success"] or not path.exists():
        return row("error", f"autograding failed: {_first_line(result.get('error', '')) or 'no graded copy'}")
    score = float(api.gradebook.find_grade(test, notebook, course.ASSIGNMENT, student).score or 0.0)
    cells = {c.metadata.get("nbgrader", {}).get("grade_id"): c for c in nbformat.read(path, as_version=4).cells}
    if test not in cells:
        return row("error", "the test cell is missing from the graded copy", score)
    status, message, mistake = cell_status(cells[test], score, points)
    return row(status, message, score, mistake)


def ensure_assignment(root=course.ROOT):
    """Create the assignment in the gradebook (with the release) if the gradebook lacks it."""
    api = course.api(root)
    if course.ASSIGNMENT not in {a.name for a in api.gradebook.assignments}:
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


def grade(submissions_dir, out_dir, root=course.ROOT, jobs=1, progress=lambda iterable, total: iterable):
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
        Students graded at the same time.
    progress : callable
        Wraps the iterable of finished students (e.g. a progress bar).

    Returns
    -------
    rows : list of Row
    notes : list of str
        What the instructor should know: renamed, unmatched, duplicate or unreadable files.

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
    tests = tests_of(root)
    if jobs <= 1:
        outcomes = list(progress((grade_one(s, tests, root) for s in submissions), len(submissions)))
    else:
        # Processes, not threads: nbgrader keeps per-run state in os.environ (NBGRADER_EXECUTION).
        with ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("spawn")) as pool:
            futures = [pool.submit(grade_one, s, tests, root) for s in submissions]
            outcomes = [f.result() for f in progress(as_completed(futures), len(futures))]
    outcomes.sort(key=lambda o: o.student)
    rows = [row for o in outcomes for row in o.rows]
    notes += [note for o in outcomes for note in o.notes]
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
