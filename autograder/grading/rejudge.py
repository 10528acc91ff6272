"""Re-judging a graded class from what its grading kept, without starting a kernel.

Every verdict is made outside the kernels from the records the hidden tests left
(records.judge_notebook), and grading keeps those records, the sandbox's report
and the verdicts beside the graded copies (protected.state). After a change to a
judge, a known mistake or a concept answer, `rejudge` makes every verdict again
from them; where a notebook's rows change, it rewrites them everywhere they are:
the kept verdicts, the gradebook (scores and late penalty), the graded copy's
annotations and nbgrader's feedback; grades.csv and summary.csv are written anew.
"""

import csv
import json
from datetime import timezone
from pathlib import Path

from autograder.grading import course, graded_copy, protected, records
from autograder.grading.late import late_row
from autograder.grading.status import Row
from autograder.grading.store import Results
from autograder.grading.tasks import Result, tests_of


def _read_grades(out_dir):
    with open(Path(out_dir) / "grades.csv", newline="", encoding="utf-8") as f:
        rows = [Row(**{**r, "score": float(r["score"]), "max_score": float(r["max_score"])}) for r in csv.DictReader(f)]
    with open(Path(out_dir) / "summary.csv", newline="", encoding="utf-8") as f:
        columns = next(csv.reader(f))[1:-3]  # student, the notebooks, total, max, late_penalty
    return rows, columns


def _unquoted(row):
    """A row as grades.csv had it before spreadsheet_safe quoted a field that starts like a formula."""
    fields = {k: (v[1:] if isinstance(v, str) and v.startswith("'") else v) for k, v in row.__dict__.items()}
    return Row(**fields)


def _judge_again(root, student, notebook, tests, limits):
    """(rows now, rows and notes before, graded copy as JSON, its path) of one notebook, from what grading kept."""
    work, of = course.work(root), course.assignment_by_notebook(root)
    before, notes = protected.read_verdicts(work, student, notebook)
    fate_file = protected.fate_file(work, student, notebook)
    fate = json.loads(fate_file.read_text()) if fate_file.is_file() else {}
    path = Path(root) / "course" / "autograded" / student / of[notebook].name / f"{notebook}.ipynb"
    copy = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {"cells": []}
    cells = {c.get("metadata", {}).get("nbgrader", {}).get("grade_id"): c for c in copy["cells"]}
    rows = records.judge_notebook(student, notebook, tests, protected.records_folder(work, student, notebook), cells,
                                  fate, limits)
    return rows, before, notes, copy, path


def _late(config, gradebook, assignment, rows):
    """The late row of a re-judged notebook, from the handing-in time the gradebook keeps."""
    submission = gradebook.find_submission(assignment.name, rows[0].student)
    if submission.timestamp is None:
        return None
    handed_in = submission.timestamp.replace(tzinfo=timezone.utc)  # nbgrader keeps naive UTC
    return late_row(config, rows[0].student, rows[0].notebook, rows, handed_in, assignment.due)


def _keep(gradebook, assignment, rows, late):
    """Write a re-judged notebook's scores and late penalty into the gradebook."""
    student, notebook = rows[0].student, rows[0].notebook
    for row in rows:
        protected.set_judged(gradebook.find_grade(row.test, notebook, assignment, student), row.score)
    gradebook.find_submission_notebook(notebook, assignment, student).late_submission_penalty = (
        -late.score if late else None)


def rejudge(out_dir, root=course.ROOT, assignments=None):
    """Judge a graded class again from its kept records, and rewrite what changed.

    Parameters
    ----------
    out_dir : Path
        The folder `grade` wrote (grades.csv, summary.csv, feedback/): rewritten in place.
    root : Path
        The course root.
    assignments : list of str, optional
        The assignments to re-judge; by default every one released by now.

    Returns
    -------
    list of tuple
        (student, notebook) of every notebook whose rows changed, in order.
    """
    from nbgrader.api import Gradebook

    out_dir, root = Path(out_dir), Path(root)
    old, columns = _read_grades(out_dir)
    selected = {n for a in course.select(assignments, root) for n in a.notebooks} & set(columns)
    config, limits, of = course.config(root), course.limits(root), course.assignment_by_notebook(root)
    tests, work = tests_of(root), course.work(root)
    judged = sorted({(r.student, r.notebook) for r in old if r.notebook in selected} &
                    {(p.parent.name, p.stem) for p in (work / "verdicts").glob("*/*.json")})
    now, changed = {}, []
    with Gradebook(config.CourseDirectory.db_url) as gradebook:
        for student, notebook in judged:
            rows, before, notes, copy, path = _judge_again(root, student, notebook, tests[notebook], limits)
            late = _late(config, gradebook, of[notebook], rows)
            now[(student, notebook)] = rows + ([late] if late else [])
            if rows == before:
                continue
            changed.append((student, notebook))
            _keep(gradebook, of[notebook].name, rows, late)
            protected.write_verdicts(work, student, notebook, rows, notes)
            if path.is_file():
                path.chmod(0o644)  # nbgrader leaves graded copies read-only
                path.write_text(json.dumps(graded_copy.annotate(copy, rows, before), indent=1) + "\n", encoding="utf-8")
        gradebook.db.commit()
    api = course.api(root) if changed else None
    for student, assignment in sorted({(s, of[n].name) for s, n in changed}):
        api.generate_feedback(assignment, student)
    _rewrite(out_dir, root, old, now, columns, changed)
    return changed


def _rewrite(out_dir, root, old, now, columns, changed):
    """grades.csv and summary.csv with the re-judged notebooks' rows in place of their old ones; feedback/ updated."""
    notes = (out_dir / "notes.txt").read_text(encoding="utf-8").splitlines() if (out_dir / "notes.txt").exists() else []
    results, of = Results(out_dir, columns, notes), course.assignment_by_notebook(root)
    feedback = Path(root) / "course" / "feedback"
    students = {}
    for row in map(_unquoted, old):
        students.setdefault(row.student, {}).setdefault(row.notebook, []).append(row)
    for student, notebooks in students.items():
        rows = [r for notebook, kept in notebooks.items() for r in now.get((student, notebook), kept)]
        pages = {}
        for notebook in notebooks:
            page = (feedback / student / of[notebook].name / f"{notebook}.html" if (student, notebook) in changed
                    else out_dir / "feedback" / student / f"{notebook}.html")
            if page.is_file():
                pages[page.name] = page.read_bytes()
        results.add(Result(student, rows, [], {}, pages))
    results.close()

