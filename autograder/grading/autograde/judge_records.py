"""JudgeRecords, in place of nbgrader's SaveAutoGrades: the scores judged from the records, not from what the
cells printed; and the verdicts file, where what was judged of a notebook is kept.

After SandboxedExecute has run a notebook, JudgeRecords judges the records its hidden tests left (`trusted`),
puts those scores into the gradebook (`gradebook.set_judged`; a grade cell that no hidden test records keeps
nbgrader's own rule), bounds the graded copy's outputs and makes them inert (`graded_copy`), writes the verdict
under each test cell, and keeps the rows and notes in the work folder's verdicts/<student>/<notebook>.json,
where `grade` collects them and re-judging reads them.
"""

import json
from dataclasses import asdict

import nbformat
from nbgrader.preprocessors import SaveAutoGrades

from autograder.grading import course, release, settings
from autograder.grading.autograde import graded_copy
from autograder.grading.autograde.protection import PACKAGE, ProtectionMissing
from autograder.grading.autograde.sandboxed_execute import RAN
from autograder.grading.autograde.trusted import MAX_RECORD, judge_notebook
from autograder.grading.gradebook import set_judged
from autograder.grading.grades import Row, missing_rows
from autograder.grading.layout import Layout
from autograder.kernel import contract


class JudgeRecords(SaveAutoGrades):
    """nbgrader's SaveAutoGrades with the scores judged from the records, not from what the cells printed."""

    def preprocess(self, nb, resources):
        where, ids = Layout(self.config), resources["nbgrader"]
        student, assignment, notebook = ids["student"], ids["assignment"], ids["notebook"]
        if RAN not in resources:
            raise ProtectionMissing(f"{PACKAGE}.JudgeRecords needs {PACKAGE}.SandboxedExecute before it in "
                                    "c.Autograde.autograde_preprocessors")
        ran, limits = resources[RAN], settings.limits(self.config)
        # nbgrader's own autograde too (the formgrader's button): the course's key, the one released
        release.check_variant_key([assignment], where, course.judge_with_variant_key(self.config))
        cells = {c.metadata.get("nbgrader", {}).get("grade_id"): c for c in nb.cells}
        tests = course.tests_in(nbformat.read(where.source_notebook(assignment, notebook), as_version=4))
        if "refused" in ran:
            rows, why = missing_rows(student, notebook, tests, "unreadable", ran["refused"]), ran["refused"]
        else:
            rows = judge_notebook(student, notebook, tests, ran["records"], cells, ran["fate"], limits)
            why = ran["error"] and f"its kernel did not finish ({ran['error']})"
        self._scores = {row.test: row.score for row in rows}
        nb, resources = super().preprocess(nb, resources)
        graded_copy.without_grader_paths(nb, where.autograded(student, assignment))
        notes = list(ran["notes"]) + graded_copy.bound(nb, limits, f"{student}: {notebook}: ")
        notes += [f"{student}: {notebook}: {why}"] if why else []
        graded_copy.annotate(nb, rows)
        write_verdicts(where, student, notebook, rows, notes)
        return nb, resources

    def _add_score(self, cell, resources):
        grade_id = cell.metadata["nbgrader"]["grade_id"]
        if grade_id not in self._scores:  # a grade cell no hidden test records: nbgrader's own rule
            return super()._add_score(cell, resources)
        set_judged(self.gradebook.find_grade(grade_id, self.notebook_id, self.assignment_id, self.student_id),
                   self._scores[grade_id])
        self.gradebook.db.commit()


def read_verdicts(where, student, notebook):
    """(rows, notes) that JudgeRecords (or re-judging) wrote for a notebook, or None when none was (or it is damaged).

    Parameters
    ----------
    where : layout.Layout
    student, notebook : str
    """
    path = where.verdicts(student, notebook)
    if not path.is_file():
        return None
    try:
        kept = json.loads(path.read_text(encoding="utf-8"))
        return [Row(**row) for row in kept["rows"]], list(kept["notes"])
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError):  # damaged: as if none were kept
        return None


def write_verdicts(where, student, notebook, rows, notes):
    """Keep the rows and notes of one notebook, as JudgeRecords and re-judging decided them."""
    path = where.verdicts(student, notebook)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"rows": [asdict(r) for r in rows], "notes": notes}, indent=1), encoding="utf-8")


def state(where, student, notebook, tests):
    """What grading a notebook leaves to judge it again without a kernel: {path below the work folder: bytes}.

    The verdicts, the sandbox's fate file and the records its tests can make (regular files of at most
    MAX_RECORD bytes: anything else the kernel wrote there is never judged, so never kept).
    """
    paths = [where.verdicts(student, notebook), where.fate(student, notebook)]
    paths += [contract.record_file(where.records(student, notebook), kind, name)
              for test in tests for kind, name in test.records]
    return {str(p.relative_to(where.work)): p.read_bytes() for p in paths
            if p.is_file() and not p.is_symlink() and p.stat().st_size <= MAX_RECORD}
