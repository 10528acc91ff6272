"""Trusted verdicts: what each test earned, decided outside the student's kernel from the records its hidden tests left.

A hidden test only records (autograder.kernel.capture.submit): plain numbers in a JSON file per graded
function or question. Here, in the grader's process, each record is judged; a test cell earns its points
when every record it made is judged right, whatever the cell itself printed or raised. Where a test left no
record, its status and message say why, from what the kernel saw (its cell's error) and what became of the
kernel (the sandbox's fate file). The rows decided here go into nbgrader's gradebook and into the graded
copy that feedback is made from, so grades.csv, the gradebook and the feedback all carry the same verdict.

Judging a record and deciding a status are pure: files in (a record, at most MAX_RECORD bytes), rows out.
"""

import json
import re
from dataclasses import replace

from autograder.grading.grades import Row, first_line
from autograder.judging import describe, judge, judge_concept
from autograder.kernel import contract

#: Bytes of the largest record judged: a hidden test's are a few kB; a larger file is not one of them.
MAX_RECORD = 4 * 1024**2
_MISTAKE_TAG = re.compile(r"^\[mistake: (\w+)\]$", re.MULTILINE)


def read_record(folder, kind, name):
    """A hidden test's record as plain data.

    Raises
    ------
    FileNotFoundError
        When the test left none.
    ValueError
        When what is there is not a record a hidden test writes: a link (never followed: the kernel writes
        records), a file over MAX_RECORD bytes, not JSON.
    """
    path = contract.record_file(folder, kind, name)
    if path.is_symlink():
        raise ValueError(f"{path.name} is a link")
    if not path.is_file():
        raise FileNotFoundError(path)
    if path.stat().st_size > MAX_RECORD:
        raise ValueError(f"{path.name} is over {MAX_RECORD} bytes")
    return json.loads(path.read_text(encoding="utf-8"))  # json's error is a ValueError


def judge_record(folder, kind, name, student):
    """The verdict on one record, or None when the hidden test left none; a concept answer is judged for `student`'s
    variant (the folder the notebook was handed in under)."""
    try:
        record = read_record(folder, kind, name)
    except FileNotFoundError:
        return None
    except ValueError:
        return _unjudgeable(kind, name, student)
    try:
        return judge(name, record) if kind == contract.FUNCTION else judge_concept(name, record, student)
    except Exception:  # a record of any other shape (the kernel may write anything): only this test fails
        return _unjudgeable(kind, name, student)


def _unjudgeable(kind, name, student):
    """The verdict on a record that is not what a hidden test writes: that of an empty one."""
    return judge(name, {}) if kind == contract.FUNCTION else judge_concept(name, "unreadable record", student)


def judge_notebook(student, notebook, tests, folder, cells, fate, limits):
    """The rows of one graded notebook, from the records in `folder`: what JudgeRecords and re-judging decide.

    Parameters
    ----------
    student, notebook : str
    tests : list of course.Test
        The instructor notebook's autograder cells.
    folder : Path
        The notebook's records.
    cells : mapping of str to dict
        The graded copy's cells by grade_id (what the kernel printed, for tests that left no record).
    fate : dict
        The sandbox's fate file of the kernel, with "cell_timeout" (see trusted_status).
    limits : settings.Limits

    Returns
    -------
    list of grades.Row
    """
    rows, wrong = [], {}
    for test in tests:
        verdicts = [judge_record(folder, kind, name, student) for kind, name in test.records]
        score, status, message, mistake = trusted_status(test, verdicts, cells.get(test.grade_id), fate, limits)
        rows.append(Row(student, notebook, test.grade_id, score, test.points, status, message, mistake))
        wrong |= {name: test.grade_id for (kind, name), verdict in zip(test.records, verdicts)
                  if kind == contract.FUNCTION and verdict is not None and not verdict.passed}
    return helpers_noted(tests, rows, wrong)


def helpers_noted(tests, rows, wrong):
    """The rows, with a note on each passed test of a function whose graded helper was judged wrong here.

    Such a function was judged with its helper standing in (autograder.kernel.stand_in): its row says it is right
    with a right helper, and where the student's helper is judged, so that the two rows do not seem to disagree.

    Parameters
    ----------
    tests : list of course.Test
    rows : list of grades.Row
        One per test, in order.
    wrong : dict of str to str
        {graded function: grade_id of its test} of the functions whose record was judged wrong (not those that left
        no record: a helper never judged is not said to be wrong).
    """
    noted = []
    for test, row in zip(tests, rows):
        helpers = [helper for kind, name in test.records if kind == contract.FUNCTION
                   for helper, _ in describe(name).helpers if helper in wrong]
        if row.status == "passed" and helpers:
            row = replace(row, message=" ".join(
                f"Right with a correct {helper}; yours is wrong: see {wrong[helper]}." for helper in helpers))
        noted.append(row)
    return noted


def cell_status(cell, score, max_score):
    """(status, message, mistake) of one test cell from its error output, as the kernel saw it."""
    errors = [o for o in cell.get("outputs", []) if o.get("output_type") == "error"]
    if not errors:
        return ("passed" if score >= max_score else "failed"), "", ""
    ename, evalue = errors[0].get("ename", ""), str(errors[0].get("evalue", ""))
    tag = _MISTAKE_TAG.search(evalue)
    mistake = tag.group(1) if tag else ""
    if ename == "CellTimeoutError" or "timeout" in ename.lower():
        return "timeout", "the cell ran longer than the time limit and was stopped", ""
    if ename == "AssertionError":
        return "failed", first_line(evalue) or "a test assertion failed", mistake
    if ename == "NotImplementedError":
        return "failed", first_line(evalue) or "not implemented yet", "not_implemented"
    return "error", f"{ename}: {first_line(evalue)}".strip(": "), ""


def trusted_status(test, verdicts, cell, fate, limits):
    """(score, status, message, mistake) of a test from the verdicts on its records.

    Parameters
    ----------
    test : course.Test
    verdicts : list of judging.Verdict or None
        One per record of the test; None where the hidden test left no record.
    cell : dict or None
        The test cell of the graded copy, for what the kernel saw.
    fate : dict
        The sandbox's fate file of the notebook's kernel ({} when none): "reason" it ended (exited, timeout,
        disk, unused, or shutdown: stopped by its kernel manager, however it exited then), "returncode",
        "process_limit_hit"; plus "cell_timeout": whether nbgrader stopped a cell.
    limits : settings.Limits
    """
    if verdicts and all(v is not None and v.passed for v in verdicts):
        return test.points, "passed", "", ""
    failed = [v for v in verdicts if v is not None and not v.passed]
    if failed:
        return 0.0, "failed", first_line(failed[0].message), failed[0].mistake
    if fate.get("reason") == "timeout":
        return 0.0, "timeout", (f"the notebook ran past its time limit of {limits.notebook_timeout:g} s "
                                "and was stopped before this test"), ""
    if fate.get("reason") == "disk":
        return 0.0, "error", (f"the notebook wrote more than its disk quota of {limits.disk_quota / 1e6:g} MB "
                              "(or too many files) and was stopped before this test; what it wrote is discarded"), ""
    status, message, mistake = cell_status(cell, 0, test.points) if cell is not None else ("error", "", "")
    if status == "timeout" or fate.get("cell_timeout"):
        return 0.0, "timeout", (f"a cell ran longer than {limits.cell_timeout:g} s and was stopped"
                                + ("" if status == "timeout" else ", with the rest of the notebook")), ""
    if fate.get("process_limit_hit"):
        return 0.0, "error", (f"the kernel reached its limit of {limits.max_processes} processes and threads "
                              "before this test could run"), ""
    if fate.get("returncode") not in (None, 0) and fate.get("reason") != "shutdown":
        return 0.0, "error", ("the kernel stopped before this test (exit code "
                              f"{fate['returncode']}): os._exit, a crash, or the memory limit"), ""
    if status in ("error", "failed") and message:
        return 0.0, "error", f"the hidden test did not run: {message}", mistake
    return 0.0, "error", "the hidden test did not run (its cell was not reached)", ""
