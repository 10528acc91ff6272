"""The graded copy: long outputs cut, their number bounded, what could run made inert, verdicts written in."""

import json

import nbformat

from autograder.grading.autograde import graded_copy
from autograder.grading.grades import Row
from tests.grading.test_settings import LIMITS


def test_long_outputs_are_cut_in_the_middle_and_short_ones_kept():
    notebook = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("print('x')")
    cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text="a" * 60 + "b" * 60),
                    nbformat.v4.new_output("execute_result", data={"text/plain": "short", "text/html": "<p>" * 50})]
    notebook.cells = [cell]
    assert graded_copy.truncate_outputs(notebook, 100) == 2
    text = cell.outputs[0]["text"]
    assert text.startswith("a" * 50) and text.endswith("b" * 50) and "20 characters cut by the grader" in text
    assert cell.outputs[1]["data"]["text/plain"] == "short"
    assert graded_copy.truncate_outputs(notebook, 10_000) == 0


def test_annotate_writes_the_graders_verdict_under_its_test_cell_only():
    notebook = nbformat.v4.new_notebook()
    test = nbformat.v4.new_code_cell("assert True", metadata={"nbgrader": {"grade_id": "test_sigmoid", "grade": True}})
    other = nbformat.v4.new_code_cell("x = 1", metadata={"nbgrader": {"grade_id": "sigmoid"}})
    notebook.cells = [other, test]
    graded_copy.annotate(notebook, [Row("ann", "01", "test_sigmoid", 0.0, 2.0, "failed", "sigmoid: is wrong.")])
    assert other.get("outputs", []) == []
    assert test.outputs[-1]["text"] == "Graded outside the notebook: 0 / 2. sigmoid: is wrong.\n"


def test_the_verdict_is_a_test_cells_last_output_as_annotate_wrote_it():
    test = nbformat.v4.new_code_cell("check()", metadata={"nbgrader": {"grade_id": "test_sigmoid", "grade": True}})
    notebook = nbformat.v4.new_notebook(cells=[test])
    assert graded_copy.verdict(test) == ""
    printed = nbformat.v4.new_output("stream", name="stdout", text=f"{graded_copy.GRADED} 2 / 2.\n")
    test.outputs = [printed]  # printed by the student's code; the grader's words come after it
    answer = nbformat.v4.new_code_cell("print(...)", metadata={"nbgrader": {"grade_id": "sigmoid", "solution": True,
                                                                            "grade": True}}, outputs=[printed])
    assert graded_copy.verdict(answer) == ""  # never an answer cell's output
    graded_copy.annotate(notebook, [Row("ann", "01", "test_sigmoid", 0.0, 2.0, "failed", "sigmoid: is wrong.")])
    assert graded_copy.verdict(test) == "Graded outside the notebook: 0 / 2. sigmoid: is wrong.\n"
    assert graded_copy.verdict(json.loads(nbformat.writes(notebook))["cells"][0]) == graded_copy.verdict(test)
    test.outputs.append(nbformat.v4.new_output("stream", name="stderr", text=f"{graded_copy.GRADED} 2 / 2.\n"))
    assert graded_copy.verdict(test) == ""


def test_re_annotating_replaces_the_earlier_verdict_and_nothing_the_student_printed():
    before = [Row("ann", "01", "test_sigmoid", 0.0, 2.0, "failed", "sigmoid: is wrong.")]
    after = [Row("ann", "01", "test_sigmoid", 2.0, 2.0, "passed", "")]
    test = nbformat.v4.new_code_cell("assert True", metadata={"nbgrader": {"grade_id": "test_sigmoid", "grade": True}})
    test.outputs = [nbformat.v4.new_output("stream", name="stdout", text=graded_copy.annotation(after[0]))]  # printed
    notebook = nbformat.v4.new_notebook(cells=[test])
    graded_copy.annotate(notebook, before)
    stored = json.loads(nbformat.writes(notebook))  # as re-judging reads it: text as a list of lines
    graded_copy.annotate(stored, after, before)
    assert ["".join(o["text"]) for o in stored["cells"][0]["outputs"]] == [graded_copy.annotation(after[0])] * 2
    graded_copy.annotate(stored, before, after)  # a printed copy of the new words stays: only the last one goes
    assert ["".join(o["text"]) for o in stored["cells"][0]["outputs"]] == [graded_copy.annotation(a) for a in after + before]


def test_inert_copies_drop_live_widget_views_silently_and_count_active_outputs():
    widget = nbformat.v4.new_output("display_data", data={
        "application/vnd.jupyter.widget-view+json": {"model_id": "abc", "version_major": 2, "version_minor": 0},
        "text/plain": "the explorer"})
    html = nbformat.v4.new_output("display_data", data={"text/html": "<script>alert(1)</script>", "text/plain": "x"})
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("explore()", outputs=[widget])],
                                        metadata={"widgets": {"application/vnd.jupyter.widget-state+json": {}}})
    assert graded_copy.make_inert(notebook) == 0
    assert notebook.cells[0].outputs[0].data == {"text/plain": "the explorer"} and "widgets" not in notebook.metadata
    notebook.cells[0].outputs.append(html)
    assert graded_copy.make_inert(notebook) == 1 and notebook.cells[0].outputs[1].data == {"text/plain": "x"}


def test_bounding_a_copy_notes_each_limit_it_applied_and_nothing_when_none_was_needed():
    cell = nbformat.v4.new_code_cell("x", outputs=[nbformat.v4.new_output("stream", name="stdout", text="y" * 500)]
                                     + [nbformat.v4.new_output("stream", name="stdout", text="z")] * 60)
    cell.outputs.append(nbformat.v4.new_output("display_data", data={"text/html": "<b>x</b>", "text/plain": "x"}))
    notes = graded_copy.bound(nbformat.v4.new_notebook(cells=[cell]), LIMITS, "ann: 01: ")
    assert notes == ["ann: 01: outputs longer than 100 characters were cut",
                     "ann: 01: outputs past 50 or 100000 characters in all were not kept"]
    quiet = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("x", outputs=[
        nbformat.v4.new_output("display_data", data={"text/html": "<b>x</b>", "text/plain": "x"})])])
    assert graded_copy.bound(quiet, LIMITS, "") == ["HTML or scripts in outputs or markdown are shown as text"]
    assert graded_copy.bound(quiet, LIMITS, "") == []


def test_the_folder_the_notebook_ran_in_is_taken_out_of_every_path_its_outputs_show(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    folder = tmp_path / "logreg-x1" / "c" / "course" / "autograded" / "ann" / "02_chain_rule"
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("assert_close(...)", outputs=[
        nbformat.v4.new_output("error", ename="AssertionError", evalue=f"in {folder}/checks.py",
                               traceback=["\x1b[0;31mAssertionError\x1b[0m",
                                          "File \x1b[0;32m~/logreg-x1/c/course/autograded/ann/02_chain_rule/checks.py:71\x1b[0m"]),
        nbformat.v4.new_output("stream", name="stderr", text=f"{folder}/02_chain_rule.py:3: RuntimeWarning\n"),
        nbformat.v4.new_output("execute_result", data={"text/plain": f"'{folder}'"}),
        nbformat.v4.new_output("stream", name="stdout", text="nothing of the grader's here\n"),
        # the same folder seen through another mount point
        nbformat.v4.new_output("stream", name="stderr", text="/mnt/w/c/course/autograded/ann/02_chain_rule/x.py:1\n"),
        # another folder whose name begins the same, and a relative path: left as they are
        nbformat.v4.new_output("stream", name="stdout", text="/mnt/w/autograded/ann/02_chain_rule2/y.py course/"
                               "autograded/ann/02_chain_rule/data/x.csv\n"),
    ])])
    assert graded_copy.without_grader_paths(nb, folder) == 4
    text = json.dumps(nb)
    assert "logreg-x1" not in text and str(tmp_path) not in text
    outputs = nb.cells[0].outputs
    assert outputs[0].traceback[1] == "File \x1b[0;32mchecks.py:71\x1b[0m" and outputs[0].evalue == "in checks.py"
    assert outputs[1].text == "02_chain_rule.py:3: RuntimeWarning\n" and outputs[2].data["text/plain"] == "''"
    assert outputs[3].text == "nothing of the grader's here\n" and outputs[4].text == "x.py:1\n"
    assert outputs[5].text == "/mnt/w/autograded/ann/02_chain_rule2/y.py course/autograded/ann/02_chain_rule/data/x.csv\n"
