"""m examples at once: the cost, its gradient, gradient descent and predictions.

Dimensions: m examples, n features. X has shape (m, n), y (m,), w (n,), and
z = X @ w + b, a = σ(z) and a − y all have shape (m,).
"""

import numpy as np

from solutions.chain_rule import dL_dz
from solutions.model_and_loss import log_loss_from_logits, sigmoid
from solutions.update_rule import update_parameters


def cost_and_gradients(X, y, w, b):
    """Cost J and its gradient, with two matrix-vector products and no loop.

    Parameters
    ----------
    X : ndarray of shape (m, n)
    y : ndarray of shape (m,)
    w : ndarray of shape (n,)
    b : float

    Returns
    -------
    cost : float
        J = (1/m) Σ_i L(a_i, y_i).
    dw : ndarray of shape (n,)
        Xᵀ(a − y) / m.
    db : float
        mean(a − y).
    """
    m = X.shape[0]
    z = X @ w + b
    dz = dL_dz(sigmoid(z), y)
    return float(np.mean(log_loss_from_logits(z, y))), X.T @ dz / m, float(np.sum(dz) / m)


def gradient_descent(X, y, w, b, learning_rate, num_iterations):
    """Batch gradient descent: every step uses all m examples.

    Parameters
    ----------
    X : ndarray of shape (m, n)
    y : ndarray of shape (m,)
    w : ndarray of shape (n,)
        Initial weights; not modified.
    b : float
        Initial bias.
    learning_rate : float
        The step size α.
    num_iterations : int
        The number of updates.

    Returns
    -------
    w : ndarray of shape (n,)
        The weights after `num_iterations` updates.
    b : float
        The bias after them.
    costs : list of float, of length `num_iterations`
        costs[i] is J before update i, so costs[0] is the cost at the start.
    """
    costs = []
    for _ in range(num_iterations):
        cost, dw, db = cost_and_gradients(X, y, w, b)
        costs.append(cost)
        w, b = update_parameters(w, b, dw, db, learning_rate)
    return np.array(w, dtype=np.float64), float(b), costs


def predict(X, w, b, threshold=0.5):
    """Class predictions: 1 where σ(X @ w + b) ≥ threshold, else 0.

    Parameters
    ----------
    X : ndarray of shape (m, n)
    w : ndarray of shape (n,)
    b : float
    threshold : float, default 0.5

    Returns
    -------
    ndarray of int, shape (m,)
        0 or 1 for each example.
    """
    return (sigmoid(X @ w + b) >= threshold).astype(int)
