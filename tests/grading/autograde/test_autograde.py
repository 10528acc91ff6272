"""nbgrader's own autograde with this course's pieces grades a class exactly as `grade` does (the formgrader's
Autograde button runs the same), cheats included."""

import csv
import json
import shutil

import nbformat
import pytest

from autograder.grading import course, gradebook
from autograder.grading.autograde.judge_records import read_verdicts
from autograder.instructor.samples import filled
from tests.grading.batch.the_class import NOTEBOOKS
from tests.helpers import run_nbgrader


#: Cheats tried through `nbgrader autograde` when it judged inside the student's kernel: the first got full marks there.
CHEATS = {
    "mallory": "def sigmoid(z):\n    from solutions import sigmoid as s\n    return s(z)\n",
    "mark": "import numpy\nnumpy.allclose = lambda *a, **k: True\n\ndef sigmoid(z):\n    return z\n",
}


@pytest.fixture(scope="module")
def by_nbgrader(graded_class, course_copy):
    """The same class, graded by nbgrader's own autograde in another copy of the course, plus two cheats."""
    root, _, _ = graded_class
    other = course_copy(release=True, name="nbgrader_course")
    # what `grade` kept: the notebooks as handed in, in nbgrader's layout, with nbgrader's timestamp.txt
    shutil.copytree(course.layout(root).submitted(), course.layout(other).submitted())
    for student, code in CHEATS.items():
        path = course.layout(other).submission(student, NOTEBOOKS[0], NOTEBOOKS[0])
        path.parent.mkdir(parents=True)
        nbformat.write(filled(NOTEBOOKS[0], {"sigmoid": code}, other), path)
    said = [run_nbgrader(other, "autograde", a.name, "--create") for a in course.assignments(other)]
    (other / "autograde.log").write_text("".join(r.stdout + r.stderr for r in said), encoding="utf-8")
    return other


@pytest.mark.end_to_end
def test_nbgraders_own_autograde_gives_the_class_exactly_the_scores_of_grade(graded_class, by_nbgrader, gradebook_scores):
    """`nbgrader autograde` (what the formgrader's Autograde button runs) grades with the same protections."""
    root, _, _ = graded_class
    ours = gradebook_scores(root).splitlines()
    theirs = [line for line in gradebook_scores(by_nbgrader).splitlines() if not line.startswith(tuple(CHEATS))]
    # bob's 01 is not a notebook: `grade` gives it 0 and keeps no copy, so nbgrader never sees it
    assert theirs == [line for line in ours if not line.startswith(f"bob,{NOTEBOOKS[0]},")]
    assert len(theirs) > 100
    with gradebook.opened(course.config(root).CourseDirectory.db_url) as one, \
            gradebook.opened(course.config(by_nbgrader).CourseDirectory.db_url) as two:
        late = [(opened.find_submission(NOTEBOOKS[0], "lena").late_submission_penalty,
                 opened.find_submission(NOTEBOOKS[0], "lena").total_seconds_late) for opened in (one, two)]
        flagged = [[(s.student.id, s.assignment.name) for a in course.assignments(root)
                    for s in opened.assignment_submissions(a.name) if s.needs_manual_grade] for opened in (one, two)]
    assert late[0] == pytest.approx(late[1]) and late[1] == pytest.approx((6 * 0.2, 25 * 3600))
    assert flagged == [[], []]  # every grade was judged: none waits for a grader in the formgrader


@pytest.mark.end_to_end
def test_cheats_that_nbgrader_used_to_reward_get_no_point_through_nbgrader(by_nbgrader):
    with gradebook.opened(course.config(by_nbgrader).CourseDirectory.db_url) as opened:
        for student in CHEATS:
            grade = opened.find_grade("test_sigmoid", NOTEBOOKS[0], NOTEBOOKS[0], student)
            assert grade.auto_score == 0 and grade.max_score == 2, student
            assert opened.find_grade("test_log_loss", NOTEBOOKS[0], NOTEBOOKS[0], student).auto_score == 2


@pytest.mark.end_to_end
def test_nbgraders_feedback_and_export_come_from_the_protected_grading(graded_class, by_nbgrader):
    run_nbgrader(by_nbgrader, "generate_feedback", NOTEBOOKS[0])
    page = course.layout(by_nbgrader).feedback_page("mark", NOTEBOOKS[0], NOTEBOOKS[0]).read_text()
    assert "Graded outside the notebook: 0 / 2." in page
    run_nbgrader(by_nbgrader, "export", "--to", str(by_nbgrader / "export.csv"))
    with open(by_nbgrader / "export.csv", newline="", encoding="utf-8") as f:
        exported = {(r["assignment"], r["student_id"]): float(r["score"]) for r in csv.DictReader(f)}
    _, out, _ = graded_class
    with open(out / "summary.csv", newline="", encoding="utf-8") as f:
        summary = {r["student"]: r for r in csv.DictReader(f)}
    assert exported[(NOTEBOOKS[0], "mark")] == 4
    for student, row in summary.items():
        for name in NOTEBOOKS:  # one assignment per notebook; nbgrader's score is net of the late penalty
            assert exported[(name, student)] == pytest.approx(float(row[name])), (student, name)


@pytest.mark.end_to_end
def test_no_test_cell_left_as_released_raises_nbgraders_checksum_alarm(by_nbgrader):
    """nbgrader warns "Attribute 'checksum' ... has changed!" of every test cell with hidden tests (its issue 1961)
    unless CheckSubmission gives the cell its hidden tests back; no student of the class changed a test cell."""
    log = (by_nbgrader / "autograde.log").read_text(encoding="utf-8")
    assert "Converting notebook" in log and "Attribute 'checksum'" not in log


@pytest.mark.end_to_end
def test_nbgraders_autograde_scores_a_refused_notebook_zero_with_the_reason_in_its_graded_copy_and_feedback(course_copy):
    name = NOTEBOOKS[0]
    root = course_copy(release=[name], name="refused_course")
    where, db_url = course.layout(root), course.config(root).CourseDirectory.db_url
    made = {"ann": lambda path: path.symlink_to(where.source_notebook(name, name)),  # the instructor's, answers and all
            "bob": lambda path: path.write_text("this is not a notebook"),
            "cy": lambda path: path.write_text("{" * (6 * 1024**2))}
    for student, make in made.items():
        where.submission(student, name, name).parent.mkdir(parents=True)
        make(where.submission(student, name, name))
    with gradebook.opened(db_url) as opened:  # ann's notebook was graded before, and a grader gave 1.5 by hand
        opened.update_or_create_student("ann")
        opened.add_submission(name, "ann")
        grade = opened.find_grade("test_sigmoid", name, name, "ann")
        grade.auto_score, grade.manual_score, grade.needs_manual_grade = 2.0, 1.5, False
        opened.db.commit()
    said = run_nbgrader(root, "autograde", name, "--create")
    run_nbgrader(root, "generate_feedback", name)
    assert "Attribute 'checksum'" not in said.stdout + said.stderr  # the stand-in's test cells are the instructor's
    whys = {"ann": "a symbolic link", "bob": "not a readable notebook (NotJSONError", "cy": "over the limit of 5.2 MB"}
    with gradebook.opened(db_url) as opened:
        for student, why in whys.items():
            grades = {g.name: g for g in opened.find_submission_notebook(name, name, student).grades}
            assert {g.auto_score for g in grades.values()} == {0.0} and why in said.stdout + said.stderr, student
            assert [g.name for g in grades.values() if g.needs_manual_grade] == [], student
            graded = nbformat.read(where.graded_copy(student, name, name), as_version=4)
            assert why in graded.cells[0].source and "BEGIN SOLUTION" not in json.dumps(graded), student
            page = where.feedback_page(student, name, name).read_text(encoding="utf-8")
            assert "This notebook was not graded: every test scores 0." in page and why in page, student
            rows, _ = read_verdicts(where, student, name)
            assert {(r.status, r.score) for r in rows} == {("unreadable", 0.0)} and why in rows[0].message
        sigmoid = opened.find_grade("test_sigmoid", name, name, "ann")
        assert (sigmoid.auto_score, sigmoid.score) == (0.0, 1.5)  # the hand-given score stands
