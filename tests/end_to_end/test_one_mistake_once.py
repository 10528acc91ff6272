"""One mistake costs once, where it is: the training loops of 05, 06 and 07 graded through the CLI for a student whose
only mistakes are in their helpers, and one whose only mistakes are in the loops' own logic."""

import nbformat
import pytest

from autograder.judging import describe
from autograder.instructor.samples import filled
from tests.helpers import read_rows, run_cli
from tests.judging.test_stand_ins import STUDENTS

pytestmark = pytest.mark.end_to_end

NOTEBOOKS = {"05_vectorized": "gradient_descent", "06_minibatches": "train_minibatch", "07_momentum": "train_momentum"}


@pytest.fixture(scope="module")
def graded(course_copy):
    """hana: each loop's helper wrong; omar: each loop wrong in its own logic. (root, rows by (student, test))."""
    root = course_copy(release=list(NOTEBOOKS), name="helpers")
    for notebook, loop in NOTEBOOKS.items():
        (helper, _), = describe(loop).helpers
        for student, answers in {"hana": {helper: STUDENTS[loop]["wrong helper"]},
                                 "omar": {loop: STUDENTS[loop]["own mistake"]}}.items():
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
