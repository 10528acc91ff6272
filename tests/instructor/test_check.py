"""`check OUT`: OUT against the gradebook. A class as grading left it agrees; each kind of difference is found."""

import csv

import pytest

from autograder.grading import course, gradebook
from autograder.instructor.check import differences
from tests.helpers import run_cli

pytestmark = pytest.mark.end_to_end


def _rewrite_csv(path, change):
    with open(path, newline="", encoding="utf-8") as f:
        table = list(csv.reader(f))
    change(table)
    with open(path, "w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows(table)


def test_a_graded_class_agrees_with_its_gradebook_and_every_difference_is_named(class_copy):
    root, out = class_copy
    assert differences(out, root) == []
    said = run_cli("--course", str(root), "check", str(out))
    assert "agrees with the gradebook" in said.stdout

    with gradebook.opened(course.config(root).CourseDirectory.db_url) as opened:
        opened.find_grade("test_dL_dz", "02_chain_rule", "02_chain_rule", "will").manual_score = 1.0  # the formgrader
        opened.find_submission_notebook("01_model_and_loss", "01_model_and_loss", "lena").late_submission_penalty = 0.5
        opened.db.commit()
    _rewrite_csv(out / "summary.csv", lambda t: t[1].__setitem__(-3, "99.0"))  # a total typed over
    _rewrite_csv(out / "canvas.csv", lambda t: t[2].__setitem__(-1, "0"))
    page = out / "feedback" / "ada" / "01_model_and_loss.html"
    page.write_text(page.read_text(encoding="utf-8").replace("(Score: ", "(Score: 1", 1), encoding="utf-8")
    found = differences(out, root)
    first = next(csv.DictReader(open(out / "summary.csv", encoding="utf-8")))["student"]
    expected = ["will: 02_chain_rule: test_dL_dz: grades.csv says 0, the gradebook 1",
                "lena: 01_model_and_loss: late penalty: grades.csv says 1.2, the gradebook 0.5",
                f"{first}: summary.csv's total is 99",
                "canvas.csv is not what `report` writes from grades.csv now",
                "ada: 01_model_and_loss: the feedback page says 1"]
    assert [any(line.startswith(e) for line in found) for e in expected] == [True] * len(expected), found
    assert len(found) == len(expected), found
    said = run_cli("--course", str(root), "check", str(out), check=False)
    assert said.returncode == 1 and "5 differences" in said.stdout

    run_cli("--course", str(root), "rejudge", str(out))  # the hand-given score into OUT; summary.csv written anew
    run_cli("report", str(out), "--lms", "canvas", "--lms", "moodle")
    left = differences(out, root)
    assert not [line for line in left if line.startswith(("will", f"{first}: summary", "canvas"))], left
