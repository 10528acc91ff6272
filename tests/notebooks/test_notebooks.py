"""The course notebooks: structure, one source of truth, and the student's release copy.

nbval (run by `make test` over notebooks/) checks the stored outputs of the
instructor notebooks. Here:
- every graded function and concept question has its solution and test cells;
- each notebook's solution cells pass the judges, i.e. agree with `solutions`
  on the seeded probe inputs;
- the release copy (made by nbgrader's own preprocessors) filled with the
  instructor's answers passes every visible test with `solutions` and
  `autograder` unimportable, and the release as given fails each test cell
  with NotImplementedError, not with a confusing error.
"""

import ast
import re
import shutil

import matplotlib
import matplotlib.pyplot as plt
import nbformat
import pytest
from nbclient import NotebookClient

import solutions
from autograder import check
from autograder.grading.layout import notebook_folder
from autograder.instructor.samples import fill_with_answers
from tests.helpers import NOTEBOOK_PATHS, student_copy
from tests.judging.test_stand_ins import STUDENTS
from tests.helpers import nbgrader_meta as _nbgrader
from solutions.concepts import ANSWERS, LETTERED, OPTIONS

ASSIGNMENT = notebook_folder()
NOTEBOOKS = NOTEBOOK_PATHS
#: Run first in the student's kernel: the reference answers and the judges are not there.
NO_ANSWERS = "import sys\nfor _name in ('solutions', 'autograder'):\n    sys.modules[_name] = None"


def _read(path):
    return nbformat.read(path, as_version=4)


def _cells(nb, kind):
    return [c for c in nb.cells if c.cell_type == "code" and _nbgrader(c).get(kind)]


def _grade_ids(nb, kind):
    return [_nbgrader(c)["grade_id"] for c in _cells(nb, kind)]


def _ids(paths):
    return [p.stem for p in paths]


def execute_as_student(nb, tmp_path):
    """Run a copy of the assignment folder holding `nb`, without solutions or autograder importable."""
    workdir = tmp_path / "assignment"
    shutil.copytree(ASSIGNMENT, workdir, ignore=shutil.ignore_patterns("*.ipynb", "__pycache__", ".ipynb_checkpoints"))
    nb.cells.insert(0, nbformat.v4.new_code_cell(NO_ANSWERS))
    NotebookClient(nb, timeout=60, kernel_name="python3", allow_errors=True,
                   resources={"metadata": {"path": str(workdir)}}).execute()
    return nb.cells[1:]


def _errors(cell):
    return [o for o in cell.get("outputs", []) if o.output_type == "error"]


def test_the_sequence_has_at_least_seven_ordered_notebooks():
    assert len(NOTEBOOKS) >= 7
    assert [p.name[:2] for p in NOTEBOOKS] == [f"{k:02d}" for k in range(1, len(NOTEBOOKS) + 1)]


@pytest.mark.parametrize("path", NOTEBOOK_PATHS, ids=[p.stem for p in NOTEBOOK_PATHS])
def test_headings_start_at_h1_and_skip_no_level(path):
    """A screen reader's outline of the notebook: one h1, then each heading at most one level below the last."""
    levels = [len(match[1]) for cell in _read(path).cells if cell.cell_type == "markdown"
              for match in re.finditer(r"^(#{1,6}) ", re.sub(r"```.*?```", "", cell.source, flags=re.S), re.M)]
    assert levels[0] == 1 and levels.count(1) == 1, levels
    assert all(later <= earlier + 1 for earlier, later in zip(levels, levels[1:])), levels


def test_every_graded_function_has_a_solution_cell_and_an_autograder_cell():
    solutions_cells = [g for p in NOTEBOOKS for g in _grade_ids(_read(p), "solution")]
    tests = [g for p in NOTEBOOKS for g in _grade_ids(_read(p), "grade")]
    for name in solutions.GRADED:
        assert name in solutions_cells, f"no solution cell with grade_id {name!r}"
        assert f"test_{name}" in tests or any(t.startswith(f"test_{name}_") for t in tests)
    assert len(tests) == len(set(tests)), "grade_ids must be unique across the assignment"


def test_every_concept_question_is_asked_with_its_options_word_for_word():
    asked = {}
    for path in NOTEBOOKS:
        nb = _read(path)
        for cell in _cells(nb, "grade"):
            for question in re.findall(r'submit_answer\("(\w+)"', cell.source):
                asked[question] = nb
    assert set(asked) == set(ANSWERS), "every answer of solutions.concepts is graded by some notebook"
    for question, options in OPTIONS.items():
        if options is LETTERED.get(question):
            continue  # shown by show_options: below
        markdown = "\n".join(c.source for c in asked[question].cells if c.cell_type == "markdown")
        for text in options.values():
            assert text in markdown, f"{question}: option {text!r} is not shown in its notebook"
    for question, options in LETTERED.items():
        assert _shown_options(asked[question], question) == list(options.values()), (
            f"{question}: its notebook's show_options lists other options, or in another order")


def _shown_options(nb, question):
    """The list of options that the notebook's one `show_options(me, question, [...])` call shows, as written."""
    calls = [node for cell in nb.cells if cell.cell_type == "code" and "show_options" in cell.source
             for node in ast.walk(ast.parse(cell.source)) if isinstance(node, ast.Call)
             and getattr(node.func, "id", None) == "show_options" and ast.literal_eval(node.args[1]) == question]
    (call,) = calls
    return ast.literal_eval(call.args[2])


@pytest.mark.parametrize("path", NOTEBOOKS, ids=_ids(NOTEBOOKS))
def test_no_option_is_written_under_a_letter_that_every_student_would_see(path):
    """Options with letters in the Markdown are the same for the whole class: the lettered ones are shown by
    show_options, under each student's own letters."""
    markdown = "\n".join(c.source for c in _read(path).cells if c.cell_type == "markdown")
    for question, options in LETTERED.items():
        for key, text in options.items():
            assert not re.search(r"\b" + re.escape(key) + r"\b\W{0,4} " + re.escape(text), markdown), (question, key)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=_ids(NOTEBOOKS))
def test_test_cells_assert_and_keep_answers_hidden(path):
    for cell in _cells(_read(path), "grade"):
        visible = student_copy(nbformat.v4.new_notebook(cells=[cell])).cells[0].source
        statements = ast.parse(visible).body
        assert statements, f"{_nbgrader(cell)['grade_id']}: no visible test"
        last = statements[-1]
        assert not (isinstance(last, ast.Expr) and isinstance(last.value, ast.Compare)), (
            f"{_nbgrader(cell)['grade_id']} ends with a bare comparison: nbgrader would give it full credit")
        assert "solutions" not in visible and "autograder" not in visible, "visible tests must be self-contained"
        assert "### BEGIN HIDDEN TESTS" in cell.source, f"{_nbgrader(cell)['grade_id']}: no hidden tests"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=_ids(NOTEBOOKS))
def test_stored_outputs_have_no_errors_and_no_stderr_in_test_cells(path):
    nb = _read(path)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs or not cell.source.strip() or cell.execution_count, "instructor notebooks keep outputs"
            assert not _errors(cell), f"{path.name}: a cell raised"
    for cell in _cells(nb, "grade"):
        assert not [o for o in cell.outputs if o.get("name") == "stderr"], "stderr in a test cell scores 0"


def test_at_least_eight_plots_each_with_a_title_and_axis_labels():
    plots = [c.source for p in NOTEBOOKS for c in _read(p).cells if c.cell_type == "code"
             and re.search(r"^show\(", c.source, re.M)]
    assert len(plots) >= 8
    for source in plots:
        assert "title" in source and "xlabel" in source and "ylabel" in source, source[:200]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=_ids(NOTEBOOKS))
def test_solution_cells_agree_with_the_solutions_package(path, monkeypatch):
    """Run the notebook's own code (not its tests) and judge every graded function it defines."""
    matplotlib.use("Agg")
    monkeypatch.chdir(ASSIGNMENT)
    monkeypatch.syspath_prepend(str(ASSIGNMENT))
    namespace = {"__name__": "__notebook__"}
    try:
        for cell in _read(path).cells:
            if cell.cell_type == "code" and not _nbgrader(cell).get("grade"):
                exec(compile(cell.source, f"{path.name}:{_nbgrader(cell).get('grade_id', 'cell')}", "exec"), namespace)
    finally:
        plt.close("all")
    defined = [name for name in solutions.GRADED if name in _grade_ids(_read(path), "solution")]
    for name in defined:
        verdict = check(name, namespace[name])
        assert verdict.passed, verdict.message


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=_ids(NOTEBOOKS))
def test_release_filled_with_the_answers_passes_every_visible_test_without_solutions(path, tmp_path):
    instructor = _read(path)
    cells = execute_as_student(fill_with_answers(student_copy(instructor), instructor), tmp_path)
    failed = [(c.metadata.get("nbgrader", {}).get("grade_id"), e.ename, e.evalue) for c in cells for e in _errors(c)]
    assert not failed


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=_ids(NOTEBOOKS))
def test_release_as_given_fails_every_test_cell_with_not_implemented_error(path, tmp_path):
    cells = execute_as_student(student_copy(_read(path)), tmp_path)
    for cell in cells:
        if _nbgrader(cell).get("grade"):
            names = [e.ename for e in _errors(cell)]
            assert names == ["NotImplementedError"], f"{_nbgrader(cell)['grade_id']}: {names}"


#: Mistakes whose visible test used to mislead or stay silent, by notebook: the student's answer cells, and for each
#: test cell words its message must hold and words it must not (a cause that is not this mistake's).
VISIBLE_HINTS = {
    "01_model_and_loss": ({"scenario_answers": "answer_higher_loss = 'B'\n"
                                               "answer_loss_ratio = max(predictions.values()) / min(predictions.values())\n"},
                          {"test_scenario_loss_ratio": (["ratio of the two predictions"], [])}),
    "02_chain_rule": ({"da_dz": "def da_dz(a):\n    return a * (1 + a)\n",
                       # da_dz's sign flipped, and the chain rule followed with it
                       "worked_point_answer": "answer_worked_point = {'dL_da': -20 / 7, 'da_dz': -0.2275, "
                                              "'dL_dz': 20 / 7 * 0.2275}\n"},
                      {"test_da_dz": (["the argument is a = σ(z) = 0.5, not z"], ["times it", "number of examples"]),
                       "test_worked_point": (["da_dz is negative"], [])}),
    "05_vectorized": ({"cost_and_gradients": "def cost_and_gradients(X, y, w, b):\n"
                                             "    a = 1 / (1 + np.exp(-(X @ w + b)))\n"
                                             "    cost = -np.mean(y * np.log(a) + (1 - y) * np.log(1 - a))\n"
                                             "    return cost, X.T @ (a - y), np.sum(a - y)\n"},
                      {"test_cost_and_gradients": (["7 times it everywhere", "number of examples m"], []),
                       "test_gradient_descent": (["fix cost_and_gradients first"], ["gradient_descent changed"])}),
    # a right training loop whose helper is wrong: its visible test points to the helper, not at itself
    "06_minibatches": ({"make_minibatches": STUDENTS["train_minibatch"]["wrong helper"]},
                       {"test_train_minibatch": (["fix make_minibatches first"], ["subtract learning_rate"])}),
    "07_momentum": ({"momentum_update": STUDENTS["train_momentum"]["wrong helper"]},
                    {"test_train_momentum": (["fix momentum_update first"], ["carry v"])}),
}


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(VISIBLE_HINTS))
def test_visible_tests_meet_these_mistakes_with_their_own_hint(name, tmp_path):
    answers, expected = VISIBLE_HINTS[name]
    instructor = _read(next(p for p in NOTEBOOKS if p.stem == name))
    cells = execute_as_student(fill_with_answers(student_copy(instructor), instructor, answers), tmp_path)
    said = {_nbgrader(c).get("grade_id"): " ".join(e.evalue for e in _errors(c)) for c in cells}
    for grade_id, (holds, lacks) in expected.items():
        assert said[grade_id] and all(w in said[grade_id] for w in holds), (grade_id, said[grade_id])
        assert not any(w in said[grade_id] for w in lacks), (grade_id, said[grade_id])
