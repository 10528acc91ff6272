"""Does OUT say what the gradebook says? Every number of every file written from it, compared.

The gradebook is the record (scores judged by grading, scores and comments given by hand in the formgrader,
late penalties); `grade`, `rejudge` and `report` write OUT from it. `differences` reads them back and lists every
place where they part:

- grades.csv: each test row's score is the gradebook's score of that cell (a hand-given one if a grader gave
  one), each notebook's late row its late penalty; a notebook the gradebook has a submission of is not
  "missing", and every notebook the gradebook holds of OUT's notebooks is in grades.csv;
- summary.csv: each student's line is the sum of their rows;
- report.md, canvas.csv, moodle.csv (those OUT has): what `report` would write from grades.csv now;
- feedback/<student>/<notebook>.html: the score in its heading is the notebook's score net of its late penalty,
  and it shows the penalty when there is one.
"""

import math
import re
import shutil
import tempfile
from collections import defaultdict
from pathlib import Path

from autograder.grading import course, gradebook
from autograder.grading.grades import LATE, read_grades, read_summary, summary_line
from autograder.grading.layout import GRADES, ROOT, SUMMARY, Out

#: The heading of nbgrader's feedback page, "01_model_and_loss (Score: 4.8 / 6.0)", and its late-penalty line.
_HEADING = re.compile(r"\(Score: (-?[\d.]+) / ([\d.]+)\)")
_PENALTY = re.compile(r"Late submission penalty \(Score: -([\d.]+)\)")


def _same(a, b):
    return math.isclose(a, b, abs_tol=0.006)  # the files round to 2 decimals


def differences(out_dir, root=ROOT):
    """Every difference between OUT and the course's gradebook, as sentences (none: they agree).

    Parameters
    ----------
    out_dir : Path
        A folder written by `grade` (and perhaps `report`).
    root : Path
        The course root.

    Returns
    -------
    list of str
    """
    rows = read_grades(out_dir)
    found = _grades_against_gradebook(rows, root) + _summary_against_rows(out_dir, rows)
    found += _derived_files(out_dir, root) + _feedback_pages(out_dir, rows)
    return found


def _by_notebook(rows):
    by = defaultdict(list)
    for row in rows:
        by[(row.student, row.notebook)].append(row)
    return by


def _grades_against_gradebook(rows, root):
    from nbgrader.api import MissingEntry

    found, of, by = [], course.assignment_by_notebook(root), _by_notebook(rows)
    with gradebook.of_course(course.config(root)) as opened:
        for (student, notebook), its in sorted(by.items()):
            tests, late = [r for r in its if r.status != LATE], sum(-r.score for r in its if r.status == LATE)
            if notebook not in of:
                found.append(f"{student}: {notebook}: in grades.csv, but not a notebook of the course")
                continue
            try:
                held = opened.find_submission_notebook(notebook, of[notebook].name, student)
            except MissingEntry:
                if any(r.status != "missing" for r in tests):
                    found.append(f"{student}: {notebook}: graded in grades.csv, but the gradebook has no submission")
                continue
            if all(r.status == "missing" for r in tests):
                # nbgrader makes every notebook of a submission: one never handed in has no score
                if any(g.auto_score is not None or g.manual_score is not None for g in held.grades):
                    found.append(f"{student}: {notebook}: missing in grades.csv, but the gradebook has its scores")
                continue
            scores = {g.name: g.score for g in held.grades}
            for row in tests:
                if row.test not in scores:
                    found.append(f"{student}: {notebook}: {row.test} is in grades.csv, not in the gradebook")
                elif not _same(row.score, scores[row.test]):
                    found.append(f"{student}: {notebook}: {row.test}: grades.csv says {row.score:g}, "
                                 f"the gradebook {scores[row.test]:g}")
            if not _same(late, held.late_submission_penalty or 0.0):
                found.append(f"{student}: {notebook}: late penalty: grades.csv says {late:g}, "
                             f"the gradebook {held.late_submission_penalty or 0:g}")
        for assignment in sorted({of[notebook].name for _, notebook in by if notebook in of}):
            for submission in opened.find_assignment(assignment).submissions:
                for held in submission.notebooks:
                    if (submission.student.id, held.name) not in by:
                        found.append(f"{submission.student.id}: {held.name}: in the gradebook, not in grades.csv")
    return found


def _summary_against_rows(out_dir, rows):
    notebooks, lines = read_summary(out_dir)
    by_student = defaultdict(list)
    for row in rows:
        by_student[row.student].append(row)
    found = [f"{student}: in grades.csv, not in summary.csv" for student in sorted(set(by_student) - {
        line.student for line in lines})]
    for line in lines:
        should = summary_line(line.student, notebooks, by_student.get(line.student, []))
        for what, said, sum_ in [*((n, line.points[n], should.points[n]) for n in notebooks),
                                 ("total", line.total, should.total), ("max", line.max, should.max),
                                 ("late_penalty", line.late_penalty, should.late_penalty)]:
            if not _same(said, sum_):
                found.append(f"{line.student}: summary.csv's {what} is {said:g}, its rows in grades.csv add up to {sum_:g}")
    return found


def _derived_files(out_dir, root):
    """report.md and the LMS files OUT has, against what `report` writes from its grades.csv (and similarity.csv, and
    the course's kept records) now."""
    from autograder.instructor.lms import WRITERS
    from autograder.instructor.report import write_report

    out, found = Out(out_dir), []
    with tempfile.TemporaryDirectory() as scratch:
        for name in (GRADES, SUMMARY):
            shutil.copy(out.folder / name, Path(scratch) / name)
        if out.similarity_csv.exists():  # the report's table of the closest pairs
            shutil.copy(out.similarity_csv, Out(scratch).similarity_csv)
        made = {out.report.name: (out.report, lambda: write_report(scratch, root=root))}
        made |= {out.lms(lms).name: (out.lms(lms), lambda lms=lms: WRITERS[lms](scratch, root)) for lms in WRITERS}
        for name, (path, write) in made.items():
            if path.exists() and path.read_bytes() != write().read_bytes():
                found.append(f"{name} is not what `report` writes from grades.csv now: run `report` again")
    return found


def _feedback_pages(out_dir, rows):
    found, out = [], Out(out_dir)
    for (student, notebook), its in sorted(_by_notebook(rows).items()):
        page = out.feedback_page(student, notebook)
        if not page.is_file():
            continue
        text = page.read_text(encoding="utf-8", errors="replace")
        heading, penalty = _HEADING.search(text), _PENALTY.search(text)
        net = sum(r.score for r in its)
        late = sum(-r.score for r in its if r.status == LATE)
        if heading is None or not _same(float(heading.group(1)), net):
            found.append(f"{student}: {notebook}: the feedback page says {heading.group(1) if heading else 'no score'}, "
                         f"grades.csv {net:g}")
        if not _same(float(penalty.group(1)) if penalty else 0.0, late):
            found.append(f"{student}: {notebook}: the feedback page's late penalty is "
                         f"{penalty.group(1) if penalty else 'not shown'}, grades.csv's {late:g}")
    return found
