"""Why a file is not graded, worded once: both paths, `grade` and nbgrader's own autograde, give the same words."""

from autograder.grading import refusals
from autograder.grading.autograde.check_submission import refusal
from autograder.grading.batch import tasks


def test_both_paths_refuse_a_link_and_an_oversized_notebook_in_the_same_words(tmp_path):
    submitted = tmp_path / "submitted" / "ann" / "01"
    submitted.mkdir(parents=True)
    large = submitted / "01.ipynb"
    large.write_text("{}" * 600)
    assert refusal(large, tmp_path / "submitted", 1000) == tasks._unreadable(large, 1000) == refusals.too_large(1200, 1000)
    assert refusals.too_large(1200, 1000).startswith("not graded: the file is 0.0 MB, over the limit of 0.0 MB")
    large.unlink()
    large.symlink_to(tmp_path / "answers.ipynb")
    assert refusal(large, tmp_path / "submitted", 1000) == refusals.LINK
    assert "links are never followed" in refusals.LINK and "links are never followed" in refusals.LINKED_FOLDER


def test_a_file_that_is_not_a_notebook_says_why(tmp_path):
    for content, why in (("", "an empty file"), ('{"cells": [', "NotJSONError"), ('{"cells": 3}', "TypeError")):
        path = tmp_path / "01.ipynb"
        path.write_text(content)
        problem = tasks._unreadable(path, 10**6)
        assert problem.startswith("not a readable notebook (") and why in problem, problem
