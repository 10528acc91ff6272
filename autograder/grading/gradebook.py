"""Grading's writes into nbgrader's gradebook: scores, late penalties and submissions; the one rule for a score.

nbgrader keeps, per student and assignment, a submission (with the time it was handed in) and, per notebook,
each test cell's grade and the notebook's late penalty. Grading writes them from three places (JudgeRecords on
nbgrader's own path, `store` and `rejudge` on the batch path), and flags a notebook it cannot grade again from a
fourth (SandboxedExecute): all of them through the functions here, so a score is always written the same way.
(Students and assignments are added with nbgrader's own calls, `update_or_create_student` and
`update_or_create_assignment`, where they are first met; students are taken out with their grades by
`remove_students`.)
"""

import contextlib
import warnings
from dataclasses import dataclass, replace

from autograder.grading.course import NOT_IN_SESSION, sqlite_file, venv_bin_on_path
from autograder.grading.grades import LATE


@contextlib.contextmanager
def opened(db_url, course_id=""):
    """The gradebook at a SQLAlchemy URL (a course's c.CourseDirectory.db_url), open for a block.

    `course_id` is the course's c.CourseDirectory.course_id, under which nbgrader files the assignments it adds
    (nbgrader's own default when it is empty).
    """
    from nbgrader.api import Gradebook

    venv_bin_on_path()  # a new gradebook is made by nbgrader's migrations, which it runs with `alembic`
    warnings.filterwarnings("ignore", message=NOT_IN_SESSION)
    if sqlite_file(db_url) is not None:  # SQLite makes the file, not its folder
        sqlite_file(db_url).parent.mkdir(parents=True, exist_ok=True)
    with Gradebook(db_url, *([course_id] if course_id else [])) as gradebook:
        yield gradebook


def of_course(config):
    """The gradebook of a course (its traitlets Config: nbgrader_config.py), open for a block."""
    return opened(config.CourseDirectory.db_url, config.CourseDirectory.course_id)


def set_judged(grade, score):
    """Give a gradebook grade the grader's score: the one rule for every score grading writes.

    Nothing is left for the formgrader to flag (nbgrader's default for a new grade is to flag it). A grader's
    hand-given score is never overwritten: it stays what the gradebook counts, flagged or not as it was.
    """
    grade.auto_score = score
    if grade.manual_score is None:
        grade.needs_manual_grade = False


def graded(gradebook):
    """Every (student, notebook) whose submission the gradebook holds with a score for each of its grades.

    What grading kept of a notebook is reused only where the gradebook agrees (batch.tasks.reuse): after a new,
    restored or emptied gradebook, the notebooks it does not hold are graded again.
    """
    return {(submission.student.id, notebook.name)
            for assignment in gradebook.assignments for submission in assignment.submissions
            for notebook in submission.notebooks
            if all(g.auto_score is not None or g.manual_score is not None for g in notebook.grades)}


@dataclass(frozen=True)
class HandGiven:
    """What graders gave by hand in one submission, by (notebook, grade_id): scores (manual score, extra credit;
    either may be None) and comments."""

    scores: dict
    comments: dict

    def of(self, notebook):
        """Whether graders gave anything by hand in this notebook."""
        return any(name == notebook for name, _ in [*self.scores, *self.comments])


def hand_given(gradebook, student, assignment):
    """The hand-given scores, extra credit and comments of a student's submission of an assignment."""
    from nbgrader.api import MissingEntry

    try:
        notebooks = gradebook.find_submission(assignment, student).notebooks
    except MissingEntry:
        return HandGiven({}, {})
    return HandGiven({(n.name, g.name): (g.manual_score, g.extra_credit) for n in notebooks for g in n.grades
                      if g.manual_score is not None or g.extra_credit},
                     {(n.name, c.name): c.manual_comment for n in notebooks for c in n.comments if c.manual_comment})


def counted(gradebook, assignment, rows):
    """A notebook's test rows (no late row) as the gradebook counts them: a hand-given score in place of the
    judged one, plus any extra credit, and said so in the row's message."""
    out = []
    for row in rows:
        grade = gradebook.find_grade(row.test, row.notebook, assignment, row.student)
        if grade.manual_score is not None or grade.extra_credit:
            said = (f"scored by hand: {grade.manual_score:g} of {row.max_score:g}" if grade.manual_score is not None
                    else f"{row.score:g} of {row.max_score:g}") + (
                    f", and {grade.extra_credit:g} extra credit" if grade.extra_credit else "")
            row = replace(row, score=float(grade.score), message=said + (f" (the tests: {row.message})" if row.message
                                                                        else ""))
        out.append(row)
    return out


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


def flag_not_regraded(gradebook, student, assignment, notebook):
    """Flag for review, in the formgrader, every score an earlier grading left of a notebook that could not be graded
    again now (no sandbox): they stand, but nothing says they are current. Returns how many were flagged."""
    from nbgrader.api import MissingEntry

    try:
        grades = gradebook.find_submission_notebook(notebook, assignment, student).grades
    except MissingEntry:
        return 0
    earlier = [grade for grade in grades if grade.auto_score is not None or grade.manual_score is not None]
    for grade in earlier:
        grade.needs_manual_grade = True
    gradebook.db.commit()
    return len(earlier)


def replace_submission(gradebook, student, assignment, handed_in, answers_changed=()):
    """A submission of an assignment graded afresh, handed in at `handed_in`: what an earlier grading wrote of it
    (scores, comments, late penalty) goes, graders' hand-given scores, extra credit and comments stay.

    Its rows are cleared in place, never deleted and made again: a grader saving a score in the formgrader
    meanwhile loses nothing (grading writes no hand-given field), the formgrader's ids stay valid, and an
    extension given to the student stays. Only a submission whose cells the course has changed since is made
    again, with its hand-given scores and comments copied over.

    Parameters
    ----------
    handed_in : datetime or None
        Naive UTC, as nbgrader keeps it; None when nothing says when.
    answers_changed : set of str
        The notebooks handed in with another content than before, or not readable or not handed in now: their
        hand-given scores stay, flagged for a grader to look at again in the formgrader.

    Returns
    -------
    list of str
        A note for each hand-given score flagged.
    """
    from nbgrader.api import MissingEntry

    try:
        submission = gradebook.find_submission(assignment, student)
    except MissingEntry:
        gradebook.add_submission(assignment, student, timestamp=handed_in)
        return []
    if not _same_cells(submission, gradebook.find_assignment(assignment)):
        return _make_again(gradebook, student, assignment, handed_in, answers_changed)
    submission.timestamp, flagged = handed_in, []
    for notebook in submission.notebooks:
        notebook.late_submission_penalty = None
        for comment in notebook.comments:
            comment.auto_comment = None
        for grade in notebook.grades:
            grade.auto_score = None
            by_hand = grade.manual_score is not None or bool(grade.extra_credit)
            grade.needs_manual_grade = notebook.name in answers_changed if by_hand else True  # as nbgrader makes one
            if by_hand and notebook.name in answers_changed:
                flagged.append((notebook.name, grade.name, grade.manual_score, grade.extra_credit))
    return [_flagged_note(student, *given) for given in sorted(flagged)]


def _same_cells(submission, assignment):
    """Whether a submission has a grade for each grade cell of its assignment and a comment for each solution
    cell, and no other (the course has not changed the assignment's cells since the submission was made)."""
    def cells(notebooks, grades, comments):
        return {(n.name, kind, c.name) for n in notebooks for kind, of in (("grade", grades), ("comment", comments))
                for c in of(n)}

    return (cells(submission.notebooks, lambda n: n.grades, lambda n: n.comments)
            == cells(assignment.notebooks, lambda n: n.grade_cells, lambda n: n.solution_cells))


def _flagged_note(student, notebook, test, score, extra):
    given = " and ".join(([f"scored {score:g}"] if score is not None else []) + ([f"given {extra:g} extra"] if extra else []))
    return (f"{student}: {notebook}: {test} was {given} by hand, and the notebook has changed or is gone since: it "
            "stands, flagged for review in the formgrader")


def _make_again(gradebook, student, assignment, handed_in, answers_changed):
    """replace_submission for a submission whose cells the course has changed: removed, added with the course's
    cells, and its hand-given scores and comments copied to the cells the course still has."""
    from nbgrader.api import MissingEntry

    kept = hand_given(gradebook, student, assignment)
    gradebook.remove_submission(assignment, student)
    gradebook.add_submission(assignment, student, timestamp=handed_in)
    notes = []
    for (notebook, test), (score, extra) in sorted(kept.scores.items()):
        with contextlib.suppress(MissingEntry):  # a cell the course no longer has
            grade = gradebook.find_grade(test, notebook, assignment, student)
            grade.manual_score, grade.extra_credit = score, extra
            grade.needs_manual_grade = notebook in answers_changed
            if notebook in answers_changed:
                notes.append(_flagged_note(student, notebook, test, score, extra))
    for (notebook, cell), comment in sorted(kept.comments.items()):
        with contextlib.suppress(MissingEntry):
            gradebook.find_comment(cell, notebook, assignment, student).manual_comment = comment
    return notes


def remove_students(gradebook, students):
    """Take students out of the gradebook, with their submissions and every grade (those it does not hold: nothing)."""
    known = {student.id for student in gradebook.students}
    for student in students:
        if student in known:
            gradebook.remove_student(student)


def set_handed_in(gradebook, student, assignment, handed_in):
    """When a submission kept from an earlier grading was handed in (it may have been handed in again)."""
    gradebook.find_submission(assignment, student).timestamp = handed_in
