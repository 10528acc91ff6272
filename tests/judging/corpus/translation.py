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


def on_one_example(gradients):
    """An author's (X, y, w, b) -> (dw, db), run on the single example X = [[x1, x2]], as example_gradients."""
    def example_gradients(x1, x2, y, w1, w2, b):
        dw, db = gradients(np.array([[x1, x2]], dtype=float), np.array([y]), np.array([w1, w2], dtype=float), b)
        return dw[0], dw[1], db

    example_gradients.__name__ = gradients.__name__.replace("gradients_loop", "example_gradients")
    return example_gradients
