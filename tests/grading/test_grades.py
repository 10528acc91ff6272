"""grades.csv and summary.csv: written as results arrive, joined in student order, read back as written, and
never carrying a formula a spreadsheet would run."""

import csv

import pytest

from autograder.grading.course import Test
from autograder.grading.grades import GradesWriter, Row, read_grades, read_summary, spreadsheet_safe

#: Two notebooks of one test each, worth 2 points.
TESTS = {notebook: [Test(f"test_{notebook}", 2.0, ())] for notebook in ("01_a", "02_b")}


def _add(written, student, scores, notes=(), notebooks=("01_a", "02_b")):
    rows = [Row(student, notebook, f"test_{notebook}", score, 2.0, "passed" if score == 2 else "failed",
                "" if score == 2 else "wrong") for notebook, score in zip(notebooks, scores)]
    written.add(student, rows, list(notes), {f"{n}.html": f"<p>{student} {n}</p>".encode() for n in notebooks})
    return rows


def test_results_are_written_as_they_arrive_and_joined_in_student_order(tmp_path):
    written = GradesWriter(tmp_path, TESTS, notes=["stray.txt: a file at the top level"])
    _add(written, "zoe", (2.0, 0.0), ["zoe: renamed"])
    _add(written, "amy", (2.0, 2.0))
    assert not (tmp_path / "grades.csv").exists()
    students, notes = written.close()
    assert students == 2 and notes == ["stray.txt: a file at the top level", "zoe: renamed"]
    with open(tmp_path / "grades.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert [(r["student"], r["notebook"], r["score"]) for r in rows] == [
        ("amy", "01_a", "2.0"), ("amy", "02_b", "2.0"), ("zoe", "01_a", "2.0"), ("zoe", "02_b", "0.0")]
    with open(tmp_path / "summary.csv", newline="", encoding="utf-8") as f:
        assert list(csv.reader(f)) == [["student", "01_a", "02_b", "total", "max", "late_penalty"],
                                       ["amy", "2.0", "2.0", "4.0", "4.0", "0.0"], ["zoe", "2.0", "0.0", "2.0", "4.0", "0.0"]]
    assert (tmp_path / "feedback" / "zoe" / "01_a.html").read_text() == "<p>zoe 01_a</p>"
    assert (tmp_path / "notes.txt").read_text().splitlines() == notes
    assert not (tmp_path / ".partial").exists()


def test_a_run_stopped_half_way_leaves_the_last_finished_run_as_it_was(tmp_path):
    first = GradesWriter(tmp_path, TESTS)
    _add(first, "amy", (2.0, 2.0))
    first.close()
    before = {p.relative_to(tmp_path): p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    stopped = GradesWriter(tmp_path, TESTS)
    _add(stopped, "amy", (0.0, 0.0))  # ... and the run is stopped here
    after = {p.relative_to(tmp_path): p.read_bytes() for p in tmp_path.rglob("*") if p.is_file() and ".partial" not in p.parts}
    assert after == before


def test_a_weekly_run_adds_its_notebooks_and_keeps_the_others(tmp_path):
    """grade --assignment 02 after 01: OUT holds both weeks; a student absent from the week is missing in it."""
    week_1 = GradesWriter(tmp_path, {"01_a": TESTS["01_a"]})
    _add(week_1, "amy", (2.0,), notebooks=("01_a",))
    _add(week_1, "zoe", (0.0,), notebooks=("01_a",))
    week_1.close()
    week_2 = GradesWriter(tmp_path, {"02_b": TESTS["02_b"]})
    _add(week_2, "amy", (2.0,), notebooks=("02_b",))
    assert week_2.close() == (1, [])
    assert [(r.student, r.notebook, r.score, r.status) for r in read_grades(tmp_path)] == [
        ("amy", "01_a", 2.0, "passed"), ("amy", "02_b", 2.0, "passed"),
        ("zoe", "01_a", 0.0, "failed"), ("zoe", "02_b", 0.0, "missing")]
    notebooks, lines = read_summary(tmp_path)
    assert notebooks == ["01_a", "02_b"] and [(l.student, l.total, l.max) for l in lines] == [("amy", 4.0, 4.0),
                                                                                          ("zoe", 0.0, 4.0)]
    pages = sorted(str(p.relative_to(tmp_path / "feedback")) for p in (tmp_path / "feedback").rglob("*.html"))
    assert pages == ["amy/01_a.html", "amy/02_b.html", "zoe/01_a.html"]
    again = GradesWriter(tmp_path, {"01_a": TESTS["01_a"]})  # zoe's week 1 again (her folder alone): only hers
    _add(again, "zoe", (2.0,), notebooks=("01_a",))
    again.close()
    assert [(r.student, r.notebook, r.score, r.status) for r in read_grades(tmp_path)] == [
        ("amy", "01_a", 2.0, "passed"), ("amy", "02_b", 2.0, "passed"),
        ("zoe", "01_a", 2.0, "passed"), ("zoe", "02_b", 0.0, "missing")]
    assert (tmp_path / "feedback" / "amy" / "01_a.html").read_text() == "<p>amy 01_a</p>"
    assert (tmp_path / "feedback" / "zoe" / "01_a.html").read_text() == "<p>zoe 01_a</p>"


@pytest.mark.parametrize("text", ["student,notebook\nann\n", "a,b,c\n1,2,3\n",
                                  "student,notebook,test,score,max_score,status,message,mistake\nann,01_a,t,x,2,passed,,\n"])
def test_an_out_whose_grades_csv_is_not_this_graders_is_refused_before_grading(tmp_path, text):
    (tmp_path / "grades.csv").write_text(text)
    with pytest.raises(ValueError, match="grades.csv this grader wrote, or it is damaged"):
        GradesWriter(tmp_path, TESTS)
    assert (tmp_path / "grades.csv").read_text() == text  # left as it was


def test_what_is_written_is_read_back_row_for_row_and_line_for_line(tmp_path):
    written = GradesWriter(tmp_path, TESTS)
    rows = _add(written, "amy", (2.0, 0.0))
    late = Row("amy", "02_b", "late_penalty", -0.2, 0.0, "late", "=handed in late")  # a message like a formula
    rows.append(Row("amy", "02_b", "test_q", 0.0, 1.0, "failed", "'=' is not an answer"))  # one that starts with '
    rows.append(Row("amy", "02_b", "test_r", 0.0, 1.0, "failed", "'quoted'"))
    rows.append(late)
    written.add("amy", rows, [], {})
    written.close()
    assert read_grades(tmp_path) == rows
    notebooks, lines = read_summary(tmp_path)
    assert notebooks == ["01_a", "02_b"]
    assert [(l.student, l.points, l.total, l.max, l.late_penalty) for l in lines] == [
        ("amy", {"01_a": 2.0, "02_b": -0.2}, 1.8, 6.0, 0.2)]


@pytest.mark.parametrize("value, safe", [
    ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"), ("+1", "'+1"), ("-2+3", "'-2+3"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\tx", "'\tx"), ("\rx", "'\rx"), ("sigmoid: is wrong", "sigmoid: is wrong"), ("", ""), ("'x", "''x"), (-1.5, -1.5), (2.0, 2.0),
])
def test_a_csv_field_that_could_start_a_formula_is_neutralised(value, safe):
    assert spreadsheet_safe(value) == safe


def test_grades_and_summary_csv_carry_no_formula(tmp_path):
    written = GradesWriter(tmp_path, TESTS)
    written.add("eve", [Row("eve", "01_a", "test_x", 0.0, 2.0, "error", "=cmd|' /C calc'!A0", "")], [], {})
    written.close()
    with open(tmp_path / "grades.csv", newline="", encoding="utf-8") as f:
        message = list(csv.DictReader(f))[0]["message"]
    assert message == "'=cmd|' /C calc'!A0"
    assert read_grades(tmp_path)[0].message == "=cmd|' /C calc'!A0"
