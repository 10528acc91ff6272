"""The class report: what an instructor reads before the next lecture; nothing of a student's HTML is live in it."""

import csv

import pytest

from autograder.instructor.report import distribution_said, pass_rates_said, write_report
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


def test_each_image_of_the_report_says_what_it_shows_beside_it_and_as_its_text_alternative(tmp_path):
    with open(tmp_path / "grades.csv", "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["student", "notebook", "test", "score", "max_score", "status", "message", "mistake"])
        for student, (x, y) in {"amy": (2, 2), "bo": (2, 0), "cy": (0, 0), "di": (2, 1)}.items():
            writer.writerow([student, "01_a", "test_x", x, 2, "passed" if x == 2 else "failed", "", ""])
            writer.writerow([student, "01_a", "test_y", y, 2, "passed" if y == 2 else "failed", "", ""])
    report = write_report(tmp_path).read_text(encoding="utf-8")
    # totals 100, 50, 0 and 75 %; test_x passed by 3 of 4, test_y by 1 of 4
    said = "Total scores run from 0 % to 100 %, median 62 %; no bin of 10 % holds more than 1 of the 4 students."
    assert distribution_said({"amy": 100, "bo": 50, "cy": 0, "di": 75}) == said
    assert distribution_said({"amy": 100, "bo": 95, "cy": 0}).endswith("the fullest bin is 90–100 % (2 of 3 students).")
    rates = "The lowest pass rates: test_y 25 %, test_x 75 %; the highest: test_x 75 % (0 of 2 tests passed by every student)."
    assert pass_rates_said({"test_x": 75.0, "test_y": 25.0}) == rates
    assert f"{said}\n\n![Histogram of the total scores, in bins of 10 %. {said}](score_distribution.png)" in report
    assert f"{rates}\n\n![Bar chart of the share of students passing each test. {rates}](pass_rates.png)" in report
