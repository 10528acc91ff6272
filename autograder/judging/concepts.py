"""Judging the answers to the concept questions (solutions.concepts holds the questions).

As for the graded functions, capturing (turning a student's answer into plain
data) is kept apart from judging (comparing it with the answer). A verdict
says whether the answer is right and, for a known wrong answer, what was
probably misread, never what the answer is.
"""

import math

from autograder.judging.verdict import Verdict
from solutions import log_loss, sigmoid
from solutions.concepts import (CHOICES, LETTERED, MOMENTUM_BETA, OPTIONS, VARIANT_QUESTIONS, answer, effective_window,
                                half_life, letters_of, mean_age, rtol, variant)


def _letter(text):
    return str(text).strip().strip("().").strip().lower()


def _course_letter(question, given, student):
    """The course's letter of the option that `student` sees under the letter `given` ('' if there is none): the
    hints are written for the options as the course writes them."""
    return {shown: course for course, shown in letters_of(question, student).items()}.get(_letter(given), "")


def _close(answer, expected, question):
    return isinstance(answer, float) and math.isclose(answer, expected, rel_tol=rtol(question))


# --- known wrong answers: question id -> hint(answer, student), '' when the answer is not a known one, --------
# or, for a multiple-choice question, {wrong letter: hint}, with the course's letters (solutions.concepts.FIXED's).
# One block per notebook, as in solutions.concepts.

def _scenario_loss_ratio(given, student):
    if not isinstance(given, float) or given == 0:
        return ""
    if _close(1 / given, answer("scenario_loss_ratio", student), "scenario_loss_ratio"):
        return " That is the smaller loss divided by the larger: the question asks how many times larger the larger is."
    scenario = variant.scenario(student)
    predictions = scenario["A"] / scenario["B"]
    if _close(given, predictions, "scenario_loss_ratio") or _close(1 / given, predictions, "scenario_loss_ratio"):
        return " That is the ratio of the two predictions ŷ: the question asks about the losses they lead to."
    difference = abs(float(log_loss(scenario["B"], 1.0) - log_loss(scenario["A"], 1.0)))
    if _close(given, difference, "scenario_loss_ratio"):
        return " That is the difference of the two losses; the question asks for their ratio."
    return ""


HINTS_01 = {"scenario_loss_ratio": _scenario_loss_ratio}


def _worked_point(given, student):
    if not isinstance(given, dict):
        return ""
    point = variant.worked_point(student)
    a, y = float(sigmoid(point["z"])), f"y = {point['y']:g}"
    right = answer("worked_point", student)

    def near(key, value):
        return isinstance(given.get(key), float) and _close(given[key], value, "worked_point")

    hints = []
    if near("dL_da", -right["dL_da"]):
        hints.append(f" dL_da has the wrong sign: with {y}, does a larger a raise the loss or lower it?")
    if near("da_dz", float(sigmoid(a) * (1 - sigmoid(a)))):
        hints.append(" da_dz looks like the slope of σ taken at a: the slope of the sigmoid is wanted at z, "
                     "where a = σ(z).")
    if near("dL_dz", -right["dL_dz"]):
        hints.append(f" dL_dz has the wrong sign: raising z raises a; does that raise the loss or lower it when {y}?")
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


def _iterations_per_epoch(given, student):
    if not isinstance(given, float):
        return ""
    if given != int(given):
        return " An epoch makes a whole number of updates: count the mini-batches it goes through."
    if given == answer("iterations_per_epoch", student) - 1:
        return " Count the full batches, then ask what happens to the examples left over after the last of them."
    return ""


HINTS_06 = {"iterations_per_epoch": _iterations_per_epoch}


def _momentum_memory(given, student):
    if not isinstance(given, float):
        return ""
    if 0 < given < 1:
        return " That is a weight, not a number of gradients: how fast does β^k shrink as k grows?"
    beta = variant.memory_beta(student)
    readings = {
        mean_age(beta): " That is the mean age of the gradients in v, a different quantity: "
                        "the question asks for the effective window (section 7.2).",
        half_life(beta): " That is the half-life of the weights, a different quantity: "
                         "the question asks for the effective window (section 7.2).",
        effective_window(MOMENTUM_BETA): " That is the effective window for the notebook's β; the question "
                                         "asks about another β.",
    }
    return next((hint for value, hint in readings.items() if _close(given, value, "momentum_memory")), "")


_MOMENTUM_EFFECT = {
    "a": " Work out the first step: v starts at 0, so how long is it next to plain gradient descent's?",
    "c": " In the course's form v is an average, not a sum: its weights add up to less than 1 (section 7.2).",
    "d": " Work out the second step from the velocity after the first: where does it land?",
}

HINTS_07 = {"momentum_memory": _momentum_memory, "momentum_effect": _MOMENTUM_EFFECT}


def _small_training_set(given, student):
    letters = {_course_letter("small_training_set", v, student) for v in given} if isinstance(given, list) else set()
    hints = []
    if "d" in letters:
        hints.append(" Is w = 0 a point where the gradient vanishes for these labels? Compute dJ/dw there.")
    if "b" in letters:
        hints.append(" Convex is not the same as having a lowest point: does J level off at a finite (w, b) in the "
                     "run of this section, or keep falling as ‖w‖ grows?")
    return "".join(hints)


_REREAD_THE_COUNTS = " Read the table that counts the work again: which columns grow as the number of parameters doubles?"


def _debug(given, _student):
    if not isinstance(given, dict):
        return ""
    letters = [_letter(v) for v in given.values()]
    if len(set(letters)) < len(letters):
        return " Each implementation has a different bug: your answer gives two of them the same one."
    return ""


HINTS_08 = {"small_training_set": _small_training_set,
            "backpropagation": dict.fromkeys(("b", "c", "d"), _REREAD_THE_COUNTS), "debug": _debug}

HINTS = {**HINTS_01, **HINTS_02, **HINTS_03, **HINTS_04, **HINTS_05, **HINTS_06, **HINTS_07, **HINTS_08}


def _hint(question, given, student):
    """What a known wrong answer suggests was misread, or ''."""
    hint = HINTS.get(question)
    if isinstance(hint, dict):
        return hint.get(_course_letter(question, given, student), "")
    return hint(given, student) if hint else ""


def _judge_dict(question, captured, expected, wrong):
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
    return Verdict(False, wrong.message.replace(": not the right answer", f": {len(wrong_keys)} of {len(expected)} "
                                                f"are not right (check {', '.join(wrong_keys)})", 1), "wrong_answer")


def judge_concept(question, captured, student):
    """The verdict on a captured answer to a concept question, for one student's variant.

    Parameters
    ----------
    question : str
        A key of solutions.concepts.ANSWERS.
    captured : object
        What `capture_answer` returned.
    student : str
        Whose variant: the id of the folder the notebook was handed in under.

    Returns
    -------
    Verdict
    """
    expected = answer(question, student)
    if captured is None:
        return Verdict(False, f"{question}: no answer yet.", "not_answered")
    own = "numbers" if question in VARIANT_QUESTIONS else "letters" if question in LETTERED else None
    whose = f" (graded for the {own} of {student!r}, the student it was handed in as)" if own else ""
    wrong = Verdict(False, f"{question}: not the right answer{whose}.{_hint(question, captured, student)}",
                    "wrong_answer")
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
        return _judge_dict(question, captured, expected, wrong)
    if not isinstance(captured, float) or not math.isfinite(captured):
        return Verdict(False, f"{question}: answer with a number.", "bad_format")
    if isinstance(expected, int):
        return Verdict(True) if captured == expected else wrong
    return Verdict(True) if _close(captured, expected, question) else wrong


def whose_variant(question, captured, student, classmates):
    """The classmates whose variant a wrong answer is right for (not `student`'s own): the plainest sign that an
    answer was passed on. [] for a question without numbers of its own per student, or an answer right for nobody
    else. A lettered answer is never traced: every wrong letter, set or assignment of letters is some order's right
    one, so it is right for classmates by chance (a letter for a quarter of the class; even 08's assignment of six
    bugs, one order in 720, fits someone in a class of 300 about one time in three).

    Parameters
    ----------
    question : str
    captured : object
        What `capture_answer` returned.
    student : str
        Whose answer it is.
    classmates : iterable of str
        The other students of the class.

    Returns
    -------
    list of str
    """
    if question not in VARIANT_QUESTIONS or isinstance(answer(question, student), str) \
            or judge_concept(question, captured, student).passed:
        return []
    return [other for other in sorted(set(classmates) - {student}) if judge_concept(question, captured, other).passed]
