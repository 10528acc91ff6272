"""Grading one student as a task: staging, reusing an unchanged notebook's grading, running the rest."""

import nbformat
import pytest

from autograder.grading import course
from autograder.grading.autograde.judge_records import write_verdicts
from autograder.grading.batch.tasks import Task, reuse
from autograder.grading.batch.template import content_key
from autograder.grading.grades import Row
from tests.grading.batch.the_class import NOTEBOOKS
from tests.helpers import REPO, read_rows, run_cli

GOLDEN = REPO / "tests" / "golden"


def test_an_unchanged_notebook_is_reused_only_with_its_key_verdicts_graded_copy_and_feedback_all_kept(course_copy):
    root = course_copy()
    name, where = "01_model_and_loss", course.layout(root)
    rows = [Row("ann", name, "test_sigmoid", 2.0, 2.0, "passed", "")]
    files = [where.graded_copy("ann", name, name), where.feedback_page("ann", name, name)]

    def task(content=b"{}"):
        return Task("ann", {name: content}, {}, [], (name,), keys={name: content_key("v1", content)})

    assert reuse(task(), root).reused == {}  # nothing kept yet
    write_verdicts(where, "ann", name, rows, ["ann: 01: re-identified sigmoid"])
    where.key("ann", name).write_text(content_key("v1", b"{}"))
    for path in files:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("kept")
    kept = reuse(task(), root)
    assert kept.notebooks == {} and kept.reused == {name: rows} and kept.notes == ["ann: 01: re-identified sigmoid"]
    assert reuse(task(b'{"cells": []}'), root).reused == {}  # handed in again, changed
    assert content_key("v2", b"{}") != content_key("v1", b"{}")  # another course or grader version
    files[1].unlink()  # its feedback page is gone: run it again
    assert reuse(task(), root).reused == {}


@pytest.mark.end_to_end
def test_grading_again_runs_only_the_notebook_handed_in_again_and_force_runs_all(class_copy, gradebook_scores):
    root, out = class_copy
    where, downloads = course.layout(root), root / "downloads"
    fates = where.fate("vera", "03_two_features").parents[1]
    path = downloads / "vera" / "03_two_features.ipynb"  # vera hands 03 in again, with a note added
    notebook = nbformat.read(path, as_version=4)
    notebook.cells.append(nbformat.v4.new_markdown_cell("I checked my gradients against central differences."))
    nbformat.write(notebook, path)
    ran = {p: p.stat().st_mtime_ns for p in fates.rglob("*.json")}
    result = run_cli("--course", str(root), "grade", str(downloads), "--out", str(root / "again"))
    assert "(1 notebook run;" in result.stdout
    assert [p for p in fates.rglob("*.json") if p.stat().st_mtime_ns != ran.get(p)] == [
        where.fate("vera", "03_two_features")]
    assert read_rows(root / "again") == read_rows(out)  # the same answers: the same rows
    assert gradebook_scores(root) == (GOLDEN / "gradebook.csv").read_text(encoding="utf-8")
    graded = nbformat.read(where.graded_copy("vera", "03_two_features", "03_two_features"), as_version=4)
    assert graded.cells[-1].source.startswith("I checked my gradients")
    result = run_cli("--course", str(root), "grade", str(downloads), "--out", str(root / "forced"),
                  "--assignment", NOTEBOOKS[2], "--force")
    assert "(4 notebooks run;" in result.stdout  # ada, vera, will and pat's renamed copy
    assert read_rows(root / "forced") == [r for r in read_rows(out) if r["notebook"] == NOTEBOOKS[2] and r["status"] != "missing"]
