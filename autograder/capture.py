"""Capturing: call a student's function on the probe cases and keep plain data.

This is the only part of the autograder that touches student code. It turns
whatever the function returns into nested lists of Python floats (`tolist()` of
a float64 array), so that the record can be written as JSON and judged in
another process, where no object of the student's can lie about its value. It
imports no reference answer.
"""

import inspect
import json
import numbers
import os
import warnings
from pathlib import Path

import numpy as np

from autograder import probes


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


def _plain_outputs(name, result):
    """The outputs of one call as a list of plain values, one per documented output."""
    outputs = probes.OUTPUTS[name]
    if name == "make_minibatches":
        if result is None or isinstance(result, (str, bytes, np.ndarray)) or not hasattr(result, "__iter__"):
            raise Malformed(f"returned a {type(result).__name__}; expected a list of (X_batch, y_batch) pairs")
        batches = []
        for k, pair in enumerate(result):
            if not isinstance(pair, (tuple, list)) or len(pair) != 2:
                raise Malformed(f"batch {k} is a {type(pair).__name__}; expected a pair (X_batch, y_batch)")
            batches.append([plain(pair[0], f"X_batch of batch {k}"), plain(pair[1], f"y_batch of batch {k}")])
        return [batches]
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


def _call(name, fn, case):
    """Call `fn` on one case and record outputs, errors, warnings and inputs after."""
    args = case.build()
    record = {}
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            record["outputs"] = _plain_outputs(name, fn(*args))
        except NotImplementedError:
            record["error"] = "NotImplementedError"
            record["not_implemented"] = True
        except Malformed as problem:
            record["malformed"] = str(problem)
        except Exception as error:  # the student's bug, to be reported, not raised
            record["error"] = f"{type(error).__name__}: {error}".strip()
    record["warnings"] = sorted({f"{w.category.__name__}: {w.message}" for w in caught
                                 if issubclass(w.category, RuntimeWarning)})
    # What the call left in its array arguments: the judge compares them with fresh copies.
    record["inputs_after"] = {arg: np.asarray(value, dtype=np.float64).tolist()
                              for arg, value in zip(probes.SIGNATURES[name], args) if isinstance(value, np.ndarray)}
    return record


def _defaults(fn):
    """The student's numeric default arguments, by name (e.g. eps, beta, threshold)."""
    try:
        parameters = inspect.signature(fn).parameters.values()
    except (TypeError, ValueError):
        return {}
    return {p.name: float(p.default) for p in parameters
            if isinstance(p.default, (int, float)) and not isinstance(p.default, bool)}


def capture(name, fn):
    """Run a student's implementation of a graded function on every probe case.

    Parameters
    ----------
    name : str
        The graded function, e.g. "dL_dz".
    fn : callable
        The student's implementation.

    Returns
    -------
    dict
        JSON-serialisable: {"function": name, "defaults": {...}, "cases": [...]},
        one entry per case of `probes.cases(name)`, each with "outputs" (plain
        lists) or "error" / "malformed" (a message), plus "warnings" and
        "inputs_after".
    """
    return {
        "function": name,
        "defaults": _defaults(fn),
        "cases": [_call(name, fn, case) for case in probes.cases(name)],
    }


def capture_answer(answer):
    """A student's answer to a concept question as plain JSON data.

    Parameters
    ----------
    answer : object
        What the student assigned to the answer variable.

    Returns
    -------
    str, float, sorted list of str, dict of str to str, or None
    """
    if answer is None or isinstance(answer, str):
        return answer
    if isinstance(answer, bool):
        return str(answer)
    if isinstance(answer, numbers.Real):
        return float(answer)
    if isinstance(answer, dict):
        return {str(k): str(v) for k, v in answer.items()}
    if isinstance(answer, (set, frozenset, list, tuple)):
        return sorted(str(v) for v in answer)
    return repr(answer)


def _keep(kind, name, record):
    """Write a record where the grader collects them (LOGREG_RECORDS), when grading."""
    folder = os.environ.get("LOGREG_RECORDS")
    if folder:
        Path(folder, f"{kind}-{name}.json").write_text(json.dumps(record), encoding="utf-8")
    return record


def _judge_here(kind, name, record):
    """Where the judges are importable (the instructor's own runs), judge now; in the sandbox they are not."""
    try:
        from autograder.concepts import judge_concept
        from autograder.judges import judge
    except ImportError:
        return  # graded outside the kernel, from the record
    verdict = judge(name, record) if kind == "function" else judge_concept(name, record)
    if not verdict.passed:
        raise AssertionError(f"{verdict.message}\n[mistake: {verdict.mistake}]")


def submit(name, fn):
    """What a hidden test does with a graded function: capture it, and judge it where that can be done.

    During grading the kernel runs in a sandbox without the judges: the record
    (plain numbers) is left for the grader, whose verdict is the one that counts.
    """
    _judge_here("function", name, _keep("function", name, capture(name, fn)))


def submit_answer(question, answer):
    """The same for the answer to a concept question."""
    _judge_here("concept", question, _keep("concept", question, capture_answer(answer)))
