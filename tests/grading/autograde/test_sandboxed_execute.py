"""SandboxedExecute refuses to run a notebook where the sandbox cannot be had (its runs: tests/end_to_end/test_hostile.py)."""

import nbformat
import pytest

from autograder.grading import course
from autograder.grading.autograde import ProtectionMissing, SandboxedExecute, sandboxed_execute


def test_without_bubblewrap_a_notebook_is_not_run_and_grading_says_how_to_install_it(monkeypatch):
    notebook = nbformat.v4.new_notebook()
    resources = {"nbgrader": {"student": "ann", "assignment": "01", "notebook": "01", "db_url": "sqlite://"}}
    monkeypatch.setattr(sandboxed_execute.shutil, "which", lambda name: None)
    with pytest.raises(ProtectionMissing, match="apt-get install bubblewrap"):
        SandboxedExecute(config=course.config()).preprocess(notebook, resources)
