"""The description of a graded function: everything the autograder knows of it, in one entry.

Each topic module of `autograder.judging.functions` (one per module of
`solutions`) holds the entries of its functions: outputs, probe cases, known
mistakes, and how the function is judged. The parameters and the numeric
defaults are the reference's own (`solutions` is the master), so they are
never written twice.
"""

import inspect
from dataclasses import dataclass
from typing import Callable

import solutions


@dataclass(frozen=True)
class GradedFunction:
    """One graded function of the curriculum.

    Attributes
    ----------
    name : str
        Its name in the curriculum and in `solutions`.
    outputs : tuple of str
        What it returns, in order, as messages name them ("dw", "db").
    cases : callable
        () -> list of cases.Case: the probe inputs, in a fixed order.
    mistakes : tuple of mistakes.Mistake
        Its own known mistakes, tried before the generic ones.
    central_difference : callable, optional
        (*args) -> estimates of the outputs by central differences of the loss
        (for derivatives); the smooth cases are checked against them.
    checks : tuple of callable
        Further checks, (entry, cases, students) -> Verdict or None, run after
        the comparison with the reference.
    properties : callable, optional
        (entry, record) -> Verdict: a stochastic function is judged by this
        alone, on properties, instead of against the reference's outputs.
    diagnoses : tuple of callable
        Mistakes recognised by a fitted parameter rather than by one output:
        (entry, cases, students, references) -> (mistake id, message) or None,
        tried after the known mistakes.
    elementwise : bool
        Whether it maps each element of its array arguments to one value (so
        dividing by the number of elements is a known mistake).
    warning_hint : str
        What to do about a RuntimeWarning ('' for the generic advice).
    structure : str
        "values" (numbers or arrays, one per output) or "batches" (a list of
        (X_batch, y_batch) pairs).
    helpers : tuple of (str, str)
        The graded functions it calls, each with the name the reference's code calls it by: while it is probed,
        each stands in on the reference's trajectory (autograder.kernel.stand_in), so that it is judged on its
        own logic and a helper's mistake costs only the helper's tests.
    """

    name: str
    outputs: tuple
    cases: Callable
    mistakes: tuple = ()
    central_difference: Callable | None = None
    checks: tuple = ()
    properties: Callable | None = None
    diagnoses: tuple = ()
    elementwise: bool = False
    warning_hint: str = ""
    structure: str = "values"
    helpers: tuple = ()

    @property
    def reference(self):
        """The reference implementation in `solutions`."""
        return getattr(solutions, self.name)

    @property
    def parameters(self):
        """The positional parameters, as the reference (and the curriculum) names them."""
        return tuple(inspect.signature(self.reference).parameters)

    @property
    def defaults(self):
        """The numeric default arguments of the curriculum's signature, by name."""
        return {p.name: p.default for p in inspect.signature(self.reference).parameters.values()
                if isinstance(p.default, (int, float)) and not isinstance(p.default, bool)}

    @property
    def averages_over_examples(self):
        """Whether it averages over the m rows of a first argument X (so a factor of m is a known mistake)."""
        return self.parameters[0] == "X"

    def default(self, args, parameter):
        """The value of `parameter` in a call with positional `args`: given, or the default."""
        position = self.parameters.index(parameter)
        return args[position] if len(args) > position else self.defaults[parameter]
