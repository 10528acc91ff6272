"""Every write into nbgrader's gradebook: one rule for a score (a grader's hand-given score is never overwritten),
the late penalty beside the grades, a notebook not graded again flagged, a submission made afresh."""

from datetime import datetime, timedelta

from autograder.grading import gradebook
from autograder.grading.grades import Row
from tests.helpers import one_notebook_gradebook

NAME = "01_model_and_loss"


def _grade(opened, test="test_sigmoid", student="ann"):
    return opened.find_grade(test, NAME, NAME, student)


def test_a_judged_score_leaves_nothing_to_flag_and_never_overwrites_a_hand_given_one(tmp_path):
    url = one_notebook_gradebook(tmp_path, NAME)
    with gradebook.opened(url) as opened:
        assert _grade(opened).needs_manual_grade  # nbgrader's default for a new grade
        gradebook.set_judged(_grade(opened), 2.0)
        assert (_grade(opened).auto_score, _grade(opened).needs_manual_grade, _grade(opened).score) == (2.0, False, 2.0)
        _grade(opened).manual_score = 1.0  # a grader's score, as the formgrader saves it
        gradebook.set_judged(_grade(opened), 0.0)
        assert (_grade(opened).auto_score, _grade(opened).manual_score, _grade(opened).score) == (0.0, 1.0, 1.0)
        assert not _grade(opened).needs_manual_grade  # looked at by the grader: not flagged again
        _grade(opened).needs_manual_grade = True  # flagged for review: judging again leaves the flag to the grader
        gradebook.set_judged(_grade(opened), 2.0)
        assert _grade(opened).needs_manual_grade and _grade(opened).score == 1.0


def test_a_notebooks_rows_write_every_score_and_its_late_penalty(tmp_path):
    url = one_notebook_gradebook(tmp_path, NAME)
    rows = [Row("ann", NAME, "test_sigmoid", 2.0, 2.0, "passed", ""), Row("ann", NAME, "test_log_loss", 0.0, 2.0,
                                                                          "failed", "x"),
            Row("ann", NAME, "late_penalty", -0.4, 0.0, "late", "handed in late")]
    with gradebook.opened(url) as opened:
        gradebook.write_notebook(opened, NAME, rows)
        notebook = opened.find_submission_notebook(NAME, NAME, "ann")
        assert (_grade(opened).auto_score, _grade(opened, "test_log_loss").auto_score) == (2.0, 0.0)
        assert notebook.late_submission_penalty == 0.4
        gradebook.write_notebook(opened, NAME, rows[:2])  # on time after all (handed in again)
        assert notebook.late_submission_penalty is None
        _grade(opened, "test_log_loss").manual_score = 1.5
        rows = [Row("ann", NAME, test, 0.0, 2.0, "unreadable", "not a readable notebook (an empty file)")
                for test in ("test_sigmoid", "test_log_loss")]
        gradebook.write_notebook(opened, NAME, rows)  # a refused notebook: its tests 0, a hand-given score stands
        assert [(g.name, g.auto_score, g.score) for g in sorted(notebook.grades, key=lambda g: g.name)
                if g.name in ("test_sigmoid", "test_log_loss")] == [("test_log_loss", 0.0, 1.5), ("test_sigmoid", 0.0, 0.0)]


def test_scores_of_a_notebook_not_graded_again_stand_flagged_for_review(tmp_path):
    url = one_notebook_gradebook(tmp_path, NAME)
    with gradebook.opened(url) as opened:
        assert gradebook.flag_not_regraded(opened, "ann", NAME, NAME) == 0  # never graded: nothing to flag
        for grade in opened.find_submission_notebook(NAME, NAME, "ann").grades:
            gradebook.set_judged(grade, 1.0)
        _grade(opened).manual_score = 0.5
        assert gradebook.flag_not_regraded(opened, "ann", NAME, NAME) == len(opened.find_notebook(NAME, NAME).grade_cells)
        grades = opened.find_submission_notebook(NAME, NAME, "ann").grades
        assert all(g.needs_manual_grade for g in grades) and sum(g.score for g in grades) == len(grades) - 0.5
        assert gradebook.flag_not_regraded(opened, "bob", NAME, NAME) == 0  # no submission of bob's


def test_a_submission_made_afresh_loses_what_an_earlier_grading_wrote_and_keeps_when_it_was_handed_in(tmp_path):
    url = one_notebook_gradebook(tmp_path, NAME)
    handed_in = datetime(2026, 9, 15, 10, 30)
    with gradebook.opened(url) as opened:
        gradebook.set_judged(_grade(opened), 2.0)
        gradebook.replace_submission(opened, "ann", NAME, handed_in)
        assert _grade(opened).auto_score is None and opened.find_submission(NAME, "ann").timestamp == handed_in
        gradebook.set_handed_in(opened, "ann", NAME, None)
        assert opened.find_submission(NAME, "ann").timestamp is None


def test_a_submission_handed_in_again_keeps_hand_given_scores_and_comments_flagged_if_the_answer_changed(tmp_path):
    url = one_notebook_gradebook(tmp_path, NAME)
    with gradebook.opened(url) as opened:
        gradebook.set_judged(_grade(opened), 0.0)
        _grade(opened).manual_score = 1.5
        opened.find_comment("sigmoid", NAME, NAME, "ann").manual_comment = "close: mind the sign"
        assert gradebook.replace_submission(opened, "ann", NAME, None) == []  # the same notebook again
        assert (_grade(opened).manual_score, _grade(opened).needs_manual_grade) == (1.5, False)
        assert opened.find_comment("sigmoid", NAME, NAME, "ann").manual_comment == "close: mind the sign"
        notes = gradebook.replace_submission(opened, "ann", NAME, None, answers_changed={NAME})
        assert (_grade(opened).manual_score, _grade(opened).needs_manual_grade) == (1.5, True)
        assert notes == [f"ann: {NAME}: test_sigmoid was scored 1.5 by hand, and the notebook has changed or is gone "
                         "since: it stands, flagged for review in the formgrader"]
        given = gradebook.hand_given(opened, "ann", NAME)
        assert given == gradebook.HandGiven({(NAME, "test_sigmoid"): (1.5, None)}, {(NAME, "sigmoid"): "close: mind the sign"})
        assert given.of(NAME) and not given.of("02_chain_rule")
        assert gradebook.hand_given(opened, "bob", NAME) == gradebook.HandGiven({}, {})


def test_a_submission_graded_afresh_keeps_its_rows_so_a_score_saved_meanwhile_and_an_extension_stay(tmp_path):
    url = one_notebook_gradebook(tmp_path, NAME)
    with gradebook.opened(url) as opened:
        gradebook.set_judged(_grade(opened), 2.0)
        opened.find_submission(NAME, "ann").extension = timedelta(days=2)  # given by the instructor
        opened.db.commit()
        ids = {g.name: g.id for g in opened.find_submission_notebook(NAME, NAME, "ann").grades}
        gradebook.replace_submission(opened, "ann", NAME, None)  # grading begins: the rows read, then cleared
        with gradebook.opened(url) as formgrader:  # meanwhile a grader saves a score, as the formgrader does
            formgrader.find_grade_by_id(ids["test_sigmoid"]).manual_score = 1.0
            formgrader.db.commit()
        gradebook.set_judged(_grade(opened), 0.0)
        opened.db.commit()
        opened.db.expire_all()
        assert (_grade(opened).id, _grade(opened).auto_score, _grade(opened).manual_score) == (ids["test_sigmoid"], 0.0, 1.0)
        assert opened.find_submission(NAME, "ann").extension == timedelta(days=2)


def test_a_submission_whose_cells_the_course_changed_is_made_again_with_what_was_given_by_hand(tmp_path):
    url = one_notebook_gradebook(tmp_path, NAME)
    with gradebook.opened(url) as opened:
        _grade(opened).manual_score = 1.5
        opened.find_comment("sigmoid", NAME, NAME, "ann").manual_comment = "close"
        opened.add_grade_cell("test_new", NAME, NAME, max_score=1.0, cell_type="code")  # added to the release since
        opened.db.commit()
        assert gradebook.replace_submission(opened, "ann", NAME, None, answers_changed={NAME}) == [
            f"ann: {NAME}: test_sigmoid was scored 1.5 by hand, and the notebook has changed or is gone since: it "
            "stands, flagged for review in the formgrader"]
        assert _grade(opened, "test_new").auto_score is None  # the submission has the new cell now
        assert (_grade(opened).manual_score, _grade(opened).needs_manual_grade) == (1.5, True)
        assert opened.find_comment("sigmoid", NAME, NAME, "ann").manual_comment == "close"


def test_counted_rows_say_the_hand_given_score_in_place_of_the_judged_one(tmp_path):
    url = one_notebook_gradebook(tmp_path, NAME)
    rows = [Row("ann", NAME, "test_sigmoid", 0.0, 2.0, "failed", "sigmoid: is wrong"),
            Row("ann", NAME, "test_log_loss", 2.0, 2.0, "passed", "")]
    with gradebook.opened(url) as opened:
        gradebook.write_notebook(opened, NAME, rows)
        assert gradebook.counted(opened, NAME, rows) == rows
        _grade(opened).manual_score = 1.5
        assert gradebook.counted(opened, NAME, rows) == [
            Row("ann", NAME, "test_sigmoid", 1.5, 2.0, "failed", "scored by hand: 1.5 of 2 (the tests: sigmoid: is wrong)"),
            rows[1]]
        _grade(opened, "test_log_loss").extra_credit = 0.5  # the formgrader's extra credit counts too
        assert gradebook.counted(opened, NAME, rows)[1] == Row("ann", NAME, "test_log_loss", 2.5, 2.0, "passed",
                                                               "2 of 2, and 0.5 extra credit")
