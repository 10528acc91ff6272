"""The chain rule for one example: dL/dz = dL/da · da/dz = a − y.

Each local derivative stands beside the formula it differentiates:

    L(a, y) = −(y log a + (1 − y) log(1 − a))   →   dL/da = −y/a + (1 − y)/(1 − a)
    a = σ(z)                                      →   da/dz = a (1 − a)
    their product                                 →   dL/dz = a − y

The same chain for the squared error L = ½(a − y)², where dL/da = a − y, gives
dL/dz = (a − y) a (1 − a): the factor a (1 − a) makes it vanish when a prediction
is confidently wrong, which is why logistic regression uses the log loss.
"""


def dL_da(a, y):
    """Derivative of the log loss with respect to the prediction a.

    Parameters
    ----------
    a : float or ndarray
        Predicted probabilities, strictly inside (0, 1).
    y : float or ndarray, broadcastable with `a`
        Labels in {0, 1}.

    Returns
    -------
    float or ndarray
        −y/a + (1 − y)/(1 − a), elementwise.
    """
    return -y / a + (1 - y) / (1 - a)


def da_dz(a):
    """Derivative of the sigmoid, written in terms of its output a = σ(z).

    Parameters
    ----------
    a : float or ndarray
        σ(z).

    Returns
    -------
    float or ndarray
        a (1 − a), elementwise; at most 1/4, and vanishing as a → 0 or 1.
    """
    return a * (1 - a)


def dL_dz(a, y):
    """Derivative of the loss with respect to the logit z.

    The product dL/da · da/dz simplifies:
    (−y/a + (1 − y)/(1 − a)) · a(1 − a) = −y(1 − a) + (1 − y)a = a − y.
    The simplified form is also the stable one: no division by a or 1 − a.

    Parameters
    ----------
    a : float or ndarray
        σ(z).
    y : float or ndarray, broadcastable with `a`
        Labels in {0, 1}.

    Returns
    -------
    float or ndarray
        a − y, elementwise.
    """
    return a - y


def dL_dz_squared_error(a, y):
    """Derivative of the squared-error loss L = ½(a − y)² with respect to the logit z, through a = σ(z).

    The chain rule with dL/da = a − y and da/dz = a (1 − a). Unlike the log
    loss's a − y, it vanishes as a → 0 or 1 even when the prediction is wrong.

    Parameters
    ----------
    a : float or ndarray
        σ(z).
    y : float or ndarray, broadcastable with `a`
        Labels in {0, 1}.

    Returns
    -------
    float or ndarray
        (a − y) a (1 − a), elementwise.
    """
    return (a - y) * a * (1 - a)


def numerical_derivative(f, x, eps=1e-5):
    """Central-difference estimate of f'(x) for a scalar function.

    Parameters
    ----------
    f : callable
        A function of one float returning a float.
    x : float
        Where to differentiate.
    eps : float, default 1e-5
        Half the width of the difference. Its error is O(eps²), against O(eps)
        for the one-sided difference (f(x + eps) − f(x)) / eps.

    Returns
    -------
    float
        (f(x + eps) − f(x − eps)) / (2 eps).
    """
    return (f(x + eps) - f(x - eps)) / (2 * eps)
