"""update_parameters: the simultaneous step θ ← θ − α dθ."""

from autograder.judging.cases import Case, rng
from autograder.judging.description import GradedFunction
from autograder.judging.mistakes import Mistake


def _cases():
    def draw(n, seed, learning_rate):
        r = rng(seed)
        return r.normal(size=n), float(r.normal()), r.normal(size=n), float(r.normal()), learning_rate

    return [
        Case("n = 3, learning_rate = 0.1", lambda: draw(3, 7, 0.1)),
        Case("n = 1, learning_rate = 0.5", lambda: draw(1, 8, 0.5)),
        Case("n = 4, learning_rate = 2.0", lambda: draw(4, 9, 2.0)),
    ]


UPDATE_PARAMETERS = GradedFunction(
    "update_parameters", outputs=("w", "b"), cases=_cases,
    mistakes=(
        Mistake("gradient_ascent", "moves uphill: gradient descent subtracts the gradient, θ ← θ − α dθ.",
                lambda args, ref: (args[0] + args[4] * args[2], args[1] + args[4] * args[3])),
        Mistake("no_learning_rate", "ignores the learning rate: θ ← θ − α dθ.",
                lambda args, ref: (args[0] - args[2], args[1] - args[3])),
        Mistake("learning_rate_divides", "divides by the learning rate: θ ← θ − α dθ multiplies by it.",
                lambda args, ref: (args[0] - args[2] / args[4], args[1] - args[3] / args[4])),
        Mistake("b_not_updated", "returns b unchanged: update both parameters, b ← b − α db.",
                lambda args, ref: (ref[0], args[1])),
        Mistake("returned_gradients", "returns the step α dθ, not the new parameters θ − α dθ.",
                lambda args, ref: (args[4] * args[2], args[4] * args[3])),
    ),
)

FUNCTIONS = (UPDATE_PARAMETERS,)
