"""SandboxedExecute refuses to run a notebook where the sandbox cannot be had, and runs nothing for the release
standing in for a refused one (its runs: tests/end_to_end/test_hostile.py)."""

import nbformat
import pytest

from autograder.grading import course, gradebook, refusals
from autograder.grading.autograde import ProtectionMissing, SandboxedExecute, sandboxed_execute
from autograder.grading.autograde.check_submission import REFUSED, REPAIR_NOTES
from autograder.grading.autograde.sandboxed_execute import RAN
from tests.helpers import one_notebook_gradebook

NAME = "01_model_and_loss"


def test_without_bubblewrap_a_notebook_is_not_run_and_grading_says_how_to_install_it(monkeypatch):
    notebook = nbformat.v4.new_notebook()
    resources = {"nbgrader": {"student": "ann", "assignment": "01", "notebook": "01", "db_url": "sqlite://"}}
    monkeypatch.setattr(sandboxed_execute.shutil, "which", lambda name: None)
    with pytest.raises(ProtectionMissing, match="apt-get install bubblewrap"):
        SandboxedExecute(config=course.config()).preprocess(notebook, resources)


def test_without_bubblewrap_scores_of_an_earlier_grading_stand_flagged_and_grading_says_so(tmp_path, monkeypatch):
    url = one_notebook_gradebook(tmp_path, NAME)
    with gradebook.opened(url) as opened:
        for grade in opened.find_submission_notebook(NAME, NAME, "ann").grades:
            gradebook.set_judged(grade, 1.0)
        opened.db.commit()
    resources = {"nbgrader": {"student": "ann", "assignment": NAME, "notebook": NAME, "db_url": url}}
    monkeypatch.setattr(sandboxed_execute.shutil, "which", lambda name: None)
    with pytest.raises(ProtectionMissing, match="from an earlier grading stand, flagged for review in the formgrader"):
        SandboxedExecute(config=course.config()).preprocess(nbformat.v4.new_notebook(), resources)
    with gradebook.opened(url) as opened:
        assert all(g.needs_manual_grade and g.auto_score == 1.0
                   for g in opened.find_submission_notebook(NAME, NAME, "ann").grades)


def test_the_release_standing_in_for_a_refused_notebook_is_not_run(monkeypatch):
    monkeypatch.setattr(sandboxed_execute.shutil, "which", lambda name: None)  # no sandbox needed: nothing runs
    stand_in = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("raise SystemExit")])
    stand_in.metadata[REFUSED], stand_in.metadata[REPAIR_NOTES] = refusals.LINK, []
    resources = {"nbgrader": {"student": "ann", "assignment": NAME, "notebook": NAME, "db_url": "sqlite://"}}
    nb, resources = SandboxedExecute(config=course.config()).preprocess(stand_in, resources)
    assert resources[RAN] == {"notes": [], "refused": refusals.LINK} and nb.cells[0].outputs == []
