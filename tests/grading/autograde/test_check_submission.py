"""SubmissionExporter never reads a linked, oversized or broken notebook (the release stands in, with the reason);
CheckSubmission repairs the rest, and refuses to run where the exporter did not read the notebook.
(The whole of nbgrader's path for a refused notebook: tests/grading/autograde/test_autograde.py.)"""

import json

import nbformat
import pytest

from autograder.grading import course, refusals
from autograder.grading.autograde import ProtectionMissing
from autograder.grading.autograde.check_submission import (CHECKED, REFUSED, REPAIR_NOTES, CheckSubmission,
                                                           SubmissionExporter)
from autograder.grading.layout import notebook_file
from tests.helpers import one_notebook_gradebook
from tests.helpers import student_copy


def _release(where, name):
    """The source and released copies of a notebook, as `release` leaves them (the release by nbgrader's preprocessors)."""
    for path, notebook in ((where.source_notebook(name, name), nbformat.read(notebook_file(name), as_version=4)),
                           (where.released_notebook(name, name), student_copy(nbformat.read(notebook_file(name), as_version=4)))):
        path.parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(notebook, path)


def _resources(root, student, notebook, db_url):
    where = course.layout(root)
    return {"metadata": {"path": str(where.submitted(student, notebook))}, CHECKED: True,
            "nbgrader": {"student": student, "assignment": notebook, "notebook": notebook, "db_url": db_url}}


def _read(root, student, name, path):
    """What SubmissionExporter gives nbgrader of a submitted file: (notebook, resources)."""
    resources = {"nbgrader": {"student": student, "assignment": name, "notebook": name, "db_url": "sqlite://"}}
    output, resources = SubmissionExporter(config=course.config(root)).from_filename(str(path), resources)
    return nbformat.reads(output, as_version=4), resources


def test_the_exporter_reads_a_gradable_notebook_and_gives_the_release_with_the_reason_for_any_other(course_copy):
    root, name = course_copy(), "01_model_and_loss"
    where = course.layout(root)
    _release(where, name)
    path = where.submission("ann", name, name)
    path.parent.mkdir(parents=True)
    mine = nbformat.read(where.released_notebook(name, name), as_version=4)
    mine.cells[0].source = "ann's own copy"
    nbformat.write(mine, path)
    nb, resources = _read(root, "ann", name, path)
    assert nb.cells[0].source == "ann's own copy" and REFUSED not in nb.metadata and resources[CHECKED]
    assert resources["metadata"]["path"] == str(path.parent)
    released = nbformat.read(where.released_notebook(name, name), as_version=4)
    (root / "elsewhere.ipynb").write_text(json.dumps(mine))
    for make, why in ((lambda: path.write_text("this is not a notebook"), "not a readable notebook (NotJSONError"),
                      (lambda: path.write_text("{" * (6 * 1024**2)), "the file is 6.3 MB, over the limit of 5.2 MB"),
                      (lambda: path.symlink_to(root / "elsewhere.ipynb"), refusals.LINK.removeprefix("not graded: "))):
        path.unlink()
        make()
        nb, resources = _read(root, "ann", name, path)
        assert why in nb.metadata[REFUSED] and resources[CHECKED], nb.metadata[REFUSED]
        assert nb.cells[0].source.startswith("**This notebook was not graded: every test scores 0.**")
        assert why in nb.cells[0].source and "ann's own copy" not in json.dumps(nb)
        assert [c.source for c in nb.cells[1:]] == [c.source for c in released.cells]
        assert resources["metadata"]["path"] == str(path.parent)  # where nbgrader's own steps look for it


def test_checking_refuses_to_run_on_a_notebook_another_exporter_read(course_copy):
    root, name = course_copy(), "01_model_and_loss"
    resources = _resources(root, "ann", name, "sqlite://")
    del resources[CHECKED]
    with pytest.raises(ProtectionMissing, match="c.Autograde.exporter_class"):
        CheckSubmission(config=course.config(root)).preprocess(nbformat.v4.new_notebook(), resources)


def test_a_gradable_notebook_is_repaired_against_its_release_and_the_release_standing_in_gets_its_hidden_tests(course_copy):
    root, name = course_copy(), "01_model_and_loss"
    where, db_url = course.layout(root), one_notebook_gradebook(root, name)
    _release(where, name)
    stripped = nbformat.read(where.released_notebook(name, name), as_version=4)
    del stripped.cells[[c.metadata.get("nbgrader", {}).get("grade_id") for c in stripped.cells].index("sigmoid")].metadata["nbgrader"]
    nb, _ = CheckSubmission(config=course.config(root)).preprocess(stripped, _resources(root, "ann", name, db_url))
    assert nb.metadata[REPAIR_NOTES] == ["ann: 01_model_and_loss: re-identified sigmoid"]
    stand_in = nbformat.read(where.released_notebook(name, name), as_version=4)
    stand_in.metadata[REFUSED] = refusals.LINK
    nb, _ = CheckSubmission(config=course.config(root)).preprocess(stand_in, _resources(root, "ann", name, db_url))
    assert nb.metadata[REPAIR_NOTES] == []  # nothing to repair, and no checksum alarm from nbgrader
    assert all("### BEGIN HIDDEN TESTS" in c.source for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade")
               and c.metadata["nbgrader"]["grade_id"].startswith("test_"))


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
