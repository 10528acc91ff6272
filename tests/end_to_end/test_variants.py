"""Every student their own numbers and letters, through the whole grading path (`grade`, feedback, report).

Two students, kim and pia, whose variants differ in every question with variants, hand in the four notebooks that
ask for a number: first each with their own answers (written as numbers and letters, as a student copies them),
then each with the other's. A third, uma (her numbers differ from kim's too), hands in kim's notebook, kim's id typed in it, under
uma's own folder.
"""

import html

import nbformat
import pytest

from autograder.grading import course
from autograder.grading.grades import read_grades
from autograder.grading.layout import Out
from autograder.instructor.samples import filled
from solutions.concepts import LETTERED, VARIANT_QUESTIONS, answer, variant
from tests.helpers import run_cli

pytestmark = pytest.mark.end_to_end

#: The answer cell of each question with variants, and the test cell that judges it.
CELLS = {"scenario_higher_loss": ("scenario_answers", "test_scenario_higher_loss"),
         "scenario_loss_ratio": ("scenario_answers", "test_scenario_loss_ratio"),
         "worked_point": ("worked_point_answer", "test_worked_point"),
         "iterations_per_epoch": ("answer_iterations_per_epoch", "test_iterations_per_epoch"),
         "momentum_memory": ("answer_momentum_memory", "test_momentum_memory"),
         # and the lettered questions of the same notebooks
         "update_kinds": ("answer_update_kinds", "test_update_kinds"),
         "momentum_effect": ("answer_momentum_effect", "test_momentum_effect")}
NOTEBOOKS = ["01_model_and_loss", "02_chain_rule", "06_minibatches", "07_momentum"]
KIM, PIA, UMA = "kim", "pia", "uma"


def _as_numbers(student):
    """The answer cells' code giving `student`'s answers as literal numbers and letters, by grade_id."""
    values = {question: answer(question, student) for question in CELLS}
    return {"scenario_answers": f"answer_higher_loss = {values['scenario_higher_loss']!r}\n"
                                f"answer_loss_ratio = {values['scenario_loss_ratio']!r}\n",
            "worked_point_answer": f"answer_worked_point = {values['worked_point']!r}\n",
            "answer_iterations_per_epoch": f"answer_iterations_per_epoch = {values['iterations_per_epoch']!r}\n",
            "answer_momentum_memory": f"answer_momentum_memory = {values['momentum_memory']!r}\n",
            "answer_update_kinds": f"answer_update_kinds = {values['update_kinds']!r}\n",
            "answer_momentum_effect": f"answer_momentum_effect = {values['momentum_effect']!r}\n"}


def _hand_in(submissions, student, answers_of, typed=None, root=None):
    for name in NOTEBOOKS:
        notebook = filled(name, _as_numbers(answers_of), root)
        if typed:
            cell = next(c for c in notebook.cells if c.source.rstrip().endswith("STUDENT_ID = None"))
            cell.source = cell.source.replace("STUDENT_ID = None", f"STUDENT_ID = {typed!r}")
        path = submissions / student / f"{name}.ipynb"
        path.parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(notebook, path)


def _variant_rows(out, student):
    tests = {test for _, test in CELLS.values()}
    return {r.test: r for r in read_grades(out) if r.student == student and r.test in tests}


@pytest.fixture(scope="module")
def course_root(course_copy):
    return course_copy(release=[course.assignment_of(n) for n in NOTEBOOKS], name="variants")


def test_kim_pia_and_uma_have_different_numbers_in_every_question():
    assert all(answer(q, KIM) != answer(q, other) for q in VARIANT_QUESTIONS for other in (PIA, UMA))
    assert all(answer(q, KIM) != answer(q, PIA) for q in LETTERED)
    assert all(answer(q, KIM) != answer(q, UMA) for q in CELLS)


def _graded_for(student, question):
    return f"graded for the {'letters' if question in LETTERED else 'numbers'} of {student!r}"


def test_own_answers_earn_full_marks_and_anothers_lose_them_and_are_reported_with_whose_they_are(course_root,
                                                                                                  tmp_path):
    submissions, out = tmp_path / "own", tmp_path / "out"
    _hand_in(submissions, KIM, KIM, root=course_root)
    _hand_in(submissions, PIA, PIA, root=course_root)
    run_cli("--course", str(course_root), "grade", str(submissions), "--out", str(out), "--jobs", "2")
    for student in (KIM, PIA):
        rows = _variant_rows(out, student)
        assert len(rows) == len(CELLS) and all(r.status == "passed" for r in rows.values()), rows

    swapped = tmp_path / "swapped"
    _hand_in(swapped, KIM, PIA, root=course_root)
    _hand_in(swapped, PIA, KIM, root=course_root)
    run_cli("--course", str(course_root), "grade", str(swapped), "--out", str(out), "--jobs", "2")
    run_cli("--course", str(course_root), "report", str(out))
    report = Out(out).report.read_text(encoding="utf-8")
    assert "## Answers that fit another student's numbers" in report
    for student, other in ((KIM, PIA), (PIA, KIM)):
        rows = _variant_rows(out, student)
        assert all(r.status == "failed" and r.score == 0 for r in rows.values()), rows
        assert all(_graded_for(student, q) in rows[CELLS[q][1]].message for q in CELLS)
        assert other not in " ".join(r.message for r in rows.values())  # the student is not told whose it is
        for question in set(VARIANT_QUESTIONS) - {"scenario_higher_loss"}:  # a letter of two fits half any class
            assert f"| {student} | {question} | {other} |" in report
    assert run_cli("--course", str(course_root), "check", str(out)).returncode == 0


def test_a_notebook_handed_in_under_another_folder_is_graded_for_that_folder_and_says_so(course_root, tmp_path):
    submissions, out = tmp_path / "in", tmp_path / "out"
    _hand_in(submissions, UMA, KIM, typed=KIM, root=course_root)
    run_cli("--course", str(course_root), "grade", str(submissions), "--out", str(out))
    rows = _variant_rows(out, UMA)
    assert len(rows) == len(CELLS) and all(r.status == "failed" for r in rows.values()), rows
    for name in NOTEBOOKS:
        page = html.unescape(Out(out).feedback_page(UMA, name).read_text(encoding="utf-8"))
        assert "graded for the numbers of 'uma', the student it was handed in as" in page
        if name == "07_momentum":
            assert "graded for the letters of 'uma', the student it was handed in as" in page
        assert "STUDENT_ID is 'kim', but this notebook runs as 'uma'" in page


def test_a_course_key_gives_the_term_other_numbers_alike_in_the_students_kernel_and_in_the_judges(course_copy,
                                                                                                 tmp_path, monkeypatch):
    """kim works out her answers in the notebook, from the numbers it shows her (the key released with variant.py);
    pia hands in the answers of her numbers without the key, as an earlier term had them."""
    names = ["01_model_and_loss", "07_momentum"]
    root = course_copy('c.Course.variant_key = "spring-2027"\n', release=[course.assignment_of(n) for n in names],
                       name="keyed")
    submissions, out = tmp_path / "in", tmp_path / "out"
    for student, answers in ((KIM, None), (PIA, _as_numbers(PIA))):
        for name in names:
            (submissions / student).mkdir(parents=True, exist_ok=True)
            nbformat.write(filled(name, answers, root), submissions / student / f"{name}.ipynb")
    run_cli("--course", str(root), "grade", str(submissions), "--out", str(out))
    questions = ["scenario_loss_ratio", "momentum_memory", "momentum_effect"]
    unkeyed = {(s, q): answer(q, s) for s in (KIM, PIA) for q in questions}
    monkeypatch.setenv(variant.KEY_VARIABLE, "spring-2027")
    # the key changes each of their answers: kim's kernel must have read it to be right, pia's answers are wrong
    assert all(answer(q, s) != unkeyed[s, q] for s, q in unkeyed)
    monkeypatch.delenv(variant.KEY_VARIABLE)
    tests = {CELLS[q][1]: q for q in questions}
    rows = {(r.student, r.test): r for r in read_grades(out) if r.test in tests}
    assert all(rows[KIM, test].status == "passed" for test in tests), rows
    assert all(rows[PIA, test].status == "failed" for test in tests), rows  # last term's answers: wrong this term

    config_file = root / "nbgrader_config.py"
    config_file.write_text(config_file.read_text(encoding="utf-8") + 'c.Course.variant_key = "autumn-2027"\n',
                           encoding="utf-8")
    before = read_grades(out)
    for command in (["grade", str(submissions), "--out", str(tmp_path / "again")], ["rejudge", str(out)]):
        refused = run_cli("--course", str(root), *command, check=False)
        assert refused.returncode == 2 and "released with another variant key" in refused.stderr, refused.stderr
    assert read_grades(out) == before  # nothing judged again with the wrong key
