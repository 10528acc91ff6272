"""momentum_update and train_momentum: v ← β v + (1 − β) g, θ ← θ − α v."""

import numpy as np

import solutions
from autograder.judging.cases import Case, rng, training_data
from autograder.judging.description import GradedFunction
from autograder.judging.mistakes import Mistake


def _update_cases():
    def draw(n, seed, learning_rate, *beta):
        r = rng(seed)
        w, dw, v_w = r.normal(size=(3, n))
        b, db, v_b = (float(v) for v in r.normal(size=3))
        return (w, b, dw, db, v_w, v_b, learning_rate, *beta)

    return [
        Case("n = 3, learning_rate = 0.1, default beta", lambda: draw(3, 60, 0.1)),
        Case("n = 3, learning_rate = 0.5, beta = 0.5", lambda: draw(3, 61, 0.5, 0.5)),
        Case("n = 1, learning_rate = 1.0, beta = 0.99", lambda: draw(1, 62, 1.0, 0.99)),
    ]


def _training_cases():
    def call(learning_rate, num_iterations, *beta):
        return (*training_data(), learning_rate, num_iterations, *beta)

    return [
        Case("learning_rate = 0.5, num_iterations = 20, default beta", lambda: call(0.5, 20)),
        Case("learning_rate = 0.5, num_iterations = 20, beta = 0.5", lambda: call(0.5, 20, 0.5)),
        Case("learning_rate = 1.0, num_iterations = 8, beta = 0", lambda: call(1.0, 8, 0.0)),
    ]


# A mistaken momentum step: v = velocity(v, g, beta) and θ = step(θ, v_old, v_new, g, α).

def _ewma(v, g, beta):
    return beta * v + (1 - beta) * g


def _no_1_minus_beta(v, g, beta):
    return beta * v + g


def _new_velocity(p, v0, v1, g, lr):
    return p - lr * v1


def _old_velocity(p, v0, v1, g, lr):
    return p - lr * v0


def _update_variant(velocity, step):
    """momentum_update made with a mistaken step."""
    def produce(args, ref):
        w, b, dw, db, v_w, v_b, learning_rate = args[:7]
        beta = MOMENTUM_UPDATE.default(args, "beta")
        new_v_w, new_v_b = velocity(v_w, dw, beta), velocity(v_b, db, beta)
        return (step(w, v_w, new_v_w, dw, learning_rate), step(b, v_b, new_v_b, db, learning_rate),
                new_v_w, new_v_b)
    return produce


def _training_variant(velocity, step):
    """train_momentum made with a mistaken step."""
    def produce(args, ref):
        X, y, learning_rate, num_iterations = args[:4]
        beta = TRAIN_MOMENTUM.default(args, "beta")
        w, b, v_w, v_b, costs = np.zeros(X.shape[1]), 0.0, np.zeros(X.shape[1]), 0.0, []
        for _ in range(num_iterations):
            cost, dw, db = solutions.cost_and_gradients(X, y, w, b)
            costs.append(cost)
            new_v_w, new_v_b = velocity(v_w, dw, beta), velocity(v_b, db, beta)
            w, b = step(w, v_w, new_v_w, dw, learning_rate), step(b, v_b, new_v_b, db, learning_rate)
            v_w, v_b = new_v_w, new_v_b
        return w, b, np.asarray(costs)
    return produce


def _classical(sign):
    """momentum_update in the classical convention (CS231n, PyTorch, many textbooks): α inside v, no (1 − β).

    sign +1: v ← βv + αg, θ ← θ − v; sign −1: v ← βv − αg, θ ← θ + v.
    """
    def produce(args, ref):
        w, b, dw, db, v_w, v_b, learning_rate = args[:7]
        beta = MOMENTUM_UPDATE.default(args, "beta")
        new_v_w, new_v_b = beta * v_w + sign * learning_rate * dw, beta * v_b + sign * learning_rate * db
        return w - sign * new_v_w, b - sign * new_v_b, new_v_w, new_v_b
    return produce


def _nesterov(args, ref):
    """Nesterov's form of the classical convention: v ← βv − αg, θ ← θ + βv − αg."""
    w, b, dw, db, v_w, v_b, learning_rate = args[:7]
    beta = MOMENTUM_UPDATE.default(args, "beta")
    new_v_w, new_v_b = beta * v_w - learning_rate * dw, beta * v_b - learning_rate * db
    return (w + beta * new_v_w - learning_rate * dw, b + beta * new_v_b - learning_rate * db, new_v_w, new_v_b)


_CLASSICAL = ("uses the classical momentum convention, {convention} (CS231n, PyTorch): this course averages the "
              "gradients instead, v ← β v + (1 − β) g, then θ ← θ − α v. Both converge, but they are different "
              "algorithms: with the same α, the classical steps are 1/(1 − β) times larger.")


def _costs_after(args, ref):
    X, y, learning_rate, num_iterations, *beta = args
    _, _, costs = solutions.train_momentum(X, y, learning_rate, num_iterations + 1, *beta)
    return ref[0], ref[1], np.asarray(costs[1:])


def _velocity_reset(args, ref):
    """Each iteration starts from a zero velocity: v = (1 − β) g, a plain step of α(1 − β)."""
    beta = TRAIN_MOMENTUM.default(args, "beta")
    if beta == 0:
        return None
    X, y, learning_rate, num_iterations = args[:4]
    return solutions.gradient_descent(X, y, np.zeros(X.shape[1]), 0.0, learning_rate * (1 - beta), num_iterations)


def _bias_without_momentum(args, ref):
    """w moves with its velocity, b by its plain gradient."""
    beta = TRAIN_MOMENTUM.default(args, "beta")
    if beta == 0:
        return None
    X, y, learning_rate, num_iterations = args[:4]
    w, b, v_w, costs = np.zeros(X.shape[1]), 0.0, np.zeros(X.shape[1]), []
    for _ in range(num_iterations):
        cost, dw, db = solutions.cost_and_gradients(X, y, w, b)
        costs.append(cost)
        v_w = _ewma(v_w, dw, beta)
        w, b = w - learning_rate * v_w, b - learning_rate * db
    return w, b, np.asarray(costs)


def _plain_gradient_descent(args, ref):
    if TRAIN_MOMENTUM.default(args, "beta") == 0:
        return None  # with β = 0 momentum is plain gradient descent: nothing to tell apart
    X, y, learning_rate, num_iterations = args[:4]
    return solutions.gradient_descent(X, y, np.zeros(X.shape[1]), 0.0, learning_rate, num_iterations)


MOMENTUM_UPDATE = GradedFunction(
    "momentum_update", outputs=("w", "b", "v_w", "v_b"), cases=_update_cases,
    mistakes=(
        Mistake("momentum_missing_1_minus_beta", "computes v ← β v + g: the new gradient is weighted by 1 − β, v ← β v + (1 − β) g.",
                _update_variant(_no_1_minus_beta, _new_velocity)),
        Mistake("momentum_beta_swapped", "swaps β and 1 − β: v ← β v + (1 − β) g keeps β of the old velocity.",
                _update_variant(lambda v, g, beta: (1 - beta) * v + beta * g, _new_velocity)),
        Mistake("momentum_steps_with_gradient", "steps with the gradient: the parameters move by the new velocity, θ ← θ − α v.",
                _update_variant(_ewma, lambda p, v0, v1, g, lr: p - lr * g)),
        Mistake("momentum_steps_with_old_velocity", "steps with the old velocity: update v first, then θ ← θ − α v with the new v.",
                _update_variant(_ewma, _old_velocity)),
        Mistake("momentum_ascent", "moves uphill: θ ← θ − α v.",
                _update_variant(_ewma, lambda p, v0, v1, g, lr: p + lr * v1)),
        Mistake("momentum_classical", _CLASSICAL.format(convention="v ← β v + α g, θ ← θ − v"), _classical(+1)),
        Mistake("momentum_classical", _CLASSICAL.format(convention="v ← β v − α g, θ ← θ + v"), _classical(-1)),
        Mistake("ignores_beta", "ignores its beta argument: it always uses the default β; use the beta it is given.",
                lambda args, ref: solutions.momentum_update(*args[:7])
                if MOMENTUM_UPDATE.default(args, "beta") != MOMENTUM_UPDATE.defaults["beta"] else None),
        Mistake("momentum_nesterov", _CLASSICAL.format(convention="Nesterov's v ← β v − α g, θ ← θ + β v − α g"),
                _nesterov),
    ),
)

TRAIN_MOMENTUM = GradedFunction(
    "train_momentum", helpers=(("momentum_update", "momentum_update"),), outputs=("w", "b", "costs"), cases=_training_cases,
    mistakes=(
        Mistake("costs_after_update", "records the cost after each update: costs[i] is J before update i.", _costs_after),
        Mistake("momentum_ignored", "is plain gradient descent: the velocity must carry β of its old value into each step.",
                _plain_gradient_descent),
        Mistake("momentum_missing_1_minus_beta", "computes v ← β v + g, or the classical v ← β v + α g, θ ← θ − v "
                "(CS231n, PyTorch), which takes the same steps: in this course the new gradient is weighted by 1 − β, "
                "v ← β v + (1 − β) g, θ ← θ − α v.", _training_variant(_no_1_minus_beta, _new_velocity)),
        Mistake("momentum_steps_with_old_velocity", "steps with the old velocity: update v first, then θ ← θ − α v.",
                _training_variant(_ewma, _old_velocity)),
        Mistake("momentum_velocity_reset", "starts the velocity from zero at every iteration: v must carry β of "
                "its old value from one step to the next, so set it to zero once, before the loop.", _velocity_reset),
        Mistake("momentum_bias_plain", "moves b by its plain gradient: b has a velocity of its own, v_b, updated "
                "like v_w.", _bias_without_momentum),
        Mistake("ignores_beta", "ignores its beta argument: it always uses the default β; use the beta it is given.",
                lambda args, ref: solutions.train_momentum(*args[:4])
                if TRAIN_MOMENTUM.default(args, "beta") != TRAIN_MOMENTUM.defaults["beta"] else None),
    ),
)

FUNCTIONS = (MOMENTUM_UPDATE, TRAIN_MOMENTUM)
