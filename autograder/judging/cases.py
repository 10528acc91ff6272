"""What the probe inputs are made of: seeded data sets, several shapes, edge cases.

Each graded function's cases are listed in its description (autograder.judging.functions);
the pieces they share are here. Every `Case.build()` returns fresh arguments,
because a student's function may mutate them or consume a random generator.
Nothing here knows an answer.

Dimensions: m examples, n features; X (m, n), y (m,), w (n,), b a float.
"""

from dataclasses import dataclass, field
from typing import Callable

import numpy as np


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


def rng(seed):
    """A NumPy generator: every probe input is drawn from a seeded one."""
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
    draw = rng(seed)
    X = draw.normal(size=(m, n))
    w_true = draw.normal(size=n)
    y = (draw.random(m) < 1 / (1 + np.exp(-(X @ w_true)))).astype(float)
    return X, y, 0.5 * draw.normal(size=n), float(0.5 * draw.normal())


#: (m, n) of the data sets: one example, one feature, both, and ordinary ones.
SHAPES = ((1, 1), (1, 3), (5, 1), (7, 3), (20, 4))


def probabilities(seed, size):
    """a uniform in [0.05, 0.95] and random labels y, both of the given size."""
    draw = rng(seed)
    return draw.uniform(0.05, 0.95, size=size), (draw.random(size) < 0.5).astype(float)


def elementwise_ay_cases(seed):
    """Cases (a, y) for the loss and its derivatives: ordinary, scalar, near 0 and 1."""
    near = np.array([1e-8, 1e-8, 0.5, 1 - 1e-8, 1 - 1e-8])
    near_y = np.array([0.0, 1.0, 1.0, 0.0, 1.0])
    return [
        Case("a of shape (6,)", lambda: probabilities(seed, 6)),
        Case("a of shape (2, 3)", lambda: probabilities(seed + 1, (2, 3))),
        Case("a = 0.9, y = 1 (Python floats)", lambda: (0.9, 1.0)),
        Case("a = 0.1, y = 1 (Python floats)", lambda: (0.1, 1.0)),
        Case("a of shape (4,), y of integers", lambda: (probabilities(seed + 2, 4)[0], np.array([1, 0, 0, 1]))),
        Case("a within 1e-8 of 0 and 1", lambda: (near.copy(), near_y.copy()), smooth=False),
    ]


def data_cases(seed):
    """X, y, w, b for the cost and gradient functions, one case per shape."""
    return [Case(f"m = {m}, n = {n}", lambda m=m, n=n, s=seed + i: labelled_data(m, n, s))
            for i, (m, n) in enumerate(SHAPES)]


def indexed_data(m, n=3, seed=40):
    """X whose column 0 is the example's index, so a batch tells which rows it holds.

    Returns
    -------
    X : ndarray of shape (m, n)
    y : ndarray of shape (m,), random labels in {0., 1.}
    """
    draw = rng(seed + m)
    X = np.column_stack([np.arange(m, dtype=float), draw.normal(size=(m, n - 1))])
    return X, (draw.random(m) < 0.5).astype(float)


#: The data set of the training functions: m = 24 examples, n = 3 features.
TRAIN_M, TRAIN_N, TRAIN_SEED = 24, 3, 50


def training_data():
    """X of shape (24, 3) and y of shape (24,) for the training functions."""
    return labelled_data(TRAIN_M, TRAIN_N, TRAIN_SEED)[:2]


def three_examples():
    """X of shape (3, 2) and y of shape (3,): few enough examples to try every visiting order."""
    return np.array([[1.0, -0.5], [-0.3, 0.8], [0.6, 0.2]]), np.array([1.0, 0.0, 0.0])
