"""Keeping a result: files where nbgrader keeps them (with its timestamp and secret beside), the state re-judging
needs, and the gradebook; a reused notebook keeps its scores, a grader's hand-given ones too."""

from datetime import datetime

from autograder.grading import course, gradebook, layout
from autograder.grading.batch.store import reused_feedback, store
from autograder.grading.batch.tasks import Result, Task
from autograder.grading.grades import Row
from tests.helpers import one_notebook_gradebook

NAME = "01_model_and_loss"


def _rows(score, late=None):
    rows = [Row("ann", NAME, "test_sigmoid", score, 2.0, "passed" if score else "failed", "")]
    return rows + ([Row("ann", NAME, "late_penalty", -late, 0.0, "late", "late")] if late else [])


def test_a_result_is_kept_where_nbgrader_keeps_it_with_the_state_for_rejudging_and_its_scores(course_copy):
    root = course_copy()
    where, url = course.layout(root), one_notebook_gradebook(course_copy(), NAME)
    stale = where.records("ann", NAME) / "function-sigmoid.json"  # what an earlier grading left
    stale.parent.mkdir(parents=True)
    stale.write_text("{}")
    verdicts = str(where.verdicts("ann", NAME).relative_to(where.work))
    task = Task("ann", {NAME: b"handed in"}, {}, [], (NAME,), timestamps={NAME: "2026-09-15T10:30:00+00:00"},
                secrets={NAME: "s3cret"}, keys={NAME: "key"})
    result = Result("ann", _rows(2.0, late=0.2), [], {f"{NAME}.ipynb": b"graded"}, {f"{NAME}.html": b"<p>page</p>"},
                    {verdicts: b"{}"})
    with gradebook.opened(url) as opened:
        store(task, result, root, opened)
        assert where.submission("ann", NAME, NAME).read_bytes() == b"handed in"
        assert where.graded_copy("ann", NAME, NAME).read_bytes() == b"graded"
        assert where.feedback_page("ann", NAME, NAME).read_bytes() == b"<p>page</p>"
        for folder in where.steps("ann", NAME):
            assert (folder / layout.TIMESTAMP).read_text() == "2026-09-15 10:30:00.000000 UTC"
            assert (folder / layout.SECRET).read_text() == "s3cret"
        assert where.key("ann", NAME).read_text() == "key" and where.verdicts("ann", NAME).read_text() == "{}"
        assert not stale.exists()
        grade, notebook = opened.find_grade("test_sigmoid", NAME, NAME, "ann"), opened.find_submission_notebook(NAME, NAME, "ann")
        assert (grade.auto_score, grade.needs_manual_grade, notebook.late_submission_penalty) == (2.0, False, 0.2)
        assert opened.find_submission(NAME, "ann").timestamp == datetime(2026, 9, 15, 10, 30)
        grade.manual_score = 1.5  # a grader's, in the formgrader
        opened.db.commit()
        reused = Task("ann", {}, {}, [], (NAME,), reused={NAME: _rows(2.0)})  # handed in again, unchanged, on time
        rows, notes, _ = store(reused, Result("ann", _rows(2.0), [], {}, {}), root, opened)
        assert rows[0].score == 1.5 and rows[0].message.startswith("scored by hand: 1.5 of 2")  # what OUT gets
        assert notes and "could not make the feedback page again" in notes[0]  # this course's gradebook is not `url`
        grade, notebook = opened.find_grade("test_sigmoid", NAME, NAME, "ann"), opened.find_submission_notebook(NAME, NAME, "ann")
        assert (grade.auto_score, grade.manual_score, notebook.late_submission_penalty) == (2.0, 1.5, None)
        assert where.graded_copy("ann", NAME, NAME).read_bytes() == b"graded"  # kept, not cleared
    assert reused_feedback(reused, root) == {f"{NAME}.html": b"<p>page</p>"}


def test_a_notebook_missing_now_loses_what_an_earlier_grading_kept_of_it(course_copy):
    root = course_copy()
    where, url = course.layout(root), one_notebook_gradebook(course_copy(), NAME)
    for path in (where.graded_copy("ann", NAME, NAME), where.verdicts("ann", NAME), where.key("ann", NAME),
                 where.fate("ann", NAME)):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("old")
    missing = [Row("ann", NAME, "test_sigmoid", 0.0, 2.0, "missing", "notebook not submitted")]
    with gradebook.opened(url) as opened:
        store(Task("ann", {}, {}, [], (NAME,)), Result("ann", missing, [], {}, {}), root, opened)
    assert not any(p.exists() for p in (where.autograded("ann", NAME), where.verdicts("ann", NAME),
                                        where.key("ann", NAME), where.fate("ann", NAME)))
