"""The grades of a class as OUT/ holds them: the row of grades.csv, and the one writer and one reader of
grades.csv and summary.csv.

- `Row`: one student's result on one test cell; `COLUMNS` are grades.csv's columns.
- `GradesWriter`: writes grades.csv and summary.csv, with notes.txt and feedback/, as students' results
  arrive: each student in a file of their own under OUT/.partial/, joined in student order by `close`, which
  only then puts the new feedback in place. A run stopped half-way leaves OUT/ as the last finished run left
  it. A run replaces the rows and pages of the notebooks it graded and keeps those of the others, so a weekly
  `grade --assignment` adds its week to OUT (a student absent from the week's run is "missing" in it).
- `read_grades`, `read_summary`: the same files read back (the report, the LMS files, re-judging, the CLI).

Every field that a spreadsheet could run as a formula is written with a leading quote (OWASP's advice on
CSV injection), and so is one that starts with a quote; the reader takes one leading quote off, so what is
read is what was written.
"""

import csv
import itertools
import os
import shutil
from dataclasses import astuple, dataclass, fields

from autograder.grading.layout import GRADES, KEPT, NOTES, SUMMARY, Out

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


def missing_rows(student, notebook, tests, status="missing", message="notebook not submitted"):
    """The rows of a notebook not graded: every test scores 0 (`tests`: its course.Test list)."""
    return [Row(student, notebook, t.grade_id, 0.0, t.points, status, message) for t in tests]


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

    The rows and feedback pages of the students and notebooks graded replace those OUT held; everything else OUT
    held stays: other notebooks' rows, pages and notes (the notes after this run's), and the rows of students
    not in this run (a run of one late student's folder changes nobody else's grades). A student of OUT with no
    row of a notebook graded now is missing from it.

    Parameters
    ----------
    out_dir : Path
    tests : dict
        {notebook: [course.Test, ...]} of the notebooks graded, in course order.
    notes : list of str
        What the instructor should know before any student is graded (from discovery).
    """

    def __init__(self, out_dir, tests, notes=()):
        self.out, self.tests, self.notes = Out(out_dir), dict(tests), list(notes)
        _check_readable(self.out.grades)  # before any student is graded, not after
        if not self.out.feedback.exists() and self.out.replaced_feedback.is_dir():  # a run stopped while swapping
            self.out.replaced_feedback.rename(self.out.feedback)
        shutil.rmtree(self.out.partial, ignore_errors=True)  # what a stopped run left
        self.out.partial_students.mkdir(parents=True)
        self.out.partial_feedback.mkdir()

    def add(self, student, rows, notes, feedback):
        """Write one student's rows, notes and feedback pages ({file name: bytes}); keep nothing."""
        with open(self.out.partial_file(student, GRADES), "w", newline="", encoding="utf-8") as f:
            csv.writer(f).writerows(map(_fields, rows))
        self.out.partial_file(student, NOTES).write_text("".join(f"{n}\n" for n in notes), encoding="utf-8")
        for name, content in sorted(feedback.items()):
            if name.endswith(".html"):
                (self.out.partial_feedback / student).mkdir(parents=True, exist_ok=True)
                (self.out.partial_feedback / student / name).write_bytes(content)

    def close(self):
        """Join the students' files, in order of student id, with what OUT held of other notebooks, into grades.csv,
        summary.csv and notes.txt; put feedback/ in place.

        Returns
        -------
        students : int
            How many students were graded in this run.
        notes : list of str
        """
        graded = sorted(p.name.removesuffix(f".{GRADES}") for p in self.out.partial_students.glob(f"*.{GRADES}"))
        kept = self._keep_earlier_rows(set(graded))
        notebooks = sorted({*self.tests, *(notebook for _, notebook in kept)})  # the names sort in course order
        order = {name: k for k, name in enumerate(notebooks)}
        notes = list(self.notes)
        with open(self.out.partial / GRADES, "w", newline="", encoding="utf-8") as grades, \
                open(self.out.partial / SUMMARY, "w", newline="", encoding="utf-8") as summary:
            csv.writer(grades).writerow(COLUMNS)
            csv.writer(summary).writerow(_summary_header(notebooks))
            for student in sorted({*graded, *(student for student, _ in kept)}):
                if student in graded:
                    now = _read_rows(self.out.partial_file(student, GRADES))
                    notes += self.out.partial_file(student, NOTES).read_text(encoding="utf-8").splitlines()
                else:
                    now = [r for notebook, tests in self.tests.items() if (student, notebook) not in kept
                           for r in missing_rows(student, notebook, tests)]
                earlier = self.out.partial_file(student, KEPT)
                rows = sorted((_read_rows(earlier) if earlier.exists() else []) + now,
                              key=lambda r: order.get(r.notebook, len(order)))  # stable: a notebook's rows in order
                csv.writer(grades).writerows(map(_fields, rows))
                line = summary_line(student, notebooks, rows)
                csv.writer(summary).writerow([spreadsheet_safe(line.student), *line.points.values(), line.total,
                                              line.max, line.late_penalty])
        self._keep_earlier_pages(set(graded))
        others, absent = set(notebooks) - set(self.tests), {student for student, _ in kept} - set(graded)
        notes += [n for n in notes_of(self.out.folder) if n not in notes and (  # what the last run said that stands
            n.split(":")[0] in absent or any(name in n for name in others) and not any(name in n for name in self.tests))]
        self.out.notes.write_text("".join(f"{n}\n" for n in notes), encoding="utf-8")
        for name in (GRADES, SUMMARY):
            (self.out.partial / name).replace(self.out.folder / name)
        if self.out.feedback.exists():  # two renames, each whole: OUT's pages are always in one of two places
            self.out.feedback.rename(self.out.replaced_feedback)
        self.out.partial_feedback.rename(self.out.feedback)
        shutil.rmtree(self.out.partial)
        return len(graded), notes

    def _keep_earlier_rows(self, graded):
        """Copy OUT's rows that this run does not replace (of the notebooks not graded now, or of students not
        graded now) into each student's "kept" file (memory does not grow with the class); return
        {(student, notebook)} of what was kept."""
        kept = set()
        if not self.out.grades.exists():
            return kept
        with open(self.out.grades, newline="", encoding="utf-8") as f:
            rows = (_row(fields) for fields in csv.DictReader(f))
            for student, group in itertools.groupby((r for r in rows if r.notebook not in self.tests
                                                     or r.student not in graded), key=lambda r: r.student):
                group = list(group)
                with open(self.out.partial_file(student, KEPT), "a", newline="", encoding="utf-8") as part:
                    csv.writer(part).writerows(map(_fields, group))
                kept |= {(student, r.notebook) for r in group}
        return kept

    def _keep_earlier_pages(self, graded):
        for page in sorted(self.out.feedback.glob("*/*.html")) if self.out.feedback.is_dir() else []:
            target = self.out.partial_feedback / page.parent.name / page.name
            if (page.stem not in self.tests or page.parent.name not in graded) and not target.exists():
                target.parent.mkdir(parents=True, exist_ok=True)
                os.link(page, target)  # not moved: OUT's page stays until the new folder replaces OUT's whole


def _check_readable(path):
    """Refuse, with what to do, an OUT/grades.csv that a run could not add to (not this grader's, or damaged)."""
    if not path.exists():
        return
    try:
        with open(path, newline="", encoding="utf-8") as f:
            for fields in csv.DictReader(f):
                _row(fields)
    except (TypeError, AttributeError, ValueError, KeyError, UnicodeDecodeError) as problem:
        raise ValueError(f"{path} is not a grades.csv this grader wrote, or it is damaged ({type(problem).__name__}: "
                         f"{problem}): grading adds to it, so move it away or grade into another --out") from None


def _fields(row):
    """A Row as grades.csv's fields, each safe in a spreadsheet."""
    return [spreadsheet_safe(v) for v in astuple(row)]


def _read_rows(path):
    """The rows of a student's part of grades.csv (no header), as they were written."""
    with open(path, newline="", encoding="utf-8") as f:
        return [_row(dict(zip(COLUMNS, fields))) for fields in csv.reader(f)]


def _row(fields):
    """A Row from grades.csv's fields ({column: text}): one leading quote taken off, scores as floats."""
    fields = {k: _unquoted(v) for k, v in fields.items()}
    return Row(**{**fields, "score": float(fields["score"]), "max_score": float(fields["max_score"])})


def read_grades(out_dir):
    """The rows of OUT/grades.csv, as they were written (scores as floats).

    Raises
    ------
    FileNotFoundError
        When OUT has no grades.csv.
    """
    with open(Out(out_dir).grades, newline="", encoding="utf-8") as f:
        return [_row(fields) for fields in csv.DictReader(f)]


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
