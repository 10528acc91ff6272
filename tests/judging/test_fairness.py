"""The fairness policy: which ways of writing a right answer earn full marks, and which lose points with a
message that says exactly what to change. The students' README, which ships with every assignment
(notebooks/logistic_regression/README.md, "What counts as correct"), and notebook 01 tell students the same.

Each case wraps the reference implementation, so the values are right and only the representation differs.
"""

import numpy as np
import pytest

import solutions
from autograder import check
from autograder.grading.layout import STUDENT_README, notebook_folder


def _returns(name, change):
    """The reference of `name`, its result passed through `change`."""
    reference = getattr(solutions, name)
    return lambda *args: change(reference(*args))


def _each(convert):
    return lambda result: tuple(convert(r) for r in result)


ACCEPTED = [
    ("sigmoid", "a Python list", _returns("sigmoid", lambda a: np.asarray(a).tolist())),
    ("sigmoid", "float32", _returns("sigmoid", lambda a: np.asarray(a, dtype=np.float32))),
    ("log_loss", "a tuple for an array", _returns("log_loss", lambda loss: tuple(np.ravel(loss)) if np.ndim(loss) == 1 else loss)),
    ("compute_cost", "a NumPy scalar", _returns("compute_cost", np.float64)),
    ("compute_cost", "a 0-d array", _returns("compute_cost", np.array)),
    ("compute_cost", "an array of shape (1,)", _returns("compute_cost", lambda j: np.array([j]))),
    ("compute_cost", "an array of shape (1, 1)", _returns("compute_cost", lambda j: np.array([[j]]))),
    ("cost_and_gradients", "a list, db as an array of shape (1,)",
     _returns("cost_and_gradients", lambda r: [r[0], r[1], np.array([r[2]])])),
    ("example_gradients", "a list of NumPy scalars", _returns("example_gradients", lambda r: [np.float64(v) for v in r])),
    ("update_parameters", "b as a 0-d array", _returns("update_parameters", lambda r: (r[0], np.array(r[1])))),
    ("update_parameters", "w as a list", _returns("update_parameters", lambda r: (list(r[0]), r[1]))),
    ("predict", "bools", _returns("predict", lambda p: np.asarray(p, dtype=bool))),
    ("predict", "floats 0.0 and 1.0", _returns("predict", lambda p: np.asarray(p, dtype=float))),
    ("predict", "a list of ints", _returns("predict", lambda p: [int(v) for v in p])),
    ("gradient_descent", "costs as a list of NumPy scalars",
     _returns("gradient_descent", lambda r: (r[0], r[1], [np.float64(c) for c in r[2]]))),
    ("make_minibatches", "batches as lists", _returns("make_minibatches", lambda batches: [list(p) for p in batches])),
    ("train_momentum", "b as a NumPy scalar", _returns("train_momentum", lambda r: (r[0], np.float64(r[1]), r[2]))),
]


@pytest.mark.parametrize("name, how, fn", ACCEPTED, ids=[f"{n}: {h}" for n, h, _ in ACCEPTED])
def test_a_right_answer_in_another_representation_earns_full_marks(name, how, fn):
    verdict = check(name, fn)
    assert verdict.passed, verdict.message


REFUSED = [
    ("update_parameters", "w as an (n, 1) column", _returns("update_parameters", lambda r: (r[0].reshape(-1, 1), r[1])),
     "same_values_other_shape", "value.ravel()"),
    ("gradient_descent", "w as an (n, 1) column", _returns("gradient_descent", lambda r: (r[0].reshape(-1, 1), r[1], r[2])),
     "same_values_other_shape", "rather than (n, 1)"),
    ("predict", "a (1, m) row", _returns("predict", lambda p: np.asarray(p).reshape(1, -1)), "same_values_other_shape",
     "1-D array"),
    ("log_loss", "the mean of the losses", _returns("log_loss", np.mean), "loss_averaged", "elementwise"),
    ("sigmoid", "text", _returns("sigmoid", lambda a: str(a)), "malformed", "not a number"),
]


@pytest.mark.parametrize("name, how, fn, mistake, words", REFUSED, ids=[f"{n}: {h}" for n, h, *_ in REFUSED])
def test_a_representation_the_contract_excludes_loses_points_and_says_what_to_change(name, how, fn, mistake, words):
    verdict = check(name, fn)
    assert not verdict.passed and verdict.mistake == mistake, verdict
    assert words in verdict.message


def test_integer_and_python_scalar_inputs_are_among_the_probes():
    """The contract allows them, so the judges call every function with them: a float-only answer is caught."""
    from autograder.judging import describe

    labels = " ".join(case.label for name in ("sigmoid", "log_loss", "dL_dz") for case in describe(name).cases())
    assert "a Python int" in labels and "integers" in labels and "Python floats" in labels

    def sigmoid_for_arrays_only(z):
        return 1 / (1 + np.exp(-z.astype(float)))  # a Python int has no astype

    assert check("sigmoid", sigmoid_for_arrays_only).mistake == "exception"


def test_the_students_readme_states_the_policy_these_cases_check():
    policy = (notebook_folder() / STUDENT_README).read_text(encoding="utf-8")
    policy = policy[policy.index("## What counts as correct"):]
    for accepted in ("loops or matrix products", "`np.dot` or `@`", "`float32`", "a list or tuple", "NumPy scalar",
                     "(1, 1)", "ints, bools or\nfloats 0/1"):
        assert accepted in policy, accepted
    for refused in ("`(n, 1)` column", "`(1, m)` row", "`value.ravel()`", "not numbers"):
        assert refused in policy, refused
