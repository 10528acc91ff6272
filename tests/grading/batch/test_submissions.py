"""Finding students' notebooks in a folder of submissions, in either layout, and matching renamed copies."""

from pathlib import Path

import pytest

from autograder.grading import course, refusals
from autograder.grading.batch.submissions import discover, match_notebook

NOTEBOOKS = course.notebook_names()


@pytest.mark.parametrize("filename, expected", [
    ("03_two_features.ipynb", "03_two_features"),
    ("03_two_features (1).ipynb", "03_two_features"),
    ("03_two_features (1)-Copy1.ipynb", "03_two_features"),
    ("03_Two-Features.ipynb", "03_two_features"),
    ("03.ipynb", "03_two_features"),
    ("3_my_version.ipynb", "03_two_features"),
    ("two_features.ipynb", None),
    ("notes.ipynb", None),
    ("09_extra.ipynb", None),
])
def test_submitted_files_are_matched_to_their_notebook(filename, expected):
    assert match_notebook(Path(filename), NOTEBOOKS) == expected


def test_discover_reads_both_layouts_and_keeps_the_exact_name_over_a_copy(tmp_path):
    (tmp_path / "ann" / "logistic_regression").mkdir(parents=True)
    (tmp_path / "ann" / "logistic_regression" / "01_model_and_loss.ipynb").write_text("{}")
    (tmp_path / "ann" / "01_model_and_loss (2).ipynb").write_text("{}")
    (tmp_path / "bo").mkdir()
    (tmp_path / "bo" / "02_chain_rule.ipynb").write_text("{}")
    (tmp_path / "loose.ipynb").write_text("{}")
    (tmp_path / "bad id!").mkdir()
    submissions, problems = discover(tmp_path, NOTEBOOKS)
    assert [s.student for s in submissions] == ["ann", "bo"]
    assert submissions[0].notebooks["01_model_and_loss"].name == "01_model_and_loss.ipynb"
    assert [p.name for p in submissions[0].duplicates] == ["01_model_and_loss (2).ipynb"]
    assert len(problems) == 2


def test_a_linked_notebook_or_student_folder_is_refused_with_the_one_wording_of_each(tmp_path):
    (tmp_path / "ann").mkdir()
    (tmp_path / "answers.ipynb").write_text("{}")
    (tmp_path / "ann" / "01_model_and_loss.ipynb").symlink_to(tmp_path / "answers.ipynb")
    (tmp_path / "bo").symlink_to(tmp_path / "ann", target_is_directory=True)
    submissions, problems = discover(tmp_path, NOTEBOOKS)
    refused = {s.student: s.refused for s in submissions}
    assert refused["ann"] == {"01_model_and_loss": refusals.LINK}
    assert refused["bo"] == {name: refusals.LINKED_FOLDER for name in NOTEBOOKS}
    assert problems == ["answers.ipynb: a file at the top level, not a student's folder (ignored)"]
