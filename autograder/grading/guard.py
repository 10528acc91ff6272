"""nbgrader's own autograde, refused where this course's protections do not reach it.

`nbgrader autograde` (and the formgrader's Autograde button, which runs it) would execute a
student's notebook in a plain kernel, with the reference solutions importable, and take the
scores that kernel reports: a submission can import the answers or patch the checks. Only
`python -m autograder grade` runs each kernel in the sandbox and makes the verdicts outside it.
nbgrader_config.py puts `RequireProtectedRun` first among Autograde's preprocessors, so that
nbgrader's path refuses, with a message that names the command, instead of grading unprotected.
"""

import os

from nbgrader.preprocessors import NbGraderPreprocessor

from autograder.kernel import contract

#: What nbgrader's autograde says instead of grading.
REFUSAL = ("this course does not grade with nbgrader's own autograde: it would run the student's code outside the "
           "sandbox and take the scores that code reports. Grade with `python -m autograder grade course/submitted "
           "--out OUT [--assignment NAME]` (sandboxed kernels, verdicts made outside them); its scores go into the "
           "same gradebook, where the formgrader shows them.")


class UnprotectedGrading(RuntimeError):
    """nbgrader's autograde was run outside `python -m autograder grade`."""


class RequireProtectedRun(NbGraderPreprocessor):
    """Let a notebook be autograded only inside `python -m autograder grade`, which sets up the sandbox."""

    def preprocess(self, nb, resources):
        if not os.environ.get(contract.SANDBOX_ENV):
            raise UnprotectedGrading(REFUSAL)
        return nb, resources
