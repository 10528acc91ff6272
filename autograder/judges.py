"""Judging: a pure function of a captured record and the reference, giving a verdict.

`judge(name, record)` rebuilds the probe cases itself, computes the reference
outputs with `solutions`, and checks the student's captured outputs in order:

1. every call returned (no exception, the documented number of values);
2. the numeric default arguments are the curriculum's;
3. the values equal the reference (compare.RTOL / ATOL); when they do not,
   the table of known mistakes names the mistake, or the message says which
   output is wrong where, and how (shape, NaN, a constant factor);
4. no RuntimeWarning (overflow, division by zero) and no input changed in place;
5. properties: derivatives agree with central differences of the loss; the
   stochastic functions are judged on properties, not on one random stream.

Messages never contain a hidden expected value.
"""

import itertools
import math
from dataclasses import dataclass

import numpy as np

import solutions
from autograder import probes
from autograder.compare import (DIFF_ATOL, DIFF_RTOL, DIFF_STEP, all_close, as_array, close, fits_shape,
                                shape_text)
from autograder.mistakes import known_mistakes
from solutions.gradient_check import numerical_gradient

#: Mistake id of a wrong answer that no entry of the table explains.
UNNAMED = "wrong_value"

#: Numeric defaults of the curriculum's signatures.
CONTRACT_DEFAULTS = {
    "numerical_derivative": {"eps": 1e-5},
    "predict": {"threshold": 0.5},
    "train_minibatch": {"seed": 0},
    "momentum_update": {"beta": 0.9},
    "train_momentum": {"beta": 0.9},
}

#: What to do about a RuntimeWarning, per function.
WARNING_HINTS = {
    "sigmoid": "e^(−z) overflows for z < −709; use a form whose exponent is never positive: "
               "1 / (1 + e^(−z)) for z ≥ 0 and e^z / (1 + e^z) for z < 0.",
}


@dataclass(frozen=True)
class Verdict:
    """The judgement of one graded function.

    Attributes
    ----------
    passed : bool
    message : str
        Empty when passed; otherwise what is wrong, for the student.
    mistake : str or None
        The id of the mistake (a row of the table, or "wrong_shape",
        "exception", ...; UNNAMED when nothing more specific is known).
    """

    passed: bool
    message: str = ""
    mistake: str | None = None


PASSED = Verdict(True)


def _fail(name, mistake, message):
    return Verdict(False, f"{name}: {message}", mistake)


def _reference(name, args):
    """The reference outputs of one call, as a tuple of float arrays."""
    if name == "make_minibatches":
        raise ValueError("make_minibatches is judged by properties only")
    result = getattr(solutions, name)(*args)
    outputs = result if len(probes.OUTPUTS[name]) > 1 else (result,)
    return tuple(as_array(r) for r in outputs)


# --- 1. calls -------------------------------------------------------------------------------------

def _shape_hint(error):
    words = ("shape", "matmul", "broadcast", "dimension", "aligned")
    if error.startswith("ValueError") and any(w in error for w in words):
        return " Check the shapes: X is (m, n), w is (n,), y and z = X @ w + b are (m,)."
    return ""


def _check_calls(name, record, cases):
    """A failing verdict for the first call that raised or returned the wrong structure."""
    for case, outcome in zip(cases, record["cases"]):
        if outcome.get("not_implemented"):
            return _fail(name, "not_implemented", "not implemented yet: replace `raise NotImplementedError()` with your code.")
        if "error" in outcome:
            return _fail(name, "exception", f"raised {outcome['error']} when called with {case.label}.{_shape_hint(outcome['error'])}")
        if "malformed" in outcome:
            return _fail(name, "malformed", f"{outcome['malformed']} (called with {case.label}).")
    return None


def _check_defaults(name, record):
    for parameter, expected in CONTRACT_DEFAULTS.get(name, {}).items():
        got = record.get("defaults", {}).get(parameter)
        if got is not None and got != expected:
            return _fail(name, "wrong_default", f"the default {parameter} is {got:g}; the curriculum's signature has {parameter}={expected:g}.")
    return None


# --- 3. values ------------------------------------------------------------------------------------

def _outputs(outcome):
    return tuple(as_array(v) for v in outcome["outputs"])


def _explains(mistake, output, cases, students, references):
    """Whether `mistake` gives the student's `output` on every case where it applies."""
    applied = 0
    for case, student, reference in zip(cases, students, references):
        try:
            with np.errstate(all="ignore"):
                produced = mistake.produce(case.build(), reference)
        except Exception:  # a mistake that cannot be made on these inputs explains nothing
            return False
        if produced is None or not np.all(np.isfinite(as_array(produced[output]))):
            continue  # the mistake is not defined here (or overflows where a student's version may not)
        if not close(student[output], produced[output]):
            return False
        applied += 1
    return applied > 0


def _constant_factor(output, students, references):
    """c if the student's output is c times the reference on every case, else None."""
    got = np.concatenate([as_array(s[output]).ravel() for s in students])
    want = np.concatenate([r[output].ravel() for r in references])
    if got.shape != want.shape or not np.any(want) or not np.all(np.isfinite(got)):
        return None
    c = float(got @ want / (want @ want))
    return c if c != 0 and np.allclose(got, c * want, rtol=1e-6, atol=1e-9) else None


def _describe_wrong(name, output, cases, students, references):
    """A message for a wrong output that no known mistake explains."""
    label = probes.OUTPUTS[name][output]
    wrong = [c for c, s, r in zip(cases, students, references) if not close(s[output], r[output])]
    for case, student, reference in zip(cases, students, references):
        got, want = student[output], reference[output]
        if not fits_shape(got, want):
            return "wrong_shape", (f"{label} has shape {shape_text(got.shape)} for {case.label}; "
                                   f"expected {shape_text(want.shape)}.")
        if not np.all(np.isfinite(got)) and np.all(np.isfinite(want)):
            return "nan_or_inf", (f"{label} contains NaN or inf for {case.label}: look for a log of 0, "
                                  "a division by 0 or an overflowing exp.")
    factor = _constant_factor(output, students, references)
    if factor is not None:
        return "constant_factor", f"{label} is {factor:.4g} times what it should be: look for a missing or extra factor."
    where = ("for every input tried" if len(wrong) == len(cases)
             else f"for {'; '.join(c.label for c in wrong)} (right for the other {len(cases) - len(wrong)} inputs)")
    return UNNAMED, f"{label} is wrong {where}."


def _check_values(name, cases, students, references):
    """A verdict naming the first wrong output's mistake, or None when all are right."""
    wrong = [j for j in range(len(probes.OUTPUTS[name]))
             if not all(close(s[j], r[j]) for s, r in zip(students, references))]
    if not wrong:
        return None
    names = probes.OUTPUTS[name]

    def also_wrong(explained):
        rest = [names[j] for j in wrong if j not in explained]
        return f" ({', '.join(rest)} also wrong.)" if rest else ""

    for j in wrong:
        for mistake in known_mistakes(name):
            if _explains(mistake, j, cases, students, references):
                explained = {k for k in wrong if _explains(mistake, k, cases, students, references)}
                return _fail(name, mistake.id, mistake.message.format(output=names[j]) + also_wrong(explained))
    mistake, message = _describe_wrong(name, wrong[0], cases, students, references)
    hint = _derivative_hint(name, cases, students) if mistake == UNNAMED else ""
    return _fail(name, mistake, message + also_wrong({wrong[0]}) + hint)


# --- 4. warnings and purity -----------------------------------------------------------------------

def _check_warnings(name, record, cases):
    for case, outcome in zip(cases, record["cases"]):
        if outcome["warnings"]:
            hint = WARNING_HINTS.get(name, "Look for an overflowing exp, a log of 0 or a division by 0.")
            return _fail(name, "numeric_warning", f"gave {outcome['warnings'][0]} for {case.label}. {hint}")
    return None


def _check_inputs_unchanged(name, record, cases):
    for case, outcome in zip(cases, record["cases"]):
        fresh = dict(zip(probes.SIGNATURES[name], case.build()))
        for arg, after in outcome["inputs_after"].items():
            if not np.array_equal(as_array(after), as_array(fresh[arg])):
                return _fail(name, "mutates_input", f"changed its argument {arg} in place (called with {case.label}). "
                             f"The caller's {arg} must stay as it was: build new arrays (w = w - ...) instead of "
                             "updating in place (w -= ..., w[...] = ..., shuffling X itself).")
    return None


# --- 5. properties --------------------------------------------------------------------------------

def _elementwise_difference(f, x):
    """Central difference of an elementwise function at every element of x."""
    x = np.asarray(x, dtype=np.float64)
    return (f(x + DIFF_STEP) - f(x - DIFF_STEP)) / (2 * DIFF_STEP)


def _logit(a):
    a = np.asarray(a, dtype=np.float64)
    return np.log(a) - np.log1p(-a)


def _data_gradient(X, y, w, b):
    """(dJ/dw, dJ/db) of the cost by central differences."""
    theta = np.append(w, b)
    g = numerical_gradient(lambda t: solutions.compute_cost(X, y, t[:-1], t[-1]), theta, DIFF_STEP)
    return g[:-1], g[-1]


def _example_numeric(x1, x2, y, w1, w2, b):
    loss = lambda t: float(solutions.log_loss(solutions.sigmoid(t[0] * x1 + t[1] * x2 + t[2]), y))
    return tuple(numerical_gradient(loss, np.array([w1, w2, b]), DIFF_STEP))


#: For each derivative, central-difference estimates of its outputs from the loss.
CENTRAL_DIFFERENCES = {
    "dL_da": lambda a, y: (_elementwise_difference(lambda t: solutions.log_loss(t, y), a),),
    "da_dz": lambda a: (_elementwise_difference(solutions.sigmoid, _logit(a)),),
    "dL_dz": lambda a, y: (_elementwise_difference(lambda z: solutions.log_loss(solutions.sigmoid(z), y), _logit(a)),),
    "example_gradients": _example_numeric,
    "gradients_loop": _data_gradient,
    "cost_and_gradients": lambda X, y, w, b: (solutions.compute_cost(X, y, w, b), *_data_gradient(X, y, w, b)),
}


def central_difference_failures(name, cases, students):
    """Cases on which the student's derivative disagrees with a central difference of the loss.

    Parameters
    ----------
    name : str
        A function with an entry in CENTRAL_DIFFERENCES.
    cases : list of probes.Case
    students : list of tuple of ndarray
        The student's outputs, case by case.

    Returns
    -------
    list of probes.Case
        Only smooth cases are checked (see probes.Case).
    """
    failures = []
    for case, student in zip(cases, students):
        if not case.smooth:
            continue
        estimates = CENTRAL_DIFFERENCES[name](*case.build())
        if not all_close(student, tuple(as_array(e) for e in estimates), DIFF_RTOL, DIFF_ATOL):
            failures.append(case)
    return failures


def _derivative_hint(name, cases, students):
    if name not in CENTRAL_DIFFERENCES:
        return ""
    try:
        failures = central_difference_failures(name, cases, students)
    except Exception:
        return ""
    return " It also disagrees with a central-difference estimate from the loss." if failures else ""


def _check_central_differences(name, cases, students):
    if name not in CENTRAL_DIFFERENCES:
        return None
    failures = central_difference_failures(name, cases, students)
    if failures:
        return _fail(name, "disagrees_with_central_difference",
                     f"disagrees with a central-difference estimate of the derivative for {failures[0].label}.")
    return None


def central_accuracy_failures(cases, students):
    """numerical_derivative: cases whose estimate is not within 2 eps² (1 + |f'|) of the exact f'(x).

    A central difference is that accurate on the probe functions; a one-sided
    one is off by about eps |f''| / 2, which is far more.
    """
    failures = []
    for case, student in zip(cases, students):
        f, x, eps = (*case.build(), 1e-5)[:3]
        exact = probes.DERIVATIVES[f](x)
        if not abs(float(student[0].ravel()[0]) - exact) <= 2 * eps**2 * (1 + abs(exact)) + 1e-9:
            failures.append(case)
    return failures


def _check_central_accuracy(name, cases, students):
    if name != "numerical_derivative":
        return None
    failures = central_accuracy_failures(cases, students)
    if failures:
        return _fail(name, "not_central", f"is not as accurate as a central difference for {failures[0].label}.")
    return None


# --- the judges -----------------------------------------------------------------------------------

def _judge_against_reference(name, record, cases=None):
    """Steps 1 to 5 for a deterministic function."""
    cases = cases or probes.cases(name)
    verdict = _check_calls(name, record, cases) or _check_defaults(name, record)
    if verdict:
        return verdict
    students = [_outputs(o) for o in record["cases"]]
    references = [_reference(name, case.build()) for case in cases]
    return (_check_values(name, cases, students, references)
            or _check_warnings(name, record, cases)
            or _check_inputs_unchanged(name, record, cases)
            or _check_central_differences(name, cases, students)
            or _check_central_accuracy(name, cases, students)
            or PASSED)


def judge(name, record):
    """The verdict on a captured record of a graded function.

    Parameters
    ----------
    name : str
        A graded function of the curriculum.
    record : dict
        What `autograder.capture.capture(name, fn)` returned, possibly after a
        round trip through JSON.

    Returns
    -------
    Verdict
    """
    if record.get("function") != name or len(record.get("cases", ())) != len(probes.cases(name)):
        return _fail(name, "malformed_record", "the captured record does not match this function's cases; re-run the test cell.")
    if name in PROPERTY_JUDGES:
        return PROPERTY_JUDGES[name](record)
    return _judge_against_reference(name, record)


# --- stochastic functions: properties -------------------------------------------------------------

def _judge_make_minibatches(record):
    name = "make_minibatches"
    cases = probes.cases(name)
    verdict = _check_calls(name, record, cases)
    if verdict:
        return verdict
    orders = []
    for case, outcome in zip(cases, record["cases"]):
        X, y, batch_size, _ = case.build()
        verdict, order = _check_batches(name, case, X, y, batch_size, outcome["outputs"][0])
        if verdict:
            return verdict
        orders.append(order)
    if all(order == sorted(order) for order in orders):
        return _fail(name, "not_shuffled", "the examples are never shuffled: an epoch visits them in a random order.")
    repeats = [order for case, order in zip(cases, orders) if "repeat" in case.tags]
    if any(order != repeats[0] for order in repeats):
        return _fail(name, "ignores_rng", "two calls with identically seeded rng gave different batches: "
                     "draw the shuffle from the rng argument (for example rng.permutation(m)).")
    if orders[0] == orders[2]:
        return _fail(name, "ignores_rng", "rng seeded with 7 and with 8 gave the same batches: "
                     "draw the shuffle from the rng argument, not from a generator of your own.")
    return _check_warnings(name, record, cases) or _check_inputs_unchanged(name, record, cases) or PASSED


def _check_batches(name, case, X, y, batch_size, batches):
    """(verdict or None, the order of the examples) for one call of make_minibatches."""
    m, n = X.shape
    order, sizes = [], []
    for k, (X_batch, y_batch) in enumerate(batches):
        X_batch, y_batch = as_array(X_batch), as_array(y_batch)
        if X_batch.ndim != 2 or X_batch.shape[1] != n:
            return _fail(name, "wrong_shape", f"X_batch of batch {k} has shape {shape_text(X_batch.shape)} for {case.label}; "
                         f"expected (k, {n}), k examples of n = {n} features."), None
        if y_batch.shape != (len(X_batch),):
            return _fail(name, "wrong_shape", f"y_batch of batch {k} has shape {shape_text(y_batch.shape)} for {case.label}; "
                         f"expected ({len(X_batch)},), one label per row of X_batch."), None
        index = X_batch[:, 0].astype(int)  # probes put each example's index in column 0
        if np.any((index < 0) | (index >= m)) or not np.array_equal(X_batch, X[index]):
            return _fail(name, "rows_changed", f"X_batch of batch {k} holds rows that are not rows of X ({case.label}): "
                         "reorder whole rows, X[indices], not the values inside them."), None
        if not np.array_equal(y_batch, y[index]):
            return _fail(name, "misaligned", f"X_batch and y_batch of batch {k} are not aligned ({case.label}): "
                         "index X and y with the same permutation so each example keeps its label."), None
        order += index.tolist()
        sizes.append(len(index))
    expected_sizes = [batch_size] * (m // batch_size) + ([m % batch_size] if m % batch_size else [])
    seen = set(order)
    if len(seen) < len(order):
        return _fail(name, "not_partition", f"some examples are in more than one batch ({case.label}): shuffle with a "
                     "permutation of the m indices, not by sampling with replacement."), None
    if len(seen) < m:
        if sizes == expected_sizes[:-1] and m % batch_size:
            return _fail(name, "dropped_last", f"the last, smaller batch is missing ({case.label}): when m % batch_size "
                         "!= 0 the remaining examples form one last batch."), None
        return _fail(name, "not_partition", f"{m - len(seen)} of the m = {m} examples are in no batch ({case.label}): "
                     "every example belongs to exactly one batch."), None
    if sizes != expected_sizes:
        return _fail(name, "batch_sizes", f"the batch sizes are {sizes} for {case.label}; expected {expected_sizes}: "
                     "batch_size examples in each batch, the remainder in the last."), None
    return None, order


def _judge_train_minibatch(record):
    name = "train_minibatch"
    cases = probes.cases(name)
    verdict = _check_calls(name, record, cases) or _check_defaults(name, record)
    if verdict:
        return verdict
    students = [_outputs(o) for o in record["cases"]]
    for case, (w, b, epoch_costs) in zip(cases, students):
        X, _, _, _, epochs, *_ = case.build()
        if not fits_shape(w, np.zeros(X.shape[1])) or not fits_shape(b, np.zeros(())):
            return _fail(name, "wrong_shape", f"w has shape {shape_text(w.shape)} and b {shape_text(b.shape)} for "
                         f"{case.label}; expected ({X.shape[1]},) and a single number.")
        if epoch_costs.shape != (epochs,):
            return _fail(name, "wrong_length", f"epoch_costs has shape {shape_text(epoch_costs.shape)} for {case.label}; "
                         f"expected ({epochs},), one cost per epoch.")
    verdict = _check_updates_per_epoch(name, cases, students)
    if verdict:
        return verdict
    for case, (w, b, epoch_costs) in zip(cases, students):
        if not np.all(np.isfinite(w)) or not np.all(np.isfinite(epoch_costs)):
            return _fail(name, "nan_or_inf", f"returned NaN or inf for {case.label}.")
    full = [i for i, case in enumerate(cases) if "full_batch" in case.tags]
    verdict = _check_values(name, [cases[i] for i in full], [students[i] for i in full],
                            [_reference(name, cases[i].build()) for i in full])
    if verdict:
        detail = verdict.message.removeprefix(f"{name}: ")
        return _fail(name, verdict.mistake, f"with batch_size = m (batch gradient descent), {detail}")
    return (_check_batch_gradients(name, cases, students)
            or _check_epoch_costs(name, cases, students)
            or _check_warnings(name, record, cases)
            or _check_inputs_unchanged(name, record, cases)
            or PASSED)


def _check_updates_per_epoch(name, cases, students):
    """With a tiny learning rate, one epoch moves w by (number of updates) full-batch steps from 0."""
    for case, (w, b, _) in zip(cases, students):
        if "first_order" not in case.tags:
            continue
        X, y, batch_size, learning_rate, epochs = case.build()
        _, dw, db = solutions.cost_and_gradients(X, y, np.zeros(X.shape[1]), 0.0)
        step = -learning_rate * np.append(dw, db)
        moved = np.append(w, b)
        steps = float(moved @ step / (step @ step))
        expected = math.ceil(len(y) / batch_size)
        if np.allclose(moved, expected * step, rtol=1e-3, atol=1e-3 * np.max(np.abs(step))):
            continue
        if not np.allclose(moved, steps * step, rtol=1e-2, atol=1e-2 * np.max(np.abs(step))):
            return _fail(name, "nonzero_start", f"the parameters after one epoch ({case.label}) are not a multiple of the "
                         "gradient at w = 0, b = 0: start from w = 0, b = 0, and check that every batch keeps each "
                         "example's own label (make_minibatches).")
        if steps < 0:
            return _fail(name, "minibatch_ascent", f"one epoch moved the parameters uphill ({case.label}): each update "
                         "subtracts α times the batch's gradient.")
        if abs(steps - 1) < 1e-2:
            return _fail(name, "one_update_per_epoch", f"one epoch moved the parameters as far as one full-batch step "
                         f"({case.label}): update after every mini-batch, with each batch's gradient averaged over "
                         "that batch, so an epoch makes ceil(m / batch_size) updates.")
        if abs(steps - len(y)) < 1e-2 * len(y):
            return _fail(name, "batch_gradient_summed", f"one epoch moved the parameters m times too far ({case.label}): "
                         "average each batch's gradient over the batch instead of summing it.")
        return _fail(name, "updates_per_epoch", f"one epoch made the equivalent of {steps:.3g} updates for "
                     f"{case.label}; with m = {len(y)} there should be ceil(m / batch_size) = {expected}.")
    return None


def _sgd_in_fixed_order(X, y, order, learning_rate, epochs):
    """Stochastic gradient descent from 0 that visits the examples in the same order every epoch."""
    w, b, epoch_costs = np.zeros(X.shape[1]), 0.0, []
    for _ in range(epochs):
        for i in order:
            _, dw, db = solutions.cost_and_gradients(X[i:i + 1], y[i:i + 1], w, b)
            w, b = solutions.update_parameters(w, b, dw, db, learning_rate)
        epoch_costs.append(solutions.compute_cost(X, y, w, b))
    return as_array(w), as_array(b), as_array(epoch_costs)


def _check_batch_gradients(name, cases, students):
    """Each update uses its own batch, and each epoch a fresh shuffle."""
    for case, student in zip(cases, students):
        X, y, batch_size, learning_rate, epochs, *_ = case.build()
        if "descends" in case.tags:
            updates = math.ceil(len(y) / batch_size) * epochs
            w, b, _ = solutions.gradient_descent(X, y, np.zeros(X.shape[1]), 0.0, learning_rate, updates)
            if all_close(student[:2], (w, b)):
                return _fail(name, "full_gradient_per_update", f"every update uses the gradient of the whole "
                             f"training set ({case.label}): use the gradient of the update's own mini-batch.")
        if "reshuffled" in case.tags:
            for order in itertools.permutations(range(len(y))):
                if all_close(student, _sgd_in_fixed_order(X, y, order, learning_rate, epochs)):
                    return _fail(name, "same_order_every_epoch", f"the examples are visited in the same order "
                                 f"every epoch ({case.label}): create the rng once, before the first epoch, and "
                                 "shuffle again at the start of every epoch.")
    return None


def _check_epoch_costs(name, cases, students):
    repeats = [s for case, s in zip(cases, students) if "repeat" in case.tags]
    if not all(all_close(s, repeats[0], 0, 0) for s in repeats):
        return _fail(name, "not_reproducible", "two runs with the same seed differ: draw every shuffle from "
                     "np.random.default_rng(seed), created once at the start.")
    for case, (w, b, epoch_costs) in zip(cases, students):
        X, y = case.build()[:2]
        if not close(epoch_costs[-1], solutions.compute_cost(X, y, w.ravel(), float(b.ravel()[0]))):
            return _fail(name, "epoch_cost_not_whole_set", f"epoch_costs[-1] is not J of the returned w and b on the "
                         f"whole training set ({case.label}): after each epoch compute the cost on all of X and y.")
        if "descends" in case.tags and not epoch_costs[-1] < min(epoch_costs[0], math.log(2)):
            return _fail(name, "cost_not_decreasing", f"the cost does not go down ({case.label}): check the sign of "
                         "the update and that each update uses its own batch.")
    return None


PROPERTY_JUDGES = {"make_minibatches": _judge_make_minibatches, "train_minibatch": _judge_train_minibatch}
