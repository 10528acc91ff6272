"""Grading's writes into nbgrader's gradebook: scores, late penalties and submissions; the one rule for a score.

nbgrader keeps, per student and assignment, a submission (with the time it was handed in) and, per notebook,
each test cell's grade and the notebook's late penalty. Grading writes them from three places (JudgeRecords on
nbgrader's own path, `store` and `rejudge` on the batch path) and refuses a notebook from a fourth
(CheckSubmission): all of them through the functions here, so a score is always written the same way.
(Students and assignments are added with nbgrader's own calls, `update_or_create_student` and
`update_or_create_assignment`, where they are first met; students are taken out with their grades by
`remove_students`.)
"""

import contextlib
import warnings

from autograder.grading.course import NOT_IN_SESSION, sqlite_file, venv_bin_on_path
from autograder.grading.grades import LATE


@contextlib.contextmanager
def opened(db_url):
    """The gradebook at a SQLAlchemy URL (a course's c.CourseDirectory.db_url), open for a block."""
    from nbgrader.api import Gradebook

    venv_bin_on_path()  # a new gradebook is made by nbgrader's migrations, which it runs with `alembic`
    warnings.filterwarnings("ignore", message=NOT_IN_SESSION)
    if sqlite_file(db_url) is not None:  # SQLite makes the file, not its folder
        sqlite_file(db_url).parent.mkdir(parents=True, exist_ok=True)
    with Gradebook(db_url) as gradebook:
        yield gradebook


def set_judged(grade, score):
    """Give a gradebook grade the grader's score: the one rule for every score grading writes.

    Nothing is left for the formgrader to flag (nbgrader's default for a new grade is to flag it), unless a
    grader scored it by hand: a hand-given score is never overwritten, and stays what the gradebook counts.
    """
    grade.auto_score, grade.needs_manual_grade = score, grade.manual_score is not None


def write_notebook(gradebook, assignment, rows):
    """Write one notebook's rows (grades.Row of one student and notebook): each test's score, and its late penalty."""
    for row in rows:
        if row.status != LATE:
            set_judged(gradebook.find_grade(row.test, row.notebook, assignment, row.student), row.score)
    write_late_penalty(gradebook, assignment, rows)


def write_late_penalty(gradebook, assignment, rows):
    """Write a notebook's late penalty from its rows: nbgrader keeps it beside the grades, positive (None: on time)."""
    notebook = gradebook.find_submission_notebook(rows[0].notebook, assignment, rows[0].student)
    notebook.late_submission_penalty = next((-row.score for row in rows if row.status == LATE), None)


def refuse(gradebook, student, assignment, notebook):
    """A refused notebook's tests score 0, whatever an earlier grading gave them (hand-given scores stand)."""
    for grade in gradebook.find_submission_notebook(notebook, assignment, student).grades:
        set_judged(grade, 0.0)
    gradebook.db.commit()


def replace_submission(gradebook, student, assignment, handed_in):
    """A fresh submission of an assignment (what an earlier grading wrote of it goes), handed in at `handed_in`.

    `handed_in` is a naive UTC datetime, as nbgrader keeps it, or None when nothing says when.
    """
    from nbgrader.api import MissingEntry

    with contextlib.suppress(MissingEntry):
        gradebook.remove_submission(assignment, student)
    gradebook.add_submission(assignment, student, timestamp=handed_in)


def remove_students(gradebook, students):
    """Take students out of the gradebook, with their submissions and every grade (those it does not hold: nothing)."""
    known = {student.id for student in gradebook.students}
    for student in students:
        if student in known:
            gradebook.remove_student(student)


def set_handed_in(gradebook, student, assignment, handed_in):
    """When a submission kept from an earlier grading was handed in (it may have been handed in again)."""
    gradebook.find_submission(assignment, student).timestamp = handed_in
