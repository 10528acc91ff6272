"""The model and its loss: a = σ(z) and L(a, y) = −(y log a + (1 − y) log(1 − a)).

Shapes: any; both functions act elementwise.
"""

import numpy as np

#: The nearest probabilities to 0 and 1 that floats can hold: log of either is finite.
A_MIN = np.nextafter(0.0, 1.0)  # 4.9e-324
A_MAX = np.nextafter(1.0, 0.0)  # 1 − 1.1e-16


def sigmoid(z):
    """Logistic function σ(z) = 1 / (1 + e^(−z)), elementwise.

    Parameters
    ----------
    z : float or ndarray of any shape
        Logits.

    Returns
    -------
    a : float or ndarray of the shape of `z`
        σ(z), in [0, 1].

    Notes
    -----
    e^(−z) overflows for z < −709. Writing σ(z) = e^z / (1 + e^z) for z < 0
    means the exponent is never positive, so |z| up to any size gives no
    overflow; e^(−|z|) may underflow to 0, which is the correct limit.
    """
    z = np.asarray(z, dtype=np.float64)
    e = np.exp(-np.abs(z))  # in (0, 1]: cannot overflow
    a = np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))
    return a[()]  # a 0-d array back to a NumPy scalar


def log_loss(a, y):
    """Log loss of each example, L(a, y) = −(y log a + (1 − y) log(1 − a)).

    Parameters
    ----------
    a : float or ndarray
        Predicted probabilities ŷ.
    y : float or ndarray, broadcastable with `a`
        Labels in {0, 1}.

    Returns
    -------
    loss : float or ndarray
        Elementwise loss, ≥ 0.

    Notes
    -----
    When σ(z) rounds to exactly 0 or 1, log a or log(1 − a) would be −inf.
    Only those two values are moved, to the nearest floats inside (0, 1)
    (A_MIN = 4.9e-324 and A_MAX = 1 − 1.1e-16), so every loss is finite: at
    most −log(A_MIN) ≈ 744.4 when a = 0 and −log(1 − A_MAX) ≈ 36.7 when a = 1.
    Every other a is used as it is. Training code that has z should use
    `log_loss_from_logits`, which stays exact where σ(z) has rounded.
    """
    a = np.clip(np.asarray(a, dtype=np.float64), A_MIN, A_MAX)
    y = np.asarray(y, dtype=np.float64)
    loss = -(y * np.log(a) + (1.0 - y) * np.log(1.0 - a))
    return loss[()]


def log_loss_from_logits(z, y):
    """The same loss, L(σ(z), y), computed from z without forming σ(z).

    With softplus(t) = log(1 + e^t) = max(t, 0) + log(1 + e^(−|t|)):
    −log σ(z) = softplus(−z) and −log(1 − σ(z)) = softplus(z), so

        L = y softplus(−z) + (1 − y) softplus(z) = max(z, 0) − y z + log(1 + e^(−|z|)).

    e^(−|z|) never overflows, and for a label y in {0, 1} the first two terms
    are exactly |z| or 0, so the loss is accurate for any z, even where σ(z)
    rounds to 0 or 1 (|z| > 37).

    Parameters
    ----------
    z : float or ndarray
        Logits.
    y : float or ndarray, broadcastable with `z`
        Labels in {0, 1}.

    Returns
    -------
    loss : float or ndarray
        Elementwise loss, equal to log_loss(sigmoid(z), y) wherever σ(z) is
        strictly inside (0, 1) in floating point.
    """
    z = np.asarray(z, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    loss = np.maximum(z, 0.0) - y * z + np.log1p(np.exp(-np.abs(z)))
    return loss[()]
