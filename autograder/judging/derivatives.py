"""Central-difference estimates of derivatives, from the reference's loss and cost.

The descriptions of the derivative functions use these to check a student's
derivative against the loss itself, independently of the reference's formula.
"""

import numpy as np

import solutions
from autograder.judging.compare import DIFF_STEP
from solutions.gradient_check import numerical_gradient


def elementwise_difference(f, x):
    """Central difference of an elementwise function at every element of x."""
    x = np.asarray(x, dtype=np.float64)
    return (f(x + DIFF_STEP) - f(x - DIFF_STEP)) / (2 * DIFF_STEP)


def logit(a):
    """z such that σ(z) = a."""
    a = np.asarray(a, dtype=np.float64)
    return np.log(a) - np.log1p(-a)


def data_gradient(X, y, w, b):
    """(dJ/dw, dJ/db) of the cost J(w, b) on (X, y) by central differences."""
    theta = np.append(w, b)
    g = numerical_gradient(lambda t: solutions.compute_cost(X, y, t[:-1], t[-1]), theta, DIFF_STEP)
    return g[:-1], g[-1]
