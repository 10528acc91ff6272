"""Taking students out of a course's grading: their gradebook entries and every folder grading made of them,
for the students named or for all; the assignments and releases stay."""

import pytest

from autograder.grading import course, gradebook
from autograder.grading.reset import reset, students
from tests.helpers import one_notebook_gradebook

NAME = "01_model_and_loss"


@pytest.fixture
def graded_two(course_copy):
    """A course copy whose gradebook and folders hold ann and bo, each with notebook 01 graded."""
    root = course_copy()
    url = one_notebook_gradebook(root, NAME, ("ann", "bo"), url=course.config(root).CourseDirectory.db_url)
    where = course.layout(root)
    for student in ("ann", "bo"):
        for path in (where.submission(student, NAME, NAME), where.graded_copy(student, NAME, NAME),
                     where.feedback_page(student, NAME, NAME), where.verdicts(student, NAME), where.fate(student, NAME),
                     where.records(student, NAME) / "function-sigmoid.json"):
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text("x")
    where.release(NAME).mkdir(parents=True)
    return root, url


def _left(root, url):
    """(students in the gradebook, students with folders, the assignments) of a course."""
    with gradebook.opened(url) as opened:
        return ({s.id for s in opened.students}, set(course.layout(root).students_with_folders()),
                {a.name for a in opened.assignments})


def test_a_student_named_is_taken_out_whole_and_the_others_stay(graded_two):
    root, url = graded_two
    assert students(root) == ["ann", "bo"]
    assert reset(root, ["ann"]) == ["ann"]
    assert _left(root, url) == ({"bo"}, {"bo"}, {NAME})
    assert course.layout(root).release(NAME).is_dir()
    with gradebook.opened(url) as opened:
        assert opened.find_grade("test_sigmoid", NAME, NAME, "bo") is not None


def test_every_student_is_taken_out_by_default_and_a_student_the_course_lacks_is_refused(graded_two):
    root, url = graded_two
    with pytest.raises(ValueError, match="no student zed in the course"):
        reset(root, ["zed"])
    assert _left(root, url)[0] == {"ann", "bo"}  # nothing was taken out
    assert reset(root) == ["ann", "bo"]
    assert _left(root, url) == (set(), set(), {NAME}) and students(root) == []
