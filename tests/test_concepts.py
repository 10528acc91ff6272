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
    # 06
    ("iterations_per_epoch", ANSWERS["iterations_per_epoch"] - 1, "smaller batch"),
    ("iterations_per_epoch", 2000 / 64, "whole number"),
    # 07
    ("momentum_memory", 0.9, "weight"),
    ("momentum_memory", 100, "not the right answer"),
    ("momentum_memory", solutions.concepts.mean_age(solutions.concepts.MOMENTUM_MEMORY_BETA), "mean age"),
    ("momentum_memory", math.log(2) / -math.log(solutions.concepts.MOMENTUM_MEMORY_BETA), "half-life"),
    ("momentum_memory", 1 / (1 - solutions.concepts.MOMENTUM_BETA), "another β"),
    ("momentum_effect", "a", "first step"),
    ("momentum_effect", "c", "not a sum"),
    ("momentum_effect", "d", "second step"),
    # 08
])
def test_known_wrong_answers_are_named(question, wrong, words):
    verdict = _verdict(question, wrong)
    assert not verdict.passed and words in verdict.message


@pytest.mark.parametrize("question, answer", [
    ("scenario_higher_loss", "(b)"), ("scenario_higher_loss", " B "), ("why_log_loss", "C"),
    ("scenario_loss_ratio", round(ANSWERS["scenario_loss_ratio"], 2)), ("scenario_loss_ratio", np.float64(21.85)),
    ("iterations_per_epoch", np.int64(32)), ("iterations_per_epoch", 32.0), ("momentum_memory", round(ANSWERS["momentum_memory"], 1)),
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

# --- 06 ---

# --- 07 ---

from solutions.concepts import (  # noqa: E402
    MOMENTUM_BETA, MOMENTUM_MEMORY_BETA, RTOL_07, effective_window, half_life, mean_age)


def _velocity_weights(beta, t):
    """The weight of g_{t−k} in v_t, k = 0 … t − 1, read off the recursion itself: feed it unit impulses."""
    weights = []
    for k in range(t):
        v = 0.0
        for step in range(1, t + 1):
            v = beta * v + (1 - beta) * (1.0 if step == t - k else 0.0)
        weights.append(v)
    return np.array(weights)


def test_velocity_weights_sum_to_one_minus_beta_to_the_t_and_start_from_v0():
    beta, t = MOMENTUM_BETA, 40
    weights = _velocity_weights(beta, t)
    assert weights == pytest.approx((1 - beta) * beta ** np.arange(t), rel=1e-12)
    assert weights.sum() == pytest.approx(1 - beta ** t, rel=1e-12)
    g, v0 = np.random.default_rng(0).normal(size=t), 0.7
    v = v0
    for g_t in g:
        v = beta * v + (1 - beta) * g_t
    assert v == pytest.approx(np.sum(weights * g[::-1]) + beta ** t * v0, rel=1e-12)


def test_momentum_memory_is_the_sum_of_the_weights_over_the_largest_for_the_asked_beta():
    beta = MOMENTUM_MEMORY_BETA
    weights = _velocity_weights(beta, 2000)  # long after the start: β^t is below 1e-26
    assert ANSWERS["momentum_memory"] == pytest.approx(weights.sum() / weights.max(), rel=1e-9)
    # equally weighted at the newest weight, that many gradients carry the same total
    assert ANSWERS["momentum_memory"] * weights[0] == pytest.approx(weights.sum(), rel=1e-9)


def test_the_other_readings_of_memory_are_other_quantities_outside_the_tolerance():
    beta = MOMENTUM_MEMORY_BETA
    weights = _velocity_weights(beta, 2000)
    ages = np.arange(len(weights))
    mean = np.sum(ages * weights) / weights.sum()
    half = np.interp(0.5, weights[::-1] / weights[0], ages[::-1].astype(float))  # age where the weight is halved
    assert mean == pytest.approx(beta / (1 - beta), rel=1e-9)
    assert half == pytest.approx(math.log(2) / -math.log(beta), rel=1e-2)
    # the notebook's "check your prediction": mean age = window − 1 for every β, half-life ≤ mean age for β ≥ 0.5
    for b in np.linspace(0.5, 0.999, 200):
        assert mean_age(b) == pytest.approx(effective_window(b) - 1, rel=1e-9) and half_life(b) <= mean_age(b) + 1e-12
    assert (mean_age(beta), half_life(beta)) == (pytest.approx(mean), pytest.approx(half, rel=1e-2))
    for other in (mean, half, 1 / (1 - MOMENTUM_BETA)):
        assert abs(other - ANSWERS["momentum_memory"]) > 2 * RTOL_07["momentum_memory"] * ANSWERS["momentum_memory"]
        assert not _verdict("momentum_memory", float(other)).passed


def _bowl_run(beta, num_iterations=200):
    """Momentum on the round bowl J = |w|² / 2 (gradient w) with α = 1, from (3, −4): the points visited."""
    w, v = np.array([3.0, -4.0]), np.zeros(2)
    path = [w]
    for _ in range(num_iterations):
        w, _, v, _ = solutions.momentum_update(w, 0.0, w, 0.0, v, 0.0, 1.0, beta)
        path.append(w)
    return np.array(path)


def test_momentum_on_the_round_bowl_takes_many_steps_and_swings_around():
    plain, heavy = _bowl_run(0.0), _bowl_run(MOMENTUM_BETA)
    distance = np.linalg.norm(heavy, axis=1) / np.linalg.norm(heavy[0])
    truths = {
        # a: lands in one step, as plain gradient descent does
        "a": distance[1] < 1e-12,
        # b: the first step is a tenth as long, the run overshoots (w changes sign) and still is not there
        #    after dozens of steps, yet it converges in the end
        "b": bool(np.isclose(distance[1], 0.9) and np.any(np.sign(heavy[1:, 0]) < 0) and distance[30] > 0.05
                  and distance[-1] < 1e-3),
        # c: diverges
        "c": distance[-1] > 1,
        # d: lands in two steps
        "d": distance[2] < 1e-12,
    }
    assert np.linalg.norm(plain[1]) == 0.0  # plain gradient descent lands in one step
    assert {letter for letter, true in truths.items() if true} == {ANSWERS["momentum_effect"]}

# --- 08 ---
