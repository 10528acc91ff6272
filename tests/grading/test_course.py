"""The course: its assignments, the tests of its notebooks, and its release.

The assignments are released in sequence, so that no release gives away an answer that is still due. A
notebook gives as code what earlier notebooks asked for (02 gives 01's sigmoid, 06 gives 05's gradients).
That is only fair once those are due: an assignment's answers may appear in another assignment's release
only if that one is released at or after their due date. Checked on the student copies (nbgrader's own
preprocessors) and the files each ships with, for the schedule of nbgrader_config.py.
"""

import re
from datetime import datetime, timedelta, timezone

import nbformat
import pytest

import solutions
from autograder.grading import course
from autograder.grading.layout import notebook_file
from autograder.kernel import contract
from tests.helpers import nbgrader_meta as _nbgrader
from tests.helpers import student_copy

SOLUTION = re.compile(r"### BEGIN SOLUTION\n(.*?)### END SOLUTION", re.S)


def _significant(code):
    """The lines of code that identify an answer: not blank, not a comment, not a bare `return` or `pass`."""
    lines = {line.strip() for line in code.splitlines()}
    return {line for line in lines if len(line) >= 12 and not line.startswith("#")}


def answers_of(assignment):
    """{grade_id: significant lines} of every solution of an assignment's notebooks."""
    answers = {}
    for name in assignment.notebooks:
        for cell in nbformat.read(notebook_file(name), as_version=4).cells:
            lines = {line for block in SOLUTION.findall(cell.source) for line in _significant(block)}
            if _nbgrader(cell).get("solution") and lines:
                answers[_nbgrader(cell)["grade_id"]] = lines
    return answers


def released_code(assignment):
    """Every line of code a student of this assignment gets: its release's code cells and the files shipped with it."""
    notebooks = [notebook_file(name) for name in assignment.notebooks]
    code = [c.source for path in notebooks for c in student_copy(nbformat.read(path, as_version=4)).cells
            if c.cell_type == "code"]
    code += [p.read_text(encoding="utf-8") for p in course.files_used(notebooks) if p.suffix == ".py"]
    return {line.strip() for text in code for line in text.splitlines()}


#: The share of an answer's code (in characters of its significant lines) that a release must show to give it
#: away. Shared scaffolding (`for _ in range(num_iterations):`, `return w, b, costs`) stays below it: measured,
#: it is at most 0.44 of an answer, while a given copy of an answer shows 0.63 to 1.
GIVEN_AWAY = 0.6


def leaks(schedule):
    """(answer's assignment, grade_id, the release that shows it) for every answer shown before it is due."""
    found = []
    code = {a.name: released_code(a) for a in schedule}
    for owner in schedule:
        for grade_id, lines in answers_of(owner).items():
            for other in schedule:
                shown = sum(len(line) for line in lines & code[other.name]) / sum(len(line) for line in lines)
                if other.release < owner.due and shown >= GIVEN_AWAY:
                    found.append((owner.name, grade_id, other.name))
    return found


def test_no_release_shows_an_answer_before_it_is_due():
    assert leaks(course.assignments()) == []


def test_the_check_finds_the_answers_a_release_of_everything_at_once_would_give_away():
    """All eight released on one day, as one assignment was: 01's sigmoid and log loss are in 02, and so on.

    The check compares lines of code, so it finds given copies (these are written line for line from the
    solutions); a copy rewritten in other words would need the closed-form check of test_teaching.
    """
    schedule = [course.Assignment(a.name, a.notebooks, course.assignments()[0].release, a.due)
                for a in course.assignments()]
    found = leaks(schedule)
    assert {("01_model_and_loss", "sigmoid", "02_chain_rule"), ("01_model_and_loss", "log_loss", "02_chain_rule"),
            ("02_chain_rule", "dL_dz_squared_error", "04_update_rule")} <= set(found)


def test_assignments_follow_the_teaching_order_and_each_opens_when_the_one_before_is_due():
    schedule = course.assignments()
    assert [n for a in schedule for n in a.notebooks] == course.notebook_names()
    for before, after in zip(schedule, schedule[1:]):
        assert after.release >= before.due and after.due > before.due


def test_an_assignment_ships_only_the_files_its_notebooks_use():
    shipped = {a.name: {p.name for p in course.files_used([notebook_file(n) for n in a.notebooks])}
               for a in course.assignments()}
    assert all({"checks.py", "README.md"} <= files for files in shipped.values())
    assert [name for name, files in shipped.items() if "explorer.py" in files] == ["07_momentum"]
    assert [name for name, files in shipped.items() if "data" in files] == ["05_vectorized"]


def test_select_takes_the_named_assignments_or_those_released_by_now():
    schedule = course.assignments()
    assert course.select(["03_two_features", "01_model_and_loss"]) == [schedule[0], schedule[2]]
    assert course.select(now=schedule[0].release - timedelta(seconds=1)) == []
    assert course.select(now=schedule[2].release) == schedule[:3]
    assert course.select(now=datetime(2100, 1, 1, tzinfo=timezone.utc)) == schedule
    with pytest.raises(ValueError, match="no assignment 09_extra"):
        course.select(["09_extra"])


def test_tests_in_reads_grade_ids_points_and_what_each_hidden_test_submits():
    tests = course.tests_in(nbformat.read(notebook_file("01_model_and_loss"), as_version=4))
    assert [t.grade_id for t in tests][:2] == ["test_sigmoid", "test_log_loss"]
    assert tests[0].records == ((contract.FUNCTION, "sigmoid"),) and tests[0].points > 0
    assert all(t.records for t in tests)
    every = course.tests()
    assert list(every) == course.notebook_names() and all(every.values())
    recorded = {name for tests in every.values() for t in tests for kind, name in t.records if kind == contract.FUNCTION}
    assert recorded == set(solutions.GRADED)  # each graded function is recorded by a test of some notebook


# --- the release (of the class graded once: conftest.graded_class) ------------------------------------


@pytest.mark.end_to_end
def test_release_holds_no_answers_no_hidden_tests_and_no_outputs(graded_class):
    root, _, _ = graded_class
    for assignment in course.assignments(root):
        folder = course.layout(root).release(assignment.name)
        assert sorted(p.stem for p in folder.glob("*.ipynb")) == list(assignment.notebooks)
        assert (folder / "checks.py").exists() and not list(folder.rglob("__pycache__"))
        assert "What counts as correct" in (folder / "README.md").read_text(encoding="utf-8")
        # only the files its notebooks use: the data set with 05, the explorer (which computes gradients) with 07
        assert (folder / "data" / "breast_cancer.csv").exists() == (assignment.name == "05_vectorized")
        assert (folder / "explorer.py").exists() == (assignment.name == "07_momentum")
        for path in folder.glob("*.ipynb"):
            text = path.read_text(encoding="utf-8")
            assert "BEGIN SOLUTION" not in text and "HIDDEN TESTS" not in text and "submit(" not in text
            assert all(not c.get("outputs") for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code")


@pytest.mark.end_to_end
def test_answer_and_free_cells_of_the_release_ask_for_work_without_a_raise_to_delete(graded_class):
    root, _, _ = graded_class
    released = [c for a in course.assignments(root) for path in sorted(course.layout(root).release(a.name).glob("*.ipynb"))
                for c in nbformat.read(path, as_version=4).cells if c.metadata.get("nbgrader", {}).get("solution")]
    answer_cells = [c for c in released if "answer_" in c.source]
    instructor = [c for name in course.notebook_names(root) for c in nbformat.read(
        notebook_file(name, root), as_version=4).cells
        if c.metadata.get("nbgrader", {}).get("solution") and c.source.lstrip().startswith("answer_")]
    assert len(answer_cells) == len(instructor) >= 12
    for cell in answer_cells:
        assert "NotImplementedError" not in cell.source and "= None" in cell.source, cell.source
        assert "YOUR ANSWER HERE" in cell.source
    free = [c for c in released if not c.source.lstrip().startswith(("def ", "answer_"))]
    assert free, "the debugging exercise has a free cell for the student's experiments"
    for cell in free:
        assert "NotImplementedError" not in cell.source and "not graded" in cell.source, cell.source
    assert all("NotImplementedError" in c.source for c in released if c.source.lstrip().startswith("def "))
