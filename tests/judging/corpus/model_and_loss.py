"""sigmoid and log_loss, as students write them."""

import math

import numpy as np

from . import right, wrong


@wrong("sigmoid", "sigmoid_exponent_sign")
def sigmoid_plus_z(z):
    return 1 / (1 + np.exp(np.clip(z, -500, 500)))


@wrong("sigmoid", "sigmoid_missing_one")
def sigmoid_no_one(z):
    return np.exp(np.clip(z, -700, 700))


@wrong("sigmoid", "numeric_warning")
def sigmoid_naive(z):
    return 1 / (1 + np.exp(-z))  # overflows for z = -1000


@wrong("sigmoid", "not_elementwise")
def sigmoid_math_exp(z):
    return 1 / (1 + math.exp(-z))  # only scalars


@wrong("sigmoid", "sigmoid_tanh")
def sigmoid_tanh(z):
    return np.tanh(z)


@wrong("sigmoid", "wrong_value")
def sigmoid_bad_clip(z):
    return 1 / (1 + np.exp(-np.clip(z, -5, 5)))  # saturates far too early


@right("sigmoid")
def sigmoid_stable_where(z):
    z = np.asarray(z, dtype=float)
    out = np.empty_like(z)
    pos = z >= 0
    out[pos] = 1 / (1 + np.exp(-z[pos]))
    ez = np.exp(z[~pos])
    out[~pos] = ez / (1 + ez)
    return out


@right("sigmoid")
def sigmoid_tanh_form(z):
    return 0.5 * (1 + np.tanh(0.5 * np.asarray(z)))


@right("sigmoid")
def sigmoid_clipped(z):
    return 1 / (1 + np.exp(-np.clip(z, -500, 500)))


@right("sigmoid")
def sigmoid_vectorize_math(z):
    def one(t):
        return 1 / (1 + math.exp(-t)) if t >= 0 else math.exp(t) / (1 + math.exp(t))
    return np.vectorize(one, otypes=[float])(z)


@wrong("log_loss", "loss_second_term_log_a")
def log_loss_log_a_twice(a, y):
    return -y * np.log(a) - (1 - y) * np.log(a)


@wrong("log_loss", "loss_epsilon_added")
def log_loss_guarded(a, y):
    eps = 1e-8
    return -(y * np.log(a + eps) + (1 - y) * np.log(1 - a + eps))


@wrong("sigmoid", "sigmoid_precedence")
def sigmoid_without_parentheses(z):
    with np.errstate(over="ignore"):
        return 1/1 + np.exp(-np.asarray(z, dtype=float))


@wrong("log_loss", "loss_summed")
def log_loss_total(a, y):
    return -np.sum(y * np.log(a) + (1 - y) * np.log(1 - a))


@wrong("log_loss", "loss_missing_minus")
def log_loss_no_minus(a, y):
    return y * np.log(a) + (1 - y) * np.log(1 - a)


@wrong("log_loss", "loss_y_swapped")
def log_loss_swapped(a, y):
    return -((1 - y) * np.log(a) + y * np.log(1 - a))


@wrong("log_loss", "loss_log10")
def log_loss_log10(a, y):
    return -(y * np.log10(a) + (1 - y) * np.log10(1 - a))


@wrong("log_loss", "loss_missing_second_term")
def log_loss_half(a, y):
    return -y * np.log(a)


@wrong("log_loss", "loss_averaged")
def log_loss_mean(a, y):
    return np.mean(-(y * np.log(a) + (1 - y) * np.log(1 - a)))


@wrong("log_loss", "loss_squared_error")
def log_loss_squared(a, y):
    return (np.asarray(a) - y) ** 2


@right("log_loss")
def log_loss_plain(a, y):
    return -(y * np.log(a) + (1 - y) * np.log(1 - a))


@right("log_loss")
def log_loss_where(a, y):
    a, y = np.asarray(a, dtype=float), np.asarray(y, dtype=float)
    return np.where(y == 1, -np.log(a), -np.log1p(-a))


@right("log_loss")
def log_loss_clipped(a, y):
    a = np.clip(a, 1e-15, 1 - 1e-15)
    return -(y * np.log(a) + (1 - y) * np.log(1 - a))


@wrong("sigmoid", "not_implemented")
def sigmoid_stub(z):
    raise NotImplementedError()


@wrong("sigmoid", "nan_or_inf")
def sigmoid_minus_in_the_denominator(z):
    with np.errstate(divide="ignore", over="ignore"):
        return 1 / (1 - np.exp(-np.asarray(z, dtype=float)))  # 1 / 0 at z = 0


@wrong("sigmoid", "sigmoid_inf_over_inf")
def sigmoid_exp_ratio(z):
    with np.errstate(over="ignore", invalid="ignore"):
        return np.exp(z) / (1 + np.exp(z))  # inf / inf for z = 1000


@wrong("log_loss", "constant_factor")
def log_loss_log2(a, y):
    return -(y * np.log2(a) + (1 - y) * np.log2(1 - a))
