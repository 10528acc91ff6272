"""Scalar functions that `numerical_derivative` is called on.

They are part of its probe inputs, which the grader pickles and the kernel
loads, so they live here, where the kernel can import them.
"""

import math


def cube(x):
    """f(x) = x³."""
    return x**3


def sine(x):
    """f(x) = sin(x)."""
    return math.sin(x)


def softplus(x):
    """f(x) = log(1 + e^x), the log loss of an example with y = 0 as a function of z."""
    return math.log1p(math.exp(x))
