"""Re-judging a graded class from the state its grading kept: exactly the rows a changed answer key changes,
everywhere they are, and no kernel started."""

import nbformat
import pytest

from autograder.grading import course, gradebook
from tests.grading.batch.the_class import NOTEBOOKS
from tests.helpers import REPO, read_rows

pytestmark = pytest.mark.end_to_end

GOLDEN = REPO / "tests" / "golden"


def test_rejudging_after_an_answer_key_changes_exactly_the_affected_rows_and_starts_no_kernel(class_copy, gradebook_scores,
                                                                                              monkeypatch):
    from autograder.grading.autograde import SandboxedExecute
    from autograder.grading.batch.rejudge import rejudge
    from solutions import concepts

    root, out = class_copy
    before, summary = read_rows(out), (out / "summary.csv").read_text()
    monkeypatch.setattr(SandboxedExecute, "preprocess", lambda *a, **k: pytest.fail("a kernel was started"))
    real = concepts.answers_01  # the key changes: each student's other letter

    def changed_key(student):
        return {**real(student), "scenario_higher_loss": {"A": "B", "B": "A"}[real(student)["scenario_higher_loss"]]}
    monkeypatch.setattr(concepts, "answers_01", changed_key)
    changed = rejudge(out, root)
    after = read_rows(out)
    answered = sorted(r["student"] for r in before if r["test"] == "test_scenario_higher_loss"
                      and r["status"] in ("passed", "failed"))
    assert answered == ["ada", "lena", "pat", "vera", "will"] and changed == [(s, NOTEBOOKS[0]) for s in answered]
    assert len(after) == len(before)
    differ = sorted((b["student"], b["test"]) for b, a in zip(before, after) if a != b)
    assert differ == sorted([(s, "test_scenario_higher_loss") for s in answered] + [("lena", "late_penalty")])
    flipped = {r["student"]: r for r in after if r["test"] == "test_scenario_higher_loss"}
    assert {s: flipped[s]["status"] for s in answered} == {s: "passed" if s == "will" else "failed" for s in answered}
    with gradebook.opened(course.config(root).CourseDirectory.db_url) as opened:
        for student in answered:
            grade = opened.find_grade("test_scenario_higher_loss", NOTEBOOKS[0], NOTEBOOKS[0], student)
            assert grade.auto_score == float(flipped[student]["score"]) and not grade.needs_manual_grade
        lena = opened.find_submission_notebook(NOTEBOOKS[0], NOTEBOOKS[0], "lena").late_submission_penalty
    assert lena == pytest.approx(-float(next(r["score"] for r in after if r["test"] == "late_penalty")))
    copy = nbformat.read(course.layout(root).graded_copy("ada", NOTEBOOKS[0], NOTEBOOKS[0]), as_version=4)
    cell = next(c for c in copy.cells if c.metadata.get("nbgrader", {}).get("grade_id") == "test_scenario_higher_loss")
    assert [o.text for o in cell.outputs if "Graded outside" in o.get("text", "")] == [
        "Graded outside the notebook: 0 / 1. scenario_higher_loss: not the right answer (graded for the numbers of "
        "'ada', the student it was handed in as).\n"]
    assert "scenario_higher_loss: not the right answer" in (out / "feedback" / "ada" / f"{NOTEBOOKS[0]}.html").read_text()
    monkeypatch.undo()  # the key as it was: judging again gives back every row, score and page
    monkeypatch.setattr(SandboxedExecute, "preprocess", lambda *a, **k: pytest.fail("a kernel was started"))
    assert rejudge(out, root) == changed
    assert read_rows(out) == before and (out / "summary.csv").read_text() == summary
    assert gradebook_scores(root) == (GOLDEN / "gradebook.csv").read_text(encoding="utf-8")
    assert rejudge(out, root) == []


def test_rejudging_leaves_what_the_gradebook_does_not_hold_or_grading_kept_damaged_and_says_so(class_copy):
    from autograder.grading.batch.rejudge import rejudge

    root, out = class_copy
    before = read_rows(out)
    with gradebook.opened(course.config(root).CourseDirectory.db_url) as opened:
        opened.remove_submission(NOTEBOOKS[1], "bob")
    course.layout(root).verdicts("ada", NOTEBOOKS[0]).write_text("{damaged", encoding="utf-8")
    said = []
    assert rejudge(out, root, said=said) == []
    assert said == ["not re-judged, the gradebook not holding their grading or what grading kept of them being "
                    f"damaged (`grade` runs them again): ada/{NOTEBOOKS[0]}, bob/{NOTEBOOKS[1]}"]
    assert read_rows(out) == before
