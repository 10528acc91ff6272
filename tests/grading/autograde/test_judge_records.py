"""JudgeRecords: it needs SandboxedExecute before it; the verdicts file it keeps reads back as written; and the
state kept for re-judging holds only what a hidden test could have written."""

import nbformat
import pytest

from autograder.grading import course
from autograder.grading.autograde import JudgeRecords, ProtectionMissing
from autograder.grading.autograde.judge_records import read_verdicts, state, write_verdicts
from autograder.grading.course import Test
from autograder.grading.grades import Row
from autograder.kernel import contract


def test_verdicts_are_read_back_as_the_rows_and_notes_written(course_copy):
    where = course.layout(course_copy())
    rows = [Row("ann", "01", "test_sigmoid", 0.0, 2.0, "failed", "sigmoid(0) is 1, not 0.5", "sign")]
    assert read_verdicts(where, "ann", "01") is None
    write_verdicts(where, "ann", "01", rows, ["ann: 01: re-identified sigmoid"])
    assert read_verdicts(where, "ann", "01") == (rows, ["ann: 01: re-identified sigmoid"])


def test_judging_refuses_to_run_without_the_sandboxed_run_before_it():
    notebook = nbformat.v4.new_notebook()
    resources = {"nbgrader": {"student": "ann", "assignment": "01", "notebook": "01", "db_url": "sqlite://"}}
    with pytest.raises(ProtectionMissing, match="needs autograder.grading.autograde.SandboxedExecute"):
        JudgeRecords(config=course.config()).preprocess(notebook, resources)


def test_the_state_kept_for_rejudging_is_the_verdicts_the_fate_and_each_tests_record_and_nothing_else(course_copy):
    where = course.layout(course_copy())
    tests = [Test("test_sigmoid", 2.0, ((contract.FUNCTION, "sigmoid"),)),
             Test("test_why", 1.0, ((contract.CONCEPT, "why"),))]
    write_verdicts(where, "ann", "01", [], [])
    where.fate("ann", "01").parent.mkdir(parents=True)
    where.fate("ann", "01").write_text("{}")
    records = where.records("ann", "01")
    records.mkdir(parents=True)
    contract.record_file(records, contract.FUNCTION, "sigmoid").write_text("{}")
    contract.record_file(records, contract.CONCEPT, "why").symlink_to(where.fate("ann", "01"))  # a link: never kept
    (records / "planted.json").write_text("{}")  # no hidden test writes it: never judged, never kept
    kept = state(where, "ann", "01", tests)
    assert sorted(kept) == sorted(str(p.relative_to(where.work)) for p in (
        where.verdicts("ann", "01"), where.fate("ann", "01"), contract.record_file(records, contract.FUNCTION, "sigmoid")))
