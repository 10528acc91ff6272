"""Verdicts decided outside the student's kernel, from the records its hidden tests left.

A hidden test only records (autograder.kernel.capture.submit): plain numbers in a
JSON file per graded function or question. Here, in the grader's process, each
record is judged; a test cell earns its points when every record it made is
judged right, whatever the cell itself printed or raised. The verdicts then
go into nbgrader's gradebook and into the graded copy that feedback is made
from, so grades.csv, the gradebook and the feedback all carry the same verdict.
"""

import json
import re
from dataclasses import dataclass

from autograder.grading.status import Row, trusted_status
from autograder.judging import judge, judge_concept
from autograder.kernel import contract

#: Bytes of the largest record judged: a hidden test's are a few kB; a larger file is not one of them.
MAX_RECORD = 4 * 1024**2
_SUBMITS = re.compile(r'\bsubmit(_answer)?\("(\w+)"')


@dataclass(frozen=True)
class Test:
    """An autograder cell: its grade_id, points, and the records its hidden part makes."""

    grade_id: str
    points: float
    records: tuple  # of (kind, name): ("function", "sigmoid") or ("concept", "why_log_loss")


def tests_of(notebook):
    """The autograder cells of an instructor notebook, in order.

    Parameters
    ----------
    notebook : nbformat.NotebookNode

    Returns
    -------
    list of Test
    """
    tests = []
    for cell in notebook.cells:
        meta = cell.metadata.get("nbgrader", {})
        if cell.cell_type == "code" and meta.get("grade"):
            records = tuple(("concept" if answer else "function", name) for answer, name in _SUBMITS.findall(cell.source))
            tests.append(Test(meta["grade_id"], float(meta["points"]), records))
    return tests


def judge_record(folder, kind, name):
    """The verdict on one record, or None when the hidden test left none."""
    path = contract.record_file(folder, kind, name)
    if path.is_symlink():  # the kernel writes records: a link is never followed
        return _unjudgeable(kind, name)
    if not path.is_file():
        return None
    if path.stat().st_size > MAX_RECORD:
        return _unjudgeable(kind, name)
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
        return judge(name, record) if kind == "function" else judge_concept(name, record)
    except Exception:  # a record of any other shape (the kernel may write anything): only this test fails
        return _unjudgeable(kind, name)


def _unjudgeable(kind, name):
    """The verdict on a record that is not what a hidden test writes: that of an empty one."""
    return judge(name, {}) if kind == "function" else judge_concept(name, "unreadable record")


def judge_notebook(student, notebook, tests, folder, cells, fate, limits):
    """The rows of one graded notebook, from the records in `folder`: what JudgeRecords and re-judging decide.

    Parameters
    ----------
    student, notebook : str
    tests : list of Test
        The instructor notebook's autograder cells.
    folder : Path
        The notebook's records.
    cells : mapping of str to dict
        The graded copy's cells by grade_id (what the kernel printed, for tests that left no record).
    fate : dict
        The sandbox's report on the kernel, with "cell_timeout" (see status.trusted_status).
    limits : settings.Limits

    Returns
    -------
    list of status.Row
    """
    rows = []
    for test in tests:
        verdicts = [judge_record(folder, kind, name) for kind, name in test.records]
        score, status, message, mistake = trusted_status(test, verdicts, cells.get(test.grade_id), fate, limits)
        rows.append(Row(student, notebook, test.grade_id, score, test.points, status, message, mistake))
    return rows
