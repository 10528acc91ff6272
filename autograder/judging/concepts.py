"""Judging the answers to the concept questions (solutions.concepts holds the questions).

As for the graded functions, capturing (turning a student's answer into plain
data) is kept apart from judging (comparing it with the answer). A verdict
says whether the answer is right and, for a known wrong answer, what was
probably misread, never what the answer is.
"""

import math

from autograder.judging.verdict import Verdict
from solutions import log_loss
from solutions.concepts import ANSWERS, OPTIONS, SCENARIO

#: Relative tolerance for numeric answers: a student may round to 3 significant digits.
NUMBER_RTOL = 1e-2


def _letter(text):
    return str(text).strip().strip("().").strip().lower()


def _hint(question, answer):
    """What a known wrong answer suggests was misread, or ''."""
    expected = ANSWERS[question]
    if question == "scenario_loss_ratio" and isinstance(answer, float) and answer != 0:
        if math.isclose(1 / answer, expected, rel_tol=NUMBER_RTOL):
            return " That is A's loss divided by B's: the question asks how many times larger B's loss is."
        difference = float(log_loss(SCENARIO["B"], SCENARIO["y"]) - log_loss(SCENARIO["A"], SCENARIO["y"]))
        if math.isclose(answer, difference, rel_tol=NUMBER_RTOL):
            return " That is the difference of the two losses; the question asks for their ratio."
    if question == "iterations_per_epoch" and isinstance(answer, float):
        if answer != int(answer):
            return " An epoch makes a whole number of updates: one per mini-batch."
        if answer == expected - 1:
            return " The examples left over after the full batches form one more, smaller batch: it is an update too."
    if question == "momentum_memory" and isinstance(answer, float) and 0 < answer < 1:
        return " That is a weight, not a number of gradients: how fast does β^k shrink as k grows?"
    return ""


def judge_concept(question, captured):
    """The verdict on a captured answer to a concept question.

    Parameters
    ----------
    question : str
        A key of solutions.concepts.ANSWERS.
    captured : object
        What `capture_answer` returned.

    Returns
    -------
    Verdict
    """
    expected = ANSWERS[question]
    if captured is None:
        return Verdict(False, f"{question}: no answer yet.", "not_answered")
    wrong = Verdict(False, f"{question}: not the right answer.{_hint(question, captured)}", "wrong_answer")
    if isinstance(expected, str):
        options = sorted(OPTIONS.get(question, {}).keys()) or ["A", "B"]
        if _letter(captured) not in {o.lower() for o in options}:
            return Verdict(False, f"{question}: answer with one of {', '.join(map(repr, options))}.", "bad_format")
        return Verdict(True) if _letter(captured) == expected.lower() else wrong
    if isinstance(expected, frozenset):
        if not isinstance(captured, list):
            return Verdict(False, f"{question}: answer with a set of letters, such as {{'a', 'b'}}.", "bad_format")
        return Verdict(True) if {_letter(v) for v in captured} == expected else wrong
    if isinstance(expected, dict):
        if not isinstance(captured, dict) or set(captured) != set(expected):
            return Verdict(False, f"{question}: answer with a dict whose keys are {sorted(expected)}.", "bad_format")
        wrong_keys = sorted(k for k in expected if _letter(captured[k]) != expected[k])
        if not wrong_keys:
            return Verdict(True)
        return Verdict(False, f"{question}: {len(wrong_keys)} of {len(expected)} are not right "
                       f"(check {', '.join(wrong_keys)}).", "wrong_answer")
    if not isinstance(captured, float) or not math.isfinite(captured):
        return Verdict(False, f"{question}: answer with a number.", "bad_format")
    if isinstance(expected, int):
        return Verdict(True) if captured == expected else wrong
    return Verdict(True) if math.isclose(captured, expected, rel_tol=NUMBER_RTOL) else wrong
