"""One mistake costs once, where it is: the training loops of 05, 06 and 07 graded through the CLI for a student whose
only mistakes are in their helpers, and one whose only mistakes are in the loops' own logic; and a hostile loop that
prints what it can reach of its stand-in while it is graded."""

import pickle

import nbformat
import numpy as np
import pytest

import solutions
from autograder.instructor.samples import filled
from autograder.judging import describe, probe
from tests.helpers import read_rows, run_cli
from tests.judging.test_stand_ins import STUDENTS

pytestmark = pytest.mark.end_to_end

NOTEBOOKS = {"05_vectorized": "gradient_descent", "06_minibatches": "train_minibatch", "07_momentum": "train_momentum"}
#: Prints what it can reach of its helper's stand-in while it is graded (the kind, its attributes, a piece of each
#: sealed entry), calls it off the trajectory, and returns where it started.
HOSTILE = """
def gradient_descent(X, y, w, b, learning_rate, num_iterations):
    helper = cost_and_gradients
    table = getattr(helper, "table", {})
    print(type(helper).__name__, sorted(vars(helper)) if hasattr(helper, "__dict__") else "")
    for index, sealed in list(table.items())[:3]:
        print(index[:16], sealed[:48])
    print(helper(X, y, w + 1.0, b)[0] if table else "")
    return w, b, [0.0] * num_iterations
"""


@pytest.fixture(scope="module")
def graded(course_copy):
    """hana: each loop's helper wrong; omar: each loop wrong in its own logic. (root, rows by (student, test))."""
    root = course_copy(release=list(NOTEBOOKS), name="helpers")
    for notebook, loop in NOTEBOOKS.items():
        (helper, _), = describe(loop).helpers
        for student, answers in {"hana": {helper: STUDENTS[loop]["wrong helper"]},
                                 "omar": {loop: STUDENTS[loop]["own mistake"]},
                                 **({"eve": {loop: HOSTILE}} if loop == "gradient_descent" else {})}.items():
            folder = root / "downloads" / student
            folder.mkdir(parents=True, exist_ok=True)
            nbformat.write(filled(notebook, answers, root), folder / f"{notebook}.ipynb")
    run_cli("--course", str(root), "grade", str(root / "downloads"), "--out", str(root / "out"))
    return root, {(r["student"], r["test"]): r for r in read_rows(root / "out")}


@pytest.mark.parametrize("notebook, loop", NOTEBOOKS.items())
def test_a_wrong_helper_costs_its_own_test_and_the_loops_feedback_names_it(graded, notebook, loop):
    root, rows = graded
    (helper, _), = describe(loop).helpers
    lost = {test for (student, test), row in rows.items() if student == "hana" and row["notebook"] == notebook
            and row["status"] != "passed"}
    assert lost == {f"test_{helper}"}
    said = f"Right with a correct {helper}; yours is wrong: see test_{helper}."
    assert rows[("hana", f"test_{loop}")]["message"] == said
    page = (root / "out" / "feedback" / "hana" / f"{notebook}.html").read_text(encoding="utf-8")
    assert said in page


@pytest.mark.parametrize("notebook, loop", NOTEBOOKS.items())
def test_a_mistake_of_the_loops_own_logic_costs_the_loops_test_alone(graded, notebook, loop):
    _, rows = graded
    lost = {test for (student, test), row in rows.items() if student == "omar" and row["notebook"] == notebook
            and row["status"] != "passed"}
    assert lost == {f"test_{loop}"}


def test_a_loop_that_prints_its_stand_in_earns_nothing_and_shows_no_number_of_the_reference(graded):
    root, rows = graded
    assert rows[("eve", "test_gradient_descent")]["score"] == "0.0"
    page = (root / "out" / "feedback" / "eve" / "05_vectorized.html").read_text(encoding="utf-8")
    assert "StandIn" in page  # what it printed is there: the stand-in was reached
    for case in probe("gradient_descent")["cases"]:
        w, b, costs = solutions.gradient_descent(*pickle.loads(case))
        for number in [*np.ravel(w), b, *costs]:
            assert f"{number:.6f}" not in page and f"{number:.6g}" not in page
