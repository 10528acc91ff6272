"""What the real corpus's translations share: the glue between an author's shapes and the curriculum's, not their code."""

import numpy as np


def sigmoid(z):
    """The plain sigmoid that many authors define beside their code."""
    return 1 / (1 + np.exp(-z))


def to_course(X, y, w):
    """(m, n), (m,), (n,) -> the Coursera DLS shapes (n, m), (1, m), (n, 1)."""
    return X.T, np.asarray(y).reshape(1, -1), np.asarray(w, dtype=float).reshape(-1, 1)


def to_flat(v, n):
    """A weight vector back to shape (n,) when it has the (n, 1) shape the author intended; any other shape as is."""
    v = np.asarray(v)
    return v[:, 0] if v.shape == (n, 1) else v
