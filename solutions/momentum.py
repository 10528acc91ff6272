"""Gradient descent with momentum, in the exponentially weighted form:

    v ← β v + (1 − β) g,    θ ← θ − α v,

with no bias correction. v is a running average of recent gradients, so steps
that keep the same sign add up and steps that flip sign cancel.
"""

import numpy as np

from solutions.vectorized import cost_and_gradients


def momentum_update(w, b, dw, db, v_w, v_b, learning_rate, beta=0.9):
    """One momentum step; inputs are not modified.

    Parameters
    ----------
    w : ndarray of shape (n,)
    b : float
    dw : ndarray of shape (n,)
        dJ/dw at (w, b).
    db : float
        dJ/db at (w, b).
    v_w : ndarray of shape (n,)
        Velocity of w.
    v_b : float
        Velocity of b.
    learning_rate : float
        The step size α.
    beta : float, default 0.9
        How much of the old velocity is kept.

    Returns
    -------
    w, b, v_w, v_b
        The new parameters and velocities, shapes as given.
    """
    v_w = beta * np.asarray(v_w, dtype=np.float64) + (1 - beta) * np.asarray(dw)
    v_b = float(beta * v_b + (1 - beta) * db)
    return np.asarray(w, dtype=np.float64) - learning_rate * v_w, float(b - learning_rate * v_b), v_w, v_b


def train_momentum(X, y, learning_rate, num_iterations, beta=0.9):
    """Full-batch gradient descent with momentum from zero parameters and velocity.

    Parameters
    ----------
    X : ndarray of shape (m, n)
    y : ndarray of shape (m,)
    learning_rate : float
    num_iterations : int
    beta : float, default 0.9

    Returns
    -------
    w : ndarray of shape (n,)
    b : float
    costs : list of float, of length `num_iterations`
        costs[i] is J before update i.
    """
    n = X.shape[1]
    w, b, v_w, v_b = np.zeros(n), 0.0, np.zeros(n), 0.0
    costs = []
    for _ in range(num_iterations):
        cost, dw, db = cost_and_gradients(X, y, w, b)
        costs.append(cost)
        w, b, v_w, v_b = momentum_update(w, b, dw, db, v_w, v_b, learning_rate, beta)
    return w, b, costs
