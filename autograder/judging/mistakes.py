"""Known mistakes, each recognised by what it would have returned.

A mistake is a transformation of the reference: the sign flipped, a factor of m,
y and 1 − y swapped, a forward difference, the costs taken after the update... .
`produce(args, ref)` computes what a student who made it gets on the same
inputs; when a student's output equals that on every case, the message names
the mistake. `produce` returns None where the mistake cannot be told apart on
these inputs (say, a factor of m when m = 1 everywhere).

Each function's own mistakes are in its description (autograder.judging.functions);
here are the generic ones and the pieces they are built from. Messages speak of
formulas that the course teaches, never of the hidden values.
"""

from dataclasses import dataclass
from typing import Callable

import numpy as np


@dataclass(frozen=True)
class Mistake:
    """A known wrong answer.

    Attributes
    ----------
    id : str
        A short name, used in reports ("opposite_sign").
    message : str
        What the student reads; "{output}" stands for the output concerned.
    produce : callable
        (args, ref) -> tuple of outputs the mistake gives, or None when it
        does not apply; `ref` is the tuple of reference outputs.
    """

    id: str
    message: str
    produce: Callable


def m_of(args):
    """m, for functions whose first argument is X of shape (m, n)."""
    return np.shape(args[0])[0]


def each(transform):
    """A produce function applying `transform` to every output."""
    return lambda args, ref: tuple(transform(np.asarray(r, dtype=float)) for r in ref)


def _by_m(scale):
    """Every output times scale(m), for functions of X; None when m = 1 on that case."""
    def produce(args, ref):
        if m_of(args) == 1:
            return None
        return tuple(np.asarray(r, dtype=float) * scale(m_of(args)) for r in ref)
    return produce


def without_bias(function, position):
    """A produce function: what `function` gives with its b (the argument at `position`) left out of z, that is
    as if b were 0; None where b is 0 (nothing to tell apart)."""
    def produce(args, ref):
        if not np.any(np.asarray(args[position], dtype=float)):
            return None
        args = list(args)
        args[position] = 0.0
        return as_tuple(function(*args))
    return produce


#: The message of a function of X, w and b that leaves b out of z.
WITHOUT_BIAS = "leaves b out of z: z = X @ w + b, for every example, wherever z is computed."


def as_tuple(value):
    """A function's result as a tuple of outputs."""
    return value if isinstance(value, tuple) else (value,)


def with_y(fn, transform_y):
    """Outputs of fn(a, y) with y replaced, for functions (a, y)."""
    return lambda args, ref: as_tuple(fn(args[0], transform_y(np.asarray(args[1], dtype=float))))


def formula(fn):
    """A produce function computing a mistaken formula of the arguments."""
    return lambda args, ref: as_tuple(fn(*args))


def squared_error(a, y):
    """(a − y)², the loss some students use instead of the log loss."""
    return (np.asarray(a) - y) ** 2


def cost_variants(X, y, w, b):
    """The costs of three real mistakes with the same (X, y, w, b): {mistake id: J}.

    - "cost_second_term_sign": the minus sign taken for the first term only;
    - "cost_ignores_labels": −log a for every example, as if every y were 1;
    - "cost_outer_product": y and log a multiplied as a column and a row, (m, 1) and (1, m),
      so that the sum runs over an (m, m) matrix.
    """
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    z = X @ w + b
    log_a, log_1_minus_a = -np.logaddexp(0, -z), -np.logaddexp(0, z)
    m = len(y)
    return {"cost_second_term_sign": float(np.mean(-y * log_a + (1 - y) * log_1_minus_a)),
            "cost_ignores_labels": float(np.mean(-log_a)),
            "cost_outer_product": float(-(np.sum(y) * np.sum(log_a) + np.sum(1 - y) * np.sum(log_1_minus_a)) / m)}


#: What the student reads for each of cost_variants' mistakes.
COST_VARIANT_MESSAGES = {
    "cost_second_term_sign": "has the wrong sign on the second term of the loss: the minus sign covers both terms, "
                             "J = −(1/m) Σ (y log a + (1 − y) log(1 − a)).",
    "cost_ignores_labels": "ignores the labels: it adds −log a for every example, as if every y were 1; the loss of "
                           "an example with y = 0 is −log(1 − a).",
    "cost_outer_product": "sums an (m, m) matrix: y and log a are multiplied as a column times a row (np.dot of an "
                          "(m, 1) and a (1, m) array, or y * np.log(a).T). Multiply elementwise, y * np.log(a), "
                          "with both of shape (m,), then take the mean.",
}


def cost_mistakes(with_gradients):
    """cost_variants as Mistakes of a function returning the cost (first), with its gradients right when asked."""
    def produce(variant):
        def made(args, ref):
            if variant == "cost_outer_product" and m_of(args) == 1:
                return None  # an outer product of one example is that example
            return (cost_variants(*args[:4])[variant], *(ref[1:] if with_gradients else ()))
        return made
    return tuple(Mistake(variant, message, produce(variant)) for variant, message in COST_VARIANT_MESSAGES.items())


#: Mistakes any function can make; tried after the function's own.
GENERIC = (
    Mistake("opposite_sign", "{output} has the opposite sign: check the order of the subtraction and the minus signs.",
            each(lambda r: -r)),
    Mistake("factor_2", "{output} is twice what it should be.", each(lambda r: 2 * r)),
    Mistake("factor_half", "{output} is half what it should be.", each(lambda r: r / 2)),
)


#: Mistakes of elementwise functions (a loss, a derivative); tried before GENERIC.
ELEMENTWISE = (
    Mistake("divided_by_size", "{output} is divided by the number of elements: it is elementwise, one value per "
                               "example; the 1/m belongs to the cost J and its gradient, not to L and its derivatives.",
            lambda args, ref: tuple(np.asarray(r) / np.size(r) for r in ref) if all(np.size(r) > 1 for r in ref) else None),
)

#: Mistakes of functions that average over the m rows of X; tried before GENERIC.
AVERAGING = (
    Mistake("missing_1_over_m", "{output} is m times too large: average over the m examples (divide the sum by m).",
            _by_m(lambda m: m)),
    Mistake("extra_1_over_m", "{output} is m times too small: it is divided by m once too often.",
            _by_m(lambda m: 1 / m)),
)


def known_mistakes(entry):
    """The mistakes to try for a graded function (a description.GradedFunction): its own first, then the generic ones."""
    return (entry.mistakes + (AVERAGING if entry.averages_over_examples else ())
            + (ELEMENTWISE if entry.elementwise else ()) + GENERIC)
