"""CheckSubmission, first of Autograde's sanitizing pieces: refuse a linked or oversized notebook, repair the rest."""

import os
from pathlib import Path

import nbformat
from nbgrader.preprocessors import NbGraderPreprocessor

from autograder.grading import gradebook, refusals, settings
from autograder.grading.autograde.repair import repair, restore_hidden_tests
from autograder.grading.layout import Layout

#: Notebook metadata that carries CheckSubmission's notes to SandboxedExecute, which removes it: nbgrader gives
#: each step of a conversion new resources, but the same notebook.
REPAIR_NOTES = "logreg_grading_notes"


class SubmissionRefused(Exception):
    """A submitted notebook is not graded (a link, or too large): its tests score 0, and nbgrader stops there."""


def refusal(path, submitted, max_size):
    """Why a notebook under the submitted folder is not graded (a link, or too large), or None.

    Any link on its way below `submitted` (the file, the student's or the assignment's folder) is refused.
    """
    path, submitted = Path(path), Path(submitted)
    if Path(os.path.realpath(path)) != Path(os.path.realpath(submitted)) / path.relative_to(submitted):
        return refusals.LINK
    size = path.stat().st_size
    return refusals.too_large(size, max_size) if size > max_size else None


class CheckSubmission(NbGraderPreprocessor):
    """Refuse a linked or oversized submission, and repair a gradable one against the release (its test cells left
    as released get their hidden tests back, which nbgrader would otherwise restore with a false alarm)."""

    def preprocess(self, nb, resources):
        where, ids = Layout(self.config), resources["nbgrader"]
        student, assignment, notebook = ids["student"], ids["assignment"], ids["notebook"]
        path = Path(resources["metadata"]["path"]) / f"{notebook}.ipynb"
        where.verdicts(student, notebook).unlink(missing_ok=True)  # nothing of an earlier run stands
        problem = refusal(path, where.submitted(), settings.limits(self.config).max_notebook_size)
        if problem:
            with gradebook.opened(ids["db_url"]) as opened:
                gradebook.refuse(opened, student, assignment, notebook)
            self.log.error("%s: %s: %s", student, notebook, problem)
            raise SubmissionRefused(f"{student}: {notebook}: {problem}")
        released = nbformat.read(where.released_notebook(assignment, notebook), as_version=4)
        done = repair(nb, released)
        restore_hidden_tests(nb, released, nbformat.read(where.source_notebook(assignment, notebook), as_version=4))
        nb.metadata[REPAIR_NOTES] = [f"{student}: {notebook}: {what}" for what in done]
        return nb, resources
