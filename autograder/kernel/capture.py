"""Capturing: call a student's function on its probe inputs and keep plain data.

This is the only code that touches student code. It turns whatever the
function returns into nested lists of Python floats (`tolist()` of a float64
array), so that the record can be written as JSON and judged in another
process, where no object of the student's can lie about its value. It knows
no graded function: what to call and what comes back is described by the
probe (see `autograder.judging.probe`), and it imports no reference answer.
"""

import contextlib
import inspect
import json
import numbers
import os
import pickle
import warnings

import numpy as np

from autograder.kernel import contract, stand_in


class Malformed(Exception):
    """The function returned something that is not the documented structure."""


def plain(value, what):
    """A number or array of numbers as nested lists of floats.

    Parameters
    ----------
    value : object
        What the student's function returned for one output.
    what : str
        Its name, for the message.

    Returns
    -------
    float or (nested) list of float
    """
    if value is None:
        raise Malformed(f"{what} is None: is a `return` missing?")
    try:
        array = np.asarray(value)
        if array.dtype.kind not in "biuf":  # bool, integers, floats; not text, objects or complex
            raise TypeError(f"its elements are of type {array.dtype}")
        return array.astype(np.float64).tolist()
    except (TypeError, ValueError) as error:
        raise Malformed(f"{what} is a {type(value).__name__}, not a number or an array of numbers ({error})") from None


def _batches(result):
    """A list of (X_batch, y_batch) pairs as [[X_batch, y_batch], ...] of plain values."""
    if result is None or isinstance(result, (str, bytes, np.ndarray)) or not hasattr(result, "__iter__"):
        raise Malformed(f"returned a {type(result).__name__}; expected a list of (X_batch, y_batch) pairs")
    batches = []
    for k, pair in enumerate(result):
        if not isinstance(pair, (tuple, list)) or len(pair) != 2:
            raise Malformed(f"batch {k} is a {type(pair).__name__}; expected a pair (X_batch, y_batch)")
        batches.append([plain(pair[0], f"X_batch of batch {k}"), plain(pair[1], f"y_batch of batch {k}")])
    return batches


def _plain_outputs(probe, result):
    """The outputs of one call as a list of plain values, one per documented output."""
    outputs = probe["outputs"]
    if probe["structure"] == "batches":
        return [_batches(result)]
    if len(outputs) == 1:
        return [plain(result, outputs[0])]
    if result is None:
        raise Malformed(f"returned None; expected {len(outputs)} values ({', '.join(outputs)}): is a `return` missing?")
    try:
        values = list(result)
    except TypeError:
        raise Malformed(f"returned one {type(result).__name__}; expected {len(outputs)} values ({', '.join(outputs)})") from None
    if len(values) != len(outputs):
        raise Malformed(f"returned {len(values)} values; expected {len(outputs)} ({', '.join(outputs)})")
    return [plain(v, what) for v, what in zip(values, outputs)]


def _call(fn, probe, k):
    """Call `fn` on probe case `k` and record outputs, errors, warnings, inputs after and the stand-ins' use."""
    args = pickle.loads(probe["cases"][k])  # a fresh copy each call: the student's function may change its arguments
    record = {}
    with warnings.catch_warnings(record=True) as caught, _standing_in(fn, probe, k) as stand_ins:
        warnings.simplefilter("always")
        try:
            record["outputs"] = _plain_outputs(probe, fn(*args))
        except NotImplementedError:
            record["error"] = "NotImplementedError"
            record["not_implemented"] = True
        except Malformed as problem:
            record["malformed"] = str(problem)
        except Exception as error:  # the student's bug, to be reported, not raised
            record["error"] = f"{type(error).__name__}: {error}".strip()
    record["warnings"] = sorted({f"{w.category.__name__}: {w.message}" for w in caught
                                 if issubclass(w.category, RuntimeWarning)})
    if stand_ins:
        record["stand_ins"] = {name: {"hits": s.hits, "misses": s.misses} for name, s in stand_ins.items()}
    # What the call left in its array arguments: the judge compares them with fresh copies.
    record["inputs_after"] = {arg: np.asarray(value, dtype=np.float64).tolist()
                              for arg, value in zip(probe["parameters"], args) if isinstance(value, np.ndarray)}
    return record


@contextlib.contextmanager
def _standing_in(fn, probe, k):
    """While `fn` is called on case `k`: its graded helpers, by name in its module's namespace, bound to stand-ins
    (autograder.kernel.stand_in) over the student's own; {name: StandIn} for those the namespace has."""
    namespace = getattr(fn, "__globals__", None)
    helpers = probe.get("stand_ins", {})
    installed = {}
    if isinstance(namespace, dict):
        for name, helper in helpers.items():
            if callable(namespace.get(name)):
                installed[name] = namespace[name] = stand_in.StandIn(
                    namespace[name], stand_in.signature(helper["parameters"], helper["defaults"]), helper["tables"][k])
    try:
        yield installed
    finally:
        for name, standing in installed.items():
            if namespace.get(name) is standing:  # the student's function may have rebound it: leave theirs
                namespace[name] = standing.helper


def _defaults(fn):
    """The student's numeric default arguments, by name (e.g. eps, beta, threshold)."""
    try:
        parameters = inspect.signature(fn).parameters.values()
    except (TypeError, ValueError):
        return {}
    return {p.name: float(p.default) for p in parameters
            if isinstance(p.default, (int, float)) and not isinstance(p.default, bool)}


def capture(fn, probe):
    """Run a student's implementation of a graded function on every probe case.

    Parameters
    ----------
    fn : callable
        The student's implementation.
    probe : dict
        {"function", "parameters", "outputs", "structure", "cases", "stand_ins"}: what
        `autograder.judging.probe(name)` made, the cases as pickled argument tuples, and for each graded helper
        the function calls, {"parameters", "defaults", "tables"} (one table per case; see stand_in).

    Returns
    -------
    dict
        JSON-serialisable: {"function": name, "defaults": {...}, "cases": [...]},
        one entry per case, each with "outputs" (plain lists) or "error" /
        "malformed" (a message), plus "warnings", "inputs_after" and, where a helper stood in,
        "stand_ins" ({helper: {"hits", "misses"}}: calls answered on the reference's trajectory, and not).
    """
    return {"function": probe["function"], "defaults": _defaults(fn),
            "cases": [_call(fn, probe, k) for k in range(len(probe["cases"]))]}


def capture_answer(answer):
    """A student's answer to a concept question as plain JSON data.

    Parameters
    ----------
    answer : object
        What the student assigned to the answer variable.

    Returns
    -------
    str, float, sorted list of str, dict of str to str or float, or None
    """
    if answer is None or isinstance(answer, str):
        return answer
    if isinstance(answer, bool):
        return str(answer)
    if isinstance(answer, numbers.Real):
        return float(answer)
    if isinstance(answer, dict):
        return {str(k): float(v) if isinstance(v, numbers.Real) and not isinstance(v, bool) else str(v)
                for k, v in answer.items()}
    if isinstance(answer, (set, frozenset, list, tuple)):
        return sorted(str(v) for v in answer)
    return repr(answer)


def keep(kind, name, record):
    """Write a record where the grader collects it (contract.RECORDS_ENV), when grading; return it."""
    folder = os.environ.get(contract.RECORDS_ENV)
    if folder:
        contract.record_file(folder, kind, name).write_text(json.dumps(record), encoding="utf-8")
    return record


def load_probe(name):
    """The probe of a graded function, as the grader left it in the sandbox (contract.PROBES_ENV)."""
    with open(contract.probe_file(os.environ.get(contract.PROBES_ENV, contract.PROBES), name), "rb") as f:
        return pickle.load(f)


def submit(name, fn):
    """What a hidden test does in the sandbox: capture the function and leave the record for the grader."""
    keep(contract.FUNCTION, name, capture(fn, load_probe(name)))


def submit_answer(question, answer):
    """The same for the answer to a concept question."""
    keep(contract.CONCEPT, question, capture_answer(answer))
