"""Trusted verdicts: every branch of the status decisions, and judging records left on disk (whatever they hold)."""

import json

import pytest

import solutions
from autograder.grading.autograde.trusted import (cell_status, helpers_noted, judge_notebook, judge_record,
                                                  trusted_status)
from autograder.grading.course import Test
from autograder.grading.grades import Row
from autograder.judging import Verdict, probe
from autograder.kernel import contract
from autograder.kernel.capture import capture
from tests.grading.test_settings import LIMITS

TEST = Test("test_sigmoid", 2.0, ((contract.FUNCTION, "sigmoid"),))
RIGHT, WRONG = Verdict(True), Verdict(False, "sigmoid: is wrong.\nmore", "sigmoid_tanh")


def _cell(*errors):
    return {"outputs": [{"output_type": "error", "ename": e, "evalue": v} for e, v in errors]}

@pytest.mark.parametrize("outputs, score, expected", [
    ([], 2, ("passed", "", "")),
    ([], 0, ("failed", "", "")),
    ([{"output_type": "error", "ename": "AssertionError", "evalue": "dL_dz: is y − a.\n[mistake: dLdz_y_minus_a]"}], 0,
     ("failed", "dL_dz: is y − a.", "dLdz_y_minus_a")),
    ([{"output_type": "error", "ename": "AssertionError", "evalue": ""}], 0, ("failed", "a test assertion failed", "")),
    ([{"output_type": "error", "ename": "NotImplementedError", "evalue": ""}], 0,
     ("failed", "not implemented yet", "not_implemented")),
    ([{"output_type": "error", "ename": "CellTimeoutError", "evalue": "No reply"}], 0,
     ("timeout", "the cell ran longer than the time limit and was stopped", "")),
    ([{"output_type": "error", "ename": "NameError", "evalue": "name 'sigmoid' is not defined"}], 0,
     ("error", "NameError: name 'sigmoid' is not defined", "")),
])
def test_cell_status_reads_the_graded_cell(outputs, score, expected):
    assert cell_status({"outputs": outputs}, score, 2) == expected

@pytest.mark.parametrize("verdicts, cell, fate, expected", [
    ([RIGHT], _cell(("AssertionError", "the kernel said no")), {}, (2.0, "passed", "", "")),
    ([WRONG], _cell(), {}, (0.0, "failed", "sigmoid: is wrong.", "sigmoid_tanh")),
    ([RIGHT, WRONG], _cell(), {}, (0.0, "failed", "sigmoid: is wrong.", "sigmoid_tanh")),
    ([None], _cell(), {"reason": "timeout"},
     (0.0, "timeout", "the notebook ran past its time limit of 300 s and was stopped before this test", "")),
    ([None], _cell(("CellTimeoutError", "")), {}, (0.0, "timeout", "a cell ran longer than 60 s and was stopped", "")),
    ([None], _cell(), {"cell_timeout": True},
     (0.0, "timeout", "a cell ran longer than 60 s and was stopped, with the rest of the notebook", "")),
    ([None], None, {"returncode": -9},
     (0.0, "error", "the kernel stopped before this test (exit code -9): os._exit, a crash, or the memory limit", "")),
    ([None], _cell(("NameError", "name 'np' is not defined")), {"returncode": 0},
     (0.0, "error", "the hidden test did not run: NameError: name 'np' is not defined", "")),
    ([None], _cell(("NameError", "name 'sigmoid' is not defined")), {"reason": "shutdown", "returncode": -15},
     (0.0, "error", "the hidden test did not run: NameError: name 'sigmoid' is not defined", "")),  # slow to stop
    ([None], None, {"reason": "exited", "returncode": -15},
     (0.0, "error", "the kernel stopped before this test (exit code -15): os._exit, a crash, or the memory limit",
      "")),
    ([None], _cell(), {"reason": "disk"},
     (0.0, "error", "the notebook wrote more than its disk quota of 536.871 MB (or too many files) and was stopped "
                    "before this test; what it wrote is discarded", "")),
    ([None], _cell(("RuntimeError", "can't start new thread")), {"process_limit_hit": True, "returncode": 0},
     (0.0, "error", "the kernel reached its limit of 64 processes and threads before this test could run", "")),
    ([RIGHT], _cell(), {"reason": "disk"}, (2.0, "passed", "", "")),
    ([None], _cell(), {}, (0.0, "error", "the hidden test did not run (its cell was not reached)", "")),
    ([None], None, {}, (0.0, "error", "the hidden test did not run (its cell was not reached)", "")),
    ([], _cell(), {}, (0.0, "error", "the hidden test did not run (its cell was not reached)", "")),
])
def test_trusted_status_decides_from_the_verdicts_first_then_what_the_kernel_saw(verdicts, cell, fate, expected):
    assert trusted_status(TEST, verdicts, cell, fate, LIMITS) == expected

def test_a_record_on_disk_is_judged_and_a_missing_or_broken_one_is_not_trusted(tmp_path):
    assert judge_record(tmp_path, contract.FUNCTION, "sigmoid", "ann") is None
    path = contract.record_file(tmp_path, contract.FUNCTION, "sigmoid")
    path.write_text(json.dumps(capture(solutions.sigmoid, probe("sigmoid"))), encoding="utf-8")
    assert judge_record(tmp_path, contract.FUNCTION, "sigmoid", "ann").passed
    path.write_text(json.dumps(capture(lambda z: 0.5 + 0 * z, probe("sigmoid"))), encoding="utf-8")
    assert not judge_record(tmp_path, contract.FUNCTION, "sigmoid", "ann").passed
    path.write_text("{not json", encoding="utf-8")
    assert judge_record(tmp_path, contract.FUNCTION, "sigmoid", "ann").mistake == "malformed_record"
    concept = contract.record_file(tmp_path, contract.CONCEPT, "scenario_higher_loss")
    concept.write_bytes(b"\xff\xfe")
    assert not judge_record(tmp_path, contract.CONCEPT, "scenario_higher_loss", "ann").passed

@pytest.mark.parametrize("content", ["[]", "3", '{"function": "sigmoid", "cases": [{}, {}, {}, {}]}',
                                     '{"function": "sigmoid", "cases": [1, 2, 3, 4]}', '"text"', "null"])
def test_a_record_of_any_other_shape_costs_only_its_test(tmp_path, content):
    contract.record_file(tmp_path, contract.FUNCTION, "sigmoid").write_text(content, encoding="utf-8")
    verdict = judge_record(tmp_path, contract.FUNCTION, "sigmoid", "ann")
    assert not verdict.passed and verdict.mistake == "malformed_record"
    contract.record_file(tmp_path, contract.CONCEPT, "scenario_higher_loss").write_text(content, encoding="utf-8")
    assert not judge_record(tmp_path, contract.CONCEPT, "scenario_higher_loss", "ann").passed

def test_a_record_that_is_a_link_is_never_followed(tmp_path):
    target = tmp_path / "elsewhere.json"
    target.write_text(json.dumps(capture(solutions.sigmoid, probe("sigmoid"))), encoding="utf-8")
    contract.record_file(tmp_path, contract.FUNCTION, "sigmoid").symlink_to(target)
    assert judge_record(tmp_path, contract.FUNCTION, "sigmoid", "ann").mistake == "malformed_record"


def test_a_notebooks_rows_carry_each_tests_trusted_status_in_order(tmp_path):
    tests = [TEST, Test("test_scenario", 1.0, ((contract.CONCEPT, "scenario_higher_loss"),))]
    contract.record_file(tmp_path, contract.FUNCTION, "sigmoid").write_text(
        json.dumps(capture(solutions.sigmoid, probe("sigmoid"))), encoding="utf-8")
    rows = judge_notebook("ann", "01", tests, tmp_path, {}, {"returncode": -9}, LIMITS)
    assert rows == [Row("ann", "01", "test_sigmoid", 2.0, 2.0, "passed", "", ""),
                    Row("ann", "01", "test_scenario", 0.0, 1.0, "error", "the kernel stopped before this test (exit "
                        "code -9): os._exit, a crash, or the memory limit", "")]


def test_a_passed_function_whose_helper_failed_says_where_the_helper_is_judged():
    tests = [Test("test_cost_and_gradients", 2.0, ((contract.FUNCTION, "cost_and_gradients"),)),
             Test("test_gradient_descent", 2.0, ((contract.FUNCTION, "gradient_descent"),)),
             Test("test_predict", 1.0, ((contract.FUNCTION, "predict"),))]

    def rows(*statuses):
        return [Row("ann", "05", t.grade_id, 0.0, t.points, s, "") for t, s in zip(tests, statuses)]

    wrong = {"cost_and_gradients": "test_cost_and_gradients"}
    noted = helpers_noted(tests, rows("failed", "passed", "passed"), wrong)
    assert noted[1].message == ("Right with a correct cost_and_gradients; yours is wrong: see "
                                "test_cost_and_gradients.")
    assert noted[0] == rows("failed", "passed", "passed")[0] and noted[2].message == ""
    assert helpers_noted(tests, rows("passed", "passed", "passed"), {}) == rows("passed", "passed", "passed")
    assert helpers_noted(tests, rows("failed", "failed", "passed"), wrong)[1].message == ""  # its own mistake too
    # a helper that left no record (its cell timed out, say) was never judged: not said to be wrong
    assert helpers_noted(tests, rows("timeout", "passed", "passed"), {})[1].message == ""
