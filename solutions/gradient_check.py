"""Gradient checking by central differences, with the thresholds of CS231n's notes.

A relative error below 1e-7 means the analytic gradient is right; above 1e-2 it
is wrong. The functions return numbers; they never print.
"""

import numpy as np

#: Relative errors at or above this mean the gradient is wrong.
WRONG = 1e-2
#: Relative errors below this mean the gradient is right.
RIGHT = 1e-7


def numerical_gradient(f, theta, eps=1e-5):
    """Central-difference gradient of a scalar function of an array.

    Parameters
    ----------
    f : callable
        Takes an ndarray shaped like `theta`, returns a float.
    theta : float or ndarray of any shape
        Where to differentiate; not modified.
    eps : float, default 1e-5

    Returns
    -------
    ndarray of the shape of `theta`
        (f(θ + eps eᵢ) − f(θ − eps eᵢ)) / (2 eps) for each coordinate i.
    """
    theta = np.array(theta, dtype=np.float64)  # a copy: the caller's array is never touched
    grad = np.zeros_like(theta)
    for i in np.ndindex(theta.shape):
        old = theta[i]
        theta[i] = old + eps
        f_plus = f(theta.copy())
        theta[i] = old - eps
        f_minus = f(theta.copy())
        theta[i] = old
        grad[i] = (f_plus - f_minus) / (2 * eps)
    return grad


def relative_error(analytic, numeric):
    """Largest elementwise |g − ĝ| / (|g| + |ĝ|), with 0/0 taken as 0.

    Parameters
    ----------
    analytic, numeric : float or ndarray of the same shape

    Returns
    -------
    float
        In [0, 1]; 0 where both gradients are exactly 0 (agreement, not 0/0).
    """
    g = np.asarray(analytic, dtype=np.float64)
    g_hat = np.asarray(numeric, dtype=np.float64)
    scale = np.abs(g) + np.abs(g_hat)
    err = np.divide(np.abs(g - g_hat), scale, out=np.zeros(np.broadcast(g, g_hat).shape), where=scale > 0)
    return float(np.max(err, initial=0.0))


def gradient_check(f, grad, theta, eps=1e-5):
    """Relative error between an analytic gradient and central differences.

    Parameters
    ----------
    f : callable
        Scalar function of an array shaped like `theta`.
    grad : callable
        Its claimed gradient, returning an array shaped like `theta`.
    theta : ndarray
        Where to compare.
    eps : float, default 1e-5

    Returns
    -------
    float
        See `relative_error`; compare it with RIGHT and WRONG.
    """
    return relative_error(grad(np.array(theta, dtype=np.float64)), numerical_gradient(f, theta, eps))
