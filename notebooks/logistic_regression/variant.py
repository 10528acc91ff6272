"""Your own numbers and letters: each student's variant of the questions.

Every student gets their own numbers in the questions that ask for a number (and, in notebook 1, their own
confidently wrong scenario), and their own letters for the options of the questions that ask for a letter, so an
answer passed from one student to another is wrong for the other. A variant is a pure function of the student's id
and the question: the notebook prints yours, and the grader computes the answer of the same variant, for the id of
the folder your notebook was handed in under.

Your id (`student`): on JupyterHub, your user name; in a notebook you downloaded, the id your course knows you by,
which you type as STUDENT_ID in the notebook's first cell. When your course grades it, it is always the id the
notebook was handed in under.
"""

import functools
import hashlib
import itertools
import math
import os
from fractions import Fraction

#: The id the course's own tools run a notebook as (the instructor's notebooks are stored as "instructor").
ID_VARIABLE = "LOGREG_STUDENT_ID"
#: The course's key (c.Course.variant_key in its nbgrader_config.py), mixed into every variant so that another term's
#: answers fit nobody: the grader sets it in this variable, the release writes it in this file beside this module.
KEY_VARIABLE, KEY_FILE = "LOGREG_VARIANT_KEY", "variant_key.txt"


def _graded_student():
    """The id the grader grades this notebook for, in the grader's sandbox only (None anywhere else)."""
    try:
        from autograder.kernel.contract import graded_student  # the grader's, on its sandbox's path only
    except ImportError:
        return None
    return graded_student()


def student(typed=None):
    """The id whose variant this notebook shows: the grader's, the course's tools', JupyterHub's, or the typed one.

    Parameters
    ----------
    typed : str or None
        STUDENT_ID, as typed in the notebook's first cell.

    Returns
    -------
    str
    """
    for known in (_graded_student(), os.environ.get(ID_VARIABLE), os.environ.get("JUPYTERHUB_USER")):
        if known:
            if typed not in (None, "", known):
                print(f"Note: STUDENT_ID is {typed!r}, but this notebook runs as {known!r}: the numbers below, "
                      f"and your grade, are {known!r}'s.")
            return known
    if typed is None or not str(typed).strip():
        raise NameError("STUDENT_ID is not set: type the id your course knows you by in this notebook's first cell, "
                        "for example STUDENT_ID = \"jdoe\", and run the notebook again from the top (on JupyterHub "
                        "your user name is used)")
    return str(typed).strip()


def course_key():
    """The course's key: the grader's (KEY_VARIABLE), else the one released with this file (KEY_FILE), else ''."""
    if os.environ.get(KEY_VARIABLE) is not None:
        return os.environ[KEY_VARIABLE].strip()
    return released_key(os.path.dirname(os.path.abspath(__file__)))


def released_key(folder):
    """The key released in a folder (its KEY_FILE), '' where there is none."""
    released = os.path.join(folder, KEY_FILE)
    if not os.path.isfile(released):
        return ""
    with open(released, encoding="utf-8") as f:
        return f.read().strip()


def _pick(student_id, question, choices):
    """One of `choices`, the same every time for this student, question and course key, spread evenly over students."""
    key = course_key()
    seed = f"{key}\0{question}\0{student_id}" if key else f"{question}\0{student_id}"
    digest = hashlib.sha256(seed.encode("utf-8")).digest()
    return choices[int.from_bytes(digest[:8], "big") % len(choices)]


# --- the questions' numbers ---------------------------------------------------------------------------------------

#: Notebook 1: the confident right prediction and the confident wrong one, for an example with y = 1.
SCENARIO_PREDICTIONS = [(right, wrong) for right in (0.8, 0.85, 0.9, 0.95) for wrong in (0.05, 0.1, 0.15, 0.2)]


def scenario(student_id):
    """Notebook 1's two scenarios for an example with y = 1: {"A": ŷ, "B": ŷ}, one prediction confidently right and
    one confidently wrong, which of A and B is which depending on the variant."""
    right, wrong = _pick(student_id, "scenario", SCENARIO_PREDICTIONS)
    a_wrong = _pick(student_id, "scenario_letter", (False, True))
    return {"A": wrong if a_wrong else right, "B": right if a_wrong else wrong}


#: Notebook 2: a = σ(z) at the worked point, a fraction with a small denominator (then e^(−z) = (1 − a)/a); none
#: where the slope of σ taken at a, a known mistake, comes within 5 % of the slope at z.
WORKED_POINT_A = [Fraction(n, 20) for n in (2, 3, 4, 5, 6, 7, 11, 14, 15, 16, 17, 18)]


def worked_point(student_id):
    """Notebook 2's worked point: {"z": ln(a / (1 − a)), "y": 1.0, "a": a as a Fraction}."""
    a = _pick(student_id, "worked_point", WORKED_POINT_A)
    return {"z": math.log(a / (1 - a)), "y": 1.0, "a": a}


#: Notebook 6: a training set of m examples cut into mini-batches of batch_size, m never a multiple of it (and never
#: the notebook's m = 1500, whose batches its cells count).
MINIBATCH_CASES = [(m, size) for m in (1000, 2000, 2500, 3000, 4000, 5000) for size in (32, 48, 64, 96, 128)
                   if m % size]


def minibatch_case(student_id):
    """Notebook 6's question: {"m": examples, "batch_size": examples per mini-batch}."""
    m, batch_size = _pick(student_id, "iterations_per_epoch", MINIBATCH_CASES)
    return {"m": m, "batch_size": batch_size}


#: Notebook 7: the β of the colleague's momentum (never the 0.9 the notebook demonstrates); its effective window
#: 1 / (1 − β) under 50, so that the mean age, one less, lies more than 2 % from it (the answer's tolerance is 1 %).
MEMORY_BETAS = (0.85, 0.92, 0.94, 0.95, 0.96, 0.97, 0.975)


def memory_beta(student_id):
    """Notebook 7's β of the momentum memory question."""
    return _pick(student_id, "momentum_memory", MEMORY_BETAS)


# --- the questions' letters ---------------------------------------------------------------------------------------


def letters(student_id, question, count):
    """The letters under which this student sees a question's `count` options, in the order the course writes the
    options (the notebook's list): letters[i] is the i-th option's. Every order is as likely as every other.

    Returns
    -------
    tuple of str, a permutation of the first `count` letters of the alphabet
    """
    return _pick(student_id, f"{question} letters", _orders(count))


@functools.lru_cache(maxsize=None)
def _orders(count):
    """Every order of the first `count` letters, always in the same order."""
    return tuple(itertools.permutations("abcdefghijklmnopqrstuvwxyz"[:count]))


def options(student_id, question, texts):
    """A question's options under this student's letters, in alphabetical order of the letters.

    Parameters
    ----------
    student_id : str
    question : str
        The question's id (the first argument of its test cell's `submit_answer`).
    texts : list of str
        The options, in the order the course writes them.

    Returns
    -------
    dict of str to str
        letter -> option.
    """
    return dict(sorted(zip(letters(student_id, question, len(texts)), texts)))


def show_options(student_id, question, texts, code=False):
    """Show a question's options under this student's letters (as Markdown, and as plain text), and return them.

    Parameters
    ----------
    student_id, question, texts
        As for `options`.
    code : bool
        Whether the options are lines of code (set in code type in the Markdown).

    Returns
    -------
    dict of str to str
        letter -> option, as `options` gives them.
    """
    shown = options(student_id, question, texts)
    heading = f"Your options ({student_id}):"
    plain = "\n".join([heading] + [f"{key}. {text}" for key, text in shown.items()])
    try:
        from IPython import get_ipython
        from IPython.display import display
        ipython = get_ipython()
    except ImportError:
        ipython = None
    if ipython is None:  # plain Python: no front end to render Markdown
        print(plain)
        return shown
    escaped = "".join("\\" + c if c in "\\`*_[]<>#" else c for c in heading)
    markdown = "\n".join([escaped, ""] + [f"- **{key}.** " + (f"`{text}`" if code else text)
                                           for key, text in shown.items()])
    display({"text/markdown": markdown, "text/plain": plain}, raw=True)
    return shown


def letter(shown, beginning):
    """The letter of the one option that begins with `beginning`, in options shown by `show_options`."""
    (found,) = [key for key, text in shown.items() if text.startswith(beginning)]
    return found
