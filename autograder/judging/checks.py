"""The checks every graded function goes through, in order, each a pure function of the record.

1. every call returned (no exception, the documented number of values);
2. the numeric default arguments are the curriculum's;
3. the values equal the reference (compare.RTOL / ATOL); when they do not,
   the known mistakes name the mistake, or the message says which output is
   wrong where, and how (shape, NaN, a constant factor);
4. no RuntimeWarning (overflow, division by zero) and no input changed in place;
5. the function's own checks: derivatives agree with central differences of
   the loss, and whatever else its description lists.

Each takes the function's description (description.GradedFunction). Messages
never contain a hidden expected value.
"""

import numpy as np

from autograder.judging.compare import ATOL, DIFF_ATOL, DIFF_RTOL, RTOL, all_close, as_array, close, fits_shape, shape_text
from autograder.judging.mistakes import known_mistakes
from autograder.judging.verdict import UNNAMED, fail


def reference_outputs(entry, args):
    """The reference outputs of one call, as a tuple of float arrays."""
    result = entry.reference(*args)
    return tuple(as_array(r) for r in (result if len(entry.outputs) > 1 else (result,)))


def student_outputs(outcome):
    """The captured outputs of one call, as a tuple of float arrays."""
    return tuple(as_array(v) for v in outcome["outputs"])


# --- 1. calls -------------------------------------------------------------------------------------

#: Errors that name a class of mistake: (mistake id, words of the error, what to do).
ERROR_CLASSES = (
    ("not_elementwise", ("truth value of an array", "only length-1 arrays", "only 0-dimensional arrays",
                         "only size-1 arrays", "can only convert an array of size 1"),
     " The code works on single numbers only: use NumPy's elementwise operations (np.exp, np.log, np.where, "
     "arithmetic on whole arrays) instead of math functions and `if` on a value, so that it takes arrays too."),
    ("shape_mismatch", ("could not be broadcast", "not aligned", "matmul", "non-broadcastable", "mismatch in its core dimension"),
     " Two arrays do not fit together: check the shapes (X is (m, n), w is (n,), y and z = X @ w + b are (m,)), "
     "and use @ or np.dot for a matrix product, * for an elementwise one."),
)


def _error_class(error):
    """(mistake id, hint) of an error a student's call raised."""
    for mistake, words, hint in ERROR_CLASSES:
        if any(word in error for word in words):
            return mistake, hint
    return "exception", ""


def _examples_times_x(entry, case, error):
    """The hint for X times a vector of the m examples (X @ (a − y)), when that is the product that did not fit."""
    if entry.parameters[:1] != ("X",):
        return ""
    m, n = np.shape(case.build()[0])
    if m == n or not (f"size {m} is different from {n}" in error or f"({m},{n}) and ({m}," in error):
        return ""
    return (f" X is (m, n) = ({m}, {n}): a vector of the n features goes on its right, z = X @ w + b, and a vector "
            f"of the m examples, such as a − y, on its left, Xᵀ(a − y) = X.T @ (a - y), which sums over the examples. "
            "Check which of the two products has its vector on the wrong side.")


def calls(entry, record, cases):
    """A failing verdict for the first call that raised or returned the wrong structure."""
    for case, outcome in zip(cases, record["cases"]):
        if outcome.get("not_implemented"):
            return fail(entry.name, "not_implemented", "not implemented yet: replace `raise NotImplementedError()` with your code.")
        if "error" in outcome:
            mistake, hint = _error_class(outcome["error"])
            if mistake == "shape_mismatch":
                hint = _examples_times_x(entry, case, outcome["error"]) or hint
            return fail(entry.name, mistake, f"raised {outcome['error']} when called with {case.label}.{hint}")
        if "malformed" in outcome:
            if "of type object" in outcome["malformed"]:
                return fail(entry.name, "object_array", f"{outcome['malformed']} (called with {case.label}). An array "
                            "of Python objects (np.frompyfunc, np.vectorize without otypes, a list of arrays) is not "
                            "an array of numbers: compute with NumPy's own operations on float arrays.")
            return fail(entry.name, "malformed", f"{outcome['malformed']} (called with {case.label}).")
    return None


def defaults(entry, record):
    """A failing verdict when a numeric default argument is not the curriculum's."""
    for parameter, expected in entry.defaults.items():
        got = record.get("defaults", {}).get(parameter)
        if got is not None and got != expected:
            return fail(entry.name, "wrong_default",
                        f"the default {parameter} is {got:g}; the curriculum's signature has {parameter}={expected:g}.")
    return None


# --- 3. values ------------------------------------------------------------------------------------

def _explains(mistake, output, cases, students, references):
    """Whether `mistake` gives the student's `output` on every case where it applies."""
    applied = 0
    for case, student, reference in zip(cases, students, references):
        try:
            with np.errstate(all="ignore"):
                produced = mistake.produce(case.build(), reference)
        except Exception:  # a mistake that cannot be made on these inputs explains nothing
            return False
        if produced is None or not np.all(np.isfinite(as_array(produced[output]))):
            continue  # the mistake is not defined here (or overflows where a student's version may not)
        if not close(student[output], produced[output]):
            return False
        applied += 1
    return applied > 0


def _pair_explaining(entry, wrong, cases, students, references):
    """Two known mistakes of the function's own table that, made together, give every wrong output, or None.

    The second is applied to what the first gives (its `ref`): a fit of the combination, not of one answer.
    """
    own = entry.mistakes
    for first in own:
        try:
            with np.errstate(all="ignore"):
                made = [first.produce(case.build(), reference) for case, reference in zip(cases, references)]
        except Exception:
            continue
        if any(m is None for m in made):
            continue
        made = [tuple(as_array(v) for v in m) for m in made]
        for then in own:
            if then.id == first.id:
                continue
            # the two together give every output, the right ones too; the second alone does not
            if all(_explains(then, j, cases, students, made) for j in range(len(entry.outputs))) and not any(
                    _explains(then, j, cases, students, references) for j in wrong):
                return first, then
    return None


def _constant_factor(output, students, references):
    """c if the student's output is c times the reference on every case, else None."""
    got = np.concatenate([as_array(s[output]).ravel() for s in students])
    want = np.concatenate([r[output].ravel() for r in references])
    if got.shape != want.shape or not np.any(want) or not np.all(np.isfinite(got)):
        return None
    c = float(got @ want / (want @ want))
    return c if c != 0 and np.allclose(got, c * want, rtol=RTOL, atol=ATOL) else None


def _describe_wrong(entry, output, cases, students, references):
    """(mistake id, message) for a wrong output that no known mistake explains."""
    label = entry.outputs[output]
    wrong = [c for c, s, r in zip(cases, students, references) if not close(s[output], r[output])]
    for case, student, reference in zip(cases, students, references):
        got, want = student[output], reference[output]
        if got.size == 1 and want.size > 1:
            return "one_number_for_many", (f"{label} is a single number for {case.label}; expected one value per "
                                           f"element, of shape {shape_text(want.shape)}: do not sum or average.")
        if not fits_shape(got, want) and got.size == want.size and close(got.reshape(want.shape), want):
            return "same_values_other_shape", (f"{label} has the right values but the shape {shape_text(got.shape)} "
                                               f"for {case.label}; expected {shape_text(want.shape)}: "
                                               f"{_reshape_advice(want.shape)}")
        if not fits_shape(got, want):
            return "wrong_shape", (f"{label} has shape {shape_text(got.shape)} for {case.label}; "
                                   f"expected {shape_text(want.shape)}.")
        if not np.all(np.isfinite(got)) and np.all(np.isfinite(want)):
            return "nan_or_inf", (f"{label} contains NaN or inf for {case.label}: look for a log of 0, "
                                  "a division by 0 or an overflowing exp.")
    factor = _constant_factor(output, students, references)
    if factor is not None:
        return "constant_factor", f"{label} is {factor:.4g} times what it should be: look for a missing or extra factor."
    if len(wrong) == len(cases):
        where = "for every input tried"
    elif len(wrong) == 1:
        where = f"for {wrong[0].label} (and right for the other inputs tried)"
    else:
        where = f"for {len(wrong)} of the {len(cases)} inputs tried, among them {wrong[0].label}"
    return UNNAMED, f"{label} is wrong {where}."


def _reshape_advice(shape):
    """What to change to return an array of `shape` (the values being right)."""
    if len(shape) == 1:
        return ("return a 1-D array (for example value.ravel(), or value[:, 0] for a column); keep w of shape "
                "(n,) and y, z, a of shape (m,) throughout, rather than (n, 1) or (1, m).")
    return f"reshape it, np.reshape(value, {tuple(shape)})."


def values(entry, cases, students, references):
    """A verdict naming the first wrong output's mistake, or None when all are right."""
    wrong = [j for j in range(len(entry.outputs)) if not all(close(s[j], r[j]) for s, r in zip(students, references))]
    if not wrong:
        return None

    def also_wrong(explained):
        rest = [entry.outputs[j] for j in wrong if j not in explained]
        return f" ({', '.join(rest)} also wrong.)" if rest else ""

    partly = None  # the first mistake that explains some wrong outputs: named if nothing explains them all
    for j in wrong:
        for mistake in known_mistakes(entry):
            if _explains(mistake, j, cases, students, references):
                explained = {k for k in wrong if _explains(mistake, k, cases, students, references)}
                if explained == set(wrong):
                    return fail(entry.name, mistake.id, mistake.message.format(output=entry.outputs[j]))
                partly = partly or (mistake, j, explained)
    pair = _pair_explaining(entry, wrong, cases, students, references)
    if pair:
        first, then = pair
        return fail(entry.name, f"{first.id}+{then.id}", f"makes two mistakes. It {first.message.format(output='')}"
                    f" And it {then.message.format(output='')}".replace("  ", " "))
    if partly:
        mistake, j, explained = partly
        return fail(entry.name, mistake.id, mistake.message.format(output=entry.outputs[j]) + also_wrong(explained))
    for diagnose in entry.diagnoses:
        found = diagnose(entry, cases, students, references)
        if found:
            return fail(entry.name, *found)
    mistake, message = _describe_wrong(entry, wrong[0], cases, students, references)
    hint = _derivative_hint(entry, cases, students) if mistake == UNNAMED else ""
    return fail(entry.name, mistake, message + also_wrong({wrong[0]}) + hint)


# --- 4. warnings and purity -----------------------------------------------------------------------

def warnings(entry, record, cases):
    """A failing verdict for the first call that gave a RuntimeWarning."""
    for case, outcome in zip(cases, record["cases"]):
        if outcome["warnings"]:
            hint = entry.warning_hint or "Look for an overflowing exp, a log of 0 or a division by 0."
            return fail(entry.name, "numeric_warning", f"gave {outcome['warnings'][0]} for {case.label}. {hint}")
    return None


def inputs_unchanged(entry, record, cases):
    """A failing verdict for the first call that changed one of its array arguments."""
    for case, outcome in zip(cases, record["cases"]):
        fresh = dict(zip(entry.parameters, case.build()))
        for arg, after in outcome["inputs_after"].items():
            if not np.array_equal(as_array(after), as_array(fresh[arg])):
                return fail(entry.name, "mutates_input", f"changed its argument {arg} in place (called with {case.label}). "
                            f"The caller's {arg} must stay as it was: build new arrays (w = w - ...) instead of "
                            "updating in place (w -= ..., w[...] = ..., shuffling X itself).")
    return None


# --- 5. derivatives -------------------------------------------------------------------------------

def central_difference_failures(entry, cases, students):
    """Cases on which the student's derivative disagrees with a central difference of the loss.

    Parameters
    ----------
    entry : description.GradedFunction
        A function whose description has a central_difference.
    cases : list of cases.Case
    students : list of tuple of ndarray
        The student's outputs, case by case.

    Returns
    -------
    list of cases.Case
        Only smooth cases are checked (see cases.Case).
    """
    failures = []
    for case, student in zip(cases, students):
        if not case.smooth:
            continue
        estimates = entry.central_difference(*case.build())
        if not all_close(student, tuple(as_array(e) for e in estimates), DIFF_RTOL, DIFF_ATOL):
            failures.append(case)
    return failures


def _derivative_hint(entry, cases, students):
    if entry.central_difference is None:
        return ""
    try:
        failures = central_difference_failures(entry, cases, students)
    except Exception:
        return ""
    return " It also disagrees with a central-difference estimate from the loss." if failures else ""


def central_differences(entry, cases, students):
    """A failing verdict when a derivative disagrees with central differences of the loss."""
    if entry.central_difference is None:
        return None
    failures = central_difference_failures(entry, cases, students)
    if failures:
        return fail(entry.name, "disagrees_with_central_difference",
                    f"disagrees with a central-difference estimate of the derivative for {failures[0].label}.")
    return None


# --- all of them ----------------------------------------------------------------------------------

def against_reference(entry, record, cases=None):
    """Steps 1 to 5 for a deterministic function: the first failing verdict, or None when all pass."""
    cases = cases or entry.cases()
    verdict = calls(entry, record, cases) or defaults(entry, record)
    if verdict:
        return verdict
    students = [student_outputs(o) for o in record["cases"]]
    references = [reference_outputs(entry, case.build()) for case in cases]
    return (values(entry, cases, students, references)
            or warnings(entry, record, cases)
            or inputs_unchanged(entry, record, cases)
            or central_differences(entry, cases, students)
            or next((v for v in (check(entry, cases, students) for check in entry.checks) if v), None))
