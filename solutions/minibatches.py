"""Mini-batch gradient descent: an epoch is one shuffled pass over the m examples.

With batch_size = m this is batch gradient descent; with batch_size = 1 it is
stochastic gradient descent. Each epoch makes ceil(m / batch_size) updates.
"""

import numpy as np

from solutions.update_rule import update_parameters
from solutions.vectorized import cost_and_gradients


def make_minibatches(X, y, batch_size, rng):
    """Shuffle the examples and cut them into mini-batches.

    Parameters
    ----------
    X : ndarray of shape (m, n)
    y : ndarray of shape (m,)
    batch_size : int
        Examples per batch; the last batch has m % batch_size when that is not 0.
    rng : numpy.random.Generator
        The source of the shuffle, so that a seed reproduces it.

    Returns
    -------
    list of (X_batch, y_batch)
        ceil(m / batch_size) pairs of shapes (k, n) and (k,). Each example is in
        exactly one batch, with its own label: X and y are indexed by one
        permutation. X and y are not modified.
    """
    order = rng.permutation(X.shape[0])
    return [(X[idx], y[idx]) for idx in np.array_split(order, range(batch_size, len(order), batch_size))]


def train_minibatch(X, y, batch_size, learning_rate, epochs, seed=0):
    """Mini-batch gradient descent from w = 0, b = 0.

    Parameters
    ----------
    X : ndarray of shape (m, n)
    y : ndarray of shape (m,)
    batch_size : int
        Examples per update.
    learning_rate : float
        The step size α.
    epochs : int
        Passes over the training set, each freshly shuffled.
    seed : int, default 0
        Seeds the shuffles.

    Returns
    -------
    w : ndarray of shape (n,)
    b : float
    epoch_costs : list of float, of length `epochs`
        epoch_costs[e] is J on the whole training set after epoch e.
    """
    rng = np.random.default_rng(seed)
    w, b = np.zeros(X.shape[1]), 0.0
    epoch_costs = []
    for _ in range(epochs):
        for X_batch, y_batch in make_minibatches(X, y, batch_size, rng):
            _, dw, db = cost_and_gradients(X_batch, y_batch, w, b)
            w, b = update_parameters(w, b, dw, db, learning_rate)
        epoch_costs.append(cost_and_gradients(X, y, w, b)[0])
    return w, b, epoch_costs
