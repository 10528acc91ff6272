"""The class report: what an instructor reads before the next lecture; nothing of a student's HTML is live in it."""

import csv

import pytest

from autograder.instructor.report import write_report
from tests.grading.batch.the_class import MISTAKES


def test_the_report_shows_a_students_html_as_text(tmp_path):
    with open(tmp_path / "grades.csv", "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["student", "notebook", "test", "score", "max_score", "status", "message", "mistake"])
        writer.writerow(["eve", "01_a", "test_x", 0, 2, "error", "ValueError: <script>alert(1)</script> | x", ""])
        writer.writerow(["amy", "01_a", "test_x", 2, 2, "passed", "", ""])
    report = write_report(tmp_path).read_text(encoding="utf-8")
    assert "<script>" not in report and "&lt;script&gt;alert(1)&lt;/script&gt; / x" in report


@pytest.mark.end_to_end
def test_the_report_shows_distribution_pass_rates_and_named_mistakes(graded_class):
    _, out, _ = graded_class
    report = (out / "report.md").read_text(encoding="utf-8")
    assert (out / "score_distribution.png").stat().st_size > 1000 and (out / "pass_rates.png").stat().st_size > 1000
    assert "6 students, 31 tests" in report and "| test_dL_dz |" in report and "late_penalty" not in report
    for _, _, mistake in MISTAKES.values():
        assert f"| {mistake} |" in report
    assert "unreadable" in report
