"""The LMS gradebook import files: Canvas's and Moodle's CSV formats, read back."""

import csv

import pytest

from autograder.grading import course
from autograder.instructor.lms import CANVAS_ID_COLUMNS, write_canvas, write_moodle

NOTEBOOKS = course.notebook_names()


@pytest.fixture
def out(tmp_path):
    """An OUT folder of two students, as grade writes it: grades.csv and summary.csv (one late penalty)."""
    with open(tmp_path / "grades.csv", "w", newline="", encoding="utf-8") as f:
        grades = csv.writer(f)
        grades.writerow(["student", "notebook", "test", "score", "max_score", "status", "message", "mistake"])
        for student in ("ada", "ben"):
            for k, name in enumerate(NOTEBOOKS):
                grades.writerow([student, name, f"test_{k}", 1, 2 + k, "failed", "", ""])
            grades.writerow([student, NOTEBOOKS[0], "late_penalty", -0.5 if student == "ben" else 0, 0, "late", "", ""])
    with open(tmp_path / "summary.csv", "w", newline="", encoding="utf-8") as f:
        summary = csv.writer(f)
        summary.writerow(["student", *NOTEBOOKS, "total", "max", "late_penalty"])
        summary.writerow(["ada", *([1.0] * len(NOTEBOOKS)), len(NOTEBOOKS), 0, 0])
        summary.writerow(["ben", 0.5, *([1.0] * (len(NOTEBOOKS) - 1)), len(NOTEBOOKS) - 0.5, 0, 0.5])
    return tmp_path


def _read(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.reader(f))


def test_canvas_file_has_its_id_columns_a_points_possible_row_and_each_assignments_points(out):
    rows = _read(write_canvas(out))
    names = [a.name for a in course.assignments()]
    assert rows[0] == [*CANVAS_ID_COLUMNS, *names]
    assert rows[1][:5] == ["Points Possible", "", "", "", ""]
    assert rows[1][5:] == [f"{2 + k:g}" for k in range(len(names))]  # one notebook each: its max points
    ben = next(r for r in rows[2:] if r[0] == "ben")
    assert ben[3] == "ben" and ben[5] == "0.5" and ben[6:] == ["1"] * (len(names) - 1)  # SIS Login ID; late 01


def test_moodle_file_has_a_user_column_and_each_assignments_points(out):
    rows = _read(write_moodle(out))
    assert rows[0] == ["Username", *(a.name for a in course.assignments())]
    assert {r[0]: r[1] for r in rows[1:]} == {"ada": "1", "ben": "0.5"}


@pytest.mark.end_to_end
def test_the_lms_files_hold_each_assignments_points_after_penalties(graded_class):
    _, out, _ = graded_class
    with open(out / "summary.csv", newline="", encoding="utf-8") as f:
        summary = {r["student"]: r for r in csv.DictReader(f)}
    with open(out / "canvas.csv", newline="", encoding="utf-8") as f:
        canvas = list(csv.reader(f))
    with open(out / "moodle.csv", newline="", encoding="utf-8") as f:
        moodle = list(csv.DictReader(f))
    assert canvas[0][:5] == ["Student", "ID", "SIS User ID", "SIS Login ID", "Section"] and canvas[1][0] == "Points Possible"
    assert canvas[0][5:] == [a.name for a in course.assignments()] == list(moodle[0])[1:]
    for row in moodle:
        assert {k: float(v) for k, v in row.items() if k != "Username"} == pytest.approx(
            {a.name: float(summary[row["Username"]][a.notebooks[0]]) for a in course.assignments()})
    assert sorted(r[3] for r in canvas[2:]) == sorted(summary) == sorted(r["Username"] for r in moodle)
