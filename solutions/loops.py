"""m examples, one at a time: the cost and its gradient with explicit loops.

Dimensions: m examples, n features. X has shape (m, n), y (m,), w (n,).
"""

import numpy as np

from solutions.chain_rule import dL_dz
from solutions.model_and_loss import log_loss_from_logits, sigmoid


def compute_cost(X, y, w, b):
    """Cost J = (1/m) Σ_i L(a_i, y_i), summed over examples in a loop.

    Parameters
    ----------
    X : ndarray of shape (m, n)
    y : ndarray of shape (m,)
    w : ndarray of shape (n,)
    b : float

    Returns
    -------
    float
        J.
    """
    m = X.shape[0]
    total = 0.0
    for i in range(m):
        # L(σ(z_i), y_i), from z_i so that it stays exact when σ(z_i) rounds to 0 or 1
        total += log_loss_from_logits(X[i] @ w + b, y[i])
    return float(total / m)


def gradients_loop(X, y, w, b):
    """dJ/dw and dJ/db, accumulating the per-example gradients in a loop.

    Parameters
    ----------
    X : ndarray of shape (m, n)
    y : ndarray of shape (m,)
    w : ndarray of shape (n,)
    b : float

    Returns
    -------
    dw : ndarray of shape (n,)
        (1/m) Σ_i (a_i − y_i) x_i.
    db : float
        (1/m) Σ_i (a_i − y_i).
    """
    m, n = X.shape
    dw = np.zeros(n)
    db = 0.0
    for i in range(m):
        dz_i = dL_dz(sigmoid(X[i] @ w + b), y[i])
        for j in range(n):
            dw[j] += dz_i * X[i, j]
        db += dz_i
    return dw / m, float(db / m)
