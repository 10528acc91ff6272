"""example_gradients: dw1 = (a − y)·x1, dw2 = (a − y)·x2, db = a − y for one example."""

import numpy as np

import solutions
from autograder.judging.cases import Case, rng
from autograder.judging.compare import DIFF_STEP
from autograder.judging.description import GradedFunction
from autograder.judging.mistakes import Mistake
from solutions.gradient_check import numerical_gradient


def _cases():
    def draw(seed, y):
        x1, x2, w1, w2, b = rng(seed).normal(size=5)
        return float(x1), float(x2), y, float(w1), float(w2), float(b)

    return [
        Case("x1 = 1, x2 = 2, y = 1, w1 = 0.5, w2 = -0.3, b = 0.1", lambda: (1.0, 2.0, 1.0, 0.5, -0.3, 0.1)),
        Case("x1 = -1.5, x2 = 0.5, y = 0, w1 = 0.2, w2 = 0.8, b = -0.4", lambda: (-1.5, 0.5, 0.0, 0.2, 0.8, -0.4)),
        Case("random inputs with y = 0", lambda: draw(5, 0.0)),
        Case("random inputs with y = 1", lambda: draw(6, 1.0)),
    ]


def _central_difference(x1, x2, y, w1, w2, b):
    """(dL/dw1, dL/dw2, dL/db) of the example's loss by central differences."""
    loss = lambda t: float(solutions.log_loss(solutions.sigmoid(t[0] * x1 + t[1] * x2 + t[2]), y))
    return tuple(numerical_gradient(loss, np.array([w1, w2, b]), DIFF_STEP))


def _a(args):
    x1, x2, y, w1, w2, b = args
    return solutions.sigmoid(w1 * x1 + w2 * x2 + b)


def _from_dz(args, dz):
    """The gradients the chain rule gives from a (possibly wrong) dL/dz."""
    return dz * args[0], dz * args[1], dz


EXAMPLE_GRADIENTS = GradedFunction(
    "example_gradients", outputs=("dw1", "dw2", "db"), cases=_cases,
    mistakes=(
        Mistake("example_y_minus_a", "uses y − a: dL/dz = a − y, so dw1 = (a − y) x1, dw2 = (a − y) x2, db = a − y.",
                lambda args, ref: tuple(-r for r in ref)),
        Mistake("example_used_z", "uses z where a = σ(z) belongs: compute a = sigmoid(z) first, then dL/dz = a − y.",
                lambda args, ref: _from_dz(args, args[3] * args[0] + args[4] * args[1] + args[5] - args[2])),
        Mistake("example_used_dLda", "uses dL/da where dL/dz = a − y belongs: the chain goes through z, dL/dw1 = dL/dz · x1.",
                lambda args, ref: _from_dz(args, solutions.dL_da(_a(args), args[2]))),
        Mistake("example_db_times_x", "multiplies db by a feature: dz/db = 1, so db = a − y.",
                lambda args, ref: (ref[0], ref[1], ref[2] * args[0])),
        Mistake("example_squared_error_gradient", "is the gradient of the squared error ½(a − y)², with its extra factor "
                "a(1 − a): for the log loss that factor cancels, dL/dz = a − y, so dw1 = (a − y) x1 and db = a − y.",
                lambda args, ref: _from_dz(args, (_a(args) - args[2]) * _a(args) * (1 - _a(args)))),
        *(Mistake("example_dw_without_x", "leaves the feature out of a weight's gradient: dz/dw1 = x1, so dw1 = "
                  "(a − y) x1, and dw2 = (a − y) x2.", without)
          for without in (lambda args, ref: (ref[2], ref[1], ref[2]), lambda args, ref: (ref[0], ref[2], ref[2]),
                          lambda args, ref: (ref[2], ref[2], ref[2]))),
        Mistake("example_swapped_features", "swaps x1 and x2: dw1 = (a − y) x1 goes with x1, dw2 = (a − y) x2 with x2.",
                lambda args, ref: (ref[1], ref[0], ref[2])),
    ),
    central_difference=_central_difference,
)

FUNCTIONS = (EXAMPLE_GRADIENTS,)
