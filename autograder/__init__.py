"""Judging students' answers, apart from running notebooks.

- `probes`: the inputs each graded function is called on;
- `capture`: calls a student's function and keeps plain numeric data (the only
  module that touches student code; it imports no answer);
- `judges` and `mistakes`: pure functions of a captured record and the
  `solutions` reference, giving a `Verdict` that names the mistake;
- `concepts`: the same for the answers to concept questions;
- `compare`: the tolerances, stated once.

`check(name, fn)` captures and judges in one process; `assert_correct` and
`assert_concept` are what the notebooks' hidden tests call.
"""

from autograder.capture import capture
from autograder.concepts import capture_answer, judge_concept
from autograder.judges import Verdict, judge


def check(name, fn):
    """Capture a student's function and judge it.

    Parameters
    ----------
    name : str
        A graded function of the curriculum, e.g. "dL_dz".
    fn : callable
        The student's implementation.

    Returns
    -------
    Verdict
    """
    return judge(name, capture(name, fn))


def _raise_unless_passed(verdict):
    """AssertionError carrying the judge's message, then the mistake's id on a line of its own.

    The first line is what the student reads (and what grades.csv shows); the
    `[mistake: id]` line lets the class report count mistakes by name.
    """
    if not verdict.passed:
        raise AssertionError(f"{verdict.message}\n[mistake: {verdict.mistake}]")


def assert_correct(name, fn):
    """Raise AssertionError with the judge's message unless `fn` is a right `name`."""
    _raise_unless_passed(check(name, fn))


def assert_concept(question, answer):
    """Raise AssertionError with the judge's message unless `answer` answers `question`."""
    _raise_unless_passed(judge_concept(question, capture_answer(answer)))


__all__ = ["Verdict", "assert_concept", "assert_correct", "capture", "check", "judge"]
