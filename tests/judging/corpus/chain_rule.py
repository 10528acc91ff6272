"""dL_da, da_dz, dL_dz, dL_dz_squared_error and numerical_derivative, as students write them."""

import numpy as np

from . import right, wrong


@wrong("dL_da", "opposite_sign")
def dL_da_sign(a, y):
    return y / a - (1 - y) / (1 - a)


@wrong("dL_da", "dLda_second_term_sign")
def dL_da_second_sign(a, y):
    return -y / a - (1 - y) / (1 - a)


@wrong("dL_da", "dLda_missing_term")
def dL_da_one_term(a, y):
    return -y / a


@wrong("dL_da", "dLda_y_swapped")
def dL_da_swapped(a, y):
    return -(1 - y) / a + y / (1 - a)


@wrong("dL_da", "dLda_is_loss")
def dL_da_the_loss(a, y):
    return -(y * np.log(a) + (1 - y) * np.log(1 - a))


@wrong("dL_da", "dLda_is_dLdz")
def dL_da_simplified_too_far(a, y):
    return a - y


@right("dL_da")
def dL_da_common_denominator(a, y):
    return (a - y) / (a * (1 - a))


@right("dL_da")
def dL_da_as_written(a, y):
    return -(y / a) + (1 - y) / (1 - a)


@wrong("da_dz", "dadz_sigmoid_again")
def da_dz_of_z(a):
    s = 1 / (1 + np.exp(-np.asarray(a)))
    return s * (1 - s)


@wrong("da_dz", "dadz_one_minus_a")
def da_dz_one_minus(a):
    return 1 - a


@wrong("da_dz", "dadz_plus")
def da_dz_plus(a):
    return a * (1 + a)


@wrong("da_dz", "opposite_sign")
def da_dz_negative(a):
    return a * (a - 1)


@right("da_dz")
def da_dz_expanded(a):
    return a - a**2


@wrong("dL_dz", "dLdz_y_minus_a")
def dL_dz_reversed(a, y):
    return y - a


@wrong("dL_dz", "dLdz_plus")
def dL_dz_plus(a, y):
    return a + y


@wrong("dL_dz", "dLdz_is_dLda")
def dL_dz_forgot_dadz(a, y):
    return -y / a + (1 - y) / (1 - a)


@wrong("dL_dz", "dLdz_y_swapped")
def dL_dz_swapped(a, y):
    return a - (1 - y)


@right("dL_dz")
def dL_dz_chain_rule_product(a, y):
    return (-y / a + (1 - y) / (1 - a)) * (a * (1 - a))


@right("dL_dz")
def dL_dz_numpy_subtract(a, y):
    return np.subtract(a, y)


@wrong("numerical_derivative", "forward_difference")
def derivative_forward(f, x, eps=1e-5):
    return (f(x + eps) - f(x)) / eps


@wrong("numerical_derivative", "backward_difference")
def derivative_backward(f, x, eps=1e-5):
    return (f(x) - f(x - eps)) / eps


@wrong("numerical_derivative", "missing_factor_2")
def derivative_missing_two(f, x, eps=1e-5):
    return (f(x + eps) - f(x - eps)) / eps


@wrong("numerical_derivative", "opposite_sign")
def derivative_reversed(f, x, eps=1e-5):
    return (f(x - eps) - f(x + eps)) / (2 * eps)


@wrong("numerical_derivative", "wrong_default")
def derivative_big_default(f, x, eps=1e-3):
    return (f(x + eps) - f(x - eps)) / (2 * eps)


@wrong("numerical_derivative", "exception")
def derivative_no_default(f, x, eps):
    return (f(x + eps) - f(x - eps)) / (2 * eps)


@right("numerical_derivative")
def derivative_central(f, x, eps=1e-5):
    return (f(x + eps) - f(x - eps)) / (2 * eps)


@right("numerical_derivative")
def derivative_numpy_float(f, x, eps=0.00001):
    x_plus, x_minus = np.float64(x) + eps, np.float64(x) - eps
    return np.float64((f(x_plus) - f(x_minus)) / (x_plus - x_minus))


@wrong("da_dz", "dadz_is_a")
def da_dz_identity(a):
    return a


@wrong("dL_dz", "factor_2")
def dL_dz_from_squared_error(a, y):
    return 2 * (a - y)


@wrong("numerical_derivative", "ignores_eps")
def derivative_fixed_step(f, x, eps=1e-5):
    h = 1e-5
    return (f(x + h) - f(x - h)) / (2 * h)


@right("dL_dz_squared_error")
def dL_dz_squared_error_chain(a, y):
    dL_da = a - y
    da_dz = a * (1 - a)
    return dL_da * da_dz


@right("dL_dz_squared_error")
def dL_dz_squared_error_expanded(a, y):
    a, y = np.asarray(a, dtype=float), np.asarray(y, dtype=float)
    return a**2 - a**3 - y * a + y * a**2


@right("dL_dz_squared_error")
def dL_dz_squared_error_from_z(a, y):
    z = np.log(a / (1 - a))  # back to the logit, then σ'(z) = e^(−z) / (1 + e^(−z))²
    return (a - y) * np.exp(-z) / (1 + np.exp(-z)) ** 2


@wrong("dL_dz_squared_error", "sqerr_missing_dadz")
def dL_dz_squared_error_log_loss_answer(a, y):
    return a - y


@wrong("dL_dz_squared_error", "sqerr_factor_2")
def dL_dz_squared_error_unhalved(a, y):
    return 2 * (a - y) * a * (1 - a)


@wrong("dL_dz_squared_error", "sqerr_y_minus_a")
def dL_dz_squared_error_reversed(a, y):
    return (y - a) * a * (1 - a)


@wrong("dL_dz_squared_error", "sqerr_dadz_only")
def dL_dz_squared_error_forgot_dL_da(a, y):
    return a * (1 - a)


@wrong("dL_dz_squared_error", "divided_by_size")
def dL_dz_squared_error_mean(a, y):
    return (a - y) * a * (1 - a) / np.size(a)
