"""Small helpers for the visible tests of the course notebooks.

They know no answer: they only compare what a test computes with what it
expects, and say clearly what went wrong.
"""

import numpy as np


def answered(value, name):
    """Raise NotImplementedError until the answer variable `name` is set."""
    if value is None:
        raise NotImplementedError(f"{name} is still None: set it to your answer.")
    return value


def assert_choice(value, options, name):
    """Check that a multiple-choice answer is one of the option letters."""
    answered(value, name)
    letters = {str(o).lower() for o in options}
    assert str(value).strip().lower() in letters, f"{name} should be one of {sorted(options)}, not {value!r}."


def assert_close(got, expected, what, rtol=1e-6, atol=1e-9):
    """Check shape and values of `got` against `expected`, with a message naming `what`."""
    got, expected = np.asarray(got, dtype=float), np.asarray(expected, dtype=float)
    assert got.shape == expected.shape or (expected.ndim == 0 and got.size == 1), (
        f"{what} has shape {got.shape}; expected {expected.shape}.")
    assert np.all(np.isfinite(got)), f"{what} contains NaN or inf."
    assert np.allclose(got.reshape(expected.shape), expected, rtol=rtol, atol=atol), (
        f"{what} is not what the formula gives.")


def central_difference(f, x, h=1e-6):
    """(f(x + h) − f(x − h)) / (2h), elementwise for an elementwise f."""
    x = np.asarray(x, dtype=float)
    return (f(x + h) - f(x - h)) / (2 * h)


def numerical_gradient(f, theta, h=1e-6):
    """Central-difference gradient of a scalar function of a vector."""
    theta = np.array(theta, dtype=float)
    grad = np.zeros_like(theta)
    for i in range(theta.size):
        step = np.zeros_like(theta)
        step[i] = h
        grad[i] = (f(theta + step) - f(theta - step)) / (2 * h)
    return grad
