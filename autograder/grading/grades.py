"""The grades of a class as OUT/ holds them: the row of grades.csv, and the one writer and one reader of
grades.csv and summary.csv.

- `Row`: one student's result on one test cell; `COLUMNS` are grades.csv's columns.
- `GradesWriter`: writes grades.csv and summary.csv, with notes.txt and feedback/, as students' results
  arrive: each student in a file of their own under OUT/.partial/, joined in student order by `close`, which
  only then puts the new feedback in place. Memory does not grow with the class, and a run stopped half-way
  leaves OUT/ as the last finished run left it.
- `read_grades`, `read_summary`: the same files read back (the report, the LMS files, re-judging, the CLI).

Every field that a spreadsheet could run as a formula is written with a leading quote (OWASP's advice on
CSV injection), and so is one that starts with a quote; the reader takes one leading quote off, so what is
read is what was written.
"""

import csv
import shutil
from dataclasses import astuple, dataclass, fields

from autograder.grading.layout import GRADES, NOTES, SUMMARY, Out

STATUSES = ("passed", "failed", "error", "timeout", "missing", "unreadable")
#: The status of a notebook's late-penalty row (its test is autograder.grading.autograde.late.LATE_ROW).
LATE = "late"


@dataclass(frozen=True)
class Row:
    """One student's result on one autograder test cell (one row of grades.csv).

    `status` is one of STATUSES, or LATE for the row of a notebook's late penalty (its score is the negative
    penalty); `message` is the first line the student needs to read; `mistake` the judge's name for it.
    """

    student: str
    notebook: str
    test: str
    score: float
    max_score: float
    status: str
    message: str
    mistake: str = ""


COLUMNS = tuple(f.name for f in fields(Row))


@dataclass(frozen=True)
class SummaryLine:
    """One student's line of summary.csv: each notebook's points (net of its late penalty), total, max, penalty."""

    student: str
    points: dict
    total: float
    max: float
    late_penalty: float


def summary_line(student, notebooks, rows):
    """A student's SummaryLine from their rows, for the notebooks (in course order) that summary.csv has."""
    points = {n: sum(r.score for r in rows if r.notebook == n) for n in notebooks}  # late rows count
    return SummaryLine(student, points, sum(points.values()), sum(r.max_score for r in rows),
                       sum((-r.score for r in rows if r.status == LATE), 0.0))


def first_line(text):
    """The first non-blank line of a text, stripped ('' when there is none)."""
    return next((line.strip() for line in str(text).splitlines() if line.strip()), "")


#: What a spreadsheet reads as the start of a formula (OWASP, CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value):
    """A CSV field that no spreadsheet runs as a formula: text starting like one gets a leading quote (OWASP).

    Text that starts with a quote gets one more, which a spreadsheet does not show, so `_unquoted` is exact.
    Numbers are left as they are: they are data, and a spreadsheet must read them as numbers.
    """
    if isinstance(value, str) and value.startswith((*_FORMULA_START, "'")):
        return "'" + value
    return value


def _unquoted(text):
    """A field as it was before spreadsheet_safe."""
    return text[1:] if text.startswith("'") else text


def _summary_header(notebooks):
    return ["student", *notebooks, "total", "max", "late_penalty"]


class GradesWriter:
    """grades.csv, summary.csv, notes.txt and feedback/<student>/<notebook>.html under OUT, written as results arrive.

    Parameters
    ----------
    out_dir : Path
    notebooks : list of str
        The notebooks graded, in course order (the columns of summary.csv).
    notes : list of str
        What the instructor should know before any student is graded (from discovery).
    """

    def __init__(self, out_dir, notebooks, notes=()):
        self.out, self.notebooks, self.notes = Out(out_dir), list(notebooks), list(notes)
        shutil.rmtree(self.out.partial, ignore_errors=True)  # what a stopped run left
        self.out.partial_students.mkdir(parents=True)
        self.out.partial_feedback.mkdir()

    def add(self, student, rows, notes, feedback):
        """Write one student's rows, summary line, notes and feedback pages ({file name: bytes}); keep nothing."""
        with open(self.out.partial_file(student, GRADES), "w", newline="", encoding="utf-8") as f:
            csv.writer(f).writerows([spreadsheet_safe(v) for v in astuple(r)] for r in rows)
        line = summary_line(student, self.notebooks, rows)
        with open(self.out.partial_file(student, SUMMARY), "w", newline="", encoding="utf-8") as f:
            csv.writer(f).writerow([spreadsheet_safe(line.student), *line.points.values(), line.total, line.max,
                                    line.late_penalty])
        self.out.partial_file(student, NOTES).write_text("".join(f"{n}\n" for n in notes), encoding="utf-8")
        for name, content in sorted(feedback.items()):
            if name.endswith(".html"):
                (self.out.partial_feedback / student).mkdir(parents=True, exist_ok=True)
                (self.out.partial_feedback / student / name).write_bytes(content)

    def close(self):
        """Join the students' files, in order of student id, into grades.csv, summary.csv and notes.txt; put feedback/ in place.

        Returns
        -------
        students : int
            How many students were graded.
        notes : list of str
        """
        students = sorted(p.name.removesuffix(f".{GRADES}") for p in self.out.partial_students.glob(f"*.{GRADES}"))
        notes = list(self.notes)
        with open(self.out.grades, "w", newline="", encoding="utf-8") as grades, \
                open(self.out.summary, "w", newline="", encoding="utf-8") as summary:
            csv.writer(grades).writerow(COLUMNS)
            csv.writer(summary).writerow(_summary_header(self.notebooks))
            for student in students:
                grades.write(self.out.partial_file(student, GRADES).read_bytes().decode("utf-8"))
                summary.write(self.out.partial_file(student, SUMMARY).read_bytes().decode("utf-8"))
                notes += self.out.partial_file(student, NOTES).read_text(encoding="utf-8").splitlines()
        self.out.notes.write_text("".join(f"{n}\n" for n in notes), encoding="utf-8")
        shutil.rmtree(self.out.feedback, ignore_errors=True)
        self.out.partial_feedback.rename(self.out.feedback)
        shutil.rmtree(self.out.partial)
        return len(students), notes


def read_grades(out_dir):
    """The rows of OUT/grades.csv, as they were written (scores as floats).

    Raises
    ------
    FileNotFoundError
        When OUT has no grades.csv.
    """
    with open(Out(out_dir).grades, newline="", encoding="utf-8") as f:
        rows = [{k: _unquoted(v) for k, v in row.items()} for row in csv.DictReader(f)]
    return [Row(**{**r, "score": float(r["score"]), "max_score": float(r["max_score"])}) for r in rows]


def read_summary(out_dir):
    """OUT/summary.csv: (the notebooks it has, in course order; a SummaryLine per student, in student order)."""
    with open(Out(out_dir).summary, newline="", encoding="utf-8") as f:
        table = list(csv.reader(f))
    notebooks = table[0][1:-3]  # between the student and total, max, late_penalty
    lines = [SummaryLine(_unquoted(row[0]), {n: float(v) for n, v in zip(notebooks, row[1:])},
                         *map(float, row[-3:])) for row in table[1:]]
    return notebooks, lines


def notes_of(out_dir):
    """The lines of OUT/notes.txt ([] when there is none)."""
    path = Out(out_dir).notes
    return path.read_text(encoding="utf-8").splitlines() if path.exists() else []
