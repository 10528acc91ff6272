"""The inputs every graded function is called on: seeded, several shapes, edge cases.

Capturing (in the student's kernel) and judging (outside it) both build the
cases from here, so they agree on the inputs without passing them around. Every
`Case.build()` returns fresh arguments, because a student's function may
mutate them or consume a random generator. Nothing here knows an answer.

Dimensions: m examples, n features; X (m, n), y (m,), w (n,), b a float.
"""

import math
from dataclasses import dataclass, field
from typing import Callable

import numpy as np

#: Positional parameters of each graded function, as the curriculum names them.
SIGNATURES = {
    "sigmoid": ("z",),
    "log_loss": ("a", "y"),
    "dL_da": ("a", "y"),
    "da_dz": ("a",),
    "dL_dz": ("a", "y"),
    "numerical_derivative": ("f", "x", "eps"),
    "example_gradients": ("x1", "x2", "y", "w1", "w2", "b"),
    "update_parameters": ("w", "b", "dw", "db", "learning_rate"),
    "compute_cost": ("X", "y", "w", "b"),
    "gradients_loop": ("X", "y", "w", "b"),
    "cost_and_gradients": ("X", "y", "w", "b"),
    "gradient_descent": ("X", "y", "w", "b", "learning_rate", "num_iterations"),
    "predict": ("X", "w", "b", "threshold"),
    "make_minibatches": ("X", "y", "batch_size", "rng"),
    "train_minibatch": ("X", "y", "batch_size", "learning_rate", "epochs", "seed"),
    "momentum_update": ("w", "b", "dw", "db", "v_w", "v_b", "learning_rate", "beta"),
    "train_momentum": ("X", "y", "learning_rate", "num_iterations", "beta"),
}

#: What each function returns, by name, in order (used in messages).
OUTPUTS = {
    "sigmoid": ("a",),
    "log_loss": ("the loss",),
    "dL_da": ("dL/da",),
    "da_dz": ("da/dz",),
    "dL_dz": ("dL/dz",),
    "numerical_derivative": ("the estimate",),
    "example_gradients": ("dw1", "dw2", "db"),
    "update_parameters": ("w", "b"),
    "compute_cost": ("the cost",),
    "gradients_loop": ("dw", "db"),
    "cost_and_gradients": ("cost", "dw", "db"),
    "gradient_descent": ("w", "b", "costs"),
    "predict": ("the predictions",),
    "make_minibatches": ("the batches",),
    "train_minibatch": ("w", "b", "epoch_costs"),
    "momentum_update": ("w", "b", "v_w", "v_b"),
    "train_momentum": ("w", "b", "costs"),
}


@dataclass(frozen=True)
class Case:
    """One call of a graded function.

    Attributes
    ----------
    label : str
        How messages describe the call, e.g. "m = 7, n = 3".
    build : callable
        Returns a fresh tuple of positional arguments.
    smooth : bool
        False for edge cases (a near 0 or 1) where a central difference with a
        fixed step is not meaningful; derivatives are checked against the
        reference there, and against central differences elsewhere.
    tags : frozenset of str
        What a judge of properties looks for (e.g. "full_batch", "repeat").
    """

    label: str
    build: Callable[[], tuple]
    smooth: bool = True
    tags: frozenset = field(default_factory=frozenset)


def _rng(seed):
    return np.random.default_rng(seed)


def labelled_data(m, n, seed):
    """A seeded classification problem that is not linearly separable.

    Returns
    -------
    X : ndarray of shape (m, n)
    y : ndarray of shape (m,), floats in {0., 1.}
    w : ndarray of shape (n,)
        A starting point away from 0.
    b : float
    """
    rng = _rng(seed)
    X = rng.normal(size=(m, n))
    w_true = rng.normal(size=n)
    y = (rng.random(m) < 1 / (1 + np.exp(-(X @ w_true)))).astype(float)
    return X, y, 0.5 * rng.normal(size=n), float(0.5 * rng.normal())


#: (m, n) of the data sets: one example, one feature, both, and ordinary ones.
SHAPES = ((1, 1), (1, 3), (5, 1), (7, 3), (20, 4))


def _probabilities(seed, size):
    rng = _rng(seed)
    return rng.uniform(0.05, 0.95, size=size), (rng.random(size) < 0.5).astype(float)


def _elementwise_ay_cases(seed):
    """Cases (a, y) for the loss and its derivatives: ordinary, scalar, near 0 and 1."""
    near = np.array([1e-8, 1e-8, 0.5, 1 - 1e-8, 1 - 1e-8])
    near_y = np.array([0.0, 1.0, 1.0, 0.0, 1.0])
    return [
        Case("a of shape (6,)", lambda: _probabilities(seed, 6)),
        Case("a of shape (2, 3)", lambda: _probabilities(seed + 1, (2, 3))),
        Case("a = 0.9, y = 1 (Python floats)", lambda: (0.9, 1.0)),
        Case("a = 0.1, y = 1 (Python floats)", lambda: (0.1, 1.0)),
        Case("a within 1e-8 of 0 and 1", lambda: (near.copy(), near_y.copy()), smooth=False),
    ]


# Scalar functions for numerical_derivative, named so that messages can say which.
def cube(x):
    """f(x) = x³."""
    return x**3


def sine(x):
    """f(x) = sin(x)."""
    return math.sin(x)


def softplus(x):
    """f(x) = log(1 + e^x), the log loss of an example with y = 0 as a function of z."""
    return math.log1p(math.exp(x))


#: Exact derivatives of the functions above, for the property check.
DERIVATIVES = {cube: lambda x: 3 * x**2, sine: math.cos, softplus: lambda x: 1 / (1 + math.exp(-x))}


def _cases_sigmoid():
    return [
        Case("z of shape (5,)", lambda: (3 * _rng(1).normal(size=5),)),
        Case("z of shape (3, 4)", lambda: (3 * _rng(2).normal(size=(3, 4)),)),
        Case("z = 0.7 (a Python float)", lambda: (0.7,)),
        Case("z = [-1000, -710, -50, 0, 50, 710, 1000]",
             lambda: (np.array([-1000.0, -710.0, -50.0, 0.0, 50.0, 710.0, 1000.0]),), smooth=False),
    ]


def _cases_da_dz():
    return [
        Case("a of shape (6,)", lambda: (_probabilities(3, 6)[0],)),
        Case("a of shape (2, 3)", lambda: (_probabilities(4, (2, 3))[0],)),
        Case("a = 0.9 (a Python float)", lambda: (0.9,)),
        Case("a within 1e-12 of 0 and 1", lambda: (np.array([1e-12, 0.5, 1 - 1e-12]),), smooth=False),
    ]


def _cases_numerical_derivative():
    return [
        Case("f(x) = x³ at x = 2, eps = 0.01", lambda: (cube, 2.0, 1e-2)),
        Case("f(x) = sin(x) at x = 1, eps = 0.001", lambda: (sine, 1.0, 1e-3)),
        Case("f(z) = log(1 + e^z) at z = 0.3, eps = 0.01", lambda: (softplus, 0.3, 1e-2)),
        Case("f(x) = x³ at x = -1.5, default eps", lambda: (cube, -1.5)),
    ]


def _cases_example_gradients():
    def draw(seed, y):
        rng = _rng(seed)
        x1, x2, w1, w2, b = rng.normal(size=5)
        return float(x1), float(x2), y, float(w1), float(w2), float(b)

    return [
        Case("x1 = 1, x2 = 2, y = 1, w1 = 0.5, w2 = -0.3, b = 0.1", lambda: (1.0, 2.0, 1.0, 0.5, -0.3, 0.1)),
        Case("x1 = -1.5, x2 = 0.5, y = 0, w1 = 0.2, w2 = 0.8, b = -0.4", lambda: (-1.5, 0.5, 0.0, 0.2, 0.8, -0.4)),
        Case("random inputs with y = 0", lambda: draw(5, 0.0)),
        Case("random inputs with y = 1", lambda: draw(6, 1.0)),
    ]


def _cases_update_parameters():
    def draw(n, seed, learning_rate):
        rng = _rng(seed)
        return rng.normal(size=n), float(rng.normal()), rng.normal(size=n), float(rng.normal()), learning_rate

    return [
        Case("n = 3, learning_rate = 0.1", lambda: draw(3, 7, 0.1)),
        Case("n = 1, learning_rate = 0.5", lambda: draw(1, 8, 0.5)),
        Case("n = 4, learning_rate = 2.0", lambda: draw(4, 9, 2.0)),
    ]


def _cases_data(seed=10):
    """X, y, w, b for the cost and gradient functions, one case per shape."""
    return [Case(f"m = {m}, n = {n}", lambda m=m, n=n, s=seed + i: labelled_data(m, n, s))
            for i, (m, n) in enumerate(SHAPES)]


def _cases_gradient_descent():
    def run(m, n, seed, learning_rate, num_iterations):
        return (*labelled_data(m, n, seed), learning_rate, num_iterations)

    return [
        Case("m = 7, n = 3, learning_rate = 0.5, num_iterations = 20", lambda: run(7, 3, 20, 0.5, 20)),
        Case("m = 1, n = 1, learning_rate = 0.1, num_iterations = 5", lambda: run(1, 1, 21, 0.1, 5)),
        Case("m = 20, n = 4, learning_rate = 1.0, num_iterations = 30", lambda: run(20, 4, 22, 1.0, 30)),
        Case("m = 5, n = 2, learning_rate = 0.3, num_iterations = 1", lambda: run(5, 2, 23, 0.3, 1)),
    ]


def _cases_predict():
    def draw(m, n, seed, *threshold):
        X, _, w, b = labelled_data(m, n, seed)
        return (X, 3 * w, b, *threshold)

    return [
        Case("m = 7, n = 3, default threshold", lambda: draw(7, 3, 30)),
        Case("m = 20, n = 4, threshold = 0.7", lambda: draw(20, 4, 31, 0.7)),
        Case("m = 20, n = 4, threshold = 0.2", lambda: draw(20, 4, 31, 0.2)),
        Case("m = 1, n = 1, threshold = 0.5", lambda: draw(1, 1, 32, 0.5)),
    ]


def indexed_data(m, n=3, seed=40):
    """X whose column 0 is the example's index, so a batch tells which rows it holds.

    Returns
    -------
    X : ndarray of shape (m, n)
    y : ndarray of shape (m,), random labels in {0., 1.}
    """
    rng = _rng(seed + m)
    X = np.column_stack([np.arange(m, dtype=float), rng.normal(size=(m, n - 1))])
    return X, (rng.random(m) < 0.5).astype(float)


def _cases_make_minibatches():
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


#: The data set of the training functions: m = 24 examples, n = 3 features.
TRAIN_M, TRAIN_N, TRAIN_SEED = 24, 3, 50


def training_data():
    """X of shape (24, 3) and y of shape (24,) for the training functions."""
    return labelled_data(TRAIN_M, TRAIN_N, TRAIN_SEED)[:2]


#: A learning rate so small that one epoch moves the parameters by a first-order
#: step: w ≈ −α Σ_batches g(0), which counts the updates made in the epoch.
TINY_LEARNING_RATE = 1e-6


def _cases_train_minibatch():
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
    ]


def three_examples():
    """X of shape (3, 2) and y of shape (3,): few enough examples to try every visiting order."""
    return np.array([[1.0, -0.5], [-0.3, 0.8], [0.6, 0.2]]), np.array([1.0, 0.0, 0.0])


def _cases_momentum_update():
    def draw(n, seed, learning_rate, *beta):
        rng = _rng(seed)
        w, dw, v_w = rng.normal(size=(3, n))
        b, db, v_b = (float(v) for v in rng.normal(size=3))
        return (w, b, dw, db, v_w, v_b, learning_rate, *beta)

    return [
        Case("n = 3, learning_rate = 0.1, default beta", lambda: draw(3, 60, 0.1)),
        Case("n = 3, learning_rate = 0.5, beta = 0.5", lambda: draw(3, 61, 0.5, 0.5)),
        Case("n = 1, learning_rate = 1.0, beta = 0.99", lambda: draw(1, 62, 1.0, 0.99)),
    ]


def _cases_train_momentum():
    def call(learning_rate, num_iterations, *beta):
        return (*training_data(), learning_rate, num_iterations, *beta)

    return [
        Case("learning_rate = 0.5, num_iterations = 20, default beta", lambda: call(0.5, 20)),
        Case("learning_rate = 0.5, num_iterations = 20, beta = 0.5", lambda: call(0.5, 20, 0.5)),
        Case("learning_rate = 1.0, num_iterations = 8, beta = 0", lambda: call(1.0, 8, 0.0)),
    ]


_CASES = {
    "sigmoid": _cases_sigmoid,
    "log_loss": lambda: _elementwise_ay_cases(70),
    "dL_da": lambda: _elementwise_ay_cases(71),
    "da_dz": _cases_da_dz,
    "dL_dz": lambda: _elementwise_ay_cases(72),
    "numerical_derivative": _cases_numerical_derivative,
    "example_gradients": _cases_example_gradients,
    "update_parameters": _cases_update_parameters,
    "compute_cost": lambda: _cases_data(10),
    "gradients_loop": lambda: _cases_data(10),
    "cost_and_gradients": lambda: _cases_data(15),
    "gradient_descent": _cases_gradient_descent,
    "predict": _cases_predict,
    "make_minibatches": _cases_make_minibatches,
    "train_minibatch": _cases_train_minibatch,
    "momentum_update": _cases_momentum_update,
    "train_momentum": _cases_train_momentum,
}


def cases(name):
    """The cases on which the graded function `name` is called, in a fixed order.

    Parameters
    ----------
    name : str
        A graded function of the curriculum.

    Returns
    -------
    list of Case
    """
    if name not in _CASES:
        raise KeyError(f"{name!r} is not a graded function; graded functions are {', '.join(_CASES)}")
    return _CASES[name]()
