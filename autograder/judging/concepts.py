"""Judging the answers to the concept questions (solutions.concepts holds the questions).

As for the graded functions, capturing (turning a student's answer into plain
data) is kept apart from judging (comparing it with the answer). A verdict
says whether the answer is right and, for a known wrong answer, what was
probably misread, never what the answer is.
"""

import math

from autograder.judging.verdict import Verdict
from solutions import log_loss, sigmoid
from solutions.concepts import (ANSWERS, CHOICES, MOMENTUM_BETA, MOMENTUM_MEMORY_BETA, OPTIONS, SCENARIO, WORKED_POINT,
                                effective_window, half_life, mean_age, rtol)


def _letter(text):
    return str(text).strip().strip("().").strip().lower()


def _close(answer, expected, question):
    return isinstance(answer, float) and math.isclose(answer, expected, rel_tol=rtol(question))


# --- known wrong answers: question id -> hint(answer), '' when the answer is not a known one, --------
# or, for a multiple-choice question, {wrong letter: hint}. One block per notebook, as in solutions.concepts.

def _scenario_loss_ratio(answer):
    if not isinstance(answer, float) or answer == 0:
        return ""
    if _close(1 / answer, ANSWERS["scenario_loss_ratio"], "scenario_loss_ratio"):
        return " That is A's loss divided by B's: the question asks how many times larger B's loss is."
    predictions = SCENARIO["A"] / SCENARIO["B"]
    if _close(answer, predictions, "scenario_loss_ratio") or _close(1 / answer, predictions, "scenario_loss_ratio"):
        return " That is the ratio of the two predictions ŷ: the question asks about the losses they lead to."
    difference = float(log_loss(SCENARIO["B"], SCENARIO["y"]) - log_loss(SCENARIO["A"], SCENARIO["y"]))
    if _close(answer, difference, "scenario_loss_ratio"):
        return " That is the difference of the two losses; the question asks for their ratio."
    return ""


HINTS_01 = {"scenario_loss_ratio": _scenario_loss_ratio}


def _worked_point(answer):
    if not isinstance(answer, dict):
        return ""
    a = float(sigmoid(WORKED_POINT["z"]))
    right = ANSWERS["worked_point"]

    def near(key, value):
        return isinstance(answer.get(key), float) and _close(answer[key], value, "worked_point")

    hints = []
    if near("dL_da", -right["dL_da"]):
        hints.append(" dL_da has the wrong sign: with y = 1, does a larger a raise the loss or lower it?")
    if near("da_dz", float(sigmoid(a) * (1 - sigmoid(a)))):
        hints.append(" da_dz looks like the slope of σ taken at a: the slope of the sigmoid is wanted at z, "
                     "where a = σ(z).")
    if near("dL_dz", -right["dL_dz"]):
        hints.append(" dL_dz has the wrong sign: raising z raises a; does that raise the loss or lower it when y = 1?")
    elif near("dL_dz", right["dL_da"]):
        hints.append(" dL_dz equals your dL_da: the chain to z multiplies it by the second link, da/dz.")
    return "".join(hints)


HINTS_02 = {"worked_point": _worked_point}

HINTS_03 = {}

_WHY_LOG_LOSS = {
    "a": " Only one of the two dL/dz keeps the factor a(1 − a): evaluate each of them at ŷ ≈ 0.999, y = 0.",
    "b": " Evaluate a(1 − a) at ŷ ≈ 0.999: is it near 0 or near 1, and which of the two dL/dz contains it?",
    "d": " Only one of the two dL/dz keeps the factor a(1 − a): evaluate each of them at ŷ ≈ 0.999, y = 0.",
}

_WHICH_UPDATE = {
    "a": " In that loop grad_J is called again for every j: at which θ is each component taken, once theta[0] has moved?",
    "b": " grad_J(theta)[0] is the component of the bias: does every parameter move by the bias's slope?",
    "d": " Adding α times the gradient moves θ along the gradient: does J go up or down that way?",
}


HINTS_04 = {"why_log_loss": _WHY_LOG_LOSS, "which_update_is_correct": _WHICH_UPDATE}


HINTS_05 = {"vectorized_update": {
    "a": " Write the shape of each product: with X of shape (n, m), what shape has Xᵀ, and what can it multiply?",
    "c": " Check the sign: gradient descent steps against the gradient of J.",
    "d": " Where is the prediction σ(z) in it? Without σ, that is the gradient of another model's cost.",
}}


def _iterations_per_epoch(answer):
    if not isinstance(answer, float):
        return ""
    if answer != int(answer):
        return " An epoch makes a whole number of updates: count the mini-batches it goes through."
    if answer == ANSWERS["iterations_per_epoch"] - 1:
        return " Count the full batches, then ask what happens to the examples left over after the last of them."
    return ""


HINTS_06 = {"iterations_per_epoch": _iterations_per_epoch}


def _momentum_memory(answer):
    if not isinstance(answer, float):
        return ""
    if 0 < answer < 1:
        return " That is a weight, not a number of gradients: how fast does β^k shrink as k grows?"
    readings = {
        mean_age(MOMENTUM_MEMORY_BETA): " That is the mean age of the gradients in v, a different quantity: "
                                        "the question asks for the effective window (section 7.2).",
        half_life(MOMENTUM_MEMORY_BETA): " That is the half-life of the weights, a different quantity: "
                                         "the question asks for the effective window (section 7.2).",
        effective_window(MOMENTUM_BETA): " That is the effective window for the notebook's β; the question "
                                         "asks about another β.",
    }
    return next((hint for value, hint in readings.items() if _close(answer, value, "momentum_memory")), "")


_MOMENTUM_EFFECT = {
    "a": " Work out the first step: v starts at 0, so how long is it next to plain gradient descent's?",
    "c": " In the course's form v is an average, not a sum: its weights add up to less than 1 (section 7.2).",
    "d": " Work out the second step from the velocity after the first: where does it land?",
}

HINTS_07 = {"momentum_memory": _momentum_memory, "momentum_effect": _MOMENTUM_EFFECT}


def _small_training_set(answer):
    letters = {_letter(v) for v in answer} if isinstance(answer, list) else set()
    hints = []
    if "d" in letters:
        hints.append(" Is w = 0 a point where the gradient vanishes for these labels? Compute dJ/dw there.")
    if "b" in letters:
        hints.append(" Convex is not the same as having a lowest point: does J level off at a finite (w, b) in the "
                     "run of this section, or keep falling as ‖w‖ grows?")
    return "".join(hints)


_REREAD_THE_COUNTS = " Read the table that counts the work again: which columns grow as the number of parameters doubles?"


def _debug(answer):
    if not isinstance(answer, dict):
        return ""
    letters = [_letter(v) for v in answer.values()]
    if len(set(letters)) < len(letters):
        return " Each implementation has a different bug: your answer gives two of them the same one."
    return ""


HINTS_08 = {"small_training_set": _small_training_set,
            "backpropagation": dict.fromkeys(("b", "c", "d"), _REREAD_THE_COUNTS), "debug": _debug}

HINTS = {**HINTS_01, **HINTS_02, **HINTS_03, **HINTS_04, **HINTS_05, **HINTS_06, **HINTS_07, **HINTS_08}


def _hint(question, answer):
    """What a known wrong answer suggests was misread, or ''."""
    hint = HINTS.get(question)
    if isinstance(hint, dict):
        return hint.get(_letter(answer), "")
    return hint(answer) if hint else ""


def _judge_dict(question, captured, expected):
    if not isinstance(captured, dict) or set(captured) != set(expected):
        return Verdict(False, f"{question}: answer with a dict whose keys are {sorted(expected)}.", "bad_format")
    numeric = {k for k, v in expected.items() if isinstance(v, (int, float))}
    if any(not isinstance(captured[k], float) or not math.isfinite(captured[k]) for k in numeric):
        return Verdict(False, f"{question}: answer each of {sorted(numeric)} with a number.", "bad_format")
    choices = CHOICES.get(question)
    words = sorted(set(expected) - numeric)
    if choices and any(_letter(captured[k]) not in choices for k in words):
        return Verdict(False, f"{question}: answer each key with one of {', '.join(map(repr, choices))}.",
                       "bad_format")
    wrong_keys = sorted(k for k in expected if not (_close(captured[k], expected[k], question) if k in numeric
                                                    else _letter(captured[k]) == expected[k]))
    if not wrong_keys:
        return Verdict(True)
    return Verdict(False, f"{question}: {len(wrong_keys)} of {len(expected)} are not right "
                   f"(check {', '.join(wrong_keys)}).{_hint(question, captured)}", "wrong_answer")


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
        return _judge_dict(question, captured, expected)
    if not isinstance(captured, float) or not math.isfinite(captured):
        return Verdict(False, f"{question}: answer with a number.", "bad_format")
    if isinstance(expected, int):
        return Verdict(True) if captured == expected else wrong
    return Verdict(True) if _close(captured, expected, question) else wrong
