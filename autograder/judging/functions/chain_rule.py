"""dL/da, da/dz, dL/dz = a − y, the squared error's dL/dz, and the central difference that checks them."""

import math

import numpy as np

import solutions
from autograder.judging.cases import Case, elementwise_ay_cases, probabilities
from autograder.judging.description import GradedFunction
from autograder.judging.derivatives import elementwise_difference, logit
from autograder.judging.mistakes import Mistake, with_y
from autograder.judging.verdict import fail
from autograder.kernel.probe_functions import cube, sine, softplus
from solutions import sigmoid

DL_DA = GradedFunction(
    "dL_da", outputs=("dL/da",), cases=lambda: elementwise_ay_cases(71),
    mistakes=(
        Mistake("dLda_second_term_sign", "has the wrong sign on (1 − y)/(1 − a): d/da log(1 − a) = −1/(1 − a), so dL/da = −y/a + (1 − y)/(1 − a).",
                lambda args, ref: (-np.asarray(args[1]) / args[0] - (1 - np.asarray(args[1])) / (1 - np.asarray(args[0])),)),
        Mistake("dLda_missing_term", "is missing the (1 − y)/(1 − a) term: both terms of the loss depend on a.",
                lambda args, ref: (-np.asarray(args[1]) / args[0],)),
        Mistake("dLda_y_swapped", "has y and 1 − y swapped: dL/da = −y/a + (1 − y)/(1 − a).",
                with_y(solutions.dL_da, lambda y: 1 - y)),
        Mistake("dLda_is_loss", "is the loss itself: dL/da is its derivative with respect to a, the slope of "
                "−(y log a + (1 − y) log(1 − a)) as a moves.", lambda args, ref: (solutions.log_loss(*args),)),
        Mistake("dLda_is_dLdz", "is a − y, which is dL/dz: dL/da is the derivative with respect to a alone, before the factor da/dz.",
                with_y(solutions.dL_dz, lambda y: y)),
    ),
    central_difference=lambda a, y: (elementwise_difference(lambda t: solutions.log_loss(t, y), a),),
    elementwise=True,
)


def _da_dz_cases():
    return [
        Case("a of shape (6,)", lambda: (probabilities(3, 6)[0],)),
        Case("a of shape (2, 3)", lambda: (probabilities(4, (2, 3))[0],)),
        Case("a = 0.9 (a Python float)", lambda: (0.9,)),
        Case("a within 1e-12 of 0 and 1", lambda: (np.array([1e-12, 0.5, 1 - 1e-12]),), smooth=False),
    ]


DA_DZ = GradedFunction(
    "da_dz", outputs=("da/dz",), cases=_da_dz_cases,
    mistakes=(
        Mistake("dadz_sigmoid_again", "applies the sigmoid to a again: a is already σ(z), so da/dz = a(1 − a).",
                lambda args, ref: (sigmoid(args[0]) * (1 - sigmoid(args[0])),)),
        Mistake("dadz_one_minus_a", "is 1 − a: da/dz = a(1 − a), the factor a is missing.",
                lambda args, ref: (1 - np.asarray(args[0]),)),
        Mistake("dadz_plus", "is a(1 + a): da/dz = a(1 − a).",
                lambda args, ref: (np.asarray(args[0]) * (1 + np.asarray(args[0])),)),
        Mistake("dadz_is_a", "returns a itself: da/dz = a(1 − a).", lambda args, ref: (np.asarray(args[0]),)),
    ),
    central_difference=lambda a: (elementwise_difference(solutions.sigmoid, logit(a)),),
    elementwise=True,
)

DL_DZ = GradedFunction(
    "dL_dz", outputs=("dL/dz",), cases=lambda: elementwise_ay_cases(72),
    mistakes=(
        Mistake("dLdz_y_minus_a", "is y − a: the sign is the other way round, dL/dz = a − y.", lambda args, ref: (-ref[0],)),
        Mistake("dLdz_plus", "is a + y: dL/dz = a − y.", lambda args, ref: (np.asarray(args[0]) + args[1],)),
        Mistake("dLdz_is_dLda", "is dL/da: multiply it by da/dz = a(1 − a), which simplifies to a − y.",
                with_y(solutions.dL_da, lambda y: y)),
        Mistake("dLdz_y_swapped", "uses 1 − y in place of y: dL/dz = a − y.", with_y(solutions.dL_dz, lambda y: 1 - y)),
    ),
    central_difference=lambda a, y: (elementwise_difference(lambda z: solutions.log_loss(solutions.sigmoid(z), y), logit(a)),),
    elementwise=True,
)



def _squared_error_of_z(y):
    """z ↦ ½(σ(z) − y)², the squared-error loss as a function of the logit."""
    return lambda z: 0.5 * (solutions.sigmoid(z) - y) ** 2


def _a_y(args):
    return np.asarray(args[0], dtype=float), np.asarray(args[1], dtype=float)


DL_DZ_SQUARED_ERROR = GradedFunction(
    "dL_dz_squared_error", outputs=("dL/dz",), cases=lambda: elementwise_ay_cases(73),
    mistakes=(
        Mistake("sqerr_missing_dadz", "is a − y, which is dL/da of the squared error (and dL/dz of the log loss): "
                "the chain to z has one more factor, da/dz = a(1 − a).",
                lambda args, ref: (_a_y(args)[0] - _a_y(args)[1],)),
        Mistake("sqerr_factor_2", "is twice what it should be: the loss is ½(a − y)², whose ½ cancels the 2 of the "
                "square's derivative; (a − y)² would give the factor 2.", lambda args, ref: (2 * ref[0],)),
        Mistake("sqerr_y_minus_a", "has the opposite sign: the derivative of ½(a − y)² with respect to a is a − y, "
                "not y − a.", lambda args, ref: (-ref[0],)),
        Mistake("sqerr_dadz_only", "is da/dz = a(1 − a) alone: multiply it by dL/da of the squared error.",
                lambda args, ref: (_a_y(args)[0] * (1 - _a_y(args)[0]),)),
    ),
    central_difference=lambda a, y: (elementwise_difference(_squared_error_of_z(y), logit(a)),),
    elementwise=True,
)


#: Exact derivatives of the probe functions, for the accuracy check.
EXACT_DERIVATIVES = {cube: lambda x: 3 * x**2, sine: math.cos, softplus: lambda x: 1 / (1 + math.exp(-x))}


def _numerical_derivative_cases():
    return [
        Case("f(x) = x³ at x = 2, eps = 0.01", lambda: (cube, 2.0, 1e-2)),
        Case("f(x) = sin(x) at x = 1, eps = 0.001", lambda: (sine, 1.0, 1e-3)),
        Case("f(z) = log(1 + e^z) at z = 0.3, eps = 0.01", lambda: (softplus, 0.3, 1e-2)),
        Case("f(x) = x³ at x = -1.5, default eps", lambda: (cube, -1.5)),
    ]


def central_accuracy_failures(cases, students):
    """Cases whose estimate is not within 2 eps² (1 + |f'|) of the exact f'(x).

    A central difference is that accurate on the probe functions; a one-sided
    one is off by about eps |f''| / 2, which is far more.
    """
    failures = []
    for case, student in zip(cases, students):
        args = case.build()
        f, x, eps = args[0], args[1], NUMERICAL_DERIVATIVE.default(args, "eps")
        exact = float(EXACT_DERIVATIVES[f](x))
        if not abs(float(student[0].ravel()[0]) - exact) <= 2 * eps**2 * (1 + abs(exact)) + 1e-9:
            failures.append(case)
    return failures


def _central_accuracy(entry, cases, students):
    failures = central_accuracy_failures(cases, students)
    if failures:
        return fail(entry.name, "not_central", f"is not as accurate as a central difference for {failures[0].label}.")
    return None


def _one_sided(args, sign):
    """(f(x + eps) − f(x)) / eps for sign +1, (f(x) − f(x − eps)) / eps for sign −1."""
    f, x, eps = args[0], args[1], NUMERICAL_DERIVATIVE.default(args, "eps")
    return (sign * (f(x + sign * eps) - f(x)) / eps,)


NUMERICAL_DERIVATIVE = GradedFunction(
    "numerical_derivative", outputs=("the estimate",), cases=_numerical_derivative_cases,
    mistakes=(
        Mistake("forward_difference", "is the forward difference (f(x + eps) − f(x)) / eps, whose error is O(eps); use the central difference (f(x + eps) − f(x − eps)) / (2 eps), whose error is O(eps²).",
                lambda args, ref: _one_sided(args, +1)),
        Mistake("backward_difference", "is the backward difference (f(x) − f(x − eps)) / eps; use the central difference (f(x + eps) − f(x − eps)) / (2 eps).",
                lambda args, ref: _one_sided(args, -1)),
        Mistake("missing_factor_2", "divides by eps instead of 2 eps: the two points x − eps and x + eps are 2 eps apart.",
                lambda args, ref: (2 * ref[0],)),
        Mistake("ignores_eps", "ignores its eps argument: it uses the same step whatever eps it is given; use the "
                "eps it is given (its default is the curriculum's).", lambda args, ref: (solutions.numerical_derivative(*args[:2]),)
                if len(args) > 2 and args[2] != NUMERICAL_DERIVATIVE.defaults["eps"] else None),
    ),
    checks=(_central_accuracy,),
)

FUNCTIONS = (DL_DA, DA_DZ, DL_DZ, DL_DZ_SQUARED_ERROR, NUMERICAL_DERIVATIVE)
