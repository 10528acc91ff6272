"""The autograder of the course, in layers, each a folder that imports only the layers below it:

- `kernel/`: what runs in the student's kernel: capturing outputs on the probe
  inputs and leaving records (NumPy and the standard library; never `solutions`);
- `judging/`: pure: a record and the `solutions` reference in, a Verdict out;
- `grading/`: nbgrader, files and processes: the course and where its files
  live, the sandbox, nbgrader's autograde with this course's pieces
  (`grading/autograde/`), and grading a folder of submissions (`grading/batch/`);
- `instructor/`: the command line, the class report, the LMS files, the demo's students.

The notebooks' hidden tests call `autograder.submit` / `autograder.submit_answer`.
In a grading sandbox this package is replaced by the kernel layer alone (its
`__init__` only records: see grading.sandbox.sandboxed_kernel), and the grader judges the record;
anywhere else (the instructor's own runs, nbval) the answer is judged at once,
and a wrong one raises AssertionError with the judge's message.
"""


def check(name, fn):
    """Capture a student's function and judge it, in this process.

    Parameters
    ----------
    name : str
        A graded function of the curriculum, e.g. "dL_dz".
    fn : callable
        The student's implementation.

    Returns
    -------
    judging.Verdict
    """
    from autograder.judging import judge, probe
    from autograder.kernel.capture import capture

    return judge(name, capture(fn, probe(name)))


def _raise_unless_passed(verdict):
    if not verdict.passed:
        raise AssertionError(f"{verdict.message}\n[mistake: {verdict.mistake}]")


def submit(name, fn):
    """What a hidden test does with a graded function outside the sandbox: judge it now, and keep the record."""
    from autograder.judging import judge, probe
    from autograder.kernel.capture import capture, keep
    from autograder.kernel.contract import FUNCTION

    _raise_unless_passed(judge(name, keep(FUNCTION, name, capture(fn, probe(name)))))


def submit_answer(question, answer):
    """The same for the answer to a concept question, judged for the variant the notebook runs as."""
    from autograder.judging import judge_concept
    from autograder.kernel.capture import capture_answer, keep
    from autograder.kernel.contract import CONCEPT

    _judge_with_the_notebooks_key()
    _raise_unless_passed(judge_concept(question, keep(CONCEPT, question, capture_answer(answer)), _student()))


def _judge_with_the_notebooks_key():
    """Judge with the course key of the variant.py the notebook imported (a released copy has it beside it), so
    that the judges' numbers and letters are the ones the notebook showed."""
    import os
    import sys

    from solutions.concepts import variant

    shown = sys.modules.get("variant")
    if shown is not None and shown is not variant and hasattr(shown, "course_key"):
        os.environ[variant.KEY_VARIABLE] = shown.course_key()


def _student():
    """Whose variant the notebook runs as (the notebooks' variant.student), with the STUDENT_ID it typed."""
    from solutions.concepts import variant

    try:
        from IPython import get_ipython

        typed = get_ipython().user_ns.get("STUDENT_ID")
    except (ImportError, AttributeError):  # not in IPython
        typed = None
    return variant.student(typed)
