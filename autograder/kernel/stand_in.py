"""Stand-ins for the graded helpers a graded function calls, while that function is probed: one mistake costs once.

`gradient_descent` calls the student's `cost_and_gradients`, `train_minibatch` their `make_minibatches`,
`train_momentum` their `momentum_update`. Probed with a wrong helper, a right training loop would return wrong
numbers and lose its points for the helper's mistake. So while the loop is probed, its helper's name in the
student's namespace is bound to a stand-in that answers each call made at a point of the reference's own trajectory
with the reference's values there, and passes any other call to the student's own helper. A loop whose own logic is
right then meets the reference's values at every call and returns the reference's result, whatever its helper does;
a loop whose logic is wrong leaves the trajectory and goes on with the student's helper, as it always did.

What the kernel holds is a table per probe case (`seal`), made by the grader from the reference's calls: each entry
is found by a hash of its call's arguments and its values are encrypted with another hash of them. Without the
arguments of a call on the trajectory (which only the right logic computes) the table gives neither the points nor
the values: nothing in it is readable as an answer, and no reference code is in the kernel.

The arguments are quantized on a grid of QUANTUM before hashing, so that a loop whose arithmetic differs from the
reference's by rounding (w − α·dw against w + (−α)·dw) still finds its entries; each entry is sealed under two grids
offset by half a step, so that a value near one grid's boundary finds its entry by the other. A random generator
among the arguments is matched by its exact state, and after a hit it is left in the state the reference's call
left it in.

Standard library and NumPy only: this runs in the student's kernel.
"""

import hashlib
import inspect
import pickle

import numpy as np

#: The grid the arguments are quantized on, in their own units: far coarser than rounding, far finer than a mistake.
QUANTUM = 1e-8
_GRIDS = (0.0, 0.5)


def _token(value, offset):
    """Bytes that stand for one argument on one grid, or None for an argument that cannot be matched."""
    if isinstance(value, np.random.Generator):
        return b"rng" + repr(value.bit_generator.state).encode()
    try:
        with np.errstate(all="ignore"):  # nothing of the stand-in's may show as the student's warning
            array = np.asarray(value, dtype=np.float64)
            cells = np.floor(array / QUANTUM + offset)
    except Exception:  # not numbers (text, objects, an int past float's range): no entry can be it
        return None
    return repr(array.shape).encode() + cells.tobytes()


def keys(arguments):
    """The keys of a call, one per grid: {parameter: value} in, list of bytes out (empty if one cannot be matched)."""
    found = []
    for offset in _GRIDS:
        tokens = [_token(value, offset) for value in arguments.values()]
        if any(t is None for t in tokens):
            return []
        found.append(b"\0".join(name.encode() + b"=" + t for name, t in zip(arguments, tokens)))
    return found


def _index(key):
    return hashlib.sha256(b"index\0" + key).hexdigest()


def _keystream(key, length):
    blocks = (hashlib.sha256(b"value\0" + key + k.to_bytes(8, "big")).digest() for k in range(length // 32 + 1))
    return b"".join(blocks)[:length]


def _xor(data, key):
    return bytes(a ^ b for a, b in zip(data, _keystream(key, len(data))))


def seal(calls):
    """The table of one probe case from the reference's calls of a helper.

    Parameters
    ----------
    calls : list of (dict, object, dict)
        Each call's arguments by parameter name (as it was called), what it returned, and the state each random
        generator among its arguments was left in ({parameter: state}).

    Returns
    -------
    dict of str to bytes
    """
    table = {}
    for arguments, outputs, after in calls:
        value = pickle.dumps((outputs, after))
        for key in keys(arguments):
            table[_index(key)] = _xor(value, key)
    return table


def signature(parameters, defaults):
    """The helper's signature from its parameter names and numeric defaults, to bind a call as the reference would."""
    return inspect.Signature([inspect.Parameter(p, inspect.Parameter.POSITIONAL_OR_KEYWORD,
                                                default=defaults.get(p, inspect.Parameter.empty)) for p in parameters])


class StandIn:
    """A helper as a probed function sees it: the reference's values on the trajectory, the student's elsewhere.

    Parameters
    ----------
    helper : callable
        The student's own helper.
    bound_as : inspect.Signature
        The curriculum's signature of the helper.
    table : dict
        What `seal` made for this probe case.
    """

    def __init__(self, helper, bound_as, table):
        self.helper, self.bound_as, self.table = helper, bound_as, table
        self.hits = self.misses = 0

    def __call__(self, *args, **kwargs):
        try:
            bound = self.bound_as.bind(*args, **kwargs)
        except TypeError:
            bound = None
        if bound is not None:
            bound.apply_defaults()
            for key in keys(bound.arguments):
                sealed = self.table.get(_index(key))
                if sealed is not None:
                    outputs, after = pickle.loads(_xor(sealed, key))
                    for parameter, state in after.items():
                        bound.arguments[parameter].bit_generator.state = state
                    self.hits += 1
                    return outputs
        self.misses += 1
        return self.helper(*args, **kwargs)
