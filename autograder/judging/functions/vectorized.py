"""cost_and_gradients, gradient_descent and predict: the vectorized model, trained and used."""

import numpy as np

import solutions
from autograder.judging.cases import Case, data_cases, labelled_data
from autograder.judging.derivatives import data_gradient
from autograder.judging.description import GradedFunction
from autograder.judging.mistakes import WITHOUT_BIAS, Mistake, cost_mistakes, formula, m_of, squared_error, without_bias
from solutions import sigmoid

COST_AND_GRADIENTS = GradedFunction(
    "cost_and_gradients", outputs=("cost", "dw", "db"), cases=lambda: data_cases(15),
    mistakes=(
        Mistake("cost_y_swapped", "has y and 1 − y swapped in the cost: y goes with log a.",
                lambda args, ref: (solutions.compute_cost(args[0], 1 - args[1], args[2], args[3]), ref[1], ref[2])),
        Mistake("grad_used_z", "uses z where a = σ(z) belongs: dL/dz = a − y.",
                formula(lambda X, y, w, b: (0.0, X.T @ (X @ w + b - y) / len(y), np.mean(X @ w + b - y)))),
        Mistake("cost_squared_error", "is the mean squared error, not the mean log loss.",
                lambda args, ref: (np.mean(squared_error(sigmoid(args[0] @ args[2] + args[3]), args[1])), ref[1], ref[2])),
        *cost_mistakes(with_gradients=True),
        Mistake("ignores_bias", WITHOUT_BIAS, without_bias(solutions.cost_and_gradients, 3)),
        Mistake("divides_by_n", "divides by n, the number of features (X.shape[1]), where it should divide by m, the "
                "number of examples (X.shape[0]): X is (m, n), one row per example.",
                lambda args, ref: tuple(np.asarray(r) * m_of(args) / args[0].shape[1] for r in ref)
                if m_of(args) != args[0].shape[1] else None),
    ),
    central_difference=lambda X, y, w, b: (solutions.compute_cost(X, y, w, b), *data_gradient(X, y, w, b)),
)


def _gradient_descent_cases():
    def run(m, n, seed, learning_rate, num_iterations):
        return (*labelled_data(m, n, seed), learning_rate, num_iterations)

    return [
        Case("m = 7, n = 3, learning_rate = 0.5, num_iterations = 20", lambda: run(7, 3, 20, 0.5, 20)),
        Case("m = 1, n = 1, learning_rate = 0.1, num_iterations = 5", lambda: run(1, 1, 21, 0.1, 5)),
        Case("m = 20, n = 4, learning_rate = 1.0, num_iterations = 30", lambda: run(20, 4, 22, 1.0, 30)),
        Case("m = 5, n = 2, learning_rate = 0.3, num_iterations = 1", lambda: run(5, 2, 23, 0.3, 1)),
    ]


def _gd_variant(step):
    """Gradient descent whose update is `step(X, y, w, b, learning_rate) -> (w, b)`; costs before each step."""
    def produce(args, ref):
        X, y, w, b, learning_rate, num_iterations = args
        costs = []
        for _ in range(num_iterations):
            costs.append(solutions.compute_cost(X, y, w, b))
            w, b = step(X, y, w, b, learning_rate)
        return np.asarray(w), b, np.asarray(costs)
    return produce


def _non_simultaneous(X, y, w, b, learning_rate):
    """Updates w, then computes db at the new w."""
    _, dw, _ = solutions.cost_and_gradients(X, y, w, b)
    w = w - learning_rate * dw
    _, _, db = solutions.cost_and_gradients(X, y, w, b)
    return w, b - learning_rate * db


def _costs_after(args, ref):
    """costs[i] taken after update i instead of before it."""
    X, y, w, b, learning_rate, num_iterations = args
    _, _, costs = solutions.gradient_descent(X, y, w, b, learning_rate, num_iterations + 1)
    return ref[0], ref[1], np.asarray(costs[1:])


def _extra_cost(args, ref):
    """num_iterations costs before the updates plus the final one."""
    X, y = args[:2]
    return ref[0], ref[1], np.append(ref[2], solutions.compute_cost(X, y, ref[0], ref[1]))


def _from_zero(args, ref):
    X, y, w, b, learning_rate, num_iterations = args
    return solutions.gradient_descent(X, y, np.zeros_like(w), 0.0, learning_rate, num_iterations)


def _gd_summed(costs_summed):
    """Gradient descent whose gradient is summed over the m examples (steps m times too long); its costs summed too
    when `costs_summed`. None when m = 1 (nothing to tell apart)."""
    def produce(args, ref):
        X, y, w, b, learning_rate, num_iterations = args
        m = X.shape[0]
        if m == 1:
            return None
        w, b, costs = solutions.gradient_descent(X, y, w, b, m * learning_rate, num_iterations)
        return w, b, np.asarray(costs) * (m if costs_summed else 1)
    return produce


def _divides_by_n(args, ref):
    """Gradient descent whose cost and gradients are m/n times too large (m read off the wrong axis of X)."""
    X, y, w, b, learning_rate, num_iterations = args
    scale = X.shape[0] / X.shape[1]
    if scale == 1:
        return None
    w, b, costs = solutions.gradient_descent(X, y, w, b, scale * learning_rate, num_iterations)
    return w, b, scale * np.asarray(costs)


def _learning_rate_times(scale):
    def produce(args, ref):
        X, y, w, b, learning_rate, num_iterations = args
        return solutions.gradient_descent(X, y, w, b, scale * learning_rate, num_iterations)
    return produce


GRADIENT_DESCENT = GradedFunction(
    "gradient_descent", helpers=(("cost_and_gradients", "_cost_and_gradients_into"),), outputs=("w", "b", "costs"), cases=_gradient_descent_cases,
    mistakes=(
        Mistake("costs_after_update", "records the cost after each update: costs[i] is J before update i, so costs[0] is the cost at the starting parameters.",
                _costs_after),
        Mistake("costs_extra", "has one cost too many: record J before each of the num_iterations updates, and no more.",
                _extra_cost),
        Mistake("gd_ascent", "moves uphill: each update subtracts α times the gradient.", _learning_rate_times(-1)),
        Mistake("gd_non_simultaneous", "updates w before computing db: compute dw and db at the same (w, b), then update both.",
                _gd_variant(_non_simultaneous)),
        Mistake("gd_ignores_start", "starts from zeros: start from the w and b it is given.", _from_zero),
        Mistake("gd_bias_not_updated", "never updates b: each step moves b too, b ← b − α db.", _gd_variant(
            lambda X, y, w, b, learning_rate: (w - learning_rate * solutions.cost_and_gradients(X, y, w, b)[1], b))),
        Mistake("gd_gradient_summed", "sums the gradient over the examples: dw and db are averages, "
                "dw = Xᵀ(a − y) / m and db = mean(a − y), like the cost.", _gd_summed(costs_summed=False)),
        Mistake("gd_gradient_summed", "sums over the examples where it should average: the cost and the gradient are "
                "means, J = (1/m) Σ L and dw = Xᵀ(a − y) / m.", _gd_summed(costs_summed=True)),
        Mistake("gd_one_cost", "records one cost, after the loop: costs holds J before each of the num_iterations "
                "updates, appended inside the loop.",
                lambda args, ref: (ref[0], ref[1], np.array([solutions.compute_cost(args[0], args[1], ref[0], ref[1])]))
                if args[5] > 1 else None),
        Mistake("gd_returns_start", "returns the parameters it started from: return w and b after the last update.",
                lambda args, ref: (np.asarray(args[2], dtype=float), float(args[3]), ref[2])),
        Mistake("gd_no_learning_rate", "ignores the learning rate: θ ← θ − α dθ.",
                lambda args, ref: solutions.gradient_descent(*args[:4], 1.0, args[5]) if args[4] != 1 else None),
        Mistake("divides_by_n", "divides by n, the number of features (X.shape[1]), where it should divide by m, the "
                "number of examples (X.shape[0]): X is (m, n), one row per example.", _divides_by_n),
    ),
)


def _predict_cases():
    def draw(m, n, seed, *threshold):
        X, _, w, b = labelled_data(m, n, seed)
        return (X, 3 * w, b, *threshold)

    return [
        Case("m = 7, n = 3, default threshold", lambda: draw(7, 3, 30)),
        Case("m = 20, n = 4, threshold = 0.7", lambda: draw(20, 4, 31, 0.7)),
        Case("m = 20, n = 4, threshold = 0.2", lambda: draw(20, 4, 31, 0.2)),
        Case("m = 1, n = 1, threshold = 0.5", lambda: draw(1, 1, 32, 0.5)),
    ]


PREDICT = GradedFunction(
    "predict", outputs=("the predictions",), cases=_predict_cases,
    mistakes=(
        Mistake("predict_inverted", "predicts 1 where σ(z) is below the threshold: predict 1 where a ≥ threshold.",
                lambda args, ref: (1 - ref[0],)),
        Mistake("predict_probabilities", "returns the probabilities a: predictions are 0 or 1, 1 where a ≥ threshold.",
                lambda args, ref: (sigmoid(args[0] @ args[1] + args[2]),)),
        Mistake("predict_ignores_threshold", "ignores the threshold argument and always uses 0.5.",
                lambda args, ref: (solutions.predict(*args[:3]),)),
        Mistake("predict_threshold_on_z", "compares z with the threshold: compare the probability a = σ(z).",
                lambda args, ref: ((args[0] @ args[1] + args[2] >= PREDICT.default(args, "threshold")).astype(float),)),
        Mistake("ignores_bias", WITHOUT_BIAS, without_bias(solutions.predict, 2)),
    ),
)

FUNCTIONS = (COST_AND_GRADIENTS, GRADIENT_DESCENT, PREDICT)
