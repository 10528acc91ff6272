"""What nbgrader's Autograde reads of a submission: SubmissionExporter, its exporter, which never reads a file it
must refuse, and CheckSubmission, first of its sanitizing pieces, which repairs the rest against the release."""

import os
from pathlib import Path

import nbformat
from nbconvert.exporters import NotebookExporter
from nbconvert.exporters.exporter import ResourcesDict
from nbgrader.preprocessors import NbGraderPreprocessor

from autograder.grading import refusals, settings
from autograder.grading.autograde.protection import NO_EXPORTER, ProtectionMissing
from autograder.grading.autograde.repair import repair, restore_hidden_tests
from autograder.grading.layout import Layout

#: Notebook metadata that carries CheckSubmission's notes to SandboxedExecute, which removes it: nbgrader gives
#: each step of a conversion new resources, but the same notebook.
REPAIR_NOTES = "logreg_grading_notes"
#: Notebook metadata of a refused submission's stand-in: why it was refused. SandboxedExecute runs no kernel for
#: it, JudgeRecords scores its tests 0 with the reason.
REFUSED = "logreg_refused"
#: What SubmissionExporter puts in a conversion's resources: CheckSubmission refuses to run without it.
CHECKED = "logreg_checked"


class SubmissionExporter(NotebookExporter):
    """nbgrader's exporter for Autograde (`c.Autograde.exporter_class`), which reads a submitted notebook only when
    it can be graded (refusals.problem: not a link, not too large, a notebook).

    In place of a refused one the conversion gets the released notebook with the reason in a first cell, so that
    nbgrader's own steps go on: every test scores 0 with the reason (JudgeRecords), in the gradebook and the graded
    copy, which the formgrader and the feedback page show. A hand-given score stands.
    """

    def from_filename(self, filename, resources=None, **kw):
        where, ids, path = Layout(self.config), resources["nbgrader"], Path(filename)
        resources[CHECKED] = True
        # Autograde's second step reads its own sanitized copy, outside the submitted folder
        if Path(os.path.abspath(where.submitted())) not in Path(os.path.abspath(path)).parents:
            return super().from_filename(filename, resources, **kw)
        problem = refusals.problem(path, settings.limits(self.config).max_notebook_size, where.submitted())
        if problem is None:
            return super().from_filename(filename, resources, **kw)
        self.log.error("%s: %s: %s", ids["student"], ids["notebook"], problem)
        stand_in = nbformat.read(where.released_notebook(ids["assignment"], ids["notebook"]), as_version=4)
        stand_in.cells.insert(0, nbformat.v4.new_markdown_cell(
            f"**This notebook was not graded: every test scores 0.** The file handed in as `{path.name}` was not "
            f"graded: {problem.removeprefix('not graded: ')}. What follows is the notebook as released, not your work."))
        stand_in.metadata[REFUSED] = problem
        resources["metadata"] = ResourcesDict(name=path.stem, path=str(path.parent))
        return self.from_notebook_node(stand_in, resources, **kw)


class CheckSubmission(NbGraderPreprocessor):
    """Repair a submission against the release: nbgrader metadata re-identified, and test cells left as released
    given their hidden tests back (which nbgrader would otherwise restore with a false alarm; the release standing
    in for a refused notebook too)."""

    def preprocess(self, nb, resources):
        where, ids = Layout(self.config), resources["nbgrader"]
        student, assignment, notebook = ids["student"], ids["assignment"], ids["notebook"]
        if not resources.get(CHECKED):
            raise ProtectionMissing(NO_EXPORTER)
        where.verdicts(student, notebook).unlink(missing_ok=True)  # nothing of an earlier run stands
        released = nbformat.read(where.released_notebook(assignment, notebook), as_version=4)
        done = repair(nb, released)
        restore_hidden_tests(nb, released, nbformat.read(where.source_notebook(assignment, notebook), as_version=4))
        nb.metadata[REPAIR_NOTES] = [f"{student}: {notebook}: {what}" for what in done]
        return nb, resources
