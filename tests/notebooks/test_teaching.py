"""The notebooks make students think: they predict before they see, derive before they are told.

Checked on the instructor notebooks and on the student's release copy:
- every concept question is posed before the demonstrations that bear on it (cells tagged
  `demonstrates:<question id>`), and no numeric answer is printed by any stored output or written in
  any text of the course;
- a derived result (a derivative or a gradient) is not handed over: its closed form is in no text, code
  or comment of the release before its exercise, nor in the student's docstring or visible test;
- the worked point (numbers for dL/da, da/dz and dL/dz) is asked before those closed forms appear.
"""

import ast
import re

import pytest

from solutions.concepts import ANSWERS, VARIANT_QUESTIONS
from tests.helpers import NOTEBOOK_PATHS as NOTEBOOKS
from tests.helpers import nbgrader_meta as _nbgrader
from tests.helpers import student_copy
from tests.notebooks.test_notebooks import _read

COURSE = [(path, _read(path)) for path in NOTEBOOKS]

#: The closed forms of the derived results, as they read once normalized by `_normal` (spaces, braces,
#: dollars, multiplication signs and subscripts removed; − as -, \\sigma as σ, transposes as ᵀ).
CLOSED_FORMS = {
    "dL_da": ["-y/a", "y/a+", "(1-y)/(1-a)", "-\\fracya", "\\frac1-y1-a"],
    "da_dz": ["a(1-a)", "(1-a)a", "σ(z)(1-σ(z))"],
    "dL_dz": ["a-y"],
    "dL_dz_squared_error": ["(a-y)a(1-a)", "a(1-a)(a-y)"],
    "example_gradients": ["(a-y)x", "x1(a-y)", "x2(a-y)", "xj(a-y)"],
    "gradients_loop": ["(ai-yi)x", "xi(ai-yi)", "Xᵀ(a-y)", "Xᵀ@(a-y)"],
    "cost_and_gradients": ["Xᵀ(a-y)", "Xᵀ@(a-y)", "Xᵀ(σ(", "(a-y)@X", "Xᵀ@(σ("],
}

_REPLACE = [("−", "-"), ("\\sigma", "σ"), ("\\top", "ᵀ"), ("^T", "ᵀ"), ("^ᵀ", "ᵀ"), (".T", "ᵀ"),
            ("\\cdot", ""), ("\\times", ""), ("·", ""), ("*", ""), ("_", "")]
_DROP = re.compile(r"\s|\$|\{|\}|\\[,;!]|\\(left|right|big|Big|bigl|bigr|Bigl|Bigr)\b")


def _normal(text):
    text = _DROP.sub("", text)
    for old, new in _REPLACE:
        text = text.replace(old, new)
    return text


def _closed_forms_in(name, text):
    normal = _normal(text)
    return [form for form in CLOSED_FORMS[name] if form in normal]


def _released_course():
    """Every notebook's release copy, in course order, as (path, cells)."""
    return [(path, student_copy(nb).cells) for path, nb in COURSE]


def _solution_index(cells, name):
    return next(i for i, c in enumerate(cells) if _nbgrader(c).get("solution") and _nbgrader(c)["grade_id"] == name)


def _where(name):
    """(position of the notebook in the course, the notebook's released cells, its solution cell's index)."""
    for position, (_, cells) in enumerate(_released_course()):
        if any(_nbgrader(c).get("grade_id") == name for c in cells):
            return position, cells, _solution_index(cells, name)
    raise AssertionError(f"no solution cell {name!r}")


@pytest.mark.parametrize("name", sorted(CLOSED_FORMS))
def test_no_derived_result_is_handed_over_before_its_exercise(name):
    position, cells, index = _where(name)
    before = [c for _, earlier in _released_course()[:position] for c in earlier] + cells[:index]
    for cell in before:
        found = _closed_forms_in(name, cell.source)
        assert not found, f"{name}: {found} is written before its exercise: {cell.source[:300]!r}"


@pytest.mark.parametrize("name", sorted(CLOSED_FORMS))
def test_the_students_docstring_and_visible_tests_do_not_state_the_closed_form(name):
    _, cells, index = _where(name)
    function = next(node for node in ast.parse(cells[index].source).body
                    if isinstance(node, ast.FunctionDef) and node.name == name)
    docstring = ast.get_docstring(function) or ""
    assert docstring, f"{name}: the student's copy says what the function means"
    assert not _closed_forms_in(name, docstring), f"{name}'s docstring gives its closed form: {docstring}"
    for cell in cells:
        grade_id = _nbgrader(cell).get("grade_id", "")
        if _nbgrader(cell).get("grade") and (grade_id == f"test_{name}" or grade_id.startswith(f"test_{name}_")):
            assert not _closed_forms_in(name, cell.source), f"{grade_id}: the visible test states the closed form"


def test_the_checker_finds_closed_forms_however_they_are_typeset():
    assert _closed_forms_in("dL_dz", r"$\frac{d\mathcal L}{dz} = a - y$")
    assert _closed_forms_in("dL_dz", "a − y, elementwise.")
    assert _closed_forms_in("da_dz", r"$a\,(1 - a)$") and _closed_forms_in("da_dz", "a * (1 - a)")
    assert _closed_forms_in("dL_da", r"$-\frac{y}{a} + \frac{1 - y}{1 - a}$")
    assert _closed_forms_in("example_gradients", r"dw_1 = (a - y)\, x_1")
    assert _closed_forms_in("cost_and_gradients", "dw = X.T @ (a - y) / m")
    assert _closed_forms_in("gradients_loop", r"\frac1m \sum_i (a_i - y_i) x_i")
    assert not _closed_forms_in("dL_dz", "the prediction minus the label")


# --- predict first, and nothing to read off -----------------------------------------------------

def _asked():
    """question id -> (notebook path, index of its test cell, cells)."""
    asked = {}
    for path, nb in COURSE:
        for index, cell in enumerate(nb.cells):
            if _nbgrader(cell).get("grade"):
                for question in re.findall(r'submit_answer\("(\w+)"', cell.source):
                    asked[question] = (path, index, nb.cells)
    return asked


@pytest.mark.parametrize("question", sorted(ANSWERS))
def test_every_question_is_posed_before_the_demonstrations_that_bear_on_it(question):
    path, asked_at, cells = _asked()[question]
    tag = f"demonstrates:{question}"
    shown_at = [i for i, c in enumerate(cells) if tag in c.metadata.get("tags", [])]
    assert shown_at, f"{path.name}: no cell is tagged {tag!r}"
    assert min(shown_at) > asked_at, f"{path.name}: {question} is demonstrated (cell {min(shown_at)}) before it is asked"
    elsewhere = [p.name for p, nb in COURSE if p != path and any(tag in c.metadata.get("tags", []) for c in nb.cells)]
    assert not elsewhere, f"{question} is demonstrated in another notebook: {elsewhere}"


def _numbers(answer):
    if isinstance(answer, bool) or isinstance(answer, (str, frozenset)):
        return []
    if isinstance(answer, dict):
        return [n for value in answer.values() for n in _numbers(value)]
    return [answer]


def _spellings(number):
    """How a printed or written number would show an answer: its integer, or 3 and 4 significant digits."""
    if isinstance(number, int):
        return {str(abs(number))}
    return {f"{abs(number):.3g}", f"{abs(number):.4g}"}


def _shows(text, spelling):
    return re.search(rf"(?<![\d.]){re.escape(spelling)}(?!\d|\.\d)", text) is not None


def _output_text(cell):
    texts = []
    for output in cell.get("outputs", []):
        texts.append(output.get("text", ""))
        for kind in ("text/plain", "text/html", "text/markdown", "text/latex"):
            texts.append(output.get("data", {}).get(kind, ""))
    text = "\n".join(t if isinstance(t, str) else "".join(t) for t in texts)
    return re.sub(r"data:image/[a-z+]+;base64,[A-Za-z0-9+/=]+", "", text)  # a figure's bytes are not read as text


#: The variable that holds a student's numbers, by question with variants (the notebooks' `variant` module gives it).
VARIANT_DATA = {"scenario_higher_loss": "predictions", "scenario_loss_ratio": "predictions", "worked_point": "point",
                "iterations_per_epoch": "case", "momentum_memory": "beta_colleague"}


@pytest.mark.parametrize("question", sorted(q for q, a in ANSWERS.items() if _numbers(a)))
def test_no_numeric_answer_is_printed_or_written_anywhere_in_the_course(question):
    """The instructor's variant's answers (those the stored outputs would give away). A question with variants is
    looked for in the cells of its notebook that use its student's numbers (VARIANT_DATA): anywhere else, its
    numbers are any numbers (a batch size of 16 elsewhere gives away nobody's answer)."""
    own = _asked()[question][0]
    for number in _numbers(ANSWERS[question]):
        for spelling in _spellings(number):
            for path, nb in COURSE:
                for index, cell in enumerate(nb.cells):
                    if question in VARIANT_QUESTIONS and not (
                            path == own and re.search(rf"\b{VARIANT_DATA[question]}\b", cell.source)):
                        continue
                    # An integer is a common word of prose (a count, a size); it gives an answer away in an output.
                    texts = [_output_text(cell)] + ([cell.source] if cell.cell_type == "markdown" and
                                                    not isinstance(number, int) else [])
                    for text in texts:
                        assert not _shows(text, spelling), (
                            f"{question}: its answer {spelling} is shown in {path.name}, cell {index}")


def test_the_number_search_finds_an_answer_and_only_as_a_number():
    assert _shows("ratio = 21.85 here", "21.85") and _shows("(−0.188)", "0.188")
    assert not _shows("121.85", "21.85") and not _shows("21.853", "21.85") and not _shows("21.85.1", "21.85")
    assert _spellings(0.1875) == {"0.188", "0.1875"} and _spellings(32) == {"32"}


def test_the_worked_point_is_asked_before_the_closed_forms_are_written():
    path, asked_at, cells = _asked()["worked_point"]
    assert asked_at < _solution_index(cells, "dL_da"), f"{path.name}: worked_point comes after the dL_da exercise"
