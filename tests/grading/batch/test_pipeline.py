"""The batch path end to end through the CLI: one class graded once (conftest.graded_class), read as an
instructor reads it: grades.csv, summary.csv, the gradebook, feedback; and compared with tests/golden/.

The class (tests/grading/batch/the_class.py) is graded in a course copied to a temporary folder, so the
repository's own gradebook is never touched.
"""

import csv
import os
import re
import shutil

import nbformat
import pytest

from autograder.grading import course, gradebook
from autograder.grading.autograde import graded_copy
from autograder.grading.layout import notebook_file
from autograder.grading.grades import STATUSES, notes_of
from tests.grading.batch.the_class import MISTAKES, NOTEBOOKS
from tests.helpers import REPO, read_rows, run_cli

pytestmark = pytest.mark.end_to_end

GOLDEN = REPO / "tests" / "golden"


def by_student(out, student):
    return {r["test"]: r for r in read_rows(out) if r["student"] == student}


def test_grades_csv_has_the_required_columns_and_a_row_per_student_and_test(graded_class):
    _, out, _ = graded_class
    with open(out / "grades.csv", newline="", encoding="utf-8") as f:
        header = next(csv.reader(f))
    assert header[:7] == ["student", "notebook", "test", "score", "max_score", "status", "message"]
    rows = [r for r in read_rows(out) if r["status"] != "late"]  # a late notebook has one more row: its penalty
    tests = {r["test"] for r in rows}
    assert len(rows) == 6 * len(tests)
    assert {r["status"] for r in rows} <= set(STATUSES)
    assert all((r["status"] == "passed") == (r["message"] == "") for r in rows)


def test_the_instructors_answers_earn_full_marks_in_every_notebook(graded_class):
    _, out, _ = graded_class
    rows = by_student(out, "ada").values()
    assert {r["notebook"] for r in rows} == set(NOTEBOOKS)
    assert all(r["status"] == "passed" and float(r["score"]) == float(r["max_score"]) for r in rows)


def test_correct_answers_written_differently_earn_full_marks(graded_class):
    _, out, _ = graded_class
    failed = {t: r["message"] for t, r in by_student(out, "vera").items() if r["status"] != "passed"}
    assert failed == {}


def test_typical_mistakes_lose_points_in_exactly_their_tests_with_the_mistake_named(graded_class):
    _, out, _ = graded_class
    rows = by_student(out, "will")
    expected = {test: mistake for _, test, mistake in MISTAKES.values()}
    assert {t for t, r in rows.items() if r["status"] != "passed"} == set(expected)
    for test, mistake in expected.items():
        assert rows[test]["status"] == "failed" and float(rows[test]["score"]) == 0
        assert rows[test]["mistake"] == mistake, rows[test]["message"]
        assert rows[test]["message"] and "\n" not in rows[test]["message"]


def test_renamed_missing_and_stray_notebooks_are_handled_and_reported(graded_class):
    _, out, result = graded_class
    rows = by_student(out, "pat")
    for test, row in rows.items():
        if row["notebook"] in ("01_model_and_loss", "03_two_features"):
            assert row["status"] == "passed", (test, row["message"])
        else:
            assert row["status"] == "missing" and row["message"] == "notebook not submitted"
    assert "03_two_features (1).ipynb as 03_two_features.ipynb" in result.stdout
    assert "my_notes.ipynb matches no notebook" in result.stdout
    assert "my_notes.ipynb" in (out / "notes.txt").read_text()


def test_a_broken_notebook_is_unreadable_and_costs_only_itself(graded_class):
    _, out, _ = graded_class
    rows = by_student(out, "bob")
    for row in rows.values():
        if row["notebook"] == "01_model_and_loss":
            assert row["status"] == "unreadable" and "not a readable notebook" in row["message"]
        elif row["notebook"] == "02_chain_rule":
            assert row["status"] == "passed"
        else:
            assert row["status"] == "missing"


def test_summary_csv_totals_per_notebook_ready_for_an_lms(graded_class):
    _, out, _ = graded_class
    with open(out / "summary.csv", newline="", encoding="utf-8") as f:
        table = {r["student"]: r for r in csv.DictReader(f)}
    assert set(table) == {"ada", "vera", "will", "pat", "bob", "lena"}
    assert float(table["ada"]["total"]) == float(table["ada"]["max"]) > 0
    rows = read_rows(out)
    for student, line in table.items():
        mine = [r for r in rows if r["student"] == student]
        assert float(line["total"]) == sum(float(r["score"]) for r in mine)
        for notebook in NOTEBOOKS:
            assert float(line[notebook]) == sum(float(r["score"]) for r in mine if r["notebook"] == notebook)
    assert float(table["will"]["total"]) < float(table["will"]["max"])


def test_feedback_is_written_for_every_graded_notebook(graded_class):
    _, out, _ = graded_class
    assert sorted(p.stem for p in (out / "feedback" / "ada").glob("*.html")) == NOTEBOOKS
    assert sorted(p.stem for p in (out / "feedback" / "pat").glob("*.html")) == ["01_model_and_loss", "03_two_features"]
    html = (out / "feedback" / "will" / "02_chain_rule.html").read_text(encoding="utf-8")
    assert "the sign is the other way round" in html


def test_a_feedback_page_gives_each_tests_verdict_once_at_the_top_of_its_cell(graded_class):
    _, out, _ = graded_class
    html = (out / "feedback" / "will" / "02_chain_rule.html").read_text(encoding="utf-8")
    graded = graded_copy.GRADED
    cells = re.findall(r'<div class="panel panel-primary nbgrader_cell">(.*?)(?=<div class="cell |\Z)', html, re.S)
    tests = [cell for cell in cells if "Grade cell:" in cell]
    assert tests and all(cell.count(graded) == 1 for cell in tests)
    for cell in tests:  # the verdict right under the cell's heading, before its code
        assert cell.index('class="panel-body grader-verdict"') < cell.index('class="input_area"')
    wrong = next(cell for cell in tests if "the sign is the other way round" in cell)
    assert re.search(rf"{graded} 0 / \d+\. [^<]*the sign is the other way round", wrong)


def test_every_feedback_page_is_the_courses_own_in_english_from_h1_with_its_maths_as_mathml(graded_class):
    """The course's template (autograder/grading/templates/feedback): no MathJax from a CDN, so no raw TeX
    offline; prose keeps no $…$ (TeX in code, as in a plot's label, stays as written)."""
    _, out, _ = graded_class
    pages = sorted((out / "feedback").rglob("*.html"))
    assert len(pages) > 20
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert '<html lang="en">' in text and not re.search(r"<script[^>]*\bsrc=", text), page  # nothing fetched
        assert re.search(r"<h[1-6]\b", text)[0] == "<h1", page
        assert text.count("<math ") > 5, page
        prose = re.sub(r"<(pre|code|script|style)\b.*?</\1>", "", text, flags=re.S)
        assert not re.search(r"\$[^$<>]{1,80}\$", prose), (page, re.search(r"\$[^$<>]{1,80}\$", prose))


def test_no_feedback_page_or_graded_copy_shows_a_folder_of_the_graders(graded_class):
    """Tracebacks name the files beside the student's notebook (checks.py:71), never where grading ran them."""
    root, out, _ = graded_class
    pages = [*(out / "feedback").rglob("*.html"), *course.layout(root).autograded(".", ".").rglob("*.ipynb")]
    assert len(pages) > 40
    tracebacks = 0
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert not re.search(r"logreg-[a-z0-9_]{8}|/autograded/|/submitted/|" + re.escape(str(root)), text), page
        tracebacks += "checks.py" in text and "File " in text
    assert tracebacks  # the class has tracebacks through checks.py: the search saw them


def test_regrading_is_idempotent(class_copy):
    root, out = class_copy
    subset, again = root / "subset", root / "again"
    for student in ("pat", "bob"):  # the quick ones
        shutil.copytree(root / "downloads" / student, subset / student)
    run_cli("--course", str(root), "grade", str(subset), "--out", str(again))
    assert read_rows(again) == [r for r in read_rows(out) if r["student"] in ("pat", "bob")]


def test_kept_gradings_the_gradebook_does_not_hold_are_graded_again_and_the_run_says_which(class_copy):
    """A new gradebook (deleted), one emptied of a submission, and a damaged kept file: each costs a re-run of the
    notebooks it concerns, the rows come out as before, and notes.txt names what ran again."""
    root, out = class_copy
    subset, again = root / "subset", root / "again"
    for student in ("pat", "bob"):  # the quick ones
        shutil.copytree(root / "downloads" / student, subset / student)
    before = [r for r in read_rows(out) if r["student"] in ("pat", "bob")]
    db = course.config(root).CourseDirectory.db_url

    # a new gradebook: every notebook of theirs runs again
    course.sqlite_file(db).unlink()
    said = run_cli("--course", str(root), "grade", str(subset), "--out", str(again))
    assert read_rows(again) == before
    notes = (again / "notes.txt").read_text(encoding="utf-8")
    ran = {row["student"] + "/" + row["notebook"] for row in before if row["status"] not in ("missing", "unreadable")}
    line = next(n for n in notes.splitlines() if n.startswith("graded again, the gradebook not holding"))
    assert set(line.split(": ", 1)[1].split(", ")) == ran, line
    assert "graded again" in said.stdout + said.stderr

    # one submission taken out of the gradebook, and one kept file damaged: those two run again, nothing else
    with gradebook.opened(db) as opened:
        opened.remove_submission("02_chain_rule", "bob")
    course.layout(root).verdicts("pat", "03_two_features").write_text("{not json", encoding="utf-8")
    said = run_cli("--course", str(root), "grade", str(subset), "--out", str(again))
    assert read_rows(again) == before
    notes = (again / "notes.txt").read_text(encoding="utf-8")
    assert "graded again, the gradebook not holding their last grading (a new, restored or emptied gradebook?): " \
        "bob/02_chain_rule\n" in notes, said.stdout + said.stderr
    assert "(2 notebooks run;" in said.stdout  # bob's 02, and pat's 03, whose kept file could not be read


def test_weekly_runs_add_up_in_one_out_and_a_weeks_run_again_changes_nothing(class_copy):
    """grade --assignment 01, then 02, into one OUT: both weeks there, as one run of both gives them; then a week
    graded again into the whole class's OUT leaves every file of the others as it was."""
    root, out = class_copy
    weeks, downloads = root / "weeks", str(root / "downloads")
    for week in NOTEBOOKS[:2]:
        run_cli("--course", str(root), "grade", downloads, "--out", str(weeks), "--assignment", week)
    assert read_rows(weeks) == [r for r in read_rows(out) if r["notebook"] in NOTEBOOKS[:2]]
    run_cli("report", str(weeks), "--lms", "canvas")
    with open(weeks / "canvas.csv", newline="", encoding="utf-8") as f:
        header = next(csv.reader(f))
    assert [any(week in column for column in header) for week in NOTEBOOKS[:3]] == [True, True, False]
    files = lambda: {p.relative_to(out): p.read_bytes() for p in out.rglob("*")  # noqa: E731
                     if p.is_file() and p.name not in ("grading.log", "notes.txt")}
    before, notes = files(), sorted(notes_of(out))
    run_cli("--course", str(root), "grade", downloads, "--out", str(out), "--assignment", NOTEBOOKS[1])
    assert files() == before and sorted(notes_of(out)) == notes  # the notes of other weeks after this week's



# --- behaviour kept: the class's results, stored from a run before a change ---------------------------


@pytest.mark.parametrize("name", ["grades.csv", "summary.csv", "gradebook.csv"])
def test_the_class_is_graded_exactly_as_stored(graded_class, gradebook_scores, name):
    """grades.csv, summary.csv and the gradebook's scores equal those stored in tests/golden/.

    They were stored from a run of the code before a change that was meant to keep
    behaviour (a refactoring); a change meant to alter results (a message, a judge)
    stores them again: `make golden` (LOGREG_WRITE_GOLDEN=1 pytest tests/grading/batch/test_pipeline.py -k stored).
    """
    root, out, _ = graded_class
    text = gradebook_scores(root) if name == "gradebook.csv" else (out / name).read_text(encoding="utf-8")
    if os.environ.get("LOGREG_WRITE_GOLDEN"):
        GOLDEN.mkdir(exist_ok=True)
        (GOLDEN / name).write_text(text, encoding="utf-8")
    assert text == (GOLDEN / name).read_text(encoding="utf-8")


def test_a_late_notebook_loses_exactly_the_configured_penalty(graded_class):
    root, out, _ = graded_class
    lena = by_student(out, "lena")
    earned = sum(float(r["score"]) for r in lena.values() if r["notebook"] == NOTEBOOKS[0] and r["status"] != "late")
    per_day = course.config(root).PerDayPenalty.per_day
    late = lena["late_penalty"]
    assert late["notebook"] == NOTEBOOKS[0] and late["status"] == "late" and "25.0 h after the due date" in late["message"]
    assert float(late["score"]) == pytest.approx(-earned * per_day * 2)  # 25 h: two started days
    assert [r for r in read_rows(out) if r["test"] == "late_penalty"] == [late]  # everyone else was on time
    with open(out / "summary.csv", newline="", encoding="utf-8") as f:
        summary = {r["student"]: r for r in csv.DictReader(f)}
    assert earned == 6 and float(summary["lena"][NOTEBOOKS[0]]) == pytest.approx(earned * (1 - 2 * per_day))
    assert float(summary["lena"]["late_penalty"]) == pytest.approx(earned * per_day * 2)
    with gradebook.opened(course.config(root).CourseDirectory.db_url) as opened:
        submission = opened.find_submission(NOTEBOOKS[0], "lena")
        assert submission.late_submission_penalty == pytest.approx(earned * per_day * 2)
        assert submission.total_seconds_late == pytest.approx(25 * 3600)
    # the feedback page says the same: the score net of the penalty, and the penalty on a line of its own
    page = (out / "feedback" / "lena" / f"{NOTEBOOKS[0]}.html").read_text(encoding="utf-8")
    most = sum(float(r["max_score"]) for r in lena.values() if r["notebook"] == NOTEBOOKS[0])
    assert f"(Score: {round(earned * (1 - 2 * per_day), 2)} / {most})" in page
    assert f"Late submission penalty (Score: -{round(earned * per_day * 2, 2)})" in page


def test_a_hand_given_score_and_comment_count_everywhere_and_survive_grading_and_rejudging(class_copy):
    """A grader's score and comment in the formgrader (the gradebook): grades.csv, summary.csv and the feedback page
    say them after `grade` of the unchanged class and after `rejudge`; a notebook handed in changed keeps them,
    flagged for review, with a note."""
    from autograder.grading.batch.rejudge import rejudge

    root, out = class_copy
    notebook, test = "02_chain_rule", "test_dL_dz"
    before = by_student(out, "will")[test]
    assert before["score"] == "0.0" and before["notebook"] == notebook
    db_url = course.config(root).CourseDirectory.db_url
    with gradebook.opened(db_url) as opened:
        opened.find_grade(test, notebook, notebook, "will").manual_score = 1.0
        opened.find_comment("dL_dz", notebook, notebook, "will").manual_comment = "Right idea, sign flipped: half."
        opened.db.commit()
    total = {line["student"]: float(line["total"]) for line in csv.DictReader(open(out / "summary.csv", encoding="utf-8"))}

    def says_it():
        row = by_student(out, "will")[test]
        assert (row["score"], row["message"].split(" (")[0]) == ("1.0", "scored by hand: 1 of 2")
        with open(out / "summary.csv", newline="", encoding="utf-8") as f:
            assert {r["student"]: float(r["total"]) for r in csv.DictReader(f)}["will"] == total["will"] + 1.0
        page = (out / "feedback" / "will" / f"{notebook}.html").read_text(encoding="utf-8")
        assert "Right idea, sign flipped: half." in page and "Score: 1.0 / 2.0" in page

    run_cli("--course", str(root), "grade", str(root / "downloads"), "--out", str(out))  # nothing changed: reused
    says_it()
    assert rejudge(out, root) == []
    says_it()
    handed_in = next((root / "downloads" / "will").rglob(f"{notebook}.ipynb"))
    work = nbformat.read(handed_in, as_version=4)
    next(c for c in work.cells if "def dL_dz" in c.source).source += "\n# looked at it again"  # the same mistake
    nbformat.write(work, handed_in)
    run_cli("--course", str(root), "grade", str(root / "downloads"), "--out", str(out))  # changed: run again
    says_it()
    assert f"will: {notebook}: {test} was scored 1 by hand, and the notebook has changed or is gone since" in (out / "notes.txt").read_text()
    with gradebook.opened(db_url) as opened:
        assert opened.find_grade(test, notebook, notebook, "will").needs_manual_grade


def test_a_feedback_page_shows_the_figures_the_students_notebook_drew(graded_class):
    """ada hands in the instructor's answers: each of her feedback pages has as many figures as the instructor's
    notebook draws (its stored outputs), as pictures with the page, not links."""
    root, out, _ = graded_class
    for notebook in NOTEBOOKS:
        drawn = sum("image/png" in output.get("data", {}) for cell in nbformat.read(
            notebook_file(notebook), as_version=4).cells for output in cell.get("outputs", []))
        page = (out / "feedback" / "ada" / f"{notebook}.html").read_text(encoding="utf-8")
        assert drawn > 0 and page.count('src="data:image/png;base64,') == drawn, notebook
