"""compute_cost and gradients_loop: J and its gradient over m examples, with loops."""

import numpy as np

import solutions
from autograder.judging.cases import data_cases
from autograder.judging.derivatives import data_gradient
from autograder.judging.description import GradedFunction
from autograder.judging.mistakes import WITHOUT_BIAS, Mistake, cost_mistakes, formula, m_of, squared_error, without_bias
from solutions import log_loss, sigmoid


def _last_example_gradients(args):
    X, y, w, b = args
    dz = sigmoid(X[-1] @ w + b) - y[-1]
    return dz * X[-1] / len(y), dz / len(y)


def _not_square(args):
    return np.shape(args[0])[0] != np.shape(args[0])[1]


COMPUTE_COST = GradedFunction(
    "compute_cost", outputs=("the cost",), cases=lambda: data_cases(10),
    mistakes=(
        Mistake("cost_y_swapped", "has y and 1 − y swapped: y goes with log a, 1 − y with log(1 − a).",
                lambda args, ref: (solutions.compute_cost(args[0], 1 - args[1], args[2], args[3]),)),
        Mistake("cost_squared_error", "is the mean squared error, not the mean log loss.",
                lambda args, ref: (np.mean(squared_error(sigmoid(args[0] @ args[2] + args[3]), args[1])),)),
        Mistake("cost_last_example", "counts only the last example: add each example's loss to the total inside the loop (+=), then divide by m.",
                lambda args, ref: (float(log_loss(sigmoid(args[0][-1] @ args[2] + args[3]), args[1][-1])) / m_of(args),)
                if m_of(args) > 1 else None),
        Mistake("cost_divides_by_n", "divides by n, the number of features: the cost averages over the m examples.",
                lambda args, ref: (ref[0] * m_of(args) / np.shape(args[0])[1],) if _not_square(args) else None),
        Mistake("ignores_bias", WITHOUT_BIAS, without_bias(solutions.compute_cost, 3)),
        *cost_mistakes(with_gradients=False),
    ),
)

GRADIENTS_LOOP = GradedFunction(
    "gradients_loop", outputs=("dw", "db"), cases=lambda: data_cases(10),
    mistakes=(
        Mistake("grad_last_example", "keeps only the last example's gradient: accumulate with += over all examples, then divide by m.",
                lambda args, ref: _last_example_gradients(args) if m_of(args) > 1 else None),
        Mistake("grad_used_z", "uses z where a = σ(z) belongs: dL/dz = a − y.",
                formula(lambda X, y, w, b: (X.T @ (X @ w + b - y) / len(y), np.mean(X @ w + b - y)))),
        Mistake("grad_divides_by_n", "divides by n, the number of features: the gradient averages over the m examples.",
                lambda args, ref: (ref[0] * m_of(args) / args[0].shape[1], ref[1] * m_of(args) / args[0].shape[1])
                if _not_square(args) else None),
        Mistake("ignores_bias", WITHOUT_BIAS, without_bias(solutions.gradients_loop, 3)),
    ),
    central_difference=data_gradient,
)

FUNCTIONS = (COMPUTE_COST, GRADIENTS_LOOP)
