"""The course: its configuration, its assignments and the tests of its notebooks."""

from datetime import datetime, timedelta, timezone

import nbformat
import pytest

import solutions
from autograder.grading import course
from autograder.grading.layout import notebook_file
from autograder.kernel import contract


def test_assignments_follow_the_teaching_order_and_each_opens_when_the_one_before_is_due():
    schedule = course.assignments()
    assert [n for a in schedule for n in a.notebooks] == course.notebook_names()
    for before, after in zip(schedule, schedule[1:]):
        assert after.release >= before.due and after.due > before.due


def test_select_takes_the_named_assignments_or_those_released_by_now():
    schedule = course.assignments()
    assert course.select(["03_two_features", "01_model_and_loss"]) == [schedule[0], schedule[2]]
    assert course.select(now=schedule[0].release - timedelta(seconds=1)) == []
    assert course.select(now=schedule[2].release) == schedule[:3]
    assert course.select(now=datetime(2100, 1, 1, tzinfo=timezone.utc)) == schedule
    with pytest.raises(ValueError, match="no assignment 09_extra"):
        course.select(["09_extra"])


def test_tests_in_reads_grade_ids_points_and_what_each_hidden_test_submits():
    tests = course.tests_in(nbformat.read(notebook_file("01_model_and_loss"), as_version=4))
    assert [t.grade_id for t in tests][:2] == ["test_sigmoid", "test_log_loss"]
    assert tests[0].records == ((contract.FUNCTION, "sigmoid"),) and tests[0].points > 0
    assert all(t.records for t in tests)
    every = course.tests()
    assert list(every) == course.notebook_names() and all(every.values())
    recorded = {name for tests in every.values() for t in tests for kind, name in t.records if kind == contract.FUNCTION}
    assert recorded == set(solutions.GRADED)  # each graded function is recorded by a test of some notebook
