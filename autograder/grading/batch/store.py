"""Keeping a task's result in the course, in the grading process alone: its files, its state, its scores.

A result is kept as it arrives and then dropped. `store` puts it where nbgrader keeps a graded submission
(the handed-in notebook, the graded copy, the feedback page, nbgrader's timestamp and secret beside them),
keeps in the work folder what re-judging needs, writes the gradebook in one transaction, and last the keys that
let reuse take the grading for finished: a run killed at any moment leaves at worst notebooks to grade again.
The grades files under OUT/ are grades.GradesWriter's.
"""

import hashlib
import shutil
import tempfile
from collections import defaultdict
from datetime import datetime, timezone
from pathlib import Path

from autograder.grading import course, gradebook
from autograder.grading.autograde.late import late_row
from autograder.grading.grades import LATE
from autograder.grading.layout import ROOT, SECRET


def store(task, result, root=ROOT, opened=None):
    """Keep a Result in the course: its files under nbgrader's folders and the work folder, its scores in the gradebook.

    A grader's hand-given scores and comments stay (gradebook.replace_submission), and what goes to OUT is what
    the gradebook counts: their rows say the hand-given score, their late penalty is taken from it, and their
    feedback page is made again from the gradebook.

    Parameters
    ----------
    task : tasks.Task
    result : tasks.Result
    root : Path
    opened : nbgrader.api.Gradebook, optional
        The gradebook, open for the whole run (one per run: a new one for every
        student would keep a new SQLAlchemy engine, and its caches, each time).

    Returns
    -------
    rows : list of grades.Row
        The student's rows as the gradebook counts them.
    notes : list of str
        What the instructor should know (a hand-given score flagged for review).
    feedback : dict
        {file name: bytes} of the feedback pages of the notebooks graded or reused.
    """
    if opened is None:
        with gradebook.of_course(course.config(root)) as opened:
            return store(task, result, root, opened)
    where, of = course.layout(root), course.assignment_by_notebook(root)
    changed = {name for name in task.expected if name not in task.reused and _changed(where, task, name)}
    _clear(where, of, task)
    _write_files(where, of, task, result)
    _keep_state(where, result)
    rows, notes, by_hand = _write_gradebook(opened, of, task, result, changed, course.config(root))
    _mark_finished(where, task)
    feedback = {**result.feedback, **reused_feedback(task, root)}
    if by_hand:
        feedback |= _feedback_again(root, where, of, task.student, by_hand, notes)
    return rows, notes, feedback


def _digest(content):
    return hashlib.sha256(content).hexdigest()


def _changed(where, task, name):
    """Whether a notebook is not what was last handed in: another content, unreadable or not handed in now."""
    last = where.handed_in_digest(task.student, name)
    if name not in task.notebooks:
        return last.is_file()
    return last.is_file() and last.read_text() != _digest(task.notebooks[name])


def _feedback_again(root, where, of, student, notebooks, notes):
    """The feedback pages of notebooks a grader scored by hand, which the worker's pages know nothing of: made
    again by nbgrader from the course's gradebook. Where that fails, the page as it was stays, and a note says so."""
    pages, api = {}, course.api(root)
    for assignment in sorted({of[name].name for name in notebooks}):
        mine, folder = [name for name in sorted(notebooks) if of[name].name == assignment], where.feedback(student, assignment)
        with tempfile.TemporaryDirectory() as scratch:
            kept = Path(scratch) / "before"
            if folder.is_dir():  # nbgrader removes the folder when it fails: put back as it was
                shutil.copytree(folder, kept, symlinks=True)
            result = api.generate_feedback(assignment, student)
            if result["success"] and all(where.feedback_page(student, assignment, name).is_file() for name in mine):
                pages |= {f"{name}.html": where.feedback_page(student, assignment, name).read_bytes() for name in mine}
                continue
            shutil.rmtree(folder, ignore_errors=True)
            if kept.is_dir():
                shutil.copytree(kept, folder, symlinks=True)
        notes += [f"{student}: {name}: nbgrader could not make the feedback page again with what was given by hand; it "
                  "shows the tests' scores (run `nbgrader generate_feedback` to see why)" for name in mine]
    return pages


def _clear(where, of, task):
    """What an earlier grading left of each notebook not reused (run now, unreadable or missing) goes."""
    reused_assignments = {of[name].name for name in task.reused}
    for name in task.expected:
        if name in task.reused:
            continue
        assignment = of[name].name
        for folder in where.steps(task.student, assignment):
            if assignment in reused_assignments:  # another notebook of it was not run again: only this one's files
                for old in folder.glob(f"{name}.*"):
                    old.unlink()
            else:
                shutil.rmtree(folder, ignore_errors=True)
        shutil.rmtree(where.records(task.student, name), ignore_errors=True)
        for old in (where.fate(task.student, name), where.verdicts(task.student, name), where.key(task.student, name)):
            old.unlink(missing_ok=True)


def _write_files(where, of, task, result):
    """The handed-in notebooks, graded copies and feedback pages where nbgrader keeps them, with its files beside."""
    def write(folder, name, content):
        folder.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(content)

    for name, content in task.notebooks.items():
        write(where.submitted(task.student, of[name].name), f"{name}.ipynb", content)
    for name, content in result.graded.items():
        write(where.autograded(task.student, of[name.removesuffix(".ipynb")].name), name, content)
    for name, content in result.feedback.items():
        write(where.feedback(task.student, of[name.removesuffix(".html")].name), name, content)
    for notebook in (*task.notebooks, *task.reused):  # what nbgrader keeps beside a submission (release_feedback needs both)
        for folder in where.steps(task.student, of[notebook].name):
            if not folder.is_dir():
                continue
            task.write_timestamp(notebook, folder)
            if notebook in task.secrets:
                (folder / SECRET).write_text(task.secrets[notebook])


def _keep_state(where, result):
    """What re-judging needs (records, fates, verdicts)."""
    for path, content in result.state.items():
        (where.work / path).parent.mkdir(parents=True, exist_ok=True)
        (where.work / path).write_bytes(content)


def _mark_finished(where, task):
    """The keys that let an unchanged notebook be reused, and the digest of what was handed in: written last, once
    the gradebook holds the grading, so that a grading stopped half-way is never taken for finished."""
    for name, content in task.notebooks.items():
        where.key(task.student, name).write_text(task.keys[name])
        where.handed_in_digest(task.student, name).write_text(_digest(content))


def _write_gradebook(opened, of, task, result, changed, config):
    """The student's submissions and scores, in one transaction: (rows as counted, notes, notebooks scored by hand).

    A submission is made afresh for each assignment the student handed something in for (a missing notebook
    has none), keeping graders' hand-given scores and comments (flagged for review where the notebook
    `changed`); its notebooks' scores and late penalties are written. A notebook reused from an earlier
    grading keeps its scores; when it was handed in, and so its late penalty, may have changed. A notebook
    with a hand-given score has its late penalty taken from the score the gradebook counts.
    """
    opened.update_or_create_student(task.student)
    handed_in = {of[name].name for name in (*task.notebooks, *task.unreadable)}  # assignments
    when = {of[name].name: datetime.fromisoformat(stamp).astimezone(timezone.utc).replace(tzinfo=None)
            for name, stamp in task.timestamps.items()}  # nbgrader keeps naive UTC
    notes, by_hand, counted = [], set(), []
    for assignment in sorted(handed_in):
        notes += gradebook.replace_submission(opened, task.student, assignment, when.get(assignment), changed)
    rows = defaultdict(list)
    for row in result.rows:
        rows[row.notebook].append(row)
    for notebook, notebook_rows in rows.items():
        assignment = of[notebook].name
        if assignment in handed_in:
            gradebook.write_notebook(opened, assignment, notebook_rows)
        elif notebook in task.reused:
            gradebook.set_handed_in(opened, task.student, assignment, when.get(assignment))
            gradebook.write_late_penalty(opened, assignment, notebook_rows)
        else:  # missing: no submission, nothing in the gradebook
            counted += notebook_rows
            continue
        if gradebook.hand_given(opened, task.student, assignment).of(notebook):  # else the rows are as judged
            notebook_rows = as_counted(opened, config, of[notebook], notebook_rows, task.handed_in(notebook))
            by_hand.add(notebook)
        counted += notebook_rows
    opened.db.commit()
    opened.db.expunge_all()  # the session keeps no student's rows once they are written
    return counted, notes, by_hand


def as_counted(opened, config, assignment, rows, handed_in):
    """A notebook's rows as the gradebook counts them (gradebook.counted: hand-given scores), with its late row
    taken from that score; the late penalty is written beside its grades.

    Parameters
    ----------
    opened : nbgrader.api.Gradebook
    config : traitlets.config.Config
        The course's (its late-penalty plugin).
    assignment : course.Assignment
        The notebook's assignment (its due date).
    rows : list of grades.Row
        The notebook's rows as judged (a late row among them is made again).
    handed_in : datetime or None
        When it was handed in (aware); None: nothing says, no penalty.
    """
    tests = gradebook.counted(opened, assignment.name, [r for r in rows if r.status != LATE])
    late = late_row(config, tests[0].student, tests[0].notebook, tests, handed_in, assignment.due) \
        if tests and handed_in else None
    counted = tests + ([late] if late else [])
    if tests:
        gradebook.write_late_penalty(opened, assignment.name, counted)
    return counted


def reused_feedback(task, root=ROOT):
    """The feedback pages of a Task's reused notebooks, as the course keeps them: {file name: bytes}."""
    where, of = course.layout(root), course.assignment_by_notebook(root)
    return {f"{name}.html": where.feedback_page(task.student, of[name].name, name).read_bytes() for name in task.reused}
