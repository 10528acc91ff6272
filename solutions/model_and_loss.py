"""The model and its loss: a = σ(z) and L(a, y) = −(y log a + (1 − y) log(1 − a)).

Shapes: any; both functions act elementwise.
"""

import numpy as np

#: Probabilities are kept at least this far from 0 and 1 before taking a log.
#: It is the float64 machine epsilon: 1 − a cannot be smaller than that unless
#: a rounds to exactly 1, so no a that is representably inside (0, 1) is moved,
#: and the loss of one example is at most −log(EPS) ≈ 36.04.
EPS = np.finfo(np.float64).eps


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
    `a` is clipped to [EPS, 1 − EPS] first (EPS = 2.2e-16, machine epsilon),
    which leaves every a strictly inside (0, 1) as it is and caps the loss of a
    confidently wrong example at −log(EPS) ≈ 36.04 instead of inf.
    """
    a = np.clip(np.asarray(a, dtype=np.float64), EPS, 1.0 - EPS)
    y = np.asarray(y, dtype=np.float64)
    loss = -(y * np.log(a) + (1.0 - y) * np.log(1.0 - a))
    return loss[()]
