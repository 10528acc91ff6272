"""Why a file is not graded, worded and checked once: both paths, `grade` and nbgrader's own autograde, give the
same words (nbgrader's exporter calls `refusals.problem` with its submitted folder, `grade` without)."""

import os
import threading

from autograder.grading import course, refusals
from autograder.grading.batch import tasks
from autograder.grading.batch.submissions import discover

NAME = "01_model_and_loss"


def _batch_message(submissions, student):
    """The message `grade` gives a student's notebook 01, as staging decides it (before any kernel)."""
    submission = next(s for s in discover(submissions, course.notebook_names())[0] if s.student == student)
    task = tasks.stage(submission, expected=[NAME])
    return task.unreadable[NAME]


def test_both_paths_refuse_a_linked_notebook_in_the_same_words(tmp_path):
    submitted = tmp_path / "submitted"
    (tmp_path / "answers.ipynb").write_text("{}")
    (submitted / "ann").mkdir(parents=True)
    (submitted / "ann" / f"{NAME}.ipynb").symlink_to(tmp_path / "answers.ipynb")
    assert _batch_message(submitted, "ann") == refusals.problem(submitted / "ann" / f"{NAME}.ipynb", 10**6, submitted) \
        == refusals.LINK
    (tmp_path / "answers.ipynb").unlink()  # a dangling link too
    assert refusals.problem(submitted / "ann" / f"{NAME}.ipynb", 10**6, submitted) == refusals.LINK


def test_both_paths_refuse_an_oversized_notebook_in_the_same_words(tmp_path, monkeypatch):
    submitted = tmp_path / "submitted"
    (submitted / "ann").mkdir(parents=True)
    (submitted / "ann" / f"{NAME}.ipynb").write_text("{}" * 600)
    limits = course.limits()
    monkeypatch.setattr(tasks.course, "limits", lambda root: limits.__class__(**{**limits.__dict__,
                                                                                 "max_notebook_size": 1000}))
    assert _batch_message(submitted, "ann") == refusals.problem(submitted / "ann" / f"{NAME}.ipynb", 1000, submitted) \
        == refusals.too_large(1200, 1000)
    assert refusals.too_large(1200, 1000).startswith("not graded: the file is 0.0 MB, over the limit of 0.0 MB")


def test_a_student_folder_that_is_a_link_is_refused_whole(tmp_path):
    (tmp_path / "ann").mkdir()
    (tmp_path / "ann" / f"{NAME}.ipynb").write_text("{}")
    (tmp_path / "bo").symlink_to(tmp_path / "ann", target_is_directory=True)
    assert _batch_message(tmp_path, "bo") == refusals.LINKED_FOLDER
    # nbgrader's layout, where the link is a folder on the way: the file itself is no link
    assert refusals.problem(tmp_path / "bo" / f"{NAME}.ipynb", 10**6, tmp_path) == refusals.LINK
    assert refusals.problem(tmp_path / "ann" / f"{NAME}.ipynb", 10**6, tmp_path) != refusals.LINK


def test_a_pipe_is_refused_without_being_opened(tmp_path):
    os.mkfifo(tmp_path / f"{NAME}.ipynb")  # opening it to read would wait for a writer for ever
    said = []
    reader = threading.Thread(target=lambda: said.append(refusals.problem(tmp_path / f"{NAME}.ipynb", 10**6, tmp_path)),
                              daemon=True)
    reader.start()
    reader.join(timeout=10)
    assert said == [refusals.unreadable("not a regular file")]


def test_a_file_that_is_not_a_notebook_says_why(tmp_path):
    for content, why in (("", "an empty file"), ('{"cells": [', "NotJSONError"), ('{"cells": 3}', "TypeError"),
                         ("\x00\xff" * 10, "UnicodeDecodeError")):
        (tmp_path / "ann").mkdir(exist_ok=True)
        (tmp_path / "ann" / f"{NAME}.ipynb").write_text(content, encoding="latin-1")
        problem = _batch_message(tmp_path, "ann")
        assert problem.startswith("not a readable notebook (") and why in problem, problem
