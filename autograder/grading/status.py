"""What happened to every test: the rows of grades.csv, decided from verdicts and what the kernel saw.

Pure decisions: a cell of a graded copy, the verdicts on its records and the
sandbox's report in, a status and the first line the student needs to read out.
"""

import re
from dataclasses import dataclass, fields

STATUSES = ("passed", "failed", "error", "timeout", "missing", "unreadable")
_MISTAKE_TAG = re.compile(r"^\[mistake: (\w+)\]$", re.MULTILINE)


@dataclass(frozen=True)
class Row:
    """One student's result on one autograder test cell (one row of grades.csv)."""

    student: str
    notebook: str
    test: str
    score: float
    max_score: float
    status: str
    message: str
    mistake: str = ""


COLUMNS = tuple(f.name for f in fields(Row))


def first_line(text):
    """The first non-blank line of a text, stripped ('' when there is none)."""
    return next((line.strip() for line in str(text).splitlines() if line.strip()), "")


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
    test : records.Test
    verdicts : list of judging.Verdict or None
        One per record of the test; None where the hidden test left no record.
    cell : dict or None
        The test cell of the graded copy, for what the kernel saw.
    fate : dict
        The sandbox's report on the notebook's kernel ({} when none), plus
        "cell_timeout": whether nbgrader stopped a cell.
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
    if fate.get("returncode") not in (None, 0):
        return 0.0, "error", ("the kernel stopped before this test (exit code "
                              f"{fate['returncode']}): os._exit, a crash, or the memory limit"), ""
    if status in ("error", "failed") and message:
        return 0.0, "error", f"the hidden test did not run: {message}", mistake
    return 0.0, "error", "the hidden test did not run (its cell was not reached)", ""
