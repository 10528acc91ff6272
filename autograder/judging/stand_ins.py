"""The tables behind the stand-ins of a graded function's helpers (autograder.kernel.stand_in), from the reference.

For each probe case, the reference is run on a copy of itself whose helper records every call: its arguments as the
curriculum's signature binds them, what it returned, and the state it left each random generator in. Those calls
are the trajectory a right implementation follows; `stand_in.seal` turns them into the table the kernel gets.
"""

import copy
import types

import numpy as np

from autograder.judging.functions import describe
from autograder.kernel import stand_in


def _recorder(original, bound_as, calls):
    """`original`, recording each call into `calls` as (arguments, outputs, generator states after), its arguments
    bound as the stand-in binds a student's (`bound_as`, stand_in.signature); positional ones past the signature's
    (the reference's own workspace) are not the helper's."""
    def record(*args, **kwargs):
        bound = bound_as.bind(*args[:len(bound_as.parameters)], **kwargs)
        bound.apply_defaults()
        arguments = copy.deepcopy(dict(bound.arguments))  # a generator's state before the call
        outputs = original(*args, **kwargs)
        after = {p: v.bit_generator.state for p, v in bound.arguments.items() if isinstance(v, np.random.Generator)}
        calls.append((arguments, copy.deepcopy(outputs), after))
        return outputs
    return record


def reference_calls(entry, helper, called_as, args):
    """The calls the reference of `entry` makes to `helper` (by the name `called_as` in its code) on `args`."""
    reference, spec = entry.reference, describe(helper)
    calls = []
    recorder = _recorder(reference.__globals__[called_as], stand_in.signature(spec.parameters, spec.defaults), calls)
    # a copy of the reference with its own namespace: the module's functions are never rebound
    run = types.FunctionType(reference.__code__, {**reference.__globals__, called_as: recorder}, reference.__name__,
                             reference.__defaults__, reference.__closure__)
    run(*args)
    return calls


def stand_ins(entry, cases):
    """What the kernel needs to stand in for each graded helper of `entry` while it is probed.

    Parameters
    ----------
    entry : description.GradedFunction
    cases : list of tuple
        The arguments of its probe cases, as built (the probe pickles them too).

    Returns
    -------
    dict of str to dict
        {helper: {"parameters", "defaults", "tables"}}, one sealed table per probe case, in the cases' order.
    """
    return {helper: {"parameters": list(describe(helper).parameters), "defaults": describe(helper).defaults,
                     "tables": [stand_in.seal(reference_calls(entry, helper, called_as, args)) for args in cases]}
            for helper, called_as in entry.helpers}
