"""What many tests do: copy the course, run the instructor's CLI or nbgrader, read what grading wrote.

conftest.py offers these as fixtures (`course_copy`, `gradebook_scores`); module-scoped fixtures and
helpers of other modules call them directly.
"""

import os
import socket
import subprocess
import sys
from dataclasses import asdict
from pathlib import Path

import nbformat

from autograder.grading import course, gradebook, layout
from autograder.grading.layout import notebook_file
from autograder.grading.grades import read_grades
from autograder.grading.release import student_copy  # noqa: F401 (the tests take it from here)

REPO = layout.ROOT
#: The instructor notebooks, in teaching order.
NOTEBOOK_PATHS = sorted(layout.notebook_folder().glob(layout.NOTEBOOK_PATTERN))


def free_port():
    """A TCP port on 127.0.0.1 that nothing listens on now (a test's server: a Jupyter server, a hub, PostgreSQL)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def copy_course(root, extra_config=None, release=False):
    """A course of its own at `root` (course.copy_to: the notebooks and nbgrader_config.py, with `extra_config`
    added), released (every assignment, or those named) when asked.

    Every assignment of the copy is released long ago, its due date kept (late work and the golden files depend
    on it): no test depends on today's date, in the middle of a term either.
    """
    root = course.copy_to(root, extra_config=extra_config, all_released=True)
    if release:
        run_cli("--course", str(root), "release", *(() if release is True else
                                                    [a for name in release for a in ("--assignment", name)]))
    return root


def exchange_course(tmp, schedule, extra_config=""):
    """A course copy at tmp/course that works with nbgrader's exchange at tmp/exchange, open to every user as on a
    hub, its assignments on `schedule` ([(assignment, release, due)], aware datetimes).

    Returns
    -------
    root : Path
    student_flags : list of str
        What a student's nbgrader commands need to find the exchange and the course.
    """
    exchange = tmp / "exchange"
    exchange.mkdir()
    os.chmod(exchange, 0o777)  # nbgrader's exchange is shared by every user of the hub
    assignments = [{"name": n, "notebooks": [n], "release": r.isoformat(), "due": d.isoformat()} for n, r, d in schedule]
    root = copy_course(tmp / "course", extra_config=(
        f"\nc.CourseDirectory.course_id = 'logreg'\nc.Exchange.root = {str(exchange)!r}\n"
        f"c.Exchange.cache = {str(tmp / 'cache')!r}\nc.Course.assignments = {assignments!r}\n" + extra_config))
    return root, [f"--Exchange.root={exchange}", "--CourseDirectory.course_id=logreg"]


def one_notebook_gradebook(folder, name, students=("ann",), url=None):
    """A gradebook of one assignment holding notebook `name` alone (its test and answer cells), each student submitted:
    a new one in `folder`, or the one at `url`.

    Returns
    -------
    str
        Its SQLAlchemy URL.
    """
    url = url or f"sqlite:///{folder / 'test-gradebook.db'}"
    with gradebook.opened(url) as opened:
        opened.add_assignment(name)
        opened.add_notebook(name, name)
        notebook = nbformat.read(notebook_file(name), as_version=4)
        for test in course.tests_in(notebook):
            opened.add_grade_cell(test.grade_id, name, name, max_score=test.points, cell_type="code")
        for cell in notebook.cells:  # where a grader's comments go
            if nbgrader_meta(cell).get("solution") and not nbgrader_meta(cell).get("grade"):
                opened.add_solution_cell(nbgrader_meta(cell)["grade_id"], name, name)
        for student in students:
            opened.add_student(student)
            opened.add_submission(name, student)
    return url


def run_cli(*args, check=True, cwd=None):
    """`python -m autograder ARGS`; raise with its output unless it exits 0 (when `check`)."""
    result = subprocess.run([sys.executable, "-m", "autograder", *args], capture_output=True, text=True, timeout=900,
                            cwd=cwd)
    if check and result.returncode != 0:
        raise AssertionError(f"exit {result.returncode}\n{result.stdout}\n{result.stderr}")
    return result


def run_nbgrader(root, *args, check=True, timeout=1800, env=None):
    """nbgrader's own command, run from the course folder as an instructor runs it (it reads nbgrader_config.py there)."""
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}", **(env or {})}
    result = subprocess.run([sys.executable, "-m", "nbgrader", *args], cwd=root, env=env, capture_output=True,
                            text=True, timeout=timeout)
    if check:
        assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return result


def read_rows(out):
    """The rows of OUT/grades.csv, as dicts of strings (as a spreadsheet shows them)."""
    return [{k: str(v) for k, v in asdict(row).items()} for row in read_grades(out)]


def gradebook_grades(root, assignments=None):
    """Every grade of a course's gradebook: [(student, notebook, test, auto_score, max_score)], a grade nbgrader
    never set counting 0, in order of student, assignment, notebook and test."""
    grades = []
    names = assignments or [a.name for a in course.assignments(root)]
    with gradebook.opened(course.config(root).CourseDirectory.db_url) as opened:
        submissions = [s for name in names for s in opened.assignment_submissions(name)]
        for submission in sorted(submissions, key=lambda s: (s.student.id, s.assignment.name)):
            for notebook in sorted(submission.notebooks, key=lambda n: n.name):
                grades += [(submission.student.id, notebook.name, grade.name, grade.auto_score or 0.0, grade.max_score)
                           for grade in sorted(notebook.grades, key=lambda g: g.name)]
    return grades


def scores_in_gradebook(root, assignments=None):
    """gradebook_grades as CSV text (tests/golden/gradebook.csv's format)."""
    lines = ["student,notebook,test,auto_score,max_score"]
    lines += [f"{student},{notebook},{test},{auto:g},{most:g}"
              for student, notebook, test, auto, most in gradebook_grades(root, assignments)]
    return "\n".join(lines) + "\n"


def nbgrader_meta(cell):
    """A cell's nbgrader metadata ({} when it has none)."""
    return cell.metadata.get("nbgrader", {})
