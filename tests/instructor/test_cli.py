"""The instructor's command line: bad input gets a clear message and exit code 2, and leaves nothing behind."""

import pytest

from tests.helpers import run_cli


@pytest.mark.parametrize("make, words", [
    (lambda tmp: tmp / "nowhere", "no such folder"),
    (lambda tmp: tmp, "no notebook of the assignment"),
])
def test_bad_input_exits_non_zero_with_a_clear_message(tmp_path, make, words):
    result = run_cli("grade", str(make(tmp_path)), "--out", str(tmp_path / "out"), check=False)
    assert result.returncode == 2 and words in result.stderr
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("command", ["report", "rejudge"])
def test_a_folder_that_was_never_graded_is_named_with_what_to_run_first(tmp_path, command):
    result = run_cli(command, str(tmp_path), check=False)
    assert result.returncode == 2
    assert result.stderr.strip() == f"error: {tmp_path / 'grades.csv'} not found: run `python -m autograder grade` first"


def test_a_setting_under_its_old_name_is_warned_of_on_the_terminal_and_still_counts(course_copy):
    root = course_copy(extra_config="c.Sandbox.max_output = 1234\n")
    result = run_cli("--course", str(root), "grade", str(root / "nowhere"), "--out", str(root / "out"), check=False)
    assert "c.Sandbox.max_output is now c.GradedCopy.max_output" in result.stderr and result.returncode == 2
