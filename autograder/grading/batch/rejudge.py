"""Re-judging a graded class from what its grading kept, without starting a kernel.

Every verdict is made outside the kernels from the records the hidden tests left (trusted.judge_notebook),
and grading keeps those records, the sandbox's fate file and the verdicts beside the graded copies
(judge_records.state). After a change to a judge, a known mistake or a concept answer, `rejudge` makes every
verdict again from them; where a notebook's rows change, it rewrites them everywhere they are: the kept
verdicts, the gradebook (scores and late penalty), the graded copy's annotations and nbgrader's feedback;
grades.csv and summary.csv are written anew. A score a grader gave by hand (in the formgrader) stays and is
what the rows say, so `rejudge` also brings the formgrader's scores into OUT.
"""

import json
from datetime import timezone
from pathlib import Path

from autograder.grading import course, gradebook, release
from autograder.grading.autograde import graded_copy
from autograder.grading.autograde.judge_records import read_verdicts, write_verdicts
from autograder.grading.autograde.trusted import judge_notebook
from autograder.grading.batch.store import as_counted
from autograder.grading.grades import GradesWriter, notes_of, read_grades, read_summary
from autograder.grading.layout import ROOT, Out
from autograder.grading.sandbox.sandboxed_kernel import read_fate


def rejudge(out_dir, root=ROOT, assignments=None, said=None):
    """Judge a graded class again from its kept records, and rewrite what changed.

    Parameters
    ----------
    out_dir : Path
        The folder `grade` wrote (grades.csv, summary.csv, feedback/): rewritten in place.
    root : Path
        The course root.
    assignments : list of str, optional
        The assignments to re-judge; by default every one released by now.
    said : list, optional
        Gets one line naming the notebooks left as they were because the gradebook does not hold their grading (a
        new, restored or emptied gradebook) or what grading kept of them is damaged: `grade` runs them again.

    Returns
    -------
    list of tuple
        (student, notebook) of every notebook whose rows changed, in order.
    """
    out_dir, root = Path(out_dir), Path(root)
    old, (columns, _) = read_grades(out_dir), read_summary(out_dir)
    chosen = course.select(assignments, root)
    selected = {n for a in chosen for n in a.notebooks} & set(columns)
    config, where, of, tests = course.config(root), course.layout(root), course.assignment_by_notebook(root), course.tests(root)
    limits = course.limits(root)
    release.check_variant_key([a.name for a in chosen], where, course.variant_key(root))
    judged = sorted({(r.student, r.notebook) for r in old if r.notebook in selected} & where.judged())
    now, changed, held, unfinished = {}, [], {}, {}
    for row in old:
        held.setdefault((row.student, row.notebook), []).append(row)
    with gradebook.of_course(config) as opened:
        in_gradebook = gradebook.graded(opened)
        left = [(s, n) for s, n in judged if (s, n) not in in_gradebook or read_verdicts(where, s, n) is None]
        if left and said is not None:
            said.append("not re-judged, the gradebook not holding their grading or what grading kept of them "
                        f"being damaged (`grade` runs them again): {', '.join(f'{s}/{n}' for s, n in left)}")
        for student, notebook in (pair for pair in judged if pair not in left):
            rows, (before, notes), copy, path = _judge_again(where, of, limits, student, notebook, tests[notebook])
            assignment = of[notebook]
            if rows != before:  # its reuse key goes until the gradebook holds the new rows: a stop here costs a re-run
                key = where.key(student, notebook)
                if key.is_file():
                    unfinished[key] = key.read_text()
                    key.unlink()
                gradebook.write_notebook(opened, assignment.name, rows)
                write_verdicts(where, student, notebook, rows, notes)
                if path.is_file():
                    path.chmod(0o644)  # nbgrader leaves graded copies read-only
                    path.write_text(json.dumps(graded_copy.annotate(copy, rows, before), indent=1) + "\n",
                                    encoding="utf-8")
            # a grader's hand-given scores count; the late penalty is taken from them, and written in any case
            now[(student, notebook)] = as_counted(opened, config, assignment, rows, _handed_in(opened, assignment, student))
            if now[(student, notebook)] != held[(student, notebook)]:
                changed.append((student, notebook))
        opened.db.commit()
    for key, text in unfinished.items():
        key.write_text(text)
    api = course.api(root) if changed else None
    for student, assignment in sorted({(s, of[n].name) for s, n in changed}):
        api.generate_feedback(assignment, student)
    _rewrite(out_dir, root, old, now, {name: tests.get(name, []) for name in columns}, changed)
    return changed


def _judge_again(where, of, limits, student, notebook, tests):
    """(rows now, (rows and notes before), graded copy as JSON, its path) of one notebook, from what grading kept."""
    fate = read_fate(where.fate(student, notebook))
    path = where.graded_copy(student, of[notebook].name, notebook)
    copy = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {"cells": []}
    cells = {c.get("metadata", {}).get("nbgrader", {}).get("grade_id"): c for c in copy["cells"]}
    rows = judge_notebook(student, notebook, tests, where.records(student, notebook), cells, fate, limits)
    return rows, read_verdicts(where, student, notebook), copy, path


def _handed_in(opened, assignment, student):
    """When the gradebook says a student handed an assignment in (aware), or None."""
    stamp = opened.find_submission(assignment.name, student).timestamp
    return None if stamp is None else stamp.replace(tzinfo=timezone.utc)  # nbgrader keeps naive UTC


def _rewrite(out_dir, root, old, now, tests, changed):
    """grades.csv and summary.csv with the re-judged notebooks' rows in place of their old ones; feedback/ updated."""
    out, where, of = Out(out_dir), course.layout(root), course.assignment_by_notebook(root)
    written = GradesWriter(out_dir, tests, notes_of(out_dir))  # tests: of every notebook OUT has
    students = {}
    for row in old:
        students.setdefault(row.student, {}).setdefault(row.notebook, []).append(row)
    for student, notebooks in students.items():
        rows = [r for notebook, kept in notebooks.items() for r in now.get((student, notebook), kept)]
        pages = {}
        for notebook in notebooks:
            page = (where.feedback_page(student, of[notebook].name, notebook) if (student, notebook) in changed
                    else out.feedback_page(student, notebook))
            if page.is_file():
                pages[page.name] = page.read_bytes()
        written.add(student, rows, [], pages)
    written.close()
