"""Concept questions: the answers are right (computed where they can be) and the judge tells right from wrong."""

import math

import numpy as np
import pytest

import solutions
from autograder import submit_answer
from autograder.kernel.capture import capture_answer
from autograder.judging import judge_concept
from solutions.concepts import ANSWERS, CHOICES, OPTIONS, SMALL_TRAINING_SET


def _other_values(question, value):
    """Wrong values for one key of a dict answer: the other choices, or numbers off by a factor."""
    if isinstance(value, (int, float)):
        return [value * 1.1 + 0.1, -value - 1]
    return sorted(set(CHOICES.get(question, OPTIONS.get(question, {}))) - {value})


def _verdict(question, answer):
    return judge_concept(question, capture_answer(answer))


def _student_form(answer):
    return set(answer) if isinstance(answer, frozenset) else answer


@pytest.mark.parametrize("question", sorted(ANSWERS))
def test_the_answer_is_judged_right(question):
    assert _verdict(question, _student_form(ANSWERS[question])).passed


@pytest.mark.parametrize("question", sorted(OPTIONS))
def test_every_other_option_is_judged_wrong(question):
    answer = ANSWERS[question]
    if isinstance(answer, dict):
        for key in answer:
            for other in _other_values(question, answer[key]):
                verdict = _verdict(question, {**answer, key: other})
                assert not verdict.passed and key in verdict.message
        return
    for letter in OPTIONS[question]:
        if isinstance(answer, frozenset):
            wrong = set(answer) ^ {letter}  # one statement added or left out
        elif letter == answer:
            continue
        else:
            wrong = letter
        verdict = _verdict(question, wrong)
        assert not verdict.passed and verdict.mistake == "wrong_answer"


@pytest.mark.parametrize("question, wrong, words", [
    # 01
    ("scenario_higher_loss", "A", "not the right answer"),
    ("scenario_loss_ratio", 1 / ANSWERS["scenario_loss_ratio"], "divided by"),
    ("scenario_loss_ratio", math.log(9), "difference"),
    # 02
    # 03
    # 04
    ("why_log_loss", "b", "a(1 − a)"), ("why_log_loss", "a", "evaluate each"), ("why_log_loss", "d", "evaluate each"),
    ("which_update_is_correct", "a", "called again"), ("which_update_is_correct", "b", "bias"),
    ("which_update_is_correct", "d", "up or down"),
    # 05
    # 06
    ("iterations_per_epoch", ANSWERS["iterations_per_epoch"] - 1, "smaller batch"),
    ("iterations_per_epoch", 2000 / 64, "whole number"),
    # 07
    ("momentum_memory", 0.9, "weight"),
    ("momentum_memory", 100, "not the right answer"),
    # 08
])
def test_known_wrong_answers_are_named(question, wrong, words):
    verdict = _verdict(question, wrong)
    assert not verdict.passed and words in verdict.message


@pytest.mark.parametrize("question, answer", [
    ("scenario_higher_loss", "(b)"), ("scenario_higher_loss", " B "), ("why_log_loss", "C"),
    ("scenario_loss_ratio", round(ANSWERS["scenario_loss_ratio"], 2)), ("scenario_loss_ratio", np.float64(21.85)),
    ("iterations_per_epoch", np.int64(32)), ("iterations_per_epoch", 32.0), ("momentum_memory", 10),
    ("small_training_set", ["c", "A"]), ("small_training_set", ("a", "c")),
])
def test_any_correct_form_of_the_answer_passes(question, answer):
    assert _verdict(question, answer).passed


@pytest.mark.parametrize("question, answer, mistake", [
    ("why_log_loss", None, "not_answered"), ("why_log_loss", "e", "bad_format"), ("why_log_loss", 3, "bad_format"),
    ("scenario_loss_ratio", "twenty", "bad_format"), ("scenario_loss_ratio", float("nan"), "bad_format"),
    ("small_training_set", "a", "bad_format"), ("update_kinds", {"all_examples": "batch"}, "bad_format"),
])
def test_malformed_answers_get_a_message_saying_how_to_answer(question, answer, mistake):
    verdict = _verdict(question, answer)
    assert not verdict.passed and verdict.mistake == mistake


def _wrong_of_the_right_form(question):
    answer = ANSWERS[question]
    if isinstance(answer, str):
        return next(o for o in (OPTIONS.get(question) or {"A": 0, "B": 0}) if o != answer)
    if isinstance(answer, frozenset):
        return {"b", "d"}
    if isinstance(answer, dict):
        return {key: _other_values(question, value)[0] for key, value in answer.items()}
    return answer * 3 + 1


@pytest.mark.parametrize("question", sorted(ANSWERS))
def test_a_wrong_answer_is_told_wrong_without_the_answer(question):
    verdict = _verdict(question, _wrong_of_the_right_form(question))
    answer = ANSWERS[question]
    shown = [repr(answer), f"{answer:g}" if isinstance(answer, (int, float)) else repr(answer)]
    if isinstance(answer, dict):
        shown = [f"'{v}'" if isinstance(v, str) else f"{v:g}" for v in answer.values()]
    assert not verdict.passed and not any(text in verdict.message for text in shown)


def test_submit_answer_judges_at_once_where_the_judges_are_importable():
    submit_answer("scenario_higher_loss", "B")
    with pytest.raises(AssertionError, match="scenario_higher_loss: not the right answer"):
        submit_answer("scenario_higher_loss", "A")


# --- the answers are true: computed, not asserted ---------------------------------------------------

def test_scenario_b_has_the_higher_loss_by_the_stated_ratio():
    loss_a, loss_b = solutions.log_loss(0.9, 1.0), solutions.log_loss(0.1, 1.0)
    assert ANSWERS["scenario_higher_loss"] == ("B" if loss_b > loss_a else "A")
    assert ANSWERS["scenario_loss_ratio"] == pytest.approx(math.log(0.1) / math.log(0.9), rel=1e-12)


def test_updates_per_epoch_is_the_number_of_minibatches():
    X, y = np.zeros((2000, 1)), np.zeros(2000)
    batches = solutions.make_minibatches(X, y, 64, np.random.default_rng(0))
    assert ANSWERS["iterations_per_epoch"] == len(batches)


def test_momentum_memory_is_the_sum_of_the_averaging_weights_over_their_largest():
    beta = 0.9
    weights = (1 - beta) * beta ** np.arange(10_000)  # v = Σ_k (1 − β) β^k g_{t−k}
    assert ANSWERS["momentum_memory"] == pytest.approx(1 / weights[0] * weights.sum(), rel=1e-9)


def _minimal_cost(X, y, num_iterations=20_000):
    _, _, costs = solutions.gradient_descent(X, y, np.zeros(X.shape[1]), 0.0, 2.0, num_iterations)
    return costs


def test_small_training_set_statements_are_what_gradient_descent_shows():
    X, y = SMALL_TRAINING_SET["X"], SMALL_TRAINING_SET["y"]
    plain = _minimal_cost(X, y)
    with_product = _minimal_cost(np.column_stack([X, X[:, 0] * X[:, 1]]), y)
    truths = {
        # a: convex, so GD with a small step decreases J monotonically to its minimum
        "a": bool(np.all(np.diff(plain) <= 1e-15)),
        # b: "does not converge" is false: the gradient goes to 0 although no line separates the classes
        "b": not np.isclose(plain[-1], plain[-2], rtol=0, atol=1e-12),
        # c: the x1·x2 feature lets the model fit far better
        "c": with_product[-1] < plain[-1] - 0.1,
        # d: without it the minimal cost stays log 2 (XOR), far from 0
        "d": plain[-1] < 1e-3,
    }
    assert plain[-1] == pytest.approx(math.log(2), abs=1e-6)
    assert {letter for letter, true in truths.items() if true} == ANSWERS["small_training_set"]


# --- the answers of each notebook's new questions are true: one block per notebook ------------------
# --- 01 ---

# --- 02 ---

# --- 03 ---

# --- 04 ---

def _run_update_option(code, theta, alpha, grad_J):
    namespace = {"np": np, "theta": np.array(theta, dtype=float), "alpha": alpha, "grad_J": grad_J,
                 "n": len(theta) - 1}
    exec(code, namespace)
    return namespace["theta"]


def test_which_update_is_correct_is_the_one_code_option_that_steps_by_minus_alpha_times_the_gradient():
    from solutions.concepts import WHICH_UPDATE_IS_CORRECT

    rng = np.random.default_rng(3)
    X, y = rng.normal(size=(20, 2)), (rng.random(20) < 0.5).astype(float)

    def grad_J(theta):  # theta = (b, w1, w2)
        _, dw, db = solutions.cost_and_gradients(X, y, theta[1:], theta[0])
        return np.append(db, dw)

    theta, alpha = np.array([0.3, -0.5, 0.8]), 0.7
    step = theta - alpha * grad_J(theta)
    correct = {letter for letter, code in WHICH_UPDATE_IS_CORRECT.items()
               if np.allclose(_run_update_option(code, theta, alpha, grad_J), step, rtol=1e-12, atol=1e-12)}
    assert correct == {ANSWERS["which_update_is_correct"]}


def test_why_log_loss_the_confidently_wrong_example_of_the_question():
    from solutions.concepts import WHY_LOG_LOSS_CASE

    y, z = WHY_LOG_LOSS_CASE["y"], WHY_LOG_LOSS_CASE["z"]
    a = float(solutions.sigmoid(z))
    dz_log = float(solutions.dL_dz(a, y))
    dz_sq = (a - y) * a * (1 - a)  # L = ½(a − y)²: its dL/dz by central differences below
    h = 1e-6
    loss_sq = lambda t: 0.5 * (float(solutions.sigmoid(t)) - y) ** 2
    assert dz_sq == pytest.approx((loss_sq(z + h) - loss_sq(z - h)) / (2 * h), rel=1e-6)
    assert a == pytest.approx(0.999, abs=5e-4) and y == 0  # confidently wrong, as the question says
    near_0, near_1 = (lambda g: abs(g) < 0.01), (lambda g: abs(g) > 0.99)
    truths = {
        "a": near_0(dz_sq) and near_0(dz_log),
        "b": near_1(dz_sq) and near_0(dz_log),
        "c": near_0(dz_sq) and near_1(dz_log),
        "d": near_1(dz_sq) and near_1(dz_log),
    }
    assert {letter for letter, true in truths.items() if true} == {ANSWERS["why_log_loss"]}


# --- 05 ---

# --- 06 ---

# --- 07 ---

# --- 08 ---
