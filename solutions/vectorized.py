"""m examples at once: the cost, its gradient, gradient descent and predictions.

Dimensions: m examples, n features. X has shape (m, n), y (m,), w (n,), and
z = X @ w + b, a = σ(z) and a − y all have shape (m,).
"""

import numpy as np

from solutions.model_and_loss import sigmoid
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

    Notes
    -----
    The same formulas as `sigmoid`, `log_loss_from_logits` and `dL_dz`, fused so
    that one e = e^(−|z|) serves both the probabilities and the cost, and each
    pass over the m values writes into an array already made: a gradient step
    then costs little more than its two matrix-vector products, X @ w and
    Xᵀ(a − y) (see benchmarks/). With r = 1 / (1 + e), which is in [1/2, 1):

    - Σ L = Σ max(z, 0) − y · z + Σ log(1 + e), and log(1 + e) = −log r;
    - σ(z) = r where z ≥ 0 and 1 − r where z < 0, that is 1/2 + sign(z) (r − 1/2):
      no branch, and no exponential of a positive number.
    """
    return _cost_and_gradients_into(X, y, w, b, *_workspace(X.shape[0]))


def _workspace(m):
    """Three arrays of shape (m,) for _cost_and_gradients_into."""
    return [np.empty(m) for _ in range(3)]


def _cost_and_gradients_into(X, y, w, b, z, e, t):
    """cost_and_gradients, computed in three given arrays of shape (m,).

    Reusing them across iterations, as gradient_descent does, spares the
    operating system from handing out (and zeroing) fresh memory every step.
    """
    m = X.shape[0]
    np.matmul(X, w, out=z)
    z += b
    np.abs(z, out=e)
    relu_sum = (e.sum() + z.sum()) / 2  # Σ max(z, 0) = Σ (|z| + z) / 2
    yz = y @ z
    np.negative(e, out=e)
    np.exp(e, out=e)  # e^(−|z|), in (0, 1]: never overflows
    e += 1.0
    np.reciprocal(e, out=e)  # r = 1 / (1 + e^(−|z|))
    cost = (relu_sum - yz - np.log(e, out=t).sum()) / m
    e -= 0.5
    np.copysign(e, z, out=e)
    e += 0.5  # a = σ(z)
    e -= y  # dL/dz = a − y
    return float(cost), X.T @ e / m, float(e.sum() / m)


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
    workspace = _workspace(X.shape[0])
    for _ in range(num_iterations):
        cost, dw, db = _cost_and_gradients_into(X, y, w, b, *workspace)
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
