"""sigmoid and log_loss: the model and the loss of one example."""

import math

import numpy as np

from autograder.judging.cases import Case, elementwise_ay_cases, rng
from autograder.judging.description import GradedFunction
from autograder.judging.mistakes import Mistake, squared_error, with_y
from solutions import log_loss


def _sigmoid_cases():
    return [
        Case("z of shape (5,)", lambda: (3 * rng(1).normal(size=5),)),
        Case("z of shape (3, 4)", lambda: (3 * rng(2).normal(size=(3, 4)),)),
        Case("z = 0.7 (a Python float)", lambda: (0.7,)),
        Case("z = 3 (a Python int)", lambda: (3,)),
        Case("z of integers [-3, 0, 2]", lambda: (np.array([-3, 0, 2]),)),
        Case("z = [-1000, -710, -50, 0, 50, 710, 1000]",
             lambda: (np.array([-1000.0, -710.0, -50.0, 0.0, 50.0, 710.0, 1000.0]),), smooth=False),
    ]


def _inf_over_inf(cases, students, references):
    """e^z / (1 + e^z): NaN (inf / inf) where z is large and positive, right everywhere else."""
    nan_where_large = False
    for case, student, reference in zip(cases, students, references):
        if np.shape(student[0]) != np.shape(reference[0]):
            return None  # another shape: its own message says so
        z, got = np.broadcast_to(np.asarray(case.build()[0], dtype=float), reference[0].shape), student[0]
        bad = ~np.isfinite(got)
        if np.any(bad & (z < 700)) or not np.allclose(got[~bad], reference[0][~bad], rtol=1e-6, atol=1e-12):
            return None
        nan_where_large |= bool(np.any(bad))
    if not nan_where_large:
        return None
    return ("sigmoid_inf_over_inf", "computes e^z / (1 + e^z): for z > 709 both are inf, and inf / inf is NaN. Use "
            "1 / (1 + e^(−z)) for z ≥ 0 and e^z / (1 + e^z) for z < 0, so that the exponent is never positive.")


SIGMOID = GradedFunction(
    "sigmoid", outputs=("a",), cases=_sigmoid_cases,
    mistakes=(
        Mistake("sigmoid_exponent_sign", "computes 1 / (1 + e^z) = σ(−z): the exponent must be −z, σ(z) = 1 / (1 + e^(−z)).",
                lambda args, ref: (1 - ref[0],)),
        Mistake("sigmoid_missing_one", "is e^z: the denominator is missing its 1 + (σ(z) = 1 / (1 + e^(−z))).",
                lambda args, ref: (np.exp(np.asarray(args[0], dtype=float)),)),
        Mistake("sigmoid_precedence", "computes 1/1 + e^(−z), which is 1 + e^(−z): the division takes the whole "
                "denominator, 1 / (1 + e^(−z)), so it needs its parentheses.",
                lambda args, ref: (1 + np.exp(-np.asarray(args[0], dtype=float)),)),
        Mistake("sigmoid_tanh", "is tanh(z); σ(z) = (1 + tanh(z / 2)) / 2.",
                lambda args, ref: (np.tanh(np.asarray(args[0], dtype=float)),)),
    ),
    diagnoses=(lambda entry, cases, students, references: _inf_over_inf(cases, students, references),),
    elementwise=True,
    warning_hint="e^(−z) overflows for z < −709; use a form whose exponent is never positive: "
                 "1 / (1 + e^(−z)) for z ≥ 0 and e^z / (1 + e^z) for z < 0.",
)

LOG_LOSS = GradedFunction(
    "log_loss", outputs=("the loss",), cases=lambda: elementwise_ay_cases(70),
    mistakes=(
        Mistake("loss_missing_minus", "is negative: the loss has a minus sign in front, L = −(y log a + (1 − y) log(1 − a)).",
                lambda args, ref: (-ref[0],)),
        Mistake("loss_y_swapped", "has y and 1 − y swapped: y goes with log a, and 1 − y with log(1 − a).",
                with_y(log_loss, lambda y: 1 - y)),
        Mistake("loss_log10", "uses log base 10: the loss uses the natural logarithm (np.log).",
                lambda args, ref: (ref[0] / math.log(10),)),
        Mistake("loss_missing_second_term", "is missing the (1 − y) log(1 − a) term, so an example with y = 0 costs nothing.",
                lambda args, ref: (-np.asarray(args[1]) * np.log(np.asarray(args[0], dtype=float)),)),
        Mistake("loss_averaged", "returned one number, the mean: log_loss is elementwise (one loss per example); the cost J is their mean.",
                lambda args, ref: (np.mean(ref[0]),) if np.size(ref[0]) > 1 else None),
        Mistake("loss_summed", "returned one number, the sum: log_loss is elementwise (one loss per example).",
                lambda args, ref: (np.sum(ref[0]),) if np.size(ref[0]) > 1 else None),
        Mistake("loss_squared_error", "is the squared error (a − y)², not the log loss.",
                lambda args, ref: (squared_error(*args),)),
        Mistake("loss_second_term_log_a", "takes log a in both terms: for y = 0 the loss is −log(1 − a), the log of "
                "the probability of the label 0.",
                lambda args, ref: (-np.asarray(args[1]) * np.log(np.asarray(args[0], dtype=float))
                                   - (1 - np.asarray(args[1])) * np.log(np.asarray(args[0], dtype=float)),)),
        *(Mistake("loss_epsilon_added", "adds a small number inside each log: that changes the loss where a is near 0 "
                  "or 1, which the tests try. Leave the logs as they are, or clip a into [1e-15, 1 − 1e-15] if you "
                  "must guard them.",
                  lambda args, ref, eps=eps: (-(np.asarray(args[1]) * np.log(np.asarray(args[0], dtype=float) + eps)
                                                + (1 - np.asarray(args[1])) * np.log(1 - np.asarray(args[0], dtype=float) + eps)),))
          for eps in (1e-12, 1e-10, 1e-9, 1e-8, 1e-7, 1e-6, 1e-5)),
        Mistake("loss_second_term_sign", "has the wrong sign on its second term: the minus sign covers both terms, "
                "L = −(y log a + (1 − y) log(1 − a)) = −y log a − (1 − y) log(1 − a).",
                lambda args, ref: (second_term_sign_flipped(*args),)),
    ),
    elementwise=True,
)


def second_term_sign_flipped(a, y):
    """−y log a + (1 − y) log(1 − a): the minus sign taken for the first term only."""
    a, y = np.asarray(a, dtype=float), np.asarray(y, dtype=float)
    return -y * np.log(a) + (1 - y) * np.log1p(-a)

FUNCTIONS = (SIGMOID, LOG_LOSS)
