"""Keeping results, in the grading process alone: files under the course, scores in the gradebook, OUT/.

A result is kept as it arrives and then dropped: `store` writes its files and
scores, `Results.add` its rows, summary line and feedback, each student in a
file of their own under OUT/.partial/; `Results.close` joins those files in
student order into grades.csv and summary.csv, reading one student at a time,
and only then puts the new feedback in place. Memory does not grow with the
class, and a run stopped half-way leaves OUT/ as the last finished run left it.
"""

import csv
import shutil
from dataclasses import astuple
from datetime import datetime, timezone
from pathlib import Path

from autograder.grading import course, protected
from autograder.grading.late import nbgrader_timestamp
from autograder.grading.tasks import key_file
from autograder.grading.status import COLUMNS

#: What a spreadsheet reads as the start of a formula (OWASP, CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value):
    """A CSV field that no spreadsheet runs as a formula: text starting like one gets a leading quote (OWASP).

    Numbers are left as they are: they are data, and a spreadsheet must read them as numbers.
    """
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def store(task, result, root=course.ROOT, gradebook=None):
    """Keep a Result in the course: its files under course/, its scores in the gradebook (this process only).

    Parameters
    ----------
    task : tasks.Task
    result : tasks.Result
    root : Path
    gradebook : nbgrader.api.Gradebook, optional
        The gradebook, open for the whole run (one per run: a new one for every
        student would keep a new SQLAlchemy engine, and its caches, each time).
    """
    from nbgrader.api import Gradebook, MissingEntry

    if gradebook is None:
        with Gradebook(course.config(root).CourseDirectory.db_url) as opened:
            return store(task, result, root, opened)
    base, of, work = Path(root) / "course", course.assignment_by_notebook(root), course.work(root)
    reused = {of[name].name for name in task.reused}
    for name in (n for n in task.expected if n not in task.reused):  # run now, unreadable or missing: replaced
        for step in ("submitted", "autograded", "feedback"):
            folder = base / step / task.student / of[name].name
            if folder.name in reused:  # a notebook of the same assignment was not run again: only this one's files
                for old in folder.glob(f"{name}.*"):
                    old.unlink()
            else:
                shutil.rmtree(folder, ignore_errors=True)
        shutil.rmtree(protected.records_folder(work, task.student, name), ignore_errors=True)
        for old in (protected.fate_file(work, task.student, name), protected.verdicts_file(work, task.student, name),
                    key_file(work, task.student, name)):
            old.unlink(missing_ok=True)
    for step, files in (("submitted", {f"{n}.ipynb": b for n, b in task.notebooks.items()}),
                        ("autograded", result.graded), ("feedback", result.feedback)):
        for name, content in files.items():
            folder = base / step / task.student / of[Path(name).stem].name
            folder.mkdir(parents=True, exist_ok=True)
            (folder / name).write_bytes(content)
    for notebook in (*task.notebooks, *task.reused):  # what nbgrader keeps beside a submission (release_feedback needs both)
        for step in ("submitted", "autograded", "feedback"):
            folder = base / step / task.student / of[notebook].name
            if not folder.is_dir():
                continue
            if notebook in task.timestamps:
                (folder / "timestamp.txt").write_text(nbgrader_timestamp(datetime.fromisoformat(task.timestamps[notebook])))
            if notebook in task.secrets:
                (folder / "submission_secret.txt").write_text(task.secrets[notebook])
    for path, content in result.kept.items():  # what re-judging needs, and the keys that let an unchanged notebook be reused
        (work / path).parent.mkdir(parents=True, exist_ok=True)
        (work / path).write_bytes(content)
    for name in task.notebooks:
        key_file(work, task.student, name).write_text(task.keys[name])
    gradebook.update_or_create_student(task.student)
    # A submission for each assignment the student handed something in for; a missing notebook has none.
    handed_in = {of[name].name for name in (*task.notebooks, *task.unreadable)}
    handed_at = {of[name].name: datetime.fromisoformat(stamp).astimezone(timezone.utc)
                 .replace(tzinfo=None) for name, stamp in task.timestamps.items()}  # nbgrader keeps naive UTC
    for assignment in sorted(handed_in):
        try:
            gradebook.remove_submission(assignment, task.student)
        except MissingEntry:
            pass
        gradebook.add_submission(assignment, task.student, timestamp=handed_at.get(assignment))
    for name in task.reused:  # its scores stand (a grader's manual ones too); when it was handed in may have changed
        if of[name].name not in handed_in:
            gradebook.find_submission(of[name].name, task.student).timestamp = handed_at.get(of[name].name)
            gradebook.find_submission_notebook(name, of[name].name, task.student).late_submission_penalty = next(
                (-r.score for r in result.rows if r.notebook == name and r.status == "late"), None)
    for row in result.rows:
        assignment = of[row.notebook].name
        if assignment not in handed_in:
            continue
        if row.status == "late":  # nbgrader keeps a notebook's late penalty beside its grades, as a positive number
            gradebook.find_submission_notebook(row.notebook, assignment, task.student).late_submission_penalty = -row.score
        else:
            protected.set_judged(gradebook.find_grade(row.test, row.notebook, assignment, task.student), row.score)
    gradebook.db.commit()
    gradebook.db.expunge_all()  # the session keeps no student's rows once they are written


def kept_feedback(task, root=course.ROOT):
    """The feedback pages of a Task's reused notebooks, as the course keeps them: {file name: bytes}."""
    base, of = Path(root) / "course" / "feedback" / task.student, course.assignment_by_notebook(root)
    return {f"{name}.html": (base / of[name].name / f"{name}.html").read_bytes() for name in task.reused}


class Results:
    """grades.csv, summary.csv, notes.txt and feedback/<student>/<notebook>.html under OUT, written as results arrive.

    Parameters
    ----------
    out_dir : Path
    notebooks : list of str
        The assignment's notebooks, in course order (the columns of summary.csv).
    notes : list of str
        What the instructor should know before any student is graded (from discovery).
    """

    def __init__(self, out_dir, notebooks, notes=()):
        self.out, self.notebooks, self.notes = Path(out_dir), list(notebooks), list(notes)
        self.partial = self.out / ".partial"
        shutil.rmtree(self.partial, ignore_errors=True)  # what a stopped run left
        self.parts, self.feedback = self.partial / "students", self.partial / "feedback"
        self.parts.mkdir(parents=True)
        self.feedback.mkdir()

    def add(self, result):
        """Write one student's rows, summary line, notes and feedback; keep nothing of them in memory."""
        with open(self.parts / f"{result.student}.grades.csv", "w", newline="", encoding="utf-8") as f:
            csv.writer(f).writerows([spreadsheet_safe(v) for v in astuple(r)] for r in result.rows)
        per_notebook = [sum(r.score for r in result.rows if r.notebook == n) for n in self.notebooks]  # late rows count
        late = sum((-r.score for r in result.rows if r.status == "late"), 0.0)
        with open(self.parts / f"{result.student}.summary.csv", "w", newline="", encoding="utf-8") as f:
            csv.writer(f).writerow([spreadsheet_safe(result.student), *per_notebook, sum(per_notebook),
                                    sum(r.max_score for r in result.rows), late])
        (self.parts / f"{result.student}.notes.txt").write_text("".join(f"{n}\n" for n in result.notes), encoding="utf-8")
        for name, content in sorted(result.feedback.items()):
            if name.endswith(".html"):
                (self.feedback / result.student).mkdir(parents=True, exist_ok=True)
                (self.feedback / result.student / name).write_bytes(content)

    def close(self):
        """Join the students' files, in order of student id, into grades.csv, summary.csv and notes.txt; put feedback/ in place.

        Returns
        -------
        students : int
            How many students were graded.
        notes : list of str
        """
        students = sorted(p.name.removesuffix(".grades.csv") for p in self.parts.glob("*.grades.csv"))
        notes = list(self.notes)
        with open(self.out / "grades.csv", "w", newline="", encoding="utf-8") as grades, \
                open(self.out / "summary.csv", "w", newline="", encoding="utf-8") as summary:
            csv.writer(grades).writerow(COLUMNS)
            csv.writer(summary).writerow(["student", *self.notebooks, "total", "max", "late_penalty"])
            for student in students:
                grades.write((self.parts / f"{student}.grades.csv").read_bytes().decode("utf-8"))
                summary.write((self.parts / f"{student}.summary.csv").read_bytes().decode("utf-8"))
                notes += (self.parts / f"{student}.notes.txt").read_text(encoding="utf-8").splitlines()
        (self.out / "notes.txt").write_text("".join(f"{n}\n" for n in notes), encoding="utf-8")
        shutil.rmtree(self.out / "feedback", ignore_errors=True)
        self.feedback.rename(self.out / "feedback")
        shutil.rmtree(self.partial)
        return len(students), notes
