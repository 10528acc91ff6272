"""The descriptions of the graded functions, one module per topic as in `solutions`, in teaching order.

To add a graded function: its reference in `solutions` (and `solutions.GRADED`),
its entry in the topic module here (outputs, cases, mistakes, how it is judged),
its corpus entries in tests/judging/corpus/, and its notebook cells (notebooks/README.md has the recipe).
"""

from autograder.judging.functions import (chain_rule, loops, minibatches, model_and_loss, momentum, two_features,
                                          update_rule, vectorized)

#: Every graded function's description, by name, in teaching order.
FUNCTIONS = {entry.name: entry for module in (model_and_loss, chain_rule, two_features, update_rule, loops, vectorized,
                                              minibatches, momentum)
             for entry in module.FUNCTIONS}


def describe(name):
    """The description of the graded function `name` (a description.GradedFunction)."""
    if name not in FUNCTIONS:
        raise KeyError(f"{name!r} is not a graded function; graded functions are {', '.join(FUNCTIONS)}")
    return FUNCTIONS[name]
