"""Late work: nbgrader's late-penalty plugin configured by the course, the late row, and when a file was handed in."""

import os
from datetime import datetime, timedelta, timezone

import pytest
from traitlets.config import Config

from autograder.grading import course
from autograder.grading.autograde.late import PerDayPenalty, late_row, nbgrader_timestamp, timestamp_of
from autograder.grading.grades import Row


def test_the_per_day_penalty_takes_its_share_per_started_day_and_never_more_than_the_score():
    config = Config()
    config.PerDayPenalty.per_day = 0.25
    plugin = PerDayPenalty(config=config)
    assert plugin.late_submission_penalty("s", 8.0, 0) is None
    assert plugin.late_submission_penalty("s", 8.0, 60) == 2.0              # a minute: one started day
    assert plugin.late_submission_penalty("s", 8.0, 86400 + 60) == 4.0      # a day and a minute: two
    assert plugin.late_submission_penalty("s", 8.0, 30 * 86400) == 8.0      # never more than the score


def test_a_late_row_takes_the_configured_plugins_penalty_from_the_trusted_score():
    due = datetime(2026, 9, 14, 9, tzinfo=timezone.utc)
    rows = [Row("s", "01_model_and_loss", "test_sigmoid", 2.0, 2.0, "passed", ""),
            Row("s", "01_model_and_loss", "test_log_loss", 1.0, 2.0, "failed", "x")]
    config = course.config()
    assert late_row(config, "s", "01_model_and_loss", rows, due - timedelta(seconds=1), due) is None
    row = late_row(config, "s", "01_model_and_loss", rows, due + timedelta(hours=25), due)
    per_day = config.PerDayPenalty.per_day  # nbgrader_config.py's policy
    assert row.test == "late_penalty" and row.status == "late" and row.max_score == 0
    assert row.score == pytest.approx(-3.0 * per_day * 2) and "25.0 h after the due date" in row.message


def test_the_time_a_notebook_was_handed_in_is_nbgraders_timestamp_or_if_allowed_the_files(tmp_path):
    notebook = tmp_path / "01_model_and_loss.ipynb"
    notebook.write_text("{}")
    os.utime(notebook, (1_790_000_000, 1_790_000_000))
    assert timestamp_of(notebook) is None
    assert timestamp_of(notebook, file_time=True) == datetime.fromtimestamp(1_790_000_000, timezone.utc)
    (tmp_path / "timestamp.txt").write_text("2026-09-15 10:30:00.000000 UTC")
    assert timestamp_of(notebook) == datetime(2026, 9, 15, 10, 30, tzinfo=timezone.utc)
    (tmp_path / "timestamp.txt").write_text("not a time")
    assert timestamp_of(notebook) is None and timestamp_of(notebook, file_time=True).year > 2000


def test_a_time_is_written_as_nbgrader_writes_it_and_read_back():
    moment = datetime(2026, 9, 15, 10, 30, 5, 120, tzinfo=timezone(timedelta(hours=2)))
    assert nbgrader_timestamp(moment) == "2026-09-15 08:30:05.000120 UTC"
