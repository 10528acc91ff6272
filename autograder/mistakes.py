"""The table of known mistakes, each recognised by what it would have returned.

A mistake is a transformation of the reference: the sign flipped, a factor of m,
y and 1 − y swapped, a forward difference, the costs taken after the update... .
`produce(args, ref)` computes what a student who made it gets on the same
inputs; when a student's output equals that on every case, the message names
the mistake. `produce` returns None where the mistake cannot be told apart on
these inputs (say, a factor of m when m = 1 everywhere).

Messages speak of formulas that the course teaches, never of the hidden values.
"""

import math
from dataclasses import dataclass
from typing import Callable

import numpy as np

import solutions as ref_impl
from autograder import probes
from solutions import log_loss, sigmoid


@dataclass(frozen=True)
class Mistake:
    """A known wrong answer.

    Attributes
    ----------
    id : str
        A short name, used in reports ("opposite_sign").
    message : str
        What the student reads; "{output}" stands for the output concerned.
    produce : callable
        (args, ref) -> tuple of outputs the mistake gives, or None when it
        does not apply; `ref` is the tuple of reference outputs.
    """

    id: str
    message: str
    produce: Callable


def _m(args):
    """m, for functions whose first argument is X of shape (m, n)."""
    return np.shape(args[0])[0]


def _each(transform):
    """A produce function applying `transform` to every output."""
    return lambda args, ref: tuple(transform(np.asarray(r, dtype=float)) for r in ref)


def _by_m(scale):
    """Every output times scale(m), for functions of X; None when m = 1 on that case."""
    def produce(args, ref):
        if _m(args) == 1:
            return None
        return tuple(np.asarray(r, dtype=float) * scale(_m(args)) for r in ref)
    return produce


#: Mistakes any function can make; tried after the function's own.
GENERIC = (
    Mistake("opposite_sign", "{output} has the opposite sign: check the order of the subtraction and the minus signs.",
            _each(lambda r: -r)),
    Mistake("factor_2", "{output} is twice what it should be.", _each(lambda r: 2 * r)),
    Mistake("factor_half", "{output} is half what it should be.", _each(lambda r: r / 2)),
)


#: Mistakes of functions that average over the m rows of X; tried before GENERIC.
AVERAGING = (
    Mistake("missing_1_over_m", "{output} is m times too large: average over the m examples (divide the sum by m).",
            _by_m(lambda m: m)),
    Mistake("extra_1_over_m", "{output} is m times too small: it is divided by m once too often.",
            _by_m(lambda m: 1 / m)),
)


def _with_y(fn, transform_y):
    """Reference outputs with y replaced, for functions (a, y)."""
    return lambda args, ref: _tuple(fn(args[0], transform_y(np.asarray(args[1], dtype=float))))


def _tuple(value):
    return value if isinstance(value, tuple) else (value,)


def _data_fn(formula):
    """A produce function of (X, y, w, b, ...) computing a mistaken formula."""
    return lambda args, ref: _tuple(formula(*args))


def _loss_squared(a, y):
    return (np.asarray(a) - y) ** 2


def _gd_variant(step):
    """Gradient descent whose update is `step(X, y, w, b, learning_rate) -> (w, b)`; costs before each step."""
    def produce(args, ref):
        X, y, w, b, learning_rate, num_iterations = args
        costs = []
        for _ in range(num_iterations):
            costs.append(ref_impl.compute_cost(X, y, w, b))
            w, b = step(X, y, w, b, learning_rate)
        return np.asarray(w), b, np.asarray(costs)
    return produce


def _non_simultaneous(X, y, w, b, learning_rate):
    """Updates w, then computes db at the new w."""
    _, dw, _ = ref_impl.cost_and_gradients(X, y, w, b)
    w = w - learning_rate * dw
    _, _, db = ref_impl.cost_and_gradients(X, y, w, b)
    return w, b - learning_rate * db


def _gd_costs_after(args, ref):
    """costs[i] taken after update i instead of before it."""
    X, y, w, b, learning_rate, num_iterations = args
    _, _, costs = ref_impl.gradient_descent(X, y, w, b, learning_rate, num_iterations + 1)
    return ref[0], ref[1], np.asarray(costs[1:])


def _gd_extra_cost(args, ref):
    """num_iterations costs before the updates plus the final one."""
    X, y = args[:2]
    return ref[0], ref[1], np.append(ref[2], ref_impl.compute_cost(X, y, ref[0], ref[1]))


def _gd_from_zero(args, ref):
    X, y, w, b, learning_rate, num_iterations = args
    return ref_impl.gradient_descent(X, y, np.zeros_like(w), 0.0, learning_rate, num_iterations)


def _gd_learning_rate(scale):
    def produce(args, ref):
        X, y, w, b, learning_rate, num_iterations = args
        return ref_impl.gradient_descent(X, y, w, b, scale * learning_rate, num_iterations)
    return produce


def _momentum_update_variant(velocity, step):
    """momentum_update with v = velocity(v, g, beta) and θ = step(θ, v_old, v_new, g, α)."""
    def produce(args, ref):
        w, b, dw, db, v_w, v_b, learning_rate, *beta = args
        beta = beta[0] if beta else 0.9
        new_v_w, new_v_b = velocity(v_w, dw, beta), velocity(v_b, db, beta)
        return (step(w, v_w, new_v_w, dw, learning_rate), step(b, v_b, new_v_b, db, learning_rate),
                new_v_w, new_v_b)
    return produce


def _ewma(v, g, beta):
    return beta * v + (1 - beta) * g


def _train_momentum_variant(velocity, step):
    """train_momentum built on a mistaken momentum step (same convention as above)."""
    def produce(args, ref):
        X, y, learning_rate, num_iterations, *beta = args
        beta = beta[0] if beta else 0.9
        w, b, v_w, v_b, costs = np.zeros(X.shape[1]), 0.0, np.zeros(X.shape[1]), 0.0, []
        for _ in range(num_iterations):
            cost, dw, db = ref_impl.cost_and_gradients(X, y, w, b)
            costs.append(cost)
            new_v_w, new_v_b = velocity(v_w, dw, beta), velocity(v_b, db, beta)
            w, b = step(w, v_w, new_v_w, dw, learning_rate), step(b, v_b, new_v_b, db, learning_rate)
            v_w, v_b = new_v_w, new_v_b
        return w, b, np.asarray(costs)
    return produce


def _train_momentum_costs_after(args, ref):
    X, y, learning_rate, num_iterations, *beta = args
    _, _, costs = ref_impl.train_momentum(X, y, learning_rate, num_iterations + 1, *beta)
    return ref[0], ref[1], np.asarray(costs[1:])


def _minibatch_full(transform):
    """train_minibatch with batch_size = m, as gradient descent from 0 with a change."""
    def produce(args, ref):
        X, y, batch_size, learning_rate, epochs, *_ = args
        if batch_size != X.shape[0]:
            return None
        return transform(X, y, learning_rate, epochs, ref)
    return produce


def _gd_zero(X, y, learning_rate, num_iterations):
    return ref_impl.gradient_descent(X, y, np.zeros(X.shape[1]), 0.0, learning_rate, num_iterations)


_SIGMOID_EXPONENT = "computes 1 / (1 + e^z) = σ(−z): the exponent must be −z, σ(z) = 1 / (1 + e^(−z))."
_DLDZ_DIRECTION = "is y − a: the sign is the other way round, dL/dz = a − y."

#: Each function's own mistakes, tried before the generic ones.
SPECIFIC = {
    "sigmoid": (
        Mistake("sigmoid_exponent_sign", _SIGMOID_EXPONENT, lambda args, ref: (1 - ref[0],)),
        Mistake("sigmoid_missing_one", "is e^z: the denominator is missing its 1 + (σ(z) = 1 / (1 + e^(−z))).",
                lambda args, ref: (np.exp(np.asarray(args[0], dtype=float)),)),
        Mistake("sigmoid_tanh", "is tanh(z); σ(z) = (1 + tanh(z / 2)) / 2.",
                lambda args, ref: (np.tanh(np.asarray(args[0], dtype=float)),)),
    ),
    "log_loss": (
        Mistake("loss_missing_minus", "is negative: the loss has a minus sign in front, L = −(y log a + (1 − y) log(1 − a)).",
                lambda args, ref: (-ref[0],)),
        Mistake("loss_y_swapped", "has y and 1 − y swapped: y goes with log a, and 1 − y with log(1 − a).",
                _with_y(log_loss, lambda y: 1 - y)),
        Mistake("loss_log10", "uses log base 10: the loss uses the natural logarithm (np.log).",
                lambda args, ref: (ref[0] / math.log(10),)),
        Mistake("loss_missing_second_term", "is missing the (1 − y) log(1 − a) term, so an example with y = 0 costs nothing.",
                lambda args, ref: (-np.asarray(args[1]) * np.log(np.asarray(args[0], dtype=float)),)),
        Mistake("loss_averaged", "returned one number, the mean: log_loss is elementwise (one loss per example); the cost J is their mean.",
                lambda args, ref: (np.mean(ref[0]),) if np.size(ref[0]) > 1 else None),
        Mistake("loss_squared_error", "is the squared error (a − y)², not the log loss.",
                lambda args, ref: (_loss_squared(*args),)),
    ),
    "dL_da": (
        Mistake("dLda_second_term_sign", "has the wrong sign on (1 − y)/(1 − a): d/da log(1 − a) = −1/(1 − a), so dL/da = −y/a + (1 − y)/(1 − a).",
                lambda args, ref: (-np.asarray(args[1]) / args[0] - (1 - np.asarray(args[1])) / (1 - np.asarray(args[0])),)),
        Mistake("dLda_missing_term", "is missing the (1 − y)/(1 − a) term: both terms of the loss depend on a.",
                lambda args, ref: (-np.asarray(args[1]) / args[0],)),
        Mistake("dLda_y_swapped", "has y and 1 − y swapped: dL/da = −y/a + (1 − y)/(1 − a).",
                _with_y(ref_impl.dL_da, lambda y: 1 - y)),
        Mistake("dLda_is_dLdz", "is a − y, which is dL/dz: dL/da is the derivative with respect to a alone, before the factor da/dz.",
                _with_y(ref_impl.dL_dz, lambda y: y)),
    ),
    "da_dz": (
        Mistake("dadz_sigmoid_again", "applies the sigmoid to a again: a is already σ(z), so da/dz = a(1 − a).",
                lambda args, ref: (sigmoid(args[0]) * (1 - sigmoid(args[0])),)),
        Mistake("dadz_one_minus_a", "is 1 − a: da/dz = a(1 − a), the factor a is missing.",
                lambda args, ref: (1 - np.asarray(args[0]),)),
        Mistake("dadz_plus", "is a(1 + a): da/dz = a(1 − a).",
                lambda args, ref: (np.asarray(args[0]) * (1 + np.asarray(args[0])),)),
        Mistake("dadz_is_a", "returns a itself: da/dz = a(1 − a).", lambda args, ref: (np.asarray(args[0]),)),
    ),
    "dL_dz": (
        Mistake("dLdz_y_minus_a", _DLDZ_DIRECTION, lambda args, ref: (-ref[0],)),
        Mistake("dLdz_plus", "is a + y: dL/dz = a − y.", lambda args, ref: (np.asarray(args[0]) + args[1],)),
        Mistake("dLdz_is_dLda", "is dL/da: multiply it by da/dz = a(1 − a), which simplifies to a − y.",
                _with_y(ref_impl.dL_da, lambda y: y)),
        Mistake("dLdz_y_swapped", "uses 1 − y in place of y: dL/dz = a − y.", _with_y(ref_impl.dL_dz, lambda y: 1 - y)),
    ),
    "numerical_derivative": (
        Mistake("forward_difference", "is the forward difference (f(x + eps) − f(x)) / eps, whose error is O(eps); use the central difference (f(x + eps) − f(x − eps)) / (2 eps), whose error is O(eps²).",
                lambda args, ref: ((args[0](args[1] + _eps(args)) - args[0](args[1])) / _eps(args),)),
        Mistake("backward_difference", "is the backward difference (f(x) − f(x − eps)) / eps; use the central difference (f(x + eps) − f(x − eps)) / (2 eps).",
                lambda args, ref: ((args[0](args[1]) - args[0](args[1] - _eps(args))) / _eps(args),)),
        Mistake("missing_factor_2", "divides by eps instead of 2 eps: the two points x − eps and x + eps are 2 eps apart.",
                lambda args, ref: (2 * ref[0],)),
    ),
    "example_gradients": (
        Mistake("example_y_minus_a", "uses y − a: dL/dz = a − y, so dw1 = (a − y) x1, dw2 = (a − y) x2, db = a − y.",
                lambda args, ref: tuple(-r for r in ref)),
        Mistake("example_used_z", "uses z where a = σ(z) belongs: compute a = sigmoid(z) first, then dL/dz = a − y.",
                lambda args, ref: _example_from_dz(args, args[3] * args[0] + args[4] * args[1] + args[5] - args[2])),
        Mistake("example_used_dLda", "uses dL/da where dL/dz = a − y belongs: the chain goes through z, dL/dw1 = dL/dz · x1.",
                lambda args, ref: _example_from_dz(args, ref_impl.dL_da(_example_a(args), args[2]))),
        Mistake("example_db_times_x", "multiplies db by a feature: dz/db = 1, so db = a − y.",
                lambda args, ref: (ref[0], ref[1], ref[2] * args[0])),
        Mistake("example_swapped_features", "swaps x1 and x2: dw1 = (a − y) x1 goes with x1, dw2 = (a − y) x2 with x2.",
                lambda args, ref: (ref[1], ref[0], ref[2])),
    ),
    "update_parameters": (
        Mistake("gradient_ascent", "moves uphill: gradient descent subtracts the gradient, θ ← θ − α dθ.",
                lambda args, ref: (args[0] + args[4] * args[2], args[1] + args[4] * args[3])),
        Mistake("no_learning_rate", "ignores the learning rate: θ ← θ − α dθ.",
                lambda args, ref: (args[0] - args[2], args[1] - args[3])),
        Mistake("learning_rate_divides", "divides by the learning rate: θ ← θ − α dθ multiplies by it.",
                lambda args, ref: (args[0] - args[2] / args[4], args[1] - args[3] / args[4])),
        Mistake("b_not_updated", "returns b unchanged: update both parameters, b ← b − α db.",
                lambda args, ref: (ref[0], args[1])),
        Mistake("returned_gradients", "returns the step α dθ, not the new parameters θ − α dθ.",
                lambda args, ref: (args[4] * args[2], args[4] * args[3])),
    ),
    "compute_cost": (
        Mistake("cost_y_swapped", "has y and 1 − y swapped: y goes with log a, 1 − y with log(1 − a).",
                lambda args, ref: (ref_impl.compute_cost(args[0], 1 - args[1], args[2], args[3]),)),
        Mistake("cost_squared_error", "is the mean squared error, not the mean log loss.",
                lambda args, ref: (np.mean(_loss_squared(sigmoid(args[0] @ args[2] + args[3]), args[1])),)),
        Mistake("cost_last_example", "counts only the last example: add each example's loss to the total inside the loop (+=), then divide by m.",
                lambda args, ref: (float(log_loss(sigmoid(args[0][-1] @ args[2] + args[3]), args[1][-1])) / _m(args),)
                if _m(args) > 1 else None),
        Mistake("cost_divides_by_n", "divides by n, the number of features: the cost averages over the m examples.",
                lambda args, ref: (ref[0] * _m(args) / np.shape(args[0])[1],) if np.shape(args[0])[0] != np.shape(args[0])[1] else None),
    ),
    "gradients_loop": (
        Mistake("grad_last_example", "keeps only the last example's gradient: accumulate with += over all examples, then divide by m.",
                lambda args, ref: _last_example_gradients(args) if _m(args) > 1 else None),
        Mistake("grad_used_z", "uses z where a = σ(z) belongs: dL/dz = a − y.",
                _data_fn(lambda X, y, w, b: (X.T @ (X @ w + b - y) / len(y), np.mean(X @ w + b - y)))),
        Mistake("grad_divides_by_n", "divides by n, the number of features: the gradient averages over the m examples.",
                lambda args, ref: (ref[0] * _m(args) / args[0].shape[1], ref[1] * _m(args) / args[0].shape[1])
                if args[0].shape[0] != args[0].shape[1] else None),
    ),
    "cost_and_gradients": (
        Mistake("cost_y_swapped", "has y and 1 − y swapped in the cost: y goes with log a.",
                lambda args, ref: (ref_impl.compute_cost(args[0], 1 - args[1], args[2], args[3]), ref[1], ref[2])),
        Mistake("grad_used_z", "uses z where a = σ(z) belongs: dL/dz = a − y.",
                _data_fn(lambda X, y, w, b: (0.0, X.T @ (X @ w + b - y) / len(y), np.mean(X @ w + b - y)))),
        Mistake("cost_squared_error", "is the mean squared error, not the mean log loss.",
                lambda args, ref: (np.mean(_loss_squared(sigmoid(args[0] @ args[2] + args[3]), args[1])), ref[1], ref[2])),
    ),
    "gradient_descent": (
        Mistake("costs_after_update", "records the cost after each update: costs[i] is J before update i, so costs[0] is the cost at the starting parameters.",
                _gd_costs_after),
        Mistake("costs_extra", "has one cost too many: record J before each of the num_iterations updates, and no more.",
                _gd_extra_cost),
        Mistake("gd_ascent", "moves uphill: each update subtracts α times the gradient.", _gd_learning_rate(-1)),
        Mistake("gd_non_simultaneous", "updates w before computing db: compute dw and db at the same (w, b), then update both.",
                _gd_variant(_non_simultaneous)),
        Mistake("gd_ignores_start", "starts from zeros: start from the w and b it is given.", _gd_from_zero),
        Mistake("gd_no_learning_rate", "ignores the learning rate: θ ← θ − α dθ.",
                lambda args, ref: ref_impl.gradient_descent(*args[:4], 1.0, args[5]) if args[4] != 1 else None),
    ),
    "predict": (
        Mistake("predict_inverted", "predicts 1 where σ(z) is below the threshold: predict 1 where a ≥ threshold.",
                lambda args, ref: (1 - ref[0],)),
        Mistake("predict_probabilities", "returns the probabilities a: predictions are 0 or 1, 1 where a ≥ threshold.",
                lambda args, ref: (sigmoid(args[0] @ args[1] + args[2]),)),
        Mistake("predict_ignores_threshold", "ignores the threshold argument and always uses 0.5.",
                lambda args, ref: (ref_impl.predict(*args[:3]),)),
        Mistake("predict_threshold_on_z", "compares z with the threshold: compare the probability a = σ(z).",
                lambda args, ref: ((args[0] @ args[1] + args[2] >= (args[3] if len(args) > 3 else 0.5)).astype(float),)),
    ),
    "train_minibatch": (
        Mistake("epoch_costs_before", "records the cost before each epoch: epoch_costs[e] is J after epoch e.",
                _minibatch_full(lambda X, y, lr, epochs, ref: (ref[0], ref[1], np.asarray(_gd_zero(X, y, lr, epochs)[2])))),
        Mistake("batch_gradient_summed", "sums the gradient over a batch: average it (divide by the batch's size).",
                _minibatch_full(lambda X, y, lr, epochs, ref: ref_impl.train_minibatch(X, y, len(y), lr * len(y), epochs))),
    ),
    "momentum_update": (
        Mistake("momentum_missing_1_minus_beta", "computes v ← β v + g: the new gradient is weighted by 1 − β, v ← β v + (1 − β) g.",
                _momentum_update_variant(lambda v, g, beta: beta * v + g, lambda p, v0, v1, g, lr: p - lr * v1)),
        Mistake("momentum_beta_swapped", "swaps β and 1 − β: v ← β v + (1 − β) g keeps β of the old velocity.",
                _momentum_update_variant(lambda v, g, beta: (1 - beta) * v + beta * g, lambda p, v0, v1, g, lr: p - lr * v1)),
        Mistake("momentum_steps_with_gradient", "steps with the gradient: the parameters move by the new velocity, θ ← θ − α v.",
                _momentum_update_variant(_ewma, lambda p, v0, v1, g, lr: p - lr * g)),
        Mistake("momentum_steps_with_old_velocity", "steps with the old velocity: update v first, then θ ← θ − α v with the new v.",
                _momentum_update_variant(_ewma, lambda p, v0, v1, g, lr: p - lr * v0)),
        Mistake("momentum_ascent", "moves uphill: θ ← θ − α v.",
                _momentum_update_variant(_ewma, lambda p, v0, v1, g, lr: p + lr * v1)),
    ),
    "train_momentum": (
        Mistake("costs_after_update", "records the cost after each update: costs[i] is J before update i.",
                _train_momentum_costs_after),
        Mistake("momentum_ignored", "is plain gradient descent: the velocity must carry β of its old value into each step.",
                lambda args, ref: _gd_zero(*args[:4]) if (args[4:] or (0.9,))[0] != 0 else None),
        Mistake("momentum_missing_1_minus_beta", "computes v ← β v + g: the new gradient is weighted by 1 − β.",
                _train_momentum_variant(lambda v, g, beta: beta * v + g, lambda p, v0, v1, g, lr: p - lr * v1)),
        Mistake("momentum_steps_with_old_velocity", "steps with the old velocity: update v first, then θ ← θ − α v.",
                _train_momentum_variant(_ewma, lambda p, v0, v1, g, lr: p - lr * v0)),
    ),
}


def _eps(args):
    return args[2] if len(args) > 2 else 1e-5


def _example_a(args):
    x1, x2, y, w1, w2, b = args
    return sigmoid(w1 * x1 + w2 * x2 + b)


def _example_from_dz(args, dz):
    return dz * args[0], dz * args[1], dz


def _last_example_gradients(args):
    X, y, w, b = args
    dz = sigmoid(X[-1] @ w + b) - y[-1]
    return dz * X[-1] / len(y), dz / len(y)


def known_mistakes(name):
    """The mistakes to try for a graded function: its own first, then the generic ones."""
    averaging = AVERAGING if probes.SIGNATURES[name][0] == "X" else ()
    return SPECIFIC.get(name, ()) + averaging + GENERIC
