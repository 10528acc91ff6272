"""One example with two features: z = w1 x1 + w2 x2 + b, a = σ(z)."""

from solutions.chain_rule import dL_dz
from solutions.model_and_loss import sigmoid


def example_gradients(x1, x2, y, w1, w2, b):
    """Gradients of the loss of one example with respect to w1, w2 and b.

    By the chain rule, dL/dθ = dL/dz · dz/dθ with dz/dw1 = x1, dz/dw2 = x2 and
    dz/db = 1.

    Parameters
    ----------
    x1, x2 : float
        The example's two features.
    y : float
        Its label, 0 or 1.
    w1, w2, b : float
        The current parameters.

    Returns
    -------
    dw1, dw2, db : float
        (a − y) x1, (a − y) x2 and a − y.
    """
    a = sigmoid(w1 * x1 + w2 * x2 + b)
    dz = dL_dz(a, y)
    return float(dz * x1), float(dz * x2), float(dz)
