"""The gradient-descent update θ ← θ − α dθ, applied to all parameters at once."""

import numpy as np


def update_parameters(w, b, dw, db, learning_rate):
    """One simultaneous gradient-descent step.

    Both new values are computed from the old ones and the gradients taken at
    the old ones; nothing is updated in place.

    Parameters
    ----------
    w : ndarray of shape (n,)
        Weights.
    b : float
        Bias.
    dw : ndarray of shape (n,)
        dJ/dw at (w, b).
    db : float
        dJ/db at (w, b).
    learning_rate : float
        The step size α.

    Returns
    -------
    w : ndarray of shape (n,)
        w − α dw, a new array.
    b : float
        b − α db.
    """
    return np.asarray(w, dtype=np.float64) - learning_rate * np.asarray(dw), float(b - learning_rate * db)
