"""CheckSubmission: a linked or oversized notebook is refused (its tests 0 in the gradebook), any other repaired."""

import nbformat
import pytest

from autograder.grading import course, gradebook, refusals
from autograder.grading.autograde.check_submission import REPAIR_NOTES, CheckSubmission, SubmissionRefused, refusal
from autograder.grading.layout import notebook_file
from tests.helpers import one_notebook_gradebook
from tests.helpers import student_copy


def test_a_linked_or_oversized_submission_is_refused_and_a_plain_one_is_not(tmp_path):
    submitted = tmp_path / "submitted"
    (submitted / "ann" / "01").mkdir(parents=True)
    plain = submitted / "ann" / "01" / "01.ipynb"
    plain.write_text("{}" * 100)
    assert refusal(plain, submitted, max_size=1000) is None
    assert "MB, over the limit" in refusal(plain, submitted, max_size=100)
    (submitted / "bob").symlink_to(submitted / "ann", target_is_directory=True)  # a student's folder is another's
    assert "symbolic link" in refusal(submitted / "bob" / "01" / "01.ipynb", submitted, max_size=1000)
    (tmp_path / "answers.ipynb").write_text("{}")
    plain.unlink()
    plain.symlink_to(tmp_path / "answers.ipynb")  # the file is a link to the instructor's
    assert "symbolic link" in refusal(plain, submitted, max_size=1000)
    assert refusal(submitted / "bob" / "01" / "01.ipynb", submitted, max_size=1000) == refusals.LINK


def _release(where, name):
    """The source and released copies of a notebook, as `release` leaves them (the release by nbgrader's preprocessors)."""
    for path, notebook in ((where.source_notebook(name, name), nbformat.read(notebook_file(name), as_version=4)),
                           (where.released_notebook(name, name), student_copy(nbformat.read(notebook_file(name), as_version=4)))):
        path.parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(notebook, path)


def _resources(root, student, notebook, db_url):
    where = course.layout(root)
    return {"metadata": {"path": str(where.submitted(student, notebook))},
            "nbgrader": {"student": student, "assignment": notebook, "notebook": notebook, "db_url": db_url}}


def test_a_refused_notebook_scores_zero_and_a_gradable_one_is_repaired_against_its_release(course_copy):
    root, name = course_copy(), "01_model_and_loss"
    where, db_url = course.layout(root), one_notebook_gradebook(root, name)
    _release(where, name)
    submitted = where.submission("ann", name, name)
    submitted.parent.mkdir(parents=True)
    stripped = nbformat.read(where.released_notebook(name, name), as_version=4)
    del stripped.cells[[c.metadata.get("nbgrader", {}).get("grade_id") for c in stripped.cells].index("sigmoid")].metadata["nbgrader"]
    nbformat.write(stripped, submitted)
    nb, _ = CheckSubmission(config=course.config(root)).preprocess(stripped, _resources(root, "ann", name, db_url))
    assert nb.metadata[REPAIR_NOTES] == ["ann: 01_model_and_loss: re-identified sigmoid"]
    submitted.unlink()
    submitted.symlink_to(notebook_file(name))  # the student's "notebook" is the instructor's
    with gradebook.opened(db_url) as opened:
        grade = opened.find_grade("test_sigmoid", name, name, "ann")
        grade.auto_score, grade.manual_score = 2.0, 1.5  # graded before; then a grader gave 1.5 by hand
        opened.db.commit()
    with pytest.raises(SubmissionRefused, match="symbolic link"):
        CheckSubmission(config=course.config(root)).preprocess(stripped, _resources(root, "ann", name, db_url))
    with gradebook.opened(db_url) as opened:
        grade = opened.find_grade("test_sigmoid", name, name, "ann")
        assert (grade.auto_score, grade.manual_score, grade.score) == (0.0, 1.5, 1.5)
        assert grade.needs_manual_grade  # the hand-given score stands, flagged: the work it scored was refused


def test_a_test_cell_left_as_released_gets_its_hidden_tests_back_and_an_edited_one_does_not(course_copy):
    from nbgrader.utils import compute_checksum

    root, name = course_copy(), "01_model_and_loss"
    where, db_url = course.layout(root), one_notebook_gradebook(root, name)
    _release(where, name)
    submitted = nbformat.read(where.released_notebook(name, name), as_version=4)
    ids = [c.metadata.get("nbgrader", {}).get("grade_id") for c in submitted.cells]
    submitted.cells[ids.index("test_log_loss")].source = "pass  # the student emptied this test"
    path = where.submission("ann", name, name)
    path.parent.mkdir(parents=True)
    nbformat.write(submitted, path)
    nb, _ = CheckSubmission(config=course.config(root)).preprocess(submitted, _resources(root, "ann", name, db_url))
    instructors = {c.metadata["nbgrader"]["grade_id"]: c for c in nbformat.read(notebook_file(name), as_version=4).cells
                   if c.metadata.get("nbgrader", {}).get("grade")}
    tests = {c.metadata["nbgrader"]["grade_id"]: c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade")}
    assert "### BEGIN HIDDEN TESTS" in tests["test_sigmoid"].source
    # what nbgrader's OverwriteCells compares: the cell's checksum against the instructor's, kept in the gradebook
    same = {grade_id for grade_id, cell in tests.items() if compute_checksum(cell) == compute_checksum(instructors[grade_id])}
    assert same == set(instructors) - {"test_log_loss"}
    assert tests["test_log_loss"].source == "pass  # the student emptied this test"
