"""Concept questions: the answers are right (computed where they can be) and the judge tells right from wrong."""

import math
import re
from pathlib import Path

import nbformat
import numpy as np
import pytest

import autograder.judging
import solutions
from autograder import check, submit_answer
from autograder.judging import judge_concept
from autograder.judging.functions.minibatches import TRAIN_MINIBATCH
from autograder.judging.functions.vectorized import GRADIENT_DESCENT, _non_simultaneous
from autograder.grading.layout import notebook_file
from autograder.kernel.capture import capture_answer
from solutions.concepts import (ANSWERS, CHOICES, DEBUG_BUGS, DEBUG_DECOY, DEBUG_IMPLEMENTATIONS, EXAMPLE_STUDENT,
                                FIXED, LETTERED, MOMENTUM_BETA, OPTIONS, RTOL_07, SMALL_TRAINING_SET, VARIANT_QUESTIONS,
                                answer, effective_window, half_life, letters_of, mean_age, variant)

#: ANSWERS are the instructor's variant's: the judge is asked for the same student. The proofs by computation
#: prove FIXED, the answers in the course's letters.
SCENARIO, WORKED_POINT = variant.scenario(EXAMPLE_STUDENT), variant.worked_point(EXAMPLE_STUDENT)
CASE, MEMORY_BETA = variant.minibatch_case(EXAMPLE_STUDENT), variant.memory_beta(EXAMPLE_STUDENT)
LOWER = "A" if ANSWERS["scenario_higher_loss"] == "B" else "B"
#: Students enough to meet every variant of every question (tests/judging/test_variants.py checks that they do).
STUDENTS = [EXAMPLE_STUDENT] + [f"student{k:02d}" for k in range(60)]


def _other_values(question, value):
    """Wrong values for one key of a dict answer: the other choices, or numbers off by a factor."""
    if isinstance(value, (int, float)):
        return [value * 1.1 + 0.1, -value - 1]
    return sorted(set(CHOICES.get(question, OPTIONS.get(question, {}))) - {value})


def _verdict(question, given, student=EXAMPLE_STUDENT):
    return judge_concept(question, capture_answer(given), student)


def _yours(question, course, student=EXAMPLE_STUDENT):
    """A letter (or a set of letters) of the course's, in the letters `student` sees."""
    letter = letters_of(question, student)
    if isinstance(course, str):  # in the case it was written in (a capital is a form of the letter)
        return letter[course.lower()].upper() if course.isupper() else letter[course]
    return {letter[k] for k in course}


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
    ("scenario_higher_loss", LOWER, "not the right answer"),
    ("scenario_loss_ratio", 1 / ANSWERS["scenario_loss_ratio"], "divided by"),
    ("scenario_loss_ratio", abs(math.log(SCENARIO["A"]) - math.log(SCENARIO["B"])), "difference"),
    ("scenario_loss_ratio", SCENARIO["A"] / SCENARIO["B"], "ratio of the two predictions"),
    ("scenario_loss_ratio", SCENARIO["B"] / SCENARIO["A"], "ratio of the two predictions"),
    # 02
    ("worked_point", {**ANSWERS["worked_point"], "dL_da": -ANSWERS["worked_point"]["dL_da"]}, "dL_da has the wrong sign"),
    ("worked_point", {**ANSWERS["worked_point"], "da_dz": float(solutions.da_dz(solutions.sigmoid(
        solutions.sigmoid(WORKED_POINT["z"]))))}, "slope of σ taken at a"),
    ("worked_point", {**ANSWERS["worked_point"], "dL_dz": -ANSWERS["worked_point"]["dL_dz"]}, "dL_dz has the wrong sign"),
    ("worked_point", {**ANSWERS["worked_point"], "dL_dz": ANSWERS["worked_point"]["dL_da"]}, "multiplies it by"),
    ("worked_point", {**ANSWERS["worked_point"], "dL_dz": 1.5}, "check dL_dz"),
    # 03
    # 04
    ("why_log_loss", "b", "a(1 − a)"), ("why_log_loss", "a", "evaluate each"), ("why_log_loss", "d", "evaluate each"),
    ("which_update_is_correct", "a", "called again"), ("which_update_is_correct", "b", "bias"),
    ("which_update_is_correct", "d", "up or down"),
    # 05
    ("vectorized_update", "a", "shape"),
    ("vectorized_update", "C", "sign"),
    ("vectorized_update", "d", "σ"),
    # 06
    ("iterations_per_epoch", ANSWERS["iterations_per_epoch"] - 1, "left over after the last"),
    ("iterations_per_epoch", CASE["m"] / CASE["batch_size"], "whole number"),
    # 07
    ("momentum_memory", 0.9, "weight"),
    ("momentum_memory", 3 * ANSWERS["momentum_memory"] + 7, "not the right answer"),
    ("momentum_memory", mean_age(MEMORY_BETA), "mean age"),
    ("momentum_memory", math.log(2) / -math.log(MEMORY_BETA), "half-life"),
    ("momentum_memory", 1 / (1 - solutions.concepts.MOMENTUM_BETA), "another β"),
    ("momentum_effect", "a", "first step"),
    ("momentum_effect", "c", "not a sum"),
    ("momentum_effect", "d", "second step"),
    # 08
    ("small_training_set", {"a", "c", "d"}, "gradient vanishes"),
    ("small_training_set", {"d"}, "Compute dJ/dw there"),
    ("small_training_set", {"a", "b", "c"}, "Convex is not the same"),
    ("small_training_set", {"b"}, "keep falling"),
    ("backpropagation", "b", "which columns grow"),
    ("backpropagation", "c", "counts the work"),
    ("debug", {**ANSWERS["debug"], "train_A": ANSWERS["debug"]["train_B"]}, "different bug"),
])
def test_known_wrong_answers_are_named(question, wrong, words):
    """The wrong letters above are the course's: each is given as the instructor's letters show it."""
    verdict = _verdict(question, _yours(question, wrong) if question in LETTERED and not isinstance(wrong, dict)
                       else wrong)
    assert not verdict.passed and words in verdict.message
    assert not any(text in verdict.message for text in _shown(ANSWERS[question]))  # a pointer, never the answer


@pytest.mark.parametrize("question, answer", [
    ("scenario_higher_loss", f"({ANSWERS['scenario_higher_loss'].lower()})"),
    ("scenario_higher_loss", f" {ANSWERS['scenario_higher_loss']} "), ("why_log_loss", ANSWERS["why_log_loss"].upper()),
    ("scenario_loss_ratio", round(ANSWERS["scenario_loss_ratio"], 2)),
    ("scenario_loss_ratio", np.float64(round(ANSWERS["scenario_loss_ratio"], 2))),
    ("iterations_per_epoch", np.int64(ANSWERS["iterations_per_epoch"])),
    ("iterations_per_epoch", float(ANSWERS["iterations_per_epoch"])), ("momentum_memory", round(ANSWERS["momentum_memory"], 1)),
    ("small_training_set", [min(ANSWERS["small_training_set"]), max(ANSWERS["small_training_set"]).upper()]),
    ("small_training_set", tuple(sorted(ANSWERS["small_training_set"]))),
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
        return set(OPTIONS[question]) - answer
    if isinstance(answer, dict):
        return {key: _other_values(question, value)[0] for key, value in answer.items()}
    return answer * 3 + 1


@pytest.mark.parametrize("question", sorted(ANSWERS))
def test_a_wrong_answer_is_told_wrong_without_the_answer(question):
    verdict = _verdict(question, _wrong_of_the_right_form(question))
    assert not verdict.passed and not any(text in verdict.message for text in _shown(ANSWERS[question]))


def _shown(answer):
    """How a message could show `answer`: its repr, a number to 4 and 6 significant digits, a dict's values."""
    if isinstance(answer, dict):
        return [f"'{v}'" if isinstance(v, str) else f"{v:.4g}" for v in answer.values()]
    if isinstance(answer, (int, float)):
        return [repr(answer), f"{answer:g}", f"{answer:.4g}"]
    return [repr(answer)]


def test_submit_answer_judges_at_once_where_the_judges_are_importable(monkeypatch):
    monkeypatch.setenv(variant.ID_VARIABLE, EXAMPLE_STUDENT)  # the variant the notebook runs as
    submit_answer("scenario_higher_loss", ANSWERS["scenario_higher_loss"])
    with pytest.raises(AssertionError, match="scenario_higher_loss: not the right answer"):
        submit_answer("scenario_higher_loss", LOWER)


def test_submit_answer_judges_with_the_key_of_the_variant_py_the_notebook_imported(monkeypatch, tmp_path):
    """A released notebook run outside the sandbox (nbgrader validate, the instructor's JupyterLab) imports the
    variant.py beside it, which holds the release's key: its answers are judged with that key."""
    import importlib.util
    import shutil
    import sys

    shutil.copy(variant.__file__, tmp_path / "variant.py")
    (tmp_path / variant.KEY_FILE).write_text("spring-2027\n", encoding="utf-8")
    spec = importlib.util.spec_from_file_location("variant", tmp_path / "variant.py")
    released = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(released)
    monkeypatch.setitem(sys.modules, "variant", released)
    monkeypatch.setenv(variant.ID_VARIABLE, EXAMPLE_STUDENT)
    monkeypatch.setenv(variant.KEY_VARIABLE, "")  # put back as it was after the test, which submit_answer sets
    monkeypatch.delenv(variant.KEY_VARIABLE)
    unkeyed = answer("momentum_memory", EXAMPLE_STUDENT)
    keyed = solutions.concepts.effective_window(released.memory_beta(EXAMPLE_STUDENT))
    assert keyed != pytest.approx(unkeyed, rel=0.02)  # the key changes the question
    submit_answer("momentum_memory", keyed)
    with pytest.raises(AssertionError, match="momentum_memory: not the right answer"):
        submit_answer("momentum_memory", unkeyed)


# --- the answers are true: computed, not asserted ---------------------------------------------------

@pytest.mark.parametrize("student", STUDENTS)
def test_the_confidently_wrong_scenario_has_the_higher_loss_by_the_stated_ratio(student):
    scenario = variant.scenario(student)
    loss_a, loss_b = solutions.log_loss(scenario["A"], 1.0), solutions.log_loss(scenario["B"], 1.0)
    assert answer("scenario_higher_loss", student) == ("B" if loss_b > loss_a else "A")
    wrong, right = sorted((scenario["A"], scenario["B"]))
    assert wrong < 0.5 < right  # one confidently wrong, one confidently right
    assert answer("scenario_loss_ratio", student) == pytest.approx(math.log(wrong) / math.log(right), rel=1e-12)


@pytest.mark.parametrize("student", STUDENTS)
def test_updates_per_epoch_is_the_number_of_minibatches(student):
    case = variant.minibatch_case(student)
    X, y = np.zeros((case["m"], 1)), np.zeros(case["m"])
    batches = solutions.make_minibatches(X, y, case["batch_size"], np.random.default_rng(0))
    assert answer("iterations_per_epoch", student) == len(batches)
    assert case["m"] % case["batch_size"], "a last, smaller batch: the case the question is about"


def test_small_training_set_statements_are_what_gradient_descent_shows():
    """The AND labels: the statements about them, decided by gradient descent and the separating ray (see 08 below)."""
    assert {letter for letter, true in _and_statements().items() if true} == FIXED["small_training_set"]


# --- the answers of each notebook's new questions are true: one block per notebook ------------------
# --- 01 ---

# --- 02 ---



@pytest.mark.parametrize("student", STUDENTS)
def test_worked_point_is_the_slopes_by_central_differences_at_a_simple_a(student):
    point = variant.worked_point(student)
    z, y, h = point["z"], point["y"], 1e-6
    a = float(solutions.sigmoid(z))
    assert a == pytest.approx(float(point["a"]), rel=1e-14) and point["a"].denominator <= 20  # worked by hand
    answer = solutions.concepts.answer("worked_point", student)
    slope_a = (solutions.log_loss(a + h, y) - solutions.log_loss(a - h, y)) / (2 * h)
    slope_sigmoid = (solutions.sigmoid(z + h) - solutions.sigmoid(z - h)) / (2 * h)
    slope_z = (solutions.log_loss(solutions.sigmoid(z + h), y) - solutions.log_loss(solutions.sigmoid(z - h), y)) / (2 * h)
    assert answer["dL_da"] == pytest.approx(slope_a, rel=1e-8)
    assert answer["da_dz"] == pytest.approx(slope_sigmoid, rel=1e-8)
    assert answer["dL_dz"] == pytest.approx(slope_z, rel=1e-8)
    assert answer["dL_dz"] == pytest.approx(answer["dL_da"] * answer["da_dz"], rel=1e-12)  # the chain rule
    # the known wrong answers named in the hints are outside the 1 % tolerance
    for wrong in (-answer["dL_da"], float(solutions.da_dz(solutions.sigmoid(a))), -answer["dL_dz"]):
        assert not any(math.isclose(wrong, v, rel_tol=0.01) for v in answer.values())

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
    assert correct == {FIXED["which_update_is_correct"]}


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
    assert {letter for letter, true in truths.items() if true} == {FIXED["why_log_loss"]}


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
    assert right == {FIXED["vectorized_update"]}

# --- 06 ---


def _labelled(m, seed=0):
    """A learnable data set like the notebook's: three features of different scales, logistic labels."""
    data = np.random.default_rng(seed)
    X = data.normal(size=(m, 3)) * np.array([1.0, 2.0, 0.5])
    return X, (data.random(m) < solutions.sigmoid(X @ np.array([1.5, -1.0, 2.0]) + 0.5)).astype(float)


def _minibatch_steps(X, y, batch_size, learning_rate, epochs, seed=0):
    """(w, b, J on the whole set after each update) of mini-batch gradient descent from 0 (solutions)."""
    rng, w, b, costs = np.random.default_rng(seed), np.zeros(X.shape[1]), 0.0, []
    for _ in range(epochs):
        for X_batch, y_batch in solutions.make_minibatches(X, y, batch_size, rng):
            _, dw, db = solutions.cost_and_gradients(X_batch, y_batch, w, b)
            w, b = solutions.update_parameters(w, b, dw, db, learning_rate)
            costs.append(solutions.compute_cost(X, y, w, b))
    return w, b, np.array(costs)


def test_update_kinds_statements_are_true_of_exactly_the_answered_kind():
    X, y = _labelled(300)
    m = len(y)
    sizes = {"batch": m, "stochastic": 1, "mini-batch": 32}  # 300 = 9·32 + 12
    truths = {}
    # reshuffle: two seeds, i.e. two shuffles of every epoch, give the same updates
    truths["reshuffle"] = {kind: np.allclose(solutions.train_minibatch(X, y, k, 0.5, 3, seed=1)[0],
                                             solutions.train_minibatch(X, y, k, 0.5, 3, seed=2)[0], rtol=1e-12, atol=0)
                           for kind, k in sizes.items()}
    # one_direction: (dw, db) of a batch is the mean of its examples' (a_i − y_i)(x_i, 1) (notebook 03), so an
    # update is along one example's (x_i, 1) when the batch has one example, and along none of them otherwise
    truths["one_direction"] = {}
    for kind, k in sizes.items():
        along_one = []
        for X_batch, y_batch in solutions.make_minibatches(X, y, k, np.random.default_rng(0))[:5]:
            _, dw, db = solutions.cost_and_gradients(X_batch, y_batch, np.array([0.3, -0.2, 0.1]), 0.1)
            distance = np.min(np.linalg.norm(np.append(dw, db) - db * np.column_stack([X, np.ones(m)]), axis=1))
            along_one.append(distance < 1e-12 * np.linalg.norm(np.append(dw, db)))
        truths["one_direction"][kind] = all(along_one)
    # unequal_weights: example i weighs 1/|B| in the gradient of its batch B; the weights differ when batches do
    truths["unequal_weights"] = {}
    for kind, k in sizes.items():
        weights = {1 / len(y_b) for _, y_b in solutions.make_minibatches(X, y, k, np.random.default_rng(0))}
        truths["unequal_weights"][kind] = len(weights) > 1
    # never_raises: batch gradient descent at a small rate lowers J at every update; from the minimum,
    # every noisy update raises J whatever the learning rate (the full gradient is 0 there)
    w_star, b_star, _ = solutions.gradient_descent(X, y, np.zeros(3), 0.0, 2.0, 3000)
    assert np.linalg.norm(np.append(*solutions.cost_and_gradients(X, y, w_star, b_star)[1:])) < 1e-9
    J_star = solutions.compute_cost(X, y, w_star, b_star)
    truths["never_raises"] = {}
    for kind, k in sizes.items():
        costs = _minibatch_steps(X, y, k, 0.05, 3)[2]
        raised = bool(np.any(np.diff(np.append(math.log(2), costs)) > 0))
        for learning_rate in (1e-2, 1e-4):
            rng = np.random.default_rng(5)
            X_batch, y_batch = solutions.make_minibatches(X, y, k, rng)[0]
            _, dw_b, db_b = solutions.cost_and_gradients(X_batch, y_batch, w_star, b_star)
            w_1, b_1 = solutions.update_parameters(w_star, b_star, dw_b, db_b, learning_rate)
            raised |= solutions.compute_cost(X, y, w_1, b_1) > J_star + 1e-15
        truths["never_raises"][kind] = not raised
    answer = FIXED["update_kinds"]
    assert set(truths) == set(answer) == set(OPTIONS["update_kinds"])
    for statement, true_of in truths.items():
        assert [kind for kind, true in true_of.items() if true] == [answer[statement]], (statement, true_of)


# --- 07 ---



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


def _student_with(beta):
    return next(s for s in STUDENTS if variant.memory_beta(s) == beta)


@pytest.mark.parametrize("beta", variant.MEMORY_BETAS)
def test_momentum_memory_is_the_sum_of_the_weights_over_the_largest_for_the_asked_beta(beta):
    window = answer("momentum_memory", _student_with(beta))
    weights = _velocity_weights(beta, 2500)  # long after the start: β^t is below 1e-26
    assert beta != MOMENTUM_BETA and window == pytest.approx(weights.sum() / weights.max(), rel=1e-9)
    # equally weighted at the newest weight, that many gradients carry the same total
    assert window * weights[0] == pytest.approx(weights.sum(), rel=1e-9)


@pytest.mark.parametrize("beta", variant.MEMORY_BETAS)
def test_the_other_readings_of_memory_are_other_quantities_outside_the_tolerance(beta):
    student = _student_with(beta)
    weights = _velocity_weights(beta, 2500)
    ages = np.arange(len(weights))
    mean = np.sum(ages * weights) / weights.sum()
    half = np.interp(0.5, weights[::-1] / weights[0], ages[::-1].astype(float))  # age where the weight is halved
    assert mean == pytest.approx(beta / (1 - beta), rel=1e-9)
    assert half == pytest.approx(math.log(2) / -math.log(beta), rel=1e-2)
    # the notebook's "check your prediction": mean age = window − 1 for every β, half-life ≤ mean age for β ≥ 0.5
    for b in np.linspace(0.5, 0.999, 200):
        assert mean_age(b) == pytest.approx(effective_window(b) - 1, rel=1e-9) and half_life(b) <= mean_age(b) + 1e-12
    assert (mean_age(beta), half_life(beta)) == (pytest.approx(mean), pytest.approx(half, rel=1e-2))
    window = answer("momentum_memory", student)
    for other in (mean, half, 1 / (1 - MOMENTUM_BETA)):
        assert abs(other - window) > 2 * RTOL_07["momentum_memory"] * window
        assert not _verdict("momentum_memory", float(other), student).passed


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
    assert {letter for letter, true in truths.items() if true} == {FIXED["momentum_effect"]}

# --- 08 ---
# (the debugging exercise, given once 06 is due, reads its given cells from the notebook)

NOTEBOOK_08 = notebook_file("08_backpropagation")


def _debug_implementations():
    """The given cell of notebook 08 that defines train_A ... train_E, run on solutions' helpers."""
    nb = nbformat.read(NOTEBOOK_08, as_version=4)
    given = [c.source for c in nb.cells if c.cell_type == "code" and "def train_A(" in c.source]
    assert len(given) == 1 and not nb.cells[[c.source for c in nb.cells].index(given[0])].metadata.get("nbgrader")
    namespace = {"np": np, "sigmoid": solutions.sigmoid, "cost_and_gradients": solutions.cost_and_gradients}
    exec(compile(given[0], "08_backpropagation.ipynb:debug", "exec"), namespace)
    return given[0], {name: namespace[name] for name in DEBUG_IMPLEMENTATIONS}


#: For each implementation, a one-line change that makes it the reference: (the buggy text, the fix).
DEBUG_FIXES = {
    "train_A": [("dw = X[rows].T @ error\n", "dw = X[rows].T @ error / len(rows)\n"),
                ("db = np.sum(error)\n", "db = np.mean(error)\n")],
    "train_B": [("w, b = np.zeros((n, 1)), 0.0", "w, b = np.zeros(n), 0.0")],
    "train_C": [("w = w + learning_rate * dw", "w = w - learning_rate * dw"),
                ("b = b + learning_rate * db", "b = b - learning_rate * db")],
    "train_D": [("X[rng.permutation(m)], y[rng.permutation(m)]", "X[order := rng.permutation(m)], y[order]")],
    "train_E": [("            w = w - learning_rate * cost_and_gradients(X[batch], y[batch], w, b)[1]\n"
                 "            b = b - learning_rate * cost_and_gradients(X[batch], y[batch], w, b)[2]\n",
                 "            _, dw, db = cost_and_gradients(X[batch], y[batch], w, b)\n"
                 "            w, b = w - learning_rate * dw, b - learning_rate * db\n")],
}


def _fixed(source, name):
    """The implementation `name` with its fix applied."""
    for bug, fix in DEBUG_FIXES[name]:
        assert source.count(bug) == 1, (name, bug)
        source = source.replace(bug, fix)
    namespace = {"np": np, "sigmoid": solutions.sigmoid, "cost_and_gradients": solutions.cost_and_gradients}
    exec(source, namespace)
    return namespace[name]


def _same_run(got, expected):
    """The same outputs, shapes and values (to rounding)."""
    return all(np.size(g) == np.size(e) and np.allclose(np.ravel(g), np.ravel(e), rtol=1e-9, atol=1e-12)
               for g, e in zip(got, expected))


DEBUG_RUNS = [(24, 6, 0.5, 3, 1), (24, 24, 0.5, 4, 2), (30, 5, 0.2, 2, 3)]  # m, batch_size, α, epochs, seed


@pytest.mark.parametrize("name", DEBUG_IMPLEMENTATIONS)
def test_each_debug_implementation_is_wrong_and_its_fix_makes_it_the_reference(name):
    source, implementations = _debug_implementations()
    fixed = _fixed(source, name)
    for m, batch_size, learning_rate, epochs, seed in DEBUG_RUNS:
        X, y = _labelled(m, seed)
        args = (X, y, batch_size, learning_rate, epochs, seed)
        reference = solutions.train_minibatch(*args)
        assert _same_run(fixed(*args), reference)
        with np.errstate(all="ignore"):
            try:
                buggy = implementations[name](*args)
            except ValueError:
                continue
        assert not _same_run(buggy, reference)


def test_debug_implementations_have_the_answered_bugs_by_their_defining_property():
    _, impl = _debug_implementations()
    answer = FIXED["debug"]
    bug_of = {letter: name for name, letter in answer.items()}
    assert len(bug_of) == len(answer) == 5 and DEBUG_DECOY not in bug_of
    assert set(DEBUG_BUGS) == set(bug_of) | {DEBUG_DECOY}
    X, y = _labelled(24, 4)
    m = len(y)
    # a, ascent: the reference run with the learning rate negated
    assert _same_run(impl[bug_of["a"]](X, y, 6, 0.3, 3, 1), solutions.train_minibatch(X, y, 6, -0.3, 3, 1))
    # d, summed: with equal batches, the reference at learning_rate · batch_size (the grader's batch_gradient_summed)
    assert _same_run(impl[bug_of["d"]](X, y, 6, 0.01, 3, 1), solutions.train_minibatch(X, y, 6, 0.06, 3, 1))
    summed = next(k for k in TRAIN_MINIBATCH.mistakes if k.id == "batch_gradient_summed")
    assert _same_run(impl[bug_of["d"]](X, y, m, 0.01, 3), summed.produce((X, y, m, 0.01, 3), None))
    # b, sequential: batch_size = m is the grader's gd_non_simultaneous, and so is each batch's update
    sequential = next(k for k in GRADIENT_DESCENT.mistakes if k.id == "gd_non_simultaneous")
    w, b, _ = sequential.produce((X, y, np.zeros(3), 0.0, 0.5, 4), None)
    assert _same_run(impl[bug_of["b"]](X, y, m, 0.5, 4)[:2], (w, b))
    rng, w, b = np.random.default_rng(2), np.zeros(3), 0.0
    for _ in range(3):
        for X_batch, y_batch in solutions.make_minibatches(X, y, 6, rng):
            w, b = _non_simultaneous(X_batch, y_batch, w, b, 0.5)
    assert _same_run(impl[bug_of["b"]](X, y, 6, 0.5, 3, 2)[:2], (w, b))
    # e, misaligned: each epoch pairs the rows X[p] with the labels y[q] of a second permutation q
    rng, w, b = np.random.default_rng(3), np.zeros(3), 0.0
    for _ in range(3):
        p, q = rng.permutation(m), rng.permutation(m)
        assert not np.array_equal(p, q)
        for start in range(0, m, 6):
            _, dw, db = solutions.cost_and_gradients(X[p][start:start + 6], y[q][start:start + 6], w, b)
            w, b = solutions.update_parameters(w, b, dw, db, 0.5)
    assert _same_run(impl[bug_of["e"]](X, y, 6, 0.5, 3, 3)[:2], (w, b))
    # f, (k, k): w comes back with n·m entries from batch_size = m, and a mini-batch whose size differs
    # from the first one's cannot be broadcast
    with np.errstate(all="ignore"):
        assert np.shape(impl[bug_of["f"]](X, y, m, 0.5, 1)[0]) == (3 * m,)
        with pytest.raises(ValueError, match="broadcast"):
            impl[bug_of["f"]](X, y, 5, 0.5, 1)
    # c, the decoy: none visits one fixed order. The runs above equal runs that draw a fresh permutation
    # from np.random.default_rng(seed) every epoch (for a, b, d, e), and train_B's fix, which leaves its
    # shuffle alone, is the reference (test above); here the shuffles in the source itself
    source, _ = _debug_implementations()
    assert source.count("rng = np.random.default_rng(seed)") == 5
    assert source.count("rng.permutation(") == 6  # one per epoch in each, and train_D's second one


def test_the_grader_names_the_debug_bugs_it_recognises():
    _, impl = _debug_implementations()
    bug_of = {letter: name for name, letter in FIXED["debug"].items()}
    expected = {"a": "minibatch_ascent", "d": "batch_gradient_summed", "e": "nonzero_start", "f": "shape_mismatch"}
    with np.errstate(all="ignore"):
        for letter, mistake in expected.items():
            verdict = check("train_minibatch", impl[bug_of[letter]])
            assert not verdict.passed and verdict.mistake == mistake, (letter, verdict.message)
        assert not check("train_minibatch", impl[bug_of["b"]]).passed


def test_the_debug_table_quotes_the_graders_messages_and_the_bugs_word_for_word():
    nb = nbformat.read(NOTEBOOK_08, as_version=4)
    markdown = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    for text in DEBUG_BUGS.values():
        assert text in markdown
    judges = Path(autograder.judging.__file__).parent
    grader = "".join((judges / path).read_text() for path in ("checks.py", "functions/vectorized.py",
                                                             "functions/minibatches.py"))
    grader = re.sub(r'"\s*\n\s*f?"', "", grader)  # adjacent string literals joined
    quotes = re.findall(r"^\| [^|`]+ \| “(.*?)” \|$", markdown, re.M)
    assert len(quotes) == len(DEBUG_BUGS)
    for quote in quotes:
        assert quote in grader, quote


def test_the_buggy_copies_come_in_a_later_notebook_than_the_exercises_they_fix():
    """Each buggy copy is one line from a train_minibatch: it is released after the notebook that grades that."""
    notebooks = sorted(NOTEBOOK_08.parent.glob("[0-9][0-9]_*.ipynb"))
    cells = [nbformat.read(path, as_version=4).cells for path in notebooks]
    graded = {c.metadata.get("nbgrader", {}).get("grade_id") for c in cells[-1]}

    def where(found):
        (position,) = [i for i, notebook in enumerate(cells) if any(found(c) for c in notebook)]
        return position

    buggy = where(lambda c: c.cell_type == "code" and "def train_A(" in c.source)
    for name in ("make_minibatches", "train_minibatch", "gradient_descent"):
        exercise = where(lambda c, name=name: c.metadata.get("nbgrader", {}).get("grade_id") == name
                         and c.metadata["nbgrader"].get("solution"))
        assert exercise < buggy, (name, notebooks[exercise].name, notebooks[buggy].name)
    assert notebooks[buggy] == NOTEBOOK_08 and "test_debug" in graded


def test_the_given_copies_of_notebook_6s_functions_are_right():
    """08 gives make_minibatches and train_minibatch (the debugging section's tools use them): both pass the grader."""
    nb = nbformat.read(NOTEBOOK_08, as_version=4)
    given = [c.source for c in nb.cells if c.cell_type == "code" and "def train_minibatch(" in c.source]
    assert len(given) == 1 and not nb.cells[[c.source for c in nb.cells].index(given[0])].metadata.get("nbgrader")
    namespace = {"np": np, "math": math, "sigmoid": solutions.sigmoid, "cost_and_gradients": solutions.cost_and_gradients}
    exec(compile(given[0], "08_backpropagation.ipynb:given", "exec"), namespace)
    for name in ("make_minibatches", "train_minibatch"):
        verdict = check(name, namespace[name])
        assert verdict.passed, (name, verdict.message)
    # the data set of notebook 6, made again
    X, y = _labelled(1500)
    assert np.array_equal(namespace["X"], X) and np.array_equal(namespace["y"], y)
    p = y.mean()
    assert namespace["constant_cost"] == pytest.approx(-(p * math.log(p) + (1 - p) * math.log(1 - p)), rel=1e-12)



def _cost(X, y, w, b):
    """J from the logits, without forming σ(z): exact even where every σ(z_i) rounds to 0 or 1."""
    return float(np.mean(solutions.log_loss_from_logits(X @ w + b, y)))


def _descent(X, y, learning_rate=1.0, num_iterations=10_000):
    """Plain gradient descent from zero: J after each update, and (w, b) after each update."""
    w, b, costs, path = np.zeros(X.shape[1]), 0.0, [], []
    for _ in range(num_iterations):
        _, dw, db = solutions.cost_and_gradients(X, y, w, b)
        w, b = w - learning_rate * dw, b - learning_rate * db
        costs.append(_cost(X, y, w, b))
        path.append(np.append(w, b))
    return np.array(costs), np.array(path)


def _cost_along_ray(X, y, w, b, scales):
    return np.array([_cost(X, y, t * w, t * b) for t in scales])


def _and_statements():
    """Each statement of the small-training-set question, decided by computation on the AND labels."""
    X, y = SMALL_TRAINING_SET["X"], SMALL_TRAINING_SET["y"]
    costs, path = _descent(X, y)
    norms = np.linalg.norm(path[:, :-1], axis=1)
    # a separating (w, b): every margin s_i = (2y_i − 1) z_i is positive, so J(t w, t b) → 0 as t grows
    w_sep, b_sep = np.array([1.0, 1.0]), -1.5
    margins = (2 * y - 1) * (X @ w_sep + b_sep)
    ray = _cost_along_ray(X, y, w_sep, b_sep, [1, 4, 16, 64, 256])
    infimum_is_zero = bool(np.all(margins > 0) and np.all(np.diff(ray) < 0) and ray[-1] < 1e-50)
    # J = mean log(1 + e^(−s_i)) > 0 at every finite point: a minimum would have to reach the infimum 0
    never_zero = bool(np.all(costs > 0) and np.all(ray > 0))
    # bound: J < ε forces every margin above S = −log(e^(mε) − 1); (0, 0) gives −b > S, (1, 1) gives
    # w1 + w2 + b > S, so w1 + w2 > 2S and ‖w‖ > √2 S, which grows without bound as J → 0
    m = len(y)
    floor = np.sqrt(2) * -np.log(np.expm1(m * costs))
    decades = norms[[99, 999, 9999]]
    unbounded = bool(np.all(np.diff(norms) > 0) and np.all(norms > floor) and np.all(np.diff(decades) > 5)
                     and infimum_is_zero)
    # d: the best constant model, w = 0 and σ(b) = mean(y); gradient descent gets far below its cost
    b_constant = math.log(y.mean() / (1 - y.mean()))
    constant_cost, dw_at_constant, _ = solutions.cost_and_gradients(X, y, np.zeros(2), b_constant)
    return {
        "a": infimum_is_zero and never_zero,
        # b: a minimum would be a finite point attaining the infimum, and the path would have to converge
        "b": not (infimum_is_zero and never_zero) and not unbounded,
        "c": unbounded,
        "d": bool(np.linalg.norm(dw_at_constant) < 1e-12 and costs[-1] >= constant_cost),
    }


def test_separable_data_cost_goes_to_zero_while_the_weights_grow():
    """Section 8.8: XOR with x1·x2 is separable; J(t w, t b) → 0, J > 0 everywhere, ‖w‖ grows like log k."""
    X, y = SMALL_TRAINING_SET["X"], np.array([0.0, 1.0, 1.0, 0.0])  # the XOR labels on the same inputs
    X_product = np.column_stack([X, X[:, 0] * X[:, 1]])
    w_sep, b_sep = np.array([1.0, 1.0, -2.0]), -0.5
    margins = (2 * y - 1) * (X_product @ w_sep + b_sep)
    assert np.allclose(margins, 0.5)
    scales = np.array([1, 4, 16, 64, 256])
    ray = _cost_along_ray(X_product, y, w_sep, b_sep, scales)
    assert np.allclose(ray, np.log1p(np.exp(-0.5 * scales)), rtol=1e-9) and np.all(ray > 0)
    assert np.all(np.diff(ray) < 0) and ray[-1] < 1e-50
    costs, path = _descent(X_product, y)
    norms = np.linalg.norm(path[:, :-1], axis=1)
    assert np.all(np.diff(costs) < 0) and np.all(costs > 0) and np.all(np.diff(norms) > 0)
    # J falls roughly like 1/k and ‖w‖ grows by about the same amount per decade of iterations
    k = np.array([100, 1000, 10_000])
    products = k * costs[k - 1]
    assert products.max() / products.min() < 1.25
    steps = np.diff(norms[k - 1])
    assert steps.min() > 10 and steps.max() / steps.min() < 1.1
    # without the feature the labels are not separable: gradient descent stops at w = 0 with J = log 2
    plain, _ = _descent(X, y, num_iterations=2000)
    assert plain[-1] == pytest.approx(math.log(2), abs=1e-9) and costs[-1] < plain[-1] / 100


class _Node:
    """A node of a computation graph, only to count work: its parents (one local derivative each)."""

    def __init__(self, *parents):
        self.parents = parents

    def __add__(self, other):
        return _Node(self, other)

    __mul__ = __add__

    def sigmoid(self):
        return _Node(self)


def _network_graph(k, n=2):
    """The graph of one example's loss for the two-layer network with k hidden neurons, as in 08's Value code."""
    params = [_Node() for _ in range(n * k + 2 * k + 1)]
    W1 = np.array(params[: n * k], dtype=object).reshape(n, k)
    b1, w2, b2 = params[n * k: n * k + k], params[n * k + k: -1], params[-1]
    x = [_Node() for _ in range(n)]
    hidden = []
    for j in range(k):
        total = W1[0, j] * x[0]
        for i in range(1, n):
            total = total + W1[i, j] * x[i]
        hidden.append((total + b1[j]).sigmoid())
    total = hidden[0] * w2[0]
    for h_j, w2_j in zip(hidden[1:], w2[1:]):
        total = total + h_j * w2_j
    loss = _Node((total + b2).sigmoid())
    nodes, stack, seen = [], [loss], set()
    while stack:
        node = stack.pop()
        if id(node) not in seen:
            seen.add(id(node))
            nodes.append(node)
            stack.extend(node.parents)
    return len(params), nodes


def test_backpropagation_costs_a_few_forward_passes_and_central_differences_two_per_parameter():
    """The backpropagation question: the work, in forward passes, for growing networks."""
    from solutions.concepts import BACKPROPAGATION_PARAMETERS
    passes_backprop, passes_central = [], []
    for k in (2, 8, 32, 128, 512):
        num_params, nodes = _network_graph(k)
        operations = sum(1 for node in nodes if node.parents)
        chain_rule_steps = sum(len(node.parents) for node in nodes)
        passes_backprop.append((operations + chain_rule_steps) / operations)  # one forward, one backward
        calls = []
        solutions.numerical_gradient(lambda t: calls.append(1) or 0.0, np.zeros(num_params))
        passes_central.append(len(calls) / num_params)
    # backpropagation: bounded by a small constant whatever the size; central differences: 2 per parameter
    assert max(passes_backprop) < 3 and max(passes_backprop) - min(passes_backprop) < 0.2
    assert passes_central == [2] * len(passes_central)
    # so for BACKPROPAGATION_PARAMETERS parameters: a few forward passes against two per parameter
    backprop_few = max(passes_backprop) < 5
    central_per_parameter = passes_central[-1] * BACKPROPAGATION_PARAMETERS > 1000
    letter = {(True, True): "a", (False, True): "b", (True, False): "c", (False, False): "d"}
    assert FIXED["backpropagation"] == letter[backprop_few, central_per_parameter]


def test_the_notebook_shows_the_question_s_training_set():
    """08's table of the four examples: its AND column is SMALL_TRAINING_SET, its XOR column the demonstration's."""
    import re

    import nbformat

    path = notebook_file("08_backpropagation")
    markdown = "\n".join(c.source for c in nbformat.read(path, as_version=4).cells if c.cell_type == "markdown")
    rows = np.array([[float(v) for v in row] for row in re.findall(r"^\| (\d) \| (\d) \| (\d) \| (\d) \|$", markdown, re.M)])
    assert np.array_equal(rows[:, :2], SMALL_TRAINING_SET["X"])
    assert np.array_equal(rows[:, 3], SMALL_TRAINING_SET["y"])
    assert np.array_equal(rows[:, 2], np.logical_xor(rows[:, 0], rows[:, 1]))


# --- variants: each student's own numbers ----------------------------------------------------------

@pytest.mark.parametrize("question", VARIANT_QUESTIONS)
def test_students_get_different_answers_to_each_question_with_variants(question):
    different = {repr(answer(question, student)) for student in STUDENTS}
    assert len(different) >= (2 if question == "scenario_higher_loss" else 6)


@pytest.mark.parametrize("question", VARIANT_QUESTIONS)
def test_an_answer_right_for_another_variant_is_wrong_and_traced_to_whose_it_is(question):
    ann, other = "ann", next(s for s in STUDENTS if answer(question, s) != answer(question, "ann"))
    theirs = _student_form(answer(question, other))
    assert _verdict(question, answer(question, ann), ann).passed
    verdict = _verdict(question, theirs, ann)
    assert not verdict.passed and "graded for the numbers of 'ann'" in verdict.message
    traced = autograder.judging.whose_variant(question, capture_answer(theirs), ann, STUDENTS)
    assert other in traced if question != "scenario_higher_loss" else traced == []  # a letter of two: no sign
    assert autograder.judging.whose_variant(question, capture_answer(answer(question, ann)), ann, STUDENTS) == []
    assert autograder.judging.whose_variant("why_log_loss", "a", ann, STUDENTS) == []  # no variants: nobody's


def test_variant_student_is_the_graders_then_the_tools_then_jupyterhubs_then_the_typed_id(monkeypatch, capsys,
                                                                                           tmp_path):
    for name in (variant.ID_VARIABLE, "JUPYTERHUB_USER"):
        monkeypatch.delenv(name, raising=False)
    with pytest.raises(NameError, match="STUDENT_ID is not set"):
        variant.student(None)
    assert variant.student(" jdoe ") == "jdoe"
    monkeypatch.setenv("JUPYTERHUB_USER", "hubuser")
    assert variant.student(None) == "hubuser" and variant.student("jdoe") == "hubuser"
    assert "runs as 'hubuser'" in capsys.readouterr().out  # a typed id that is not the user's is said so
    monkeypatch.setenv(variant.ID_VARIABLE, "instructor")
    assert variant.student("jdoe") == "instructor"
    monkeypatch.setenv("LOGREG_RECORDS", "/records")  # in a graded kernel: the folder's student, always
    (tmp_path / "autograded" / "bo" / "01").mkdir(parents=True)
    monkeypatch.chdir(tmp_path / "autograded" / "bo" / "01")
    assert variant.student("jdoe") == "bo"


# --- variants: each student's own letters ---------------------------------------------------------

@pytest.mark.parametrize("question", sorted(LETTERED))
def test_each_option_comes_under_every_letter_for_some_student(question):
    count = len(LETTERED[question])
    seen = {variant.letters(student, question, count) for student in STUDENTS}
    assert all(sorted(order) == list("abcdefghijklmnopqrstuvwxyz"[:count]) for order in seen)
    for position in range(count):  # the right option is not always under the same letter, nor any other one
        assert {order[position] for order in seen} == set("abcdefghijklmnopqrstuvwxyz"[:count])


@pytest.mark.parametrize("question", sorted(LETTERED))
def test_a_letter_passed_on_is_wrong_for_a_student_who_sees_other_letters(question):
    ann = "ann"
    other = next(s for s in STUDENTS if answer(question, s) != answer(question, ann))
    assert _verdict(question, _student_form(answer(question, ann)), ann).passed
    verdict = _verdict(question, _student_form(answer(question, other)), ann)
    assert not verdict.passed and "graded for the letters of 'ann'" in verdict.message
    assert autograder.judging.whose_variant(question, capture_answer(_student_form(answer(question, other))), ann,
                                            STUDENTS) == []  # a wrong letter fits many: no sign of anything


@pytest.mark.parametrize("question", sorted(q for q, hints in autograder.judging.concepts.HINTS.items()
                                            if isinstance(hints, dict)))
def test_a_hint_follows_its_option_under_every_students_letters(question):
    for student in STUDENTS[:12]:
        for course_letter, hint in autograder.judging.concepts.HINTS[question].items():
            verdict = _verdict(question, _yours(question, course_letter, student), student)
            assert not verdict.passed and hint in verdict.message, (student, course_letter)
    for student in STUDENTS[:12]:  # the set answer's hints too
        verdict = _verdict("small_training_set", _yours("small_training_set", {"a", "c", "d"}, student), student)
        assert "gradient vanishes" in verdict.message


def test_show_options_shows_the_students_letters_and_returns_them(capsys):
    texts = list(LETTERED["why_log_loss"].values())
    shown = variant.show_options("kim", "why_log_loss", texts)  # plain Python: printed
    printed = capsys.readouterr().out.splitlines()
    assert printed[0] == "Your options (kim):" and printed[1:] == [f"{k}. {t}" for k, t in shown.items()]
    assert list(shown) == ["a", "b", "c", "d"] and sorted(shown.values()) == sorted(texts)
    assert shown == {letters_of("why_log_loss", "kim")[k]: t for k, t in LETTERED["why_log_loss"].items()}
    assert variant.letter(shown, "The squared error gives it a dL/dz near 0") == answer("why_log_loss", "kim")


# --- the course's key: another term, other variants ------------------------------------------------

def test_a_course_key_gives_the_class_other_numbers_and_letters_and_the_same_ones_each_time(monkeypatch):
    unkeyed = {s: solutions.concepts.answers_of(s) for s in STUDENTS[:20]}
    monkeypatch.setenv(variant.KEY_VARIABLE, "spring-2027")
    keyed = {s: solutions.concepts.answers_of(s) for s in STUDENTS[:20]}
    assert keyed == {s: solutions.concepts.answers_of(s) for s in STUDENTS[:20]}  # a pure function of the key too
    for question in [*VARIANT_QUESTIONS, *LETTERED]:
        moved = sum(keyed[s][question] != unkeyed[s][question] for s in STUDENTS[:20])
        assert moved >= 5, (question, moved)  # last term's answer is wrong for most of this term's class
        for student in STUDENTS[:20]:
            assert _verdict(question, _student_form(keyed[student][question]), student).passed
    monkeypatch.setenv(variant.KEY_VARIABLE, "")
    assert {s: solutions.concepts.answers_of(s) for s in STUDENTS[:20]} == unkeyed


def test_the_key_released_beside_variant_py_is_read_unless_the_grader_sets_one(monkeypatch, tmp_path):
    import importlib.util
    import shutil

    shutil.copy(variant.__file__, tmp_path / "variant.py")
    (tmp_path / variant.KEY_FILE).write_text("spring-2027\n", encoding="utf-8")
    spec = importlib.util.spec_from_file_location("released_variant", tmp_path / "variant.py")
    released = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(released)
    monkeypatch.delenv(variant.KEY_VARIABLE, raising=False)
    assert released.course_key() == "spring-2027" and variant.course_key() == ""  # the repository ships none
    keyed = released.scenario("kim")
    monkeypatch.setenv(variant.KEY_VARIABLE, "spring-2027")
    assert variant.scenario("kim") == keyed  # the grader's key and the released one give the same numbers
    monkeypatch.setenv(variant.KEY_VARIABLE, "")
    assert released.course_key() == ""  # the grader's word wins over the file
