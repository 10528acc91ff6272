"""Small helpers for the visible tests of the course notebooks.

They know no answer: they only compare what a test computes with what it
expects, and say clearly what went wrong.
"""

import numpy as np


def answered(value, name):
    """Raise NotImplementedError until the answer variable `name` is set."""
    if value is None:
        raise NotImplementedError(f"{name} is still None: set it to your answer.")
    return value


def assert_choice(value, options, name):
    """Check that a multiple-choice answer is one of the option letters."""
    answered(value, name)
    letters = {str(o).lower() for o in options}
    assert str(value).strip().lower() in letters, f"{name} should be one of {sorted(options)}, not {value!r}."


def _short(values):
    """At most six numbers of an array, for a message."""
    flat = np.ravel(values)
    text = ", ".join(f"{v:.6g}" for v in flat[:6])
    return f"[{text}{', ...' if flat.size > 6 else ''}]" if np.ndim(values) else text


def _usual_cause(ratio, averages):
    """The usual cause of a result that is `ratio` times the expected one everywhere; the number of examples only
    for a function that `averages` over examples."""
    if np.isclose(ratio, -1):
        return " It has the opposite sign: check the order of a subtraction or a minus sign."
    if np.isclose(ratio, 2) or np.isclose(ratio, 0.5):
        return " It is off by a factor of 2: check for a missing or extra 2 (or 1/2)."
    whole = abs(ratio) > 2 and np.isclose(ratio, round(ratio)) or 0 < abs(ratio) < 0.5 and np.isclose(1 / ratio, round(1 / ratio))
    if averages and whole:
        return " A whole-number factor is often the number of examples m: check where you sum and where you average."
    return ""


def assert_close(got, expected, what, rtol=1e-6, atol=1e-9, averages=False):
    """Check shape and values of `got` against `expected`, with a message naming `what`.

    `expected` is computed in the visible test from its own visible inputs, so the message may show it:
    what the function returned, what the check computed, where they differ most and, when `expected` has several
    different values and yours is the same multiple of each, that ratio and its usual cause (the number of
    examples only where the function `averages` over examples).
    """
    got, expected = np.asarray(got, dtype=float), np.asarray(expected, dtype=float)
    transposed = " (transposed?)" if got.ndim == 2 and got.shape == expected.shape[::-1] else ""
    assert got.shape == expected.shape or (expected.ndim == 0 and got.size == 1), (
        f"{what} has shape {got.shape}; expected {expected.shape}{transposed}.")
    assert np.all(np.isfinite(got)), f"{what} contains NaN or inf: look for a log of 0, a division by 0 or an overflowing exp."
    got = got.reshape(expected.shape)
    if np.allclose(got, expected, rtol=rtol, atol=atol):
        return
    gap = np.abs(got - expected)
    worst = np.unravel_index(np.argmax(gap), gap.shape) if gap.ndim else ()
    where = f" at index {tuple(int(i) for i in worst)}" if worst else ""
    message = (f"{what} is not what the formula gives: yours is {_short(got)}, the check computed {_short(expected)}"
               f" from the same inputs; they differ most{where}: {got[worst]:.6g} against {expected[worst]:.6g}.")
    nonzero = np.abs(expected) > atol
    # one ratio is a coincidence as often as a cause: it takes several different values to see a constant factor
    if len(np.unique(expected[nonzero])) >= 2:
        ratios = got[nonzero] / expected[nonzero]
        if np.allclose(ratios, ratios.flat[0], rtol=1e-6):
            message += f" Yours is {ratios.flat[0]:.4g} times it everywhere." + _usual_cause(ratios.flat[0], averages)
    raise AssertionError(message)


def helper_first(helper, check):
    """Run `check`, a quick check of a `helper` the tested function calls; if it fails, point to the helper's test.

    A function whose helper is wrong fails its own checks whatever its own logic, and their messages would blame
    it: this says where the mistake is instead.
    """
    try:
        check()
    except NotImplementedError:
        raise  # not written yet: that says where to work
    except Exception:  # a wrong value or an error: either way the helper is not ready
        raise AssertionError(f"fix {helper} first (its test above fails): this function calls it, so its own test "
                             "cannot judge it until then") from None


def central_difference(f, x, h=1e-6):
    """(f(x + h) − f(x − h)) / (2h), elementwise for an elementwise f."""
    x = np.asarray(x, dtype=float)
    return (f(x + h) - f(x - h)) / (2 * h)


def numerical_gradient(f, theta, h=1e-6):
    """Central-difference gradient of a scalar function of a vector."""
    theta = np.array(theta, dtype=float)
    grad = np.zeros_like(theta)
    for i in range(theta.size):
        step = np.zeros_like(theta)
        step[i] = h
        grad[i] = (f(theta + step) - f(theta - step)) / (2 * h)
    return grad
