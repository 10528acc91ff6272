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
    # 05
    ("vectorized_update", "a", "shape"),
    ("vectorized_update", "C", "sign"),
    ("vectorized_update", "d", "σ"),
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

# --- 05 ---

def _direction(letter, X_columns, y, w, b):
    """What option `letter` of vectorized_update subtracts from w, per unit of α, for X of shape (n, m)."""
    m = X_columns.shape[1]
    errors = solutions.sigmoid(X_columns.T @ w + b) - y
    return {"a": lambda: X_columns.T @ errors / m, "b": lambda: X_columns @ errors / m,
            "c": lambda: -(X_columns @ errors) / m, "d": lambda: X_columns @ (X_columns.T @ w + b - y) / m}[letter]()


@pytest.mark.parametrize("n, m", [(2, 7), (4, 3), (1, 5)])
def test_vectorized_update_by_columns_is_the_option_that_steps_against_central_differences(n, m):
    """X stored by columns: only the answer's direction is the gradient of J (central differences), for any n != m."""
    rng = np.random.default_rng(n * 10 + m)
    X_columns, y = rng.normal(size=(n, m)), (rng.random(m) < 0.5).astype(float)
    w, b = rng.normal(size=n), 0.2
    cost = lambda t: float(np.mean(solutions.log_loss_from_logits(X_columns.T @ t + b, y)))
    gradient = solutions.numerical_gradient(cost, w)
    right = set()
    for letter in OPTIONS["vectorized_update"]:
        try:
            direction = _direction(letter, X_columns, y, w, b)
        except ValueError:  # the shapes do not fit
            continue
        if np.allclose(direction, gradient, rtol=1e-6, atol=1e-9):
            right.add(letter)
    assert right == {ANSWERS["vectorized_update"]}

# --- 06 ---

# --- 07 ---

# --- 08 ---
