"""In a real browser: JupyterLab and nbgrader's extensions as a student and an instructor use them.

Debian's Chromium, driven by selenium through Debian's chromedriver (`make test` installs both with apt):

- a student opens notebook 01 of the release in JupyterLab, runs all cells, sees the math rendered, types
  sigmoid into its cell, runs its test, sees the plot, and presses nbgrader's Validate button;
- an instructor opens nbgrader's formgrader on a graded class and finds each student's score;
- an instructor presses the formgrader's Autograde button for an honest submission and two cheats, which
  nbgrader grades with the course's protections (nbgrader_config.py): the cheats get no point for sigmoid.

Every server runs in a temporary folder with its own Jupyter configuration, data, runtime and settings
folders (nothing of the user's is read; the venv's nbgrader extensions are). Screenshots of each step
go to build/screenshots/<test>/NN_step.png, and one more when a test fails.
"""

import shutil

import nbformat
import pytest
from nbgrader.api import Gradebook
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from autograder.grading import course
from autograder.instructor.samples import filled
from tests.end_to_end.browser import autograde, jupyter_lab, submission_rows, wait
from tests.helpers import read_rows, run_cli

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("chromium_installed")]

ASSIGNMENT = "01_model_and_loss"
#: The student's sigmoid, typed line by line without indentation: the editor indents as a student sees it.
SIGMOID_TYPED = ["def sigmoid(z):",
                 "z = np.asarray(z, dtype=float)",
                 "e = np.exp(-np.abs(z))  # in (0, 1]: the exponent is never positive",
                 "return np.where(z >= 0, 1 / (1 + e), e / (1 + e))"]
SIGMOID_SOURCE = "\n".join([SIGMOID_TYPED[0]] + ["    " + line for line in SIGMOID_TYPED[1:]])
#: A wrong sigmoid for the second student: it overflows for z < -709.
OVERFLOWING_SIGMOID = "def sigmoid(z):\n    return 1 / (1 + np.exp(-z))\n"
#: Cheats that nbgrader's own autograde rewarded, by student: the instructor's sigmoid, found outside the sandbox;
#: numpy.allclose always true, so that sigmoid's test cell raises nothing.
CHEATS = {"mallory": "def sigmoid(z):\n    from solutions import sigmoid as s\n    return s(z)\n",
          "mark": "import numpy\nnumpy.allclose = lambda *a, **k: True\n\ndef sigmoid(z):\n    return z\n"}
#: When the submissions were handed in (nbgrader's timestamp.txt), before assignment 01's due date: no late penalty.
ON_TIME = "2026-09-13 20:00:00.000000 UTC"
#: The kernel status of the notebook open in JupyterLab (needs --LabApp.expose_app_in_browser).
KERNEL_STATUS_JS = """
const widget = window.jupyterapp && window.jupyterapp.shell.currentWidget;
const kernel = widget && widget.sessionContext && widget.sessionContext.session
               && widget.sessionContext.session.kernel;
return kernel ? kernel.status : null;
"""
#: The source of every cell that nbgrader's Validate dialog lists under "The following cell failed:".
FAILED_CELLS_JS = """
const message = document.querySelector('.jp-Dialog #validation-message');
return [...message.querySelectorAll('p')].filter(p => p.innerText.startsWith('The following cell failed'))
    .map(p => p.parentElement.nextElementSibling.querySelector('pre').innerText);
"""


def _released_course(course_copy):
    """A copy of the course (notebooks/ and nbgrader_config.py) with assignment 01 released.

    The copy has its own nbgrader_config.py: the formgrader reads it from its working directory.
    """
    return course_copy(release=[ASSIGNMENT], name="browser_course")


@pytest.fixture(scope="module")
def course_root(course_copy):
    """A copy of the course with assignment 01 released."""
    return _released_course(course_copy)


def _cells(driver):
    """The notebook's cells in the page, in notebook order."""
    return driver.find_elements(By.CSS_SELECTOR, ".jp-NotebookPanel-notebook .jp-Notebook-cell")


def _outputs(cell, mime):
    """The cell's outputs of one MIME type (tracebacks and warnings are application/vnd.jupyter.stderr)."""
    return cell.find_elements(By.CSS_SELECTOR, f'.jp-OutputArea-output[data-mime-type="{mime}"]')


def _kernel_idle(driver):
    """Wait until the notebook's kernel is started and idle."""
    wait(driver, lambda d: d.execute_script(KERNEL_STATUS_JS) == "idle", "the kernel to be idle")


def _run_all(driver):
    """Run > Run All Cells (JupyterLab stops at the first cell that raises)."""
    driver.execute_script("window.jupyterapp.commands.execute('notebook:run-all-cells')")


def _unrendered_math(driver, notebook):
    """Indices of the markdown cells with math ($) in their source whose rendering has no MathJax or a raw $."""
    cells = _cells(driver)
    return [i for i, cell in enumerate(notebook.cells) if cell.cell_type == "markdown" and "$" in cell.source
            and not (cells[i].find_elements(By.CSS_SELECTOR, ".jp-MarkdownOutput mjx-container")
                     and "$" not in cells[i].find_element(By.CSS_SELECTOR, ".jp-MarkdownOutput").text)]


def _type_into_cell(driver, cell, lines):
    """Click into a cell's editor, select its text and type `lines` over it, with Enter between them."""
    editor = cell.find_element(By.CSS_SELECTOR, ".cm-content")
    editor.click()
    editor.send_keys(Keys.CONTROL, "a")
    editor.send_keys("\n".join(lines))
    return editor


def _grade_ids(notebook):
    """{grade_id: cell index} of the notebook's nbgrader cells."""
    return {c.metadata["nbgrader"]["grade_id"]: i for i, c in enumerate(notebook.cells)
            if "grade_id" in c.metadata.get("nbgrader", {})}


@pytest.fixture
def student_lab(course_root, tmp_path):
    """JupyterLab on a student's folder holding the released assignment, as a student gets it."""
    student = tmp_path / "student"
    shutil.copytree(course.layout(course_root).release(ASSIGNMENT), student / ASSIGNMENT)
    with jupyter_lab(student, tmp_path / "jupyter") as server:
        yield server, student


def test_a_student_runs_notebook_01_fills_sigmoid_and_validates(student_lab, browser, screenshots):
    (url, token), student = student_lab
    notebook = nbformat.read(student / ASSIGNMENT / f"{ASSIGNMENT}.ipynb", as_version=4)
    ids = _grade_ids(notebook)
    browser.get(f"{url}/lab/tree/{ASSIGNMENT}/{ASSIGNMENT}.ipynb?token={token}")
    _kernel_idle(browser)
    assert len(_cells(browser)) == len(notebook.cells)
    wait(browser, lambda d: not _unrendered_math(d, notebook), "MathJax to render the math of every markdown cell")
    screenshots.take("opened_math_rendered")

    _run_all(browser)
    sigmoid_test = _cells(browser)[ids["test_sigmoid"]]
    wait(browser, lambda d: "NotImplementedError" in " ".join(
        o.text for o in _outputs(sigmoid_test, "application/vnd.jupyter.stderr")), "sigmoid's test to fail unfilled")
    screenshots.take("ran_all_sigmoid_unfilled")

    editor = _type_into_cell(browser, _cells(browser)[ids["sigmoid"]], SIGMOID_TYPED)
    typed = browser.execute_script("return window.jupyterapp.shell.currentWidget.content.widgets[arguments[0]]"
                                   ".model.sharedModel.getSource()", ids["sigmoid"])
    assert typed == SIGMOID_SOURCE, "the editor did not get what was typed"
    screenshots.take("sigmoid_typed")
    editor.send_keys(Keys.SHIFT, Keys.ENTER)  # runs sigmoid and selects its test cell
    browser.switch_to.active_element.send_keys(Keys.SHIFT, Keys.ENTER)  # runs the test
    wait(browser, lambda d: "sigmoid: visible tests passed." in " ".join(
        o.text for o in _outputs(sigmoid_test, "application/vnd.jupyter.stdout")), "sigmoid's test to pass")
    assert not _outputs(sigmoid_test, "application/vnd.jupyter.stderr"), sigmoid_test.text
    screenshots.take("sigmoid_test_passed")

    _run_all(browser)  # now past sigmoid: its plot, and a stop at log_loss, which is still to do
    log_loss_test = _cells(browser)[ids["test_log_loss"]]
    wait(browser, lambda d: _outputs(log_loss_test, "application/vnd.jupyter.stderr"), "log_loss's test to fail")
    plots = browser.find_elements(By.CSS_SELECTOR, ".jp-OutputArea-output img[src^='data:image/png']")
    assert plots and plots[0].size["height"] > 100, "no plot in the outputs after Run All"
    assert not _outputs(sigmoid_test, "application/vnd.jupyter.stderr"), sigmoid_test.text
    _kernel_idle(browser)
    browser.execute_script("arguments[0].scrollIntoView()", plots[0])  # into the screenshot
    screenshots.take("ran_all_plot")

    browser.find_element(By.CSS_SELECTOR, ".jp-NotebookPanel-toolbar jp-button.validate-button").click()
    message = wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, ".jp-Dialog #validation-message"),
                    "nbgrader's Validation Results dialog")[0]
    screenshots.take("validate_dialog")
    sources = {notebook.cells[i].source.strip(): grade_id for grade_id, i in ids.items()}
    failed = [sources.get(text.strip(), text) for text in browser.execute_script(FAILED_CELLS_JS)]
    assert "validation-failed" in message.get_attribute("class"), message.text
    unfilled_tests = {g for g in ids if g.startswith("test_")} - {"test_sigmoid"}
    assert sorted(failed) == sorted(unfilled_tests), message.text[:3000]


@pytest.fixture
def graded_pair(course_root):
    """Assignment 01 graded for ada (the instructor's answers) and bob (an overflowing sigmoid).

    Returns
    -------
    dict of str to (float, float)
        Each student's score and maximum in OUT/grades.csv.
    """
    submissions, out = course_root / "downloads", course_root / "out"
    for student, answers in (("ada", None), ("bob", {"sigmoid": OVERFLOWING_SIGMOID})):
        (submissions / student).mkdir(parents=True, exist_ok=True)
        nbformat.write(filled(ASSIGNMENT, answers, course_root), submissions / student / f"{ASSIGNMENT}.ipynb")
    run_cli("--course", str(course_root), "grade", str(submissions), "--out", str(out), "--assignment", ASSIGNMENT)
    scores = {}
    for row in read_rows(out):
        score, top = scores.get(row["student"], (0.0, 0.0))
        scores[row["student"]] = (score + float(row["score"]), top + float(row["max_score"]))
    return scores


def _scores_in_table(driver, key_column):
    """{text of the row's `key_column` cell: (score, max)} from the formgrader's table, whose cells read "4 / 6"."""
    table = {}
    for row in driver.find_elements(By.CSS_SELECTOR, "table tbody tr"):
        key, score = (row.find_element(By.CSS_SELECTOR, f"td.{c}").text for c in (key_column, "score"))
        table[key] = tuple(float(part) for part in score.split(" / "))
    return table


def test_the_formgrader_shows_each_students_score_from_grading(graded_pair, course_root, browser, screenshots,
                                                               tmp_path):
    assert graded_pair["bob"][0] < graded_pair["ada"][0] == graded_pair["ada"][1]  # the class tells them apart
    with jupyter_lab(course_root, tmp_path / "jupyter") as (url, token):
        browser.get(f"{url}/formgrader/manage_students?token={token}")
        # the table is filled by the page's scripts from the gradebook
        wait(browser, lambda d: len(d.find_elements(By.CSS_SELECTOR, "td.id")) == len(graded_pair)
              and all(td.text for td in d.find_elements(By.CSS_SELECTOR, "td.score")), "the students' scores")
        screenshots.take("manage_students")
        assert _scores_in_table(browser, "id") == graded_pair

        browser.find_element(By.CSS_SELECTOR, "td.name a[href$='/manage_students/bob']").click()
        wait(browser, lambda d: [td for td in d.find_elements(By.CSS_SELECTOR, "td.score") if td.text],
              "bob's assignments")
        screenshots.take("bob_assignments")
        assert _scores_in_table(browser, "name") == {ASSIGNMENT: graded_pair["bob"]}


@pytest.fixture
def submitted_class(course_copy):
    """A course copy with assignment 01 submitted, not graded, by ada (the instructor's answers) and two cheats.

    The submissions are in nbgrader's layout, as `nbgrader collect` leaves them: the formgrader lists the
    student folders of course/submitted itself, and its Autograde adds the students to the gradebook.

    Returns
    -------
    Path
        The course root.
    """
    root = _released_course(course_copy)
    for student, answers in [("ada", None)] + [(cheat, {"sigmoid": code}) for cheat, code in CHEATS.items()]:
        folder = course.layout(root).submitted(student, ASSIGNMENT)
        folder.mkdir(parents=True)
        nbformat.write(filled(ASSIGNMENT, answers, root), folder / f"{ASSIGNMENT}.ipynb")
        (folder / "timestamp.txt").write_text(ON_TIME, encoding="utf-8")
    return root


def _graded_test_cell(driver, student, grade_id, screenshots):
    """From the submissions page, open `student`'s graded notebook in the formgrader; return (score shown, cell text).

    The score shown is the automatic one, which the page puts as the placeholder of the cell's score box.
    """
    submission_rows(driver)[student].find_element(By.CSS_SELECTOR, "td.student-name a").click()
    wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "td.name a"), f"{student}'s notebooks")[0].click()
    score = wait(driver, lambda d: [box for box in d.find_elements(By.CSS_SELECTOR, f"input.score#{grade_id}")
                                     if box.get_attribute("placeholder")], f"the score of {grade_id}")[0]
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", score)  # clear of the top bar
    screenshots.take(f"graded_notebook_{student}")
    cell = score.find_element(By.XPATH, "./ancestor::div[contains(@class, 'code_cell')]")
    return score.get_attribute("placeholder"), cell.text


def test_the_formgraders_autograde_button_grades_with_the_courses_protections(submitted_class, browser, screenshots,
                                                                               tmp_path):
    root = submitted_class
    with jupyter_lab(root, tmp_path / "jupyter") as (url, token):
        browser.get(f"{url}/formgrader/manage_assignments?token={token}")
        link = wait(browser, lambda d: d.find_elements(
            By.CSS_SELECTOR, f"td.num-submissions a[href$='/manage_submissions/{ASSIGNMENT}']"),
            "the assignment's number of submissions")[0]
        screenshots.take("manage_assignments")
        assert link.text == str(1 + len(CHEATS))
        link.click()
        wait(browser, lambda d: len(submission_rows(d)) == 1 + len(CHEATS), "the submissions")
        screenshots.take("submissions_to_autograde")
        assert {row.find_element(By.CSS_SELECTOR, "td.status").text for row in submission_rows(browser).values()} \
            == {"needs autograding"}

        for student in ["ada", *CHEATS]:
            autograde(browser, student, screenshots)
        screenshots.take("submissions_graded")
        scores = {student: row.find_element(By.CSS_SELECTOR, "td.score").text
                  for student, row in submission_rows(browser).items()}
        # ada has every point of the notebook; each cheat loses those of test_sigmoid (the points are the course's)
        points = {t.grade_id: t.points for t in course.tests(root)[ASSIGNMENT]}
        total, sigmoid = sum(points.values()), points["test_sigmoid"]
        assert scores == {"ada": f"{total:g} / {total:g}", **dict.fromkeys(CHEATS, f"{total - sigmoid:g} / {total:g}")}
        score, text = _graded_test_cell(browser, "mark", "test_sigmoid", screenshots)
        assert score == "0" and f"Graded outside the notebook: 0 / {sigmoid:g}." in text, text

    with Gradebook(course.config(root).CourseDirectory.db_url) as gradebook:
        assert {s: gradebook.find_submission(ASSIGNMENT, s).score for s in ["ada", *CHEATS]} \
            == {"ada": total, **dict.fromkeys(CHEATS, total - sigmoid)}
        for cheat in CHEATS:
            grade = gradebook.find_grade("test_sigmoid", ASSIGNMENT, ASSIGNMENT, cheat)
            assert (grade.auto_score, grade.max_score) == (0, sigmoid), cheat
    # the annotation JudgeRecords leaves in each graded copy: the course's pieces ran in the server's process
    for cheat in CHEATS:
        graded = nbformat.read(course.layout(root).graded_copy(cheat, ASSIGNMENT, ASSIGNMENT),
                               as_version=4)
        test_cell = graded.cells[_grade_ids(graded)["test_sigmoid"]]
        assert "Graded outside the notebook: 0 / 2." in "".join(o.get("text", "") for o in test_cell.outputs), cheat
