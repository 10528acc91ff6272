"""A term of the course through nbgrader's exchange, on a clock of its own, with OUT checked against the gradebook
after every step.

Three students: ann hands everything in on time (and 02 twice), ben makes a mistake and hands 02 in late, cal never
hands in 02 or 03. Week by week: release, fetch, submit, collect, `grade --assignment` into one OUT, `report --lms`;
nbgrader's own `autograde` once; a grader's score and comment by hand; `rejudge`; feedback released and fetched;
an answer key changed and judged again; a test's points changed mid-term; an exercise added to 03 before its release. After each step `check`
(autograder.instructor.check) finds no difference between the gradebook and any file written from it.

The clock: the term's dates are fixed relative to the day the test runs (it ended two weeks ago), and the time
each notebook was handed in is set in nbgrader's timestamp.txt after collecting, as if each student submitted on
the simulated day. No step depends on today's date.
"""

import csv
import json
from datetime import datetime, timedelta, timezone

import nbformat
import pytest

from autograder.grading import course, gradebook, layout
from autograder.grading.autograde.late import nbgrader_timestamp
from autograder.instructor.check import differences
from autograder.instructor.samples import TYPICAL_MISTAKES, filled
from tests.helpers import exchange_course, run_cli, run_nbgrader

pytestmark = pytest.mark.end_to_end

WEEKS = ["01_model_and_loss", "02_chain_rule", "03_two_features"]
START = (datetime.now(timezone.utc) - timedelta(weeks=10)).replace(hour=9, minute=0, second=0, microsecond=0)


def _due(week):
    return START + timedelta(weeks=week + 1)



@pytest.fixture(scope="module")
def term(tmp_path_factory):
    """The course copy with the term's schedule (every assignment a week, the term over), and an exchange."""
    tmp = tmp_path_factory.mktemp("term")
    schedule = [(name, START + timedelta(weeks=k), _due(k)) for k, name in enumerate(course.notebook_names())]
    root, student_flags = exchange_course(tmp, schedule, "c.Course.release_answers_early = False\n")
    return root, tmp, student_flags


def _hand_in(root, tmp, common, student, week, answers):
    """A student fetches (once), works and submits."""
    name, home = WEEKS[week], tmp / student
    flags = [*common, f"--Exchange.cache={home / '.cache'}"]
    home.mkdir(exist_ok=True)
    if not (home / name).exists():
        run_nbgrader(home, "fetch_assignment", name, *flags)
    nbformat.write(filled(name, answers, root), home / name / f"{name}.ipynb")
    run_nbgrader(home, "submit", name, "--student", student, *flags)


def _collect(root, week, handed_in):
    """The instructor collects the week (each student's last submission), handed in when the term's clock says
    ({student: datetime}, every student of the week: collect --update takes again any submission newer than the
    time of the one it holds, which the clock's are; nbgrader's timestamp.txt)."""
    run_nbgrader(root, "collect", "--update", WEEKS[week])
    for student, when in handed_in.items():
        stamp = course.layout(root).submitted(student, WEEKS[week]) / layout.TIMESTAMP
        stamp.write_text(nbgrader_timestamp(when), encoding="utf-8")


def _grade(root, week):
    run_cli("--course", str(root), "grade", str(course.layout(root).submitted()), "--out", "out",
         "--assignment", WEEKS[week], cwd=root)
    run_cli("--course", str(root), "report", "out", "--lms", "canvas", "--lms", "moodle", cwd=root)


def _rows(root):
    with open(root / "out" / "grades.csv", newline="", encoding="utf-8") as f:
        return {(r["student"], r["notebook"], r["test"]): r for r in csv.DictReader(f)}


def _agrees(root):
    assert differences(root / "out", root) == []


def test_a_term_on_its_own_clock_keeps_every_number_the_same_everywhere(term, monkeypatch):
    root, tmp, common = term
    # week 1: all three hand in right answers, on time
    run_cli("--course", str(root), "release", "--assignment", WEEKS[0], cwd=root)
    run_nbgrader(root, "release_assignment", WEEKS[0])
    for student in ("ann", "ben", "cal"):
        _hand_in(root, tmp, common, student, 0, None)
    _collect(root, 0, dict.fromkeys(("ann", "ben", "cal"), _due(0) - timedelta(days=2)))
    _grade(root, 0)
    _agrees(root)
    week_1 = _rows(root)
    assert {s for s, _, _ in week_1} == {"ann", "ben", "cal"} and all(r["status"] == "passed" for r in week_1.values())

    # week 2: ann hands in twice (the second counts), ben makes a mistake and is 30 hours late, cal hands in nothing
    run_cli("--course", str(root), "release", "--assignment", WEEKS[1], cwd=root)
    run_nbgrader(root, "release_assignment", WEEKS[1])
    _hand_in(root, tmp, common, "ann", 1, {"dL_dz": TYPICAL_MISTAKES["dL_dz"]})
    _hand_in(root, tmp, common, "ann", 1, None)
    _hand_in(root, tmp, common, "ben", 1, {"dL_dz": TYPICAL_MISTAKES["dL_dz"]})
    _collect(root, 1, {"ann": _due(1) - timedelta(days=1), "ben": _due(1) + timedelta(hours=30)})
    _grade(root, 1)
    _agrees(root)
    rows = _rows(root)
    assert {k: v for k, v in rows.items() if k[1] == WEEKS[0]} == week_1  # week 1 kept as it was
    assert rows[("ann", WEEKS[1], "test_dL_dz")]["status"] == "passed"  # her second hand-in
    assert rows[("ben", WEEKS[1], "test_dL_dz")]["status"] == "failed" and ("ben", WEEKS[1], "late_penalty") in rows
    assert {r["status"] for k, r in rows.items() if k[0] == "cal" and k[1] == WEEKS[1]} == {"missing"}
    with open(root / "out" / "canvas.csv", newline="", encoding="utf-8") as f:
        assert next(csv.reader(f))[-2:] == WEEKS[:2]

    # nbgrader's own autograde (the formgrader's button) of week 2 gives the same scores
    run_nbgrader(root, "autograde", WEEKS[1], "--force")
    _agrees(root)

    # a grader gives ben half the points of his failed test by hand, with a comment, in the formgrader
    with gradebook.opened(course.config(root).CourseDirectory.db_url) as opened:
        opened.find_grade("test_dL_dz", WEEKS[1], WEEKS[1], "ben").manual_score = 1.0
        opened.find_comment("dL_dz", WEEKS[1], WEEKS[1], "ben").manual_comment = "The sign is the other way: half."
        opened.db.commit()
    run_cli("--course", str(root), "rejudge", "out", cwd=root)
    _agrees(root)
    assert _rows(root)[("ben", WEEKS[1], "test_dL_dz")]["message"].startswith("scored by hand: 1 of 2")
    _grade(root, 1)  # grading the week again keeps it
    _agrees(root)
    # ben hands 02 in again, changed: the grader's score stays, flagged for another look, and notes.txt says so
    _hand_in(root, tmp, common, "ben", 1, {"dL_dz": TYPICAL_MISTAKES["dL_dz"] + "# looked again\n"})
    _collect(root, 1, {"ann": _due(1) - timedelta(days=1), "ben": _due(1) + timedelta(hours=40)})
    _grade(root, 1)
    _agrees(root)
    assert _rows(root)[("ben", WEEKS[1], "test_dL_dz")]["message"].startswith("scored by hand: 1 of 2")
    assert "ben: 02_chain_rule: test_dL_dz was scored 1 by hand, and the notebook has changed" in \
        (root / "out" / "notes.txt").read_text(encoding="utf-8")
    with gradebook.opened(course.config(root).CourseDirectory.db_url) as opened:
        assert opened.find_grade("test_dL_dz", WEEKS[1], WEEKS[1], "ben").needs_manual_grade

    # feedback goes back through the exchange, and ben reads the grader's comment and his late penalty
    run_nbgrader(root, "release_feedback", WEEKS[1])
    run_nbgrader(tmp / "ben", "fetch_feedback", WEEKS[1], "--student", "ben", *common,
         f"--Exchange.cache={tmp / 'ben' / '.cache'}")
    page = next((tmp / "ben" / WEEKS[1] / "feedback").rglob(f"{WEEKS[1]}.html")).read_text(encoding="utf-8")
    assert "The sign is the other way: half." in page and "Late submission penalty" in page

    # the answer key of a concept question changes (in solutions/concepts.py, the one place): rejudge follows it
    # (in this process, where the key is changed: the CLI's own main)
    from autograder.instructor.cli import main
    from solutions import concepts

    real = concepts.answers_01  # the key changes: each student's other letter

    def changed_key(student):
        return {**real(student), "scenario_higher_loss": {"A": "B", "B": "A"}[real(student)["scenario_higher_loss"]]}
    monkeypatch.setattr(concepts, "answers_01", changed_key)
    assert main(["--course", str(root), "rejudge", str(root / "out")]) == 0
    _agrees(root)
    assert {_rows(root)[(s, WEEKS[0], "test_scenario_higher_loss")]["score"] for s in ("ann", "ben", "cal")} == {"0.0"}
    monkeypatch.undo()
    assert main(["--course", str(root), "rejudge", str(root / "out")]) == 0
    _agrees(root)
    assert {_rows(root)[(s, WEEKS[0], "test_scenario_higher_loss")]["score"] for s in ("ann", "ben", "cal")} == {"1.0"}

    # a test's points change mid-term, in an assignment with submissions: release it again, grade the week again
    path = layout.notebook_file(WEEKS[0], root)
    source = json.loads(path.read_text(encoding="utf-8"))
    cell = next(c for c in source["cells"] if c["metadata"].get("nbgrader", {}).get("grade_id") == "test_sigmoid")
    cell["metadata"]["nbgrader"]["points"] += 1
    path.write_text(json.dumps(source, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    run_cli("--course", str(root), "release", "--assignment", WEEKS[0], cwd=root)
    _grade(root, 0)
    _agrees(root)
    assert {_rows(root)[(s, WEEKS[0], "test_sigmoid")]["max_score"] for s in ("ann", "ben", "cal")} == {
        str(float(cell["metadata"]["nbgrader"]["points"]))}

    # an exercise added to an assignment not yet released (03): a question 01 asks, asked again at its end
    _add_question(layout.notebook_file(WEEKS[2], root))
    run_cli("--course", str(root), "release", "--assignment", WEEKS[2], cwd=root)
    run_nbgrader(root, "release_assignment", WEEKS[2])
    _hand_in(root, tmp, common, "ann", 2, None)
    _hand_in(root, tmp, common, "ben", 2, {"scenario_again_answers": "from variant import scenario, student\n"
                                                                     "predictions = scenario(student())\n"
                                                                     "answer_higher_loss = max(predictions, "
                                                                     "key=predictions.get)\n"})  # the right one's
    _collect(root, 2, dict.fromkeys(("ann", "ben"), _due(2) - timedelta(days=1)))
    _grade(root, 2)
    _agrees(root)
    rows = _rows(root)
    assert [rows[(s, WEEKS[2], "test_scenario_higher_loss")]["status"] for s in ("ann", "ben")] == ["passed", "failed"]
    assert all(r["status"] == "passed" for k, r in rows.items() if k[:2] == ("ann", WEEKS[2]))
    with open(root / "out" / "canvas.csv", newline="", encoding="utf-8") as f:
        assert next(csv.reader(f))[-3:] == WEEKS


def _add_question(path):
    """Add to the end of an instructor notebook (its JSON, as an instructor may edit it) a choice question: its
    prompt, its answer cell (grade_id scenario_again_answers) and its test (test_scenario_higher_loss, 1 point),
    as notebooks/README.md's recipe makes them, judged by 01's question on the same scenarios."""
    source = json.loads(path.read_text(encoding="utf-8"))

    def cell(cell_type, text, grade_id=None, **nbgrader):
        meta = {"nbgrader": {"schema_version": 3, "locked": False, "solution": False, "grade": False, "task": False,
                             "grade_id": grade_id, **nbgrader}} if grade_id else {}
        extra = {"execution_count": None, "outputs": []} if cell_type == "code" else {}
        return {"cell_type": cell_type, "id": f"{grade_id or cell_type}-added", "metadata": meta, "source": text,
                **extra}

    source["cells"] += [
        cell("markdown", "## Looking back\n\nFor an example with $y = 1$, which of your two scenarios of notebook 1 "
                         "has the higher loss? Set `answer_higher_loss` to \"A\" or \"B\"."),
        cell("code", 'from variant import scenario, student\n\npredictions = scenario(student())\n'
                     'print(f"A predicts {predictions[\'A\']}, B predicts {predictions[\'B\']}.")'),
        cell("code", 'answer_higher_loss = None\n### BEGIN SOLUTION\n'
                     'answer_higher_loss = min(predictions, key=predictions.get)\n### END SOLUTION',
             grade_id="scenario_again_answers", solution=True),
        cell("code", '"""Check the format of answer_higher_loss (its value is checked when graded)."""\n'
                     "### BEGIN HIDDEN TESTS\nfrom autograder import submit_answer\n"
                     'submit_answer("scenario_higher_loss", answer_higher_loss)\n### END HIDDEN TESTS\n'
                     'assert answer_higher_loss in ("A", "B"), "answer_higher_loss should be \\"A\\" or \\"B\\""',
             grade_id="test_scenario_higher_loss", grade=True, locked=True, points=1),
    ]
    path.write_text(json.dumps(source, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
