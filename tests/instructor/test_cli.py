"""The instructor's command line: bad input gets a clear message and exit code 2, and leaves nothing behind;
reset takes students out only when told to; the demo grades a course of its own."""

import pytest

from autograder.grading import course, gradebook, layout
from autograder.grading.grades import read_grades
from autograder.grading.layout import Out
from autograder.grading.reset import students as reset_students
from autograder.instructor.samples import STUDENTS
from autograder.instructor.similarity import read_csv
from tests.helpers import one_notebook_gradebook
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


def test_reset_says_what_it_would_take_out_and_takes_it_out_only_with_yes(course_copy):
    root = course_copy()
    url = one_notebook_gradebook(root, "01_model_and_loss", ("ann", "bo"), url=course.config(root).CourseDirectory.db_url)
    said = run_cli("--course", str(root), "reset")
    assert "would take out of" in said.stdout and "ann, bo" in said.stdout and "--yes" in said.stdout
    assert reset_students(root) == ["ann", "bo"]  # nothing taken out yet
    assert run_cli("--course", str(root), "reset", "--student", "zed", "--yes", check=False).returncode == 2
    done = run_cli("--course", str(root), "reset", "--student", "ann", "--yes")
    assert done.stdout.startswith("took ann out of") and reset_students(root) == ["bo"]
    with gradebook.opened(url) as opened:
        assert [s.id for s in opened.students] == ["bo"]


@pytest.mark.end_to_end
def test_the_demo_grades_a_course_of_its_own_and_leaves_the_instructors_untouched(course_copy):
    root = course_copy(release=["01_model_and_loss"])  # an instructor's course, one assignment out

    def state():
        return {p: p.read_bytes() for folder in (course.layout(root).work, course.layout(root).release("."))
                for p in sorted(folder.rglob("*")) if p.is_file()}
    before = state()
    assert course.gradebook_path(root) in before and any(p.suffix == ".ipynb" for p in before)
    result = run_cli("--course", str(root), "demo")
    assert state() == before
    demo = layout.demo_folder(root)
    assert f"the demo's own course: {demo}" in result.stdout and course.gradebook_path(demo).is_file()
    assert reset_students(demo) == sorted(STUDENTS)
    assert {row.student for row in read_grades(layout.demo_out(root))} == set(STUDENTS)
    out = Out(layout.demo_out(root))  # and the similarity report, with its table in the class report
    assert out.similarity_page.exists() and "## Similar code" in out.report.read_text(encoding="utf-8")
    assert len(read_csv(out.similarity_csv)) >= len(STUDENTS) * (len(STUDENTS) - 1) // 2
