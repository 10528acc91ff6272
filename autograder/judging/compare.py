"""Tolerances, stated once, and the comparison of captured values with expected ones.

A student's answer is right when it is within RTOL (relative) or ATOL
(absolute) of the reference, elementwise. The bounds are far above the
rounding differences between correct formulations (loops vs matrix products,
a(1 − a) vs σ'(z), Python vs NumPy floats: about 1e-15 relative, 1e-12 after
a few dozen gradient steps) and far below the smallest mistake the judges
name (a factor of m, a sign, a forward difference with eps = 0.01).
"""

import numpy as np

#: Relative tolerance against the reference.
RTOL = 1e-6
#: Absolute tolerance against the reference, for values near 0.
ATOL = 1e-9

#: Tolerances of a derivative against a central-difference estimate with step
#: DIFF_STEP: the estimate itself is off by about 1e-10 relative.
DIFF_STEP = 1e-6
DIFF_RTOL = 1e-5
DIFF_ATOL = 1e-7

#: A step count read off a first-order step (train_minibatch with a tiny learning
#: rate): the parameters match k full-batch steps to FIRST_ORDER_RTOL when k is
#: the expected count, and to COUNT_RTOL when another k (1, m, ...) explains them.
FIRST_ORDER_RTOL = 1e-3
COUNT_RTOL = 1e-2


def as_array(value):
    """Captured plain data (nested lists of floats) as a float64 array."""
    return np.asarray(value, dtype=np.float64)


def fits_shape(got, expected):
    """Whether a captured array has the shape of the expected one.

    A single number is accepted for a scalar in any container of size 1
    (a float, a 0-d array or an array of shape (1,)): it carries the same value.
    """
    return got.shape == expected.shape or (expected.ndim == 0 and got.size == 1)


def close(got, expected, rtol=RTOL, atol=ATOL):
    """Whether `got` equals `expected` within tolerance, shapes included.

    Parameters
    ----------
    got, expected : ndarray or plain data

    Returns
    -------
    bool
    """
    got, expected = as_array(got), as_array(expected)
    if not fits_shape(got, expected):
        return False
    return bool(np.allclose(got.reshape(expected.shape), expected, rtol=rtol, atol=atol))


def all_close(gots, expecteds, rtol=RTOL, atol=ATOL):
    """`close` on every pair of two equally long sequences."""
    return len(gots) == len(expecteds) and all(close(g, e, rtol, atol) for g, e in zip(gots, expecteds))


def shape_text(shape):
    """A shape as a student reads it: (3,), (2, 4), or 'a single number'."""
    return "a single number" if shape == () else str(tuple(shape))
