"""The visible tests' helper (notebooks/logistic_regression/checks.py, shipped with the release): messages that teach."""

import importlib.util

import numpy as np
import pytest

from autograder.grading.layout import notebook_folder

_SPEC = importlib.util.spec_from_file_location(
    "checks", notebook_folder() / "checks.py")
checks = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(checks)


def _message(got, expected, averages=False):
    with pytest.raises(AssertionError) as raised:
        checks.assert_close(got, expected, "dw", averages=averages)
    return str(raised.value)


def test_a_right_answer_passes_in_any_numeric_form():
    checks.assert_close([1.0, 2.0], np.array([1.0, 2.0]), "dw")
    checks.assert_close(np.float64(3.0), 3.0, "the cost")
    checks.assert_close(np.array([[3.0]]), 3.0, "the cost")


def test_a_wrong_answer_shows_both_values_where_they_differ_and_the_ratio():
    message = _message([2.0, 4.0, 6.0], [1.0, 2.0, 3.0])
    assert "yours is [2, 4, 6], the check computed [1, 2, 3]" in message
    assert "differ most at index (2,): 6 against 3" in message
    assert "2 times it everywhere" in message and "factor of 2" in message


@pytest.mark.parametrize("factor, words", [(-1, "opposite sign"), (5, "number of examples m"), (0.2, "number of examples m")])
def test_the_usual_cause_of_a_constant_ratio_is_named(factor, words):
    assert words in _message(factor * np.array([1.0, -2.0, 0.5]), [1.0, -2.0, 0.5], averages=True)


@pytest.mark.parametrize("factor", [5, 0.2, 3])
def test_the_number_of_examples_is_named_only_for_a_function_that_averages_over_them(factor):
    message = _message(factor * np.array([1.0, -2.0, 0.5]), [1.0, -2.0, 0.5])
    assert f"{factor:g} times it everywhere" in message and "number of examples" not in message


def test_one_point_or_equal_values_give_no_ratio():
    """da_dz = a(1 + a) judged at a = 0.5 is 3 times a(1 − a) there, and nowhere else: no "everywhere", no cause."""
    for got, expected in [(0.75, 0.25), ([3.0, 3.0], [1.0, 1.0])]:
        message = _message(got, expected, averages=True)
        assert "times it" not in message and "number of examples" not in message, message


def test_a_transposed_array_is_pointed_out():
    assert "transposed?" in _message(np.ones((3, 2)), np.ones((2, 3)))


def test_an_unrelated_wrong_answer_gets_no_invented_cause():
    message = _message([1.0, 5.0], [2.0, 3.0])
    assert "times it everywhere" not in message and "differ most at index (1,)" in message


def test_a_helper_that_fails_its_quick_check_is_named_first_and_one_not_written_yet_says_so():
    def wrong():
        raise AssertionError("dw is not what the formula gives")

    def unwritten():
        raise NotImplementedError()

    with pytest.raises(AssertionError, match="fix make_minibatches first"):
        checks.helper_first("make_minibatches", wrong)
    with pytest.raises(NotImplementedError):
        checks.helper_first("make_minibatches", unwritten)
    checks.helper_first("make_minibatches", lambda: None)
