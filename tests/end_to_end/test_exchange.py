"""The JupyterHub round trip through nbgrader's exchange, in a temporary folder.

release_assignment → fetch_assignment → submit (two students) → collect → `python -m autograder grade`
→ release_feedback → fetch_feedback: what an instructor and students do on a hub, with this course's
grading in the middle. The exchange, the students' folders and nbgrader's cache are all under tmp_path.
"""

import csv
from datetime import datetime, timedelta, timezone

import nbformat
import pytest

from autograder.grading import course, layout
from autograder.instructor.samples import filled
from tests.helpers import exchange_course, run_cli, run_nbgrader

ASSIGNMENT = "01_model_and_loss"
pytestmark = pytest.mark.end_to_end



@pytest.fixture(scope="module")
def hub(tmp_path_factory):
    """A course whose first assignment is open (released yesterday, due in a week), and an empty exchange."""
    tmp = tmp_path_factory.mktemp("hub")
    now = datetime.now(timezone.utc).replace(microsecond=0)
    schedule = [(ASSIGNMENT, now - timedelta(days=1), now + timedelta(days=7))]
    later = [name for name in course.notebook_names() if name != ASSIGNMENT]
    schedule += [(name, now + timedelta(days=7 * k), now + timedelta(days=7 * (k + 1))) for k, name in enumerate(later, 1)]
    root, student_flags = exchange_course(tmp, schedule)
    return root, tmp, student_flags


def test_the_round_trip_through_nbgraders_exchange(hub):
    root, tmp, common = hub
    # each student's own nbgrader cache, as in their own home on a hub
    flags = {student: [*common, f"--Exchange.cache={tmp / student / '.cache'}"] for student in ("alice", "bob")}
    run_cli("--course", str(root), "release", "--assignment", ASSIGNMENT, cwd=root)
    run_nbgrader(root, "release_assignment", ASSIGNMENT)
    answers = {"alice": None, "bob": {"sigmoid": "def sigmoid(z):\n    return 1 / (1 + np.exp(-z))\n"}}
    for student, wrong in answers.items():
        home = tmp / student
        home.mkdir()
        run_nbgrader(home, "fetch_assignment", ASSIGNMENT, *flags[student])
        fetched = home / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"
        assert fetched.exists() and (home / ASSIGNMENT / "checks.py").exists()
        nbformat.write(filled(ASSIGNMENT, wrong, root), fetched)  # the student's work, in the fetched copy
        run_nbgrader(home, "submit", ASSIGNMENT, "--student", student, *flags[student])
    run_nbgrader(root, "collect", ASSIGNMENT)
    for student in answers:
        assert (course.layout(root).submitted(student, ASSIGNMENT) / layout.TIMESTAMP).exists()

    run_cli("--course", str(root), "grade", str(course.layout(root).submitted()), "--out", "out", "--assignment", ASSIGNMENT, cwd=root)
    with open(root / "out" / "grades.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    scores = {s: sum(float(r["score"]) for r in rows if r["student"] == s) for s in answers}
    assert scores["alice"] == sum(float(r["max_score"]) for r in rows if r["student"] == "alice") > 0
    assert scores["bob"] < scores["alice"]
    assert not [r for r in rows if r["status"] == "late"]  # handed in before the due date

    run_nbgrader(root, "release_feedback", ASSIGNMENT)
    for student in answers:
        run_nbgrader(tmp / student, "fetch_feedback", ASSIGNMENT, "--student", student, *flags[student])
        pages = list((tmp / student / ASSIGNMENT / "feedback").rglob(f"{ASSIGNMENT}.html"))
        assert len(pages) == 1, f"{student} got no feedback back"
        page = pages[0].read_text(encoding="utf-8")
        assert "Graded outside the notebook" in page
        assert ("Graded outside the notebook: 0 / 2." in page) == (student == "bob")  # bob's sigmoid overflows
