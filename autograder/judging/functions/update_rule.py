"""update_parameters: the simultaneous step θ ← θ − α dθ."""

import numpy as np

from autograder.judging.cases import Case, rng
from autograder.judging.compare import RTOL, as_array
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
        Mistake("update_drops_parameters", "returns −α dθ: the new parameters are the old ones minus the step, "
                "θ ← θ − α dθ; the old θ is missing.", lambda args, ref: (-args[4] * args[2], -args[4] * args[3])),
    ),
    diagnoses=(lambda entry, cases, students, references: _fixed_step(cases, students),),
)


def _fixed_step(cases, students):
    """(mistake, message) when every case moved θ by the same multiple c of dθ, whatever the learning rate."""
    steps = []
    for case, (w_new, b_new) in zip(cases, students):
        w, b, dw, db, learning_rate = case.build()
        moved, gradient = np.append(w, b) - np.append(as_array(w_new), as_array(b_new)), np.append(dw, db)
        if moved.shape != gradient.shape:
            return None
        c = float(moved @ gradient / (gradient @ gradient))
        if not np.allclose(moved, c * gradient, rtol=RTOL):
            return None
        steps.append((c, learning_rate))
    constant = steps[0][0]
    if all(np.isclose(c, constant, rtol=RTOL) for c, _ in steps) and len({lr for _, lr in steps}) > 1:
        return "update_fixed_step", (f"moves the parameters by {constant:g} dθ whatever the learning rate: "
                                     "the step is θ ← θ − α dθ, with the learning_rate argument as α.")
    return None

FUNCTIONS = (UPDATE_PARAMETERS,)
