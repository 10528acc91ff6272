"""Judging students' answers, apart from running notebooks.

- `probes`: the inputs each graded function is called on;
- `capture`: calls a student's function and keeps plain numeric data (the only
  module that touches student code; it imports no answer);
- `judges` and `mistakes`: pure functions of a captured record and the
  `solutions` reference, giving a `Verdict` that names the mistake;
- `concepts`: the same for the answers to concept questions;
- `compare`: the tolerances, stated once.

`check(name, fn)` captures and judges in one process. The notebooks' hidden
tests call `capture.submit` / `capture.submit_answer`: during grading they only
record (the kernel is sandboxed, without judges) and the grader judges the
record; elsewhere they judge at once.
"""

from autograder.capture import capture, capture_answer
from autograder.concepts import judge_concept
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


__all__ = ["Verdict", "capture", "capture_answer", "check", "judge", "judge_concept"]
