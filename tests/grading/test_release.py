"""The release: student copies that hold no answer of their own and no answer still due.

A notebook gives as code what earlier notebooks asked for (02 gives 01's sigmoid, 06 gives 05's gradients).
That is only fair once those are due: `release` refuses to give out an answer of an assignment still due, and
the rule follows the dates of c.Course.assignments wherever they move. Answers are found in the student copies
(nbgrader's own preprocessors) and the files each ships with.
"""

from datetime import datetime, timedelta, timezone

import nbformat
import pytest

from autograder.grading import course, release
from autograder.grading.layout import notebook_file
from tests.helpers import run_cli

SEPT = datetime(2026, 9, 7, 9, tzinfo=timezone.utc)  # 01 opens; each later assignment a week after


def _schedule(release_of):
    """nbgrader_config.py's lines for a course copy whose assignments open on the dates given ({name: datetime};
    the others on the course's schedule), and whose releases obey the rule."""
    dates = {a.name: a.release.isoformat() for a in course.assignments()}
    dates |= {name: moment.isoformat() for name, moment in release_of.items()}
    return (f"c.Course.assignments = [{{**a, 'release': {dates!r}[a['name']]}} "
            "for a in c.Course.assignments]\nc.Course.release_answers_early = False\n")


def test_no_release_on_the_course_schedule_shows_an_answer_before_it_is_due():
    assert release.schedule_problems() == []


def test_the_check_finds_the_answers_a_release_of_everything_at_once_would_give_away():
    """All eight released on one day, as one assignment was: 01's sigmoid and log loss are in 02, and so on.

    The check compares lines of code, so it finds given copies (these are written line for line from the
    solutions); a copy rewritten in other words would need the closed-form check of test_teaching.
    """
    schedule = [course.Assignment(a.name, a.notebooks, course.assignments()[0].release, a.due)
                for a in course.assignments()]
    found = {(g.answer_of.name, g.grade_id, g.shown_in.name) for g in release.schedule_problems(schedule=schedule)}
    assert {("01_model_and_loss", "sigmoid", "02_chain_rule"), ("01_model_and_loss", "log_loss", "02_chain_rule"),
            ("02_chain_rule", "dL_dz_squared_error", "04_update_rule")} <= found
    assert all(answer != shown for answer, _, shown in found)  # no student copy shows its own answers


@pytest.fixture(scope="module")
def two_open_at_once(course_copy):
    """A course whose 02 opens on 10 September, while 01 is due until the 14th."""
    return course_copy(_schedule({"02_chain_rule": SEPT + timedelta(days=3)}), name="moved")


def test_release_refuses_an_answer_still_due_naming_the_answers_and_the_date(two_open_at_once):
    where = course.layout(two_open_at_once)
    with pytest.raises(release.AnswersStillDue) as refused:
        release.release(two_open_at_once, now=SEPT + timedelta(days=4))
    message = str(refused.value)
    assert "02_chain_rule gives 01_model_and_loss's sigmoid as code" in message
    assert "01_model_and_loss is due 2026-09-14 09:00+00:00" in message and "--answers-early" in message
    assert not where.release("01_model_and_loss").exists()  # nothing written, not even the fair part
    problems = release.schedule_problems(two_open_at_once)
    assert {(g.answer_of.name, g.shown_in.name) for g in problems} == {("01_model_and_loss", "02_chain_rule")}


def test_the_rule_follows_the_dates_and_gives_way_to_an_instructor_who_knows(two_open_at_once):
    where = course.layout(two_open_at_once)
    assert release.release(two_open_at_once, ["01_model_and_loss"], now=SEPT + timedelta(days=4))  # nothing of 01 due
    after_due = release.release(two_open_at_once, now=SEPT + timedelta(days=7))  # 01 due: 02 may show its answers
    assert [p.name for p in after_due] == ["01_model_and_loss", "02_chain_rule"]
    early = release.release(two_open_at_once, ["03_two_features"], early=True, now=SEPT)
    assert early == [where.release("03_two_features")]


def test_moving_two_dates_can_not_release_the_whole_term(course_copy):
    everything_now = course_copy(_schedule({a.name: SEPT for a in course.assignments()}), name="all_at_once")
    with pytest.raises(release.AnswersStillDue, match="08_backpropagation gives"):
        release.release(everything_now, now=SEPT + timedelta(days=1))


def test_the_cli_refuses_with_the_reason_and_releases_when_told(course_copy):
    due = datetime.now(timezone.utc) + timedelta(days=6)
    root = course_copy(f"c.Course.assignments[0]['due'] = {due.isoformat()!r}\nc.Course.release_answers_early = False\n",
                       name="cli")
    refused = run_cli("--course", str(root), "release", "--assignment", "02_chain_rule", check=False)
    assert refused.returncode == 2 and "error: nothing released: 02_chain_rule gives 01_model_and_loss's" in refused.stderr
    told = run_cli("--course", str(root), "release", "--assignment", "02_chain_rule", "--answers-early")
    assert "released 02_chain_rule" in told.stdout


def test_a_failed_release_keeps_the_previous_one_and_says_nbgraders_cause(course_copy):
    """nbgrader keeps a notebook's cells once it has submissions: adding one fails, in nbgrader's words and ours."""
    from autograder.grading import gradebook

    root = course_copy(release=["01_model_and_loss"], name="cells")
    where = course.layout(root)
    before = (where.release("01_model_and_loss") / "01_model_and_loss.ipynb").read_bytes()
    with gradebook.opened(course.config(root).CourseDirectory.db_url) as opened:
        opened.add_student("ann")
        opened.add_submission("01_model_and_loss", "ann")
    path = notebook_file("01_model_and_loss", root)
    notebook = nbformat.read(path, as_version=4)
    extra = nbformat.v4.new_code_cell("answer_extra = None", metadata={"nbgrader": {
        "grade": False, "solution": True, "locked": False, "grade_id": "extra", "schema_version": 3}})
    notebook.cells.insert(-1, extra)
    nbformat.write(notebook, path)
    with pytest.raises(RuntimeError) as failed:
        release.release(root, ["01_model_and_loss"])
    assert "Cannot add or remove cells for notebook '01_model_and_loss' because there are submissions" in str(failed.value)
    assert "nbgrader db assignment remove 01_model_and_loss --force" in str(failed.value)
    assert (where.release("01_model_and_loss") / "01_model_and_loss.ipynb").read_bytes() == before


def test_an_assignment_ships_only_the_files_its_notebooks_use():
    shipped = {a.name: {p.name for p in release.files_used([notebook_file(n) for n in a.notebooks])}
               for a in course.assignments()}
    assert all({"checks.py", "README.md"} <= files for files in shipped.values())
    assert [name for name, files in shipped.items() if "explorer.py" in files] == ["07_momentum"]
    assert [name for name, files in shipped.items() if "data" in files] == ["05_vectorized"]


# --- the release (of the class graded once: conftest.graded_class) ------------------------------------


@pytest.mark.end_to_end
def test_release_holds_no_answers_no_hidden_tests_and_no_outputs(graded_class):
    root, _, _ = graded_class
    for assignment in course.assignments(root):
        folder = course.layout(root).release(assignment.name)
        assert sorted(p.stem for p in folder.glob("*.ipynb")) == list(assignment.notebooks)
        assert (folder / "checks.py").exists() and not list(folder.rglob("__pycache__"))
        assert "What counts as correct" in (folder / "README.md").read_text(encoding="utf-8")
        # only the files its notebooks use: the data set with 05, the explorer (which computes gradients) with 07
        assert (folder / "data" / "breast_cancer.csv").exists() == (assignment.name == "05_vectorized")
        assert (folder / "explorer.py").exists() == (assignment.name == "07_momentum")
        for path in folder.glob("*.ipynb"):
            text = path.read_text(encoding="utf-8")
            assert "BEGIN SOLUTION" not in text and "HIDDEN TESTS" not in text and "submit(" not in text
            assert release.INSTRUCTOR_METADATA not in nbformat.read(path, as_version=4).metadata
            assert all(not c.get("outputs") for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code")


@pytest.mark.end_to_end
def test_answer_and_free_cells_of_the_release_ask_for_work_without_a_raise_to_delete(graded_class):
    root, _, _ = graded_class
    released = [c for a in course.assignments(root) for path in sorted(course.layout(root).release(a.name).glob("*.ipynb"))
                for c in nbformat.read(path, as_version=4).cells if c.metadata.get("nbgrader", {}).get("solution")]
    answer_cells = [c for c in released if "answer_" in c.source]
    instructor = [c for name in course.notebook_names(root) for c in nbformat.read(
        notebook_file(name, root), as_version=4).cells
        if c.metadata.get("nbgrader", {}).get("solution") and c.source.lstrip().startswith("answer_")]
    assert len(answer_cells) == len(instructor) >= 12
    for cell in answer_cells:
        assert "NotImplementedError" not in cell.source and "= None" in cell.source, cell.source
        assert "YOUR ANSWER HERE" in cell.source
    free = [c for c in released if not c.source.lstrip().startswith(("def ", "answer_"))]
    assert free, "the debugging exercise has a free cell for the student's experiments"
    for cell in free:
        assert "NotImplementedError" not in cell.source and "not graded" in cell.source, cell.source
    assert all("NotImplementedError" in c.source for c in released if c.source.lstrip().startswith("def "))


def test_a_due_date_moved_after_the_release_reaches_the_gradebook_when_grading_looks(course_copy):
    """grade calls ensure_assignments: the gradebook's due date (nbgrader's late penalties, the formgrader) follows
    c.Course.assignments, not the date the assignment had when it was released."""
    from autograder.grading import gradebook

    root = course_copy(release=["01_model_and_loss"], name="moved_due")
    moved = course.assignments(root)[0].due + timedelta(days=3)
    with open(root / "nbgrader_config.py", "a", encoding="utf-8") as config:
        config.write(f"c.Course.assignments[0]['due'] = {moved.isoformat()!r}\n")
    release.ensure_assignments(["01_model_and_loss"], root)
    with gradebook.opened(course.config(root).CourseDirectory.db_url) as opened:
        assert opened.find_assignment("01_model_and_loss").duedate == moved.astimezone(timezone.utc).replace(tzinfo=None)


def test_a_course_key_is_released_beside_variant_py_and_grading_refuses_another(course_copy):
    root = course_copy('c.Course.variant_key = " spring-2027 "\n', name="keyed")  # spaces around it do not count
    config_file = root / "nbgrader_config.py"
    keyed, plain = course.select(["01_model_and_loss", "03_two_features"], root)
    for assignment in (keyed, plain):
        release.make_source(assignment, root)
    source = course.layout(root).source
    assert (source(keyed.name) / "variant_key.txt").read_text(encoding="utf-8") == "spring-2027\n"
    assert not (source(plain.name) / "variant_key.txt").exists()  # 03 has no variant.py: no key either
    names = [keyed.name, plain.name]
    release.check_variant_key(names, course.layout(root), course.variant_key(root))  # the key released: all well
    release.make_source(keyed, root)  # released again with the same key: the same variants
    config_file.write_text(config_file.read_text(encoding="utf-8") + 'c.Course.variant_key = "autumn-2027"\n',
                           encoding="utf-8")
    refusal = r"^01_model_and_loss was released with another variant key .* Put c\.Course\.variant_key back"
    with pytest.raises(ValueError, match=refusal):
        release.check_variant_key(names, course.layout(root), course.variant_key(root))
    with pytest.raises(ValueError, match=refusal):  # nor is it released again under the new key by mistake
        release.make_source(keyed, root)
    assert (source(keyed.name) / "variant_key.txt").read_text(encoding="utf-8") == "spring-2027\n"
