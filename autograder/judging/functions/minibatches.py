"""make_minibatches and train_minibatch: stochastic, so judged on properties, not on one random stream."""

import itertools
import math

import numpy as np

import solutions
from autograder.judging import checks
from autograder.judging.cases import TRAIN_M, Case, indexed_data, three_examples, training_data
from autograder.judging.compare import COUNT_RTOL, FIRST_ORDER_RTOL, all_close, as_array, close, fits_shape, shape_text
from autograder.judging.description import GradedFunction
from autograder.judging.mistakes import Mistake
from autograder.judging.verdict import PASSED, fail


# --- make_minibatches -----------------------------------------------------------------------------

def _batch_cases():
    def call(m, batch_size, seed):
        return (*indexed_data(m), batch_size, np.random.default_rng(seed))

    return [
        Case("m = 23, batch_size = 5, rng seeded with 7", lambda: call(23, 5, 7), tags=frozenset({"repeat"})),
        Case("m = 23, batch_size = 5, rng seeded with 7 again", lambda: call(23, 5, 7), tags=frozenset({"repeat"})),
        Case("m = 23, batch_size = 5, rng seeded with 8", lambda: call(23, 5, 8)),
        Case("m = 20, batch_size = 5", lambda: call(20, 5, 9)),
        Case("m = 7, batch_size = 1", lambda: call(7, 1, 10)),
        Case("m = 6, batch_size = 6", lambda: call(6, 6, 11)),
        Case("m = 5, batch_size = 8", lambda: call(5, 8, 12)),
    ]


def _check_batches(name, case, X, y, batch_size, batches):
    """(verdict or None, the order of the examples) for one call of make_minibatches."""
    m, n = X.shape
    order, sizes = [], []
    for k, (X_batch, y_batch) in enumerate(batches):
        X_batch, y_batch = as_array(X_batch), as_array(y_batch)
        if X_batch.ndim != 2 or X_batch.shape[1] != n:
            return fail(name, "wrong_shape", f"X_batch of batch {k} has shape {shape_text(X_batch.shape)} for {case.label}; "
                        f"expected (k, {n}), k examples of n = {n} features."), None
        if y_batch.shape != (len(X_batch),):
            return fail(name, "wrong_shape", f"y_batch of batch {k} has shape {shape_text(y_batch.shape)} for {case.label}; "
                        f"expected ({len(X_batch)},), one label per row of X_batch."), None
        index = X_batch[:, 0].astype(int)  # the probes put each example's index in column 0
        if np.any((index < 0) | (index >= m)) or not np.array_equal(X_batch, X[index]):
            return fail(name, "rows_changed", f"X_batch of batch {k} holds rows that are not rows of X ({case.label}): "
                        "reorder whole rows, X[indices], not the values inside them."), None
        if not np.array_equal(y_batch, y[index]):
            return fail(name, "misaligned", f"X_batch and y_batch of batch {k} are not aligned ({case.label}): "
                        "index X and y with the same permutation so each example keeps its label."), None
        order += index.tolist()
        sizes.append(len(index))
    expected_sizes = [batch_size] * (m // batch_size) + ([m % batch_size] if m % batch_size else [])
    seen = set(order)
    if len(seen) < len(order):
        return fail(name, "not_partition", f"some examples are in more than one batch ({case.label}): shuffle with a "
                    "permutation of the m indices, not by sampling with replacement."), None
    if len(seen) < m:
        if sizes == expected_sizes[:-1] and m % batch_size:
            return fail(name, "dropped_last", f"the last, smaller batch is missing ({case.label}): when m % batch_size "
                        "!= 0 the remaining examples form one last batch."), None
        return fail(name, "not_partition", f"{m - len(seen)} of the m = {m} examples are in no batch ({case.label}): "
                    "every example belongs to exactly one batch."), None
    if sizes != expected_sizes:
        return fail(name, "batch_sizes", f"the batch sizes are {sizes} for {case.label}; expected {expected_sizes}: "
                    "batch_size examples in each batch, the remainder in the last."), None
    return None, order


def _judge_batches(entry, record):
    """A partition of the examples into aligned batches of the right sizes, shuffled by the rng argument."""
    name, cases = entry.name, entry.cases()
    verdict = checks.calls(entry, record, cases)
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
        return fail(name, "not_shuffled", "the examples are never shuffled: an epoch visits them in a random order.")
    repeats = [order for case, order in zip(cases, orders) if "repeat" in case.tags]
    if any(order != repeats[0] for order in repeats):
        return fail(name, "ignores_rng", "two calls with identically seeded rng gave different batches: "
                    "draw the shuffle from the rng argument (for example rng.permutation(m)).")
    if orders[0] == orders[2]:
        return fail(name, "ignores_rng", "rng seeded with 7 and with 8 gave the same batches: "
                    "draw the shuffle from the rng argument, not from a generator of your own.")
    return checks.warnings(entry, record, cases) or checks.inputs_unchanged(entry, record, cases) or PASSED


MAKE_MINIBATCHES = GradedFunction(
    "make_minibatches", outputs=("the batches",), cases=_batch_cases, properties=_judge_batches, structure="batches",
)


# --- train_minibatch ------------------------------------------------------------------------------

#: A learning rate so small that one epoch moves the parameters by a first-order
#: step: w ≈ −α Σ_batches g(0), which counts the updates made in the epoch.
TINY_LEARNING_RATE = 1e-6


def _training_cases():
    m = TRAIN_M

    def call(batch_size, learning_rate, epochs, *seed):
        return (*training_data(), batch_size, learning_rate, epochs, *seed)

    return [
        Case(f"batch_size = m = {m}, learning_rate = 0.5, epochs = 10", lambda: call(m, 0.5, 10),
             tags=frozenset({"full_batch"})),
        Case(f"batch_size = 6, learning_rate = {TINY_LEARNING_RATE}, epochs = 1", lambda: call(6, TINY_LEARNING_RATE, 1),
             tags=frozenset({"first_order"})),
        Case("batch_size = 5, learning_rate = 0.1, epochs = 15, seed = 3", lambda: call(5, 0.1, 15, 3),
             tags=frozenset({"descends", "repeat"})),
        Case("batch_size = 5, learning_rate = 0.1, epochs = 15, seed = 3 again", lambda: call(5, 0.1, 15, 3),
             tags=frozenset({"descends", "repeat"})),
        Case("batch_size = 1, learning_rate = 0.05, epochs = 5, seed = 1", lambda: call(1, 0.05, 5, 1),
             tags=frozenset({"descends"})),
        Case("m = 3, batch_size = 1, learning_rate = 0.5, epochs = 30, seed = 4",
             lambda: (*three_examples(), 1, 0.5, 30, 4), tags=frozenset({"reshuffled"})),
        # every example has the same gradient at 0, so one epoch moves (w, b) by exactly (updates made) steps,
        # whatever the shuffle: a loop that skips the last, smaller batch makes one update too few
        Case(f"m = 23 equal examples, batch_size = 5, learning_rate = {TINY_LEARNING_RATE}, epochs = 1",
             lambda: (*equal_examples(23), 5, TINY_LEARNING_RATE, 1), tags=frozenset({"first_order"})),
    ]


def equal_examples(m):
    """X of shape (m, 3) with m equal rows and y of ones: every batch's mean gradient is the same."""
    return np.tile([1.0, -2.0, 0.5], (m, 1)), np.ones(m)


def _gd_from_zero(X, y, learning_rate, num_iterations):
    return solutions.gradient_descent(X, y, np.zeros(X.shape[1]), 0.0, learning_rate, num_iterations)


def _full_batch(transform):
    """train_minibatch with batch_size = m, as gradient descent from 0 with a change."""
    def produce(args, ref):
        X, y, batch_size, learning_rate, epochs = args[:5]
        if batch_size != X.shape[0]:
            return None
        return transform(X, y, learning_rate, epochs, ref)
    return produce


def _updates_per_epoch(name, cases, students):
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
        scale = np.max(np.abs(step))
        if np.allclose(moved, expected * step, rtol=FIRST_ORDER_RTOL, atol=FIRST_ORDER_RTOL * scale):
            continue
        if not np.allclose(moved, steps * step, rtol=COUNT_RTOL, atol=COUNT_RTOL * scale):
            return fail(name, "nonzero_start", f"the parameters after one epoch ({case.label}) are not a multiple of the "
                        "gradient at w = 0, b = 0: start from w = 0, b = 0, and check that every batch keeps each "
                        "example's own label (make_minibatches).")
        if steps < 0:
            return fail(name, "minibatch_ascent", f"one epoch moved the parameters uphill ({case.label}): each update "
                        "subtracts α times the batch's gradient.")
        if abs(steps - 1) < COUNT_RTOL:
            return fail(name, "one_update_per_epoch", f"one epoch moved the parameters as far as one full-batch step "
                        f"({case.label}): update after every mini-batch, with each batch's gradient averaged over "
                        "that batch, so an epoch makes ceil(m / batch_size) updates.")
        if len(y) % batch_size and abs(steps - len(y) // batch_size) < COUNT_RTOL:
            return fail(name, "dropped_last", f"one epoch made {len(y) // batch_size} updates for {case.label}, one "
                        f"too few: the last, smaller batch of m % batch_size = {len(y) % batch_size} examples is never "
                        "used; every example must be used once per epoch.")
        if abs(steps - len(y)) < COUNT_RTOL * len(y):
            return fail(name, "batch_gradient_summed", f"one epoch moved the parameters m times too far ({case.label}): "
                        "average each batch's gradient over the batch instead of summing it.")
        return fail(name, "updates_per_epoch", f"one epoch made the equivalent of {steps:.3g} updates for "
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


def _batch_gradients(name, cases, students):
    """Each update uses its own batch, and each epoch a fresh shuffle."""
    for case, student in zip(cases, students):
        X, y, batch_size, learning_rate, epochs = case.build()[:5]
        if "descends" in case.tags:
            updates = math.ceil(len(y) / batch_size) * epochs
            w, b, _ = _gd_from_zero(X, y, learning_rate, updates)
            if all_close(student[:2], (w, b)):
                return fail(name, "full_gradient_per_update", f"every update uses the gradient of the whole "
                            f"training set ({case.label}): use the gradient of the update's own mini-batch.")
        if "reshuffled" in case.tags:
            for order in itertools.permutations(range(len(y))):
                if all_close(student, _sgd_in_fixed_order(X, y, order, learning_rate, epochs)):
                    return fail(name, "same_order_every_epoch", f"the examples are visited in the same order "
                                f"every epoch ({case.label}): create the rng once, before the first epoch, and "
                                "shuffle again at the start of every epoch.")
    return None


def _epoch_costs(name, cases, students):
    repeats = [s for case, s in zip(cases, students) if "repeat" in case.tags]
    if not all(all_close(s, repeats[0], 0, 0) for s in repeats):
        return fail(name, "not_reproducible", "two runs with the same seed differ: draw every shuffle from "
                    "np.random.default_rng(seed), created once at the start.")
    for case, (w, b, epoch_costs) in zip(cases, students):
        X, y = case.build()[:2]
        if not close(epoch_costs[-1], solutions.compute_cost(X, y, w.ravel(), float(b.ravel()[0]))):
            return fail(name, "epoch_cost_not_whole_set", f"epoch_costs[-1] is not J of the returned w and b on the "
                        f"whole training set ({case.label}): after each epoch compute the cost on all of X and y.")
        if "descends" in case.tags and not epoch_costs[-1] < min(epoch_costs[0], math.log(2)):
            return fail(name, "cost_not_decreasing", f"the cost does not go down ({case.label}): check the sign of "
                        "the update and that each update uses its own batch.")
    return None


def _judge_training(entry, record):
    """Shapes, updates per epoch, batch_size = m equal to gradient descent, batch gradients, costs."""
    name, cases = entry.name, entry.cases()
    verdict = checks.calls(entry, record, cases) or checks.defaults(entry, record)
    if verdict:
        return verdict
    students = [checks.student_outputs(o) for o in record["cases"]]
    for case, (w, b, epoch_costs) in zip(cases, students):
        args = case.build()
        X, epochs = args[0], args[4]
        if not fits_shape(w, np.zeros(X.shape[1])) or not fits_shape(b, np.zeros(())):
            return fail(name, "wrong_shape", f"w has shape {shape_text(w.shape)} and b {shape_text(b.shape)} for "
                        f"{case.label}; expected ({X.shape[1]},) and a single number.")
        if epoch_costs.shape != (epochs,):
            return fail(name, "wrong_length", f"epoch_costs has shape {shape_text(epoch_costs.shape)} for {case.label}; "
                        f"expected ({epochs},), one cost per epoch.")
    verdict = _updates_per_epoch(name, cases, students)
    if verdict:
        return verdict
    for case, (w, b, epoch_costs) in zip(cases, students):
        if not np.all(np.isfinite(w)) or not np.all(np.isfinite(epoch_costs)):
            return fail(name, "nan_or_inf", f"returned NaN or inf for {case.label}.")
    full = [i for i, case in enumerate(cases) if "full_batch" in case.tags]
    verdict = checks.values(entry, [cases[i] for i in full], [students[i] for i in full],
                            [checks.reference_outputs(entry, cases[i].build()) for i in full])
    if verdict:
        detail = verdict.message.removeprefix(f"{name}: ")
        return fail(name, verdict.mistake, f"with batch_size = m (batch gradient descent), {detail}")
    return (_batch_gradients(name, cases, students)
            or _epoch_costs(name, cases, students)
            or checks.warnings(entry, record, cases)
            or checks.inputs_unchanged(entry, record, cases)
            or PASSED)


TRAIN_MINIBATCH = GradedFunction(
    "train_minibatch", helpers=(("make_minibatches", "make_minibatches"),), outputs=("w", "b", "epoch_costs"), cases=_training_cases, properties=_judge_training,
    mistakes=(
        Mistake("epoch_costs_before", "records the cost before each epoch: epoch_costs[e] is J after epoch e.",
                _full_batch(lambda X, y, lr, epochs, ref: (ref[0], ref[1], np.asarray(_gd_from_zero(X, y, lr, epochs)[2])))),
        Mistake("batch_gradient_summed", "sums the gradient over a batch: average it (divide by the batch's size).",
                _full_batch(lambda X, y, lr, epochs, ref: solutions.train_minibatch(X, y, len(y), lr * len(y), epochs))),
    ),
)

FUNCTIONS = (MAKE_MINIBATCHES, TRAIN_MINIBATCH)
