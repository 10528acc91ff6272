"""The grading layer's pieces on their own, without nbgrader runs, kernels or bubblewrap.

Every branch of the status decisions, repair, the graded copy (truncation and
annotation), judging a record left on disk, the streaming results writer, the
kernel library the sandbox mounts, the kernel/grader contract and the settings.
The end-to-end runs are tests/test_pipeline.py and tests/test_hostile.py.
"""

import csv
import json
import shutil
from pathlib import Path

import nbformat
import pytest
from traitlets.config import Config

import solutions
from autograder.grading import graded_copy, records, sandbox, settings
from autograder.grading.repair import repair
from autograder.grading.status import Row, cell_status, trusted_status
from autograder.grading.store import Results
from autograder.grading.submissions import discover, match_notebook
from autograder.grading.tasks import Result
from autograder.judging import FUNCTIONS, Verdict, judge, probe
from autograder.kernel import contract
from autograder.kernel.capture import capture, capture_answer, load_probe

REPO = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted(p.stem for p in (REPO / "notebooks" / "logistic_regression").glob("[0-9][0-9]_*.ipynb"))
LIMITS = settings.Limits(cell_timeout=60.0, notebook_timeout=300.0, memory_limit=2**31, file_size_limit=2**28,
                         max_output=100, max_outputs=50, max_output_total=10**5, disk_quota=2**29,
                         max_processes=64, max_notebook_size=2**22)
TEST = records.Test("test_sigmoid", 2.0, (("function", "sigmoid"),))
RIGHT, WRONG = Verdict(True), Verdict(False, "sigmoid: is wrong.\nmore", "sigmoid_tanh")


def _cell(*errors):
    return {"outputs": [{"output_type": "error", "ename": e, "evalue": v} for e, v in errors]}


# --- status decisions -----------------------------------------------------------------------------

@pytest.mark.parametrize("outputs, score, expected", [
    ([], 2, ("passed", "", "")),
    ([], 0, ("failed", "", "")),
    ([{"output_type": "error", "ename": "AssertionError", "evalue": "dL_dz: is y − a.\n[mistake: dLdz_y_minus_a]"}], 0,
     ("failed", "dL_dz: is y − a.", "dLdz_y_minus_a")),
    ([{"output_type": "error", "ename": "AssertionError", "evalue": ""}], 0, ("failed", "a test assertion failed", "")),
    ([{"output_type": "error", "ename": "NotImplementedError", "evalue": ""}], 0,
     ("failed", "not implemented yet", "not_implemented")),
    ([{"output_type": "error", "ename": "CellTimeoutError", "evalue": "No reply"}], 0,
     ("timeout", "the cell ran longer than the time limit and was stopped", "")),
    ([{"output_type": "error", "ename": "NameError", "evalue": "name 'sigmoid' is not defined"}], 0,
     ("error", "NameError: name 'sigmoid' is not defined", "")),
])
def test_cell_status_reads_the_graded_cell(outputs, score, expected):
    assert cell_status({"outputs": outputs}, score, 2) == expected


@pytest.mark.parametrize("verdicts, cell, fate, expected", [
    ([RIGHT], _cell(("AssertionError", "the kernel said no")), {}, (2.0, "passed", "", "")),
    ([WRONG], _cell(), {}, (0.0, "failed", "sigmoid: is wrong.", "sigmoid_tanh")),
    ([RIGHT, WRONG], _cell(), {}, (0.0, "failed", "sigmoid: is wrong.", "sigmoid_tanh")),
    ([None], _cell(), {"reason": "timeout"},
     (0.0, "timeout", "the notebook ran past its time limit of 300 s and was stopped before this test", "")),
    ([None], _cell(("CellTimeoutError", "")), {}, (0.0, "timeout", "a cell ran longer than 60 s and was stopped", "")),
    ([None], _cell(), {"cell_timeout": True},
     (0.0, "timeout", "a cell ran longer than 60 s and was stopped, with the rest of the notebook", "")),
    ([None], None, {"returncode": -9},
     (0.0, "error", "the kernel stopped before this test (exit code -9): os._exit, a crash, or the memory limit", "")),
    ([None], _cell(("NameError", "name 'np' is not defined")), {"returncode": 0},
     (0.0, "error", "the hidden test did not run: NameError: name 'np' is not defined", "")),
    ([None], _cell(), {"reason": "disk"},
     (0.0, "error", "the notebook wrote more than its disk quota of 536.871 MB (or too many files) and was stopped "
                    "before this test; what it wrote is discarded", "")),
    ([None], _cell(("RuntimeError", "can't start new thread")), {"process_limit_hit": True, "returncode": 0},
     (0.0, "error", "the kernel reached its limit of 64 processes and threads before this test could run", "")),
    ([RIGHT], _cell(), {"reason": "disk"}, (2.0, "passed", "", "")),
    ([None], _cell(), {}, (0.0, "error", "the hidden test did not run (its cell was not reached)", "")),
    ([None], None, {}, (0.0, "error", "the hidden test did not run (its cell was not reached)", "")),
    ([], _cell(), {}, (0.0, "error", "the hidden test did not run (its cell was not reached)", "")),
])
def test_trusted_status_decides_from_the_verdicts_first_then_what_the_kernel_saw(verdicts, cell, fate, expected):
    assert trusted_status(TEST, verdicts, cell, fate, LIMITS) == expected


# --- records --------------------------------------------------------------------------------------

def test_a_record_on_disk_is_judged_and_a_missing_or_broken_one_is_not_trusted(tmp_path):
    assert records.judge_record(tmp_path, "function", "sigmoid") is None
    path = contract.record_file(tmp_path, "function", "sigmoid")
    path.write_text(json.dumps(capture(solutions.sigmoid, probe("sigmoid"))), encoding="utf-8")
    assert records.judge_record(tmp_path, "function", "sigmoid").passed
    path.write_text(json.dumps(capture(lambda z: 0.5 + 0 * z, probe("sigmoid"))), encoding="utf-8")
    assert not records.judge_record(tmp_path, "function", "sigmoid").passed
    path.write_text("{not json", encoding="utf-8")
    assert records.judge_record(tmp_path, "function", "sigmoid").mistake == "malformed_record"
    concept = contract.record_file(tmp_path, "concept", "scenario_higher_loss")
    concept.write_bytes(b"\xff\xfe")
    assert not records.judge_record(tmp_path, "concept", "scenario_higher_loss").passed


def test_tests_of_reads_grade_ids_points_and_what_each_hidden_test_submits():
    notebook = nbformat.read(REPO / "notebooks" / "logistic_regression" / "01_model_and_loss.ipynb", as_version=4)
    tests = records.tests_of(notebook)
    assert [t.grade_id for t in tests][:2] == ["test_sigmoid", "test_log_loss"]
    assert tests[0].records == (("function", "sigmoid"),) and tests[0].points > 0
    assert all(t.records for t in tests)


# --- the graded copy ------------------------------------------------------------------------------

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


# --- repair ---------------------------------------------------------------------------------------

def _released(name="02_chain_rule"):
    return nbformat.read(REPO / "notebooks" / "logistic_regression" / f"{name}.ipynb", as_version=4)


def test_repair_gives_stripped_cells_their_metadata_back_and_restores_a_deleted_test():
    released = _released()
    submitted = nbformat.reads(nbformat.writes(released), as_version=4)
    ids = [c.metadata.get("nbgrader", {}).get("grade_id") for c in submitted.cells]
    answer = submitted.cells[ids.index("dL_dz")]
    del answer.metadata["nbgrader"]
    deleted = ids.index("test_da_dz")
    del submitted.cells[deleted]
    done = repair(submitted, released)
    assert "re-identified dL_dz" in done and "restored the deleted test cell test_da_dz" in done
    after = [c.metadata.get("nbgrader", {}).get("grade_id") for c in submitted.cells]
    assert [i for i in after if i] == [i for i in ids if i]
    assert repair(submitted, released) == []


# --- streaming results ----------------------------------------------------------------------------

def _result(student, scores, notes=()):
    rows = [Row(student, notebook, f"test_{notebook}", score, 2.0, "passed" if score == 2 else "failed",
                "" if score == 2 else "wrong") for notebook, score in zip(("01_a", "02_b"), scores)]
    return Result(student, rows, list(notes), {}, {"01_a.html": f"<p>{student}</p>".encode()})


def test_results_are_written_as_they_arrive_and_joined_in_student_order(tmp_path):
    results = Results(tmp_path, ["01_a", "02_b"], notes=["stray.txt: a file at the top level"])
    for result in (_result("zoe", (2.0, 0.0), ["zoe: renamed"]), _result("amy", (2.0, 2.0))):
        results.add(result)
    assert not (tmp_path / "grades.csv").exists()
    students, notes = results.close()
    assert students == 2 and notes == ["stray.txt: a file at the top level", "zoe: renamed"]
    with open(tmp_path / "grades.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert [(r["student"], r["notebook"], r["score"]) for r in rows] == [
        ("amy", "01_a", "2.0"), ("amy", "02_b", "2.0"), ("zoe", "01_a", "2.0"), ("zoe", "02_b", "0.0")]
    with open(tmp_path / "summary.csv", newline="", encoding="utf-8") as f:
        assert list(csv.reader(f)) == [["student", "01_a", "02_b", "total", "max", "late_penalty"],
                                       ["amy", "2.0", "2.0", "4.0", "4.0", "0.0"], ["zoe", "2.0", "0.0", "2.0", "4.0", "0.0"]]
    assert (tmp_path / "feedback" / "zoe" / "01_a.html").read_text() == "<p>zoe</p>"
    assert (tmp_path / "notes.txt").read_text().splitlines() == notes
    assert not (tmp_path / ".partial").exists()


def test_a_run_stopped_half_way_leaves_the_last_finished_run_as_it_was(tmp_path):
    first = Results(tmp_path, ["01_a", "02_b"])
    first.add(_result("amy", (2.0, 2.0)))
    first.close()
    before = {p.relative_to(tmp_path): p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    stopped = Results(tmp_path, ["01_a", "02_b"])
    stopped.add(_result("amy", (0.0, 0.0)))  # ... and the run is stopped here
    after = {p.relative_to(tmp_path): p.read_bytes() for p in tmp_path.rglob("*") if p.is_file() and ".partial" not in p.parts}
    assert after == before


# --- the kernel library and the contract ----------------------------------------------------------

def test_the_kernel_library_holds_the_kernel_layer_a_recording_package_and_every_probe(tmp_path):
    library = sandbox.kernel_library(tmp_path / "lib", {name: probe(name) for name in FUNCTIONS})
    package = library / "autograder"
    assert sorted(p.name for p in package.iterdir()) == ["__init__.py", "kernel"]
    shipped = sorted(p.name for p in (package / "kernel").glob("*.py"))
    assert shipped == sorted(p.name for p in (REPO / "autograder" / "kernel").glob("*.py"))
    assert "import submit, submit_answer" in (package / "__init__.py").read_text()
    assert sorted(p.stem for p in (library / "probes").glob("*.pickle")) == sorted(FUNCTIONS)


def test_a_probe_from_the_library_gives_the_same_record_as_one_made_here(tmp_path, monkeypatch):
    library = sandbox.kernel_library(tmp_path / "lib", {"dL_dz": probe("dL_dz")})
    monkeypatch.setenv(contract.PROBES_ENV, str(library / "probes"))
    record = capture(solutions.dL_dz, load_probe("dL_dz"))
    assert record == capture(solutions.dL_dz, probe("dL_dz")) and judge("dL_dz", record).passed


def test_each_call_gets_fresh_arguments_even_when_the_student_changes_them():
    def mutating(w, b, dw, db, learning_rate):
        w -= learning_rate * dw
        return w, b - learning_rate * db

    verdict = judge("update_parameters", capture(mutating, probe("update_parameters")))
    assert verdict.mistake == "mutates_input"
    assert judge("update_parameters", capture(solutions.update_parameters, probe("update_parameters"))).passed


def test_the_sandbox_settings_round_trip_through_the_environment(tmp_path):
    value = contract.sandbox_settings(kernel_lib=tmp_path / "lib", records=tmp_path / "r", report=tmp_path / "k.json",
                                      notebook_timeout=12, memory_limit=2**30, file_size_limit=2**20,
                                      disk_quota=2**25, max_processes=32)
    settings_read = contract.read_sandbox_settings({contract.SANDBOX_ENV: value})
    assert settings_read == {"kernel_lib": str(tmp_path / "lib"), "records": str(tmp_path / "r"),
                             "report": str(tmp_path / "k.json"), "notebook_timeout": 12.0,
                             "memory_limit": 2**30, "file_size_limit": 2**20, "disk_quota": 2**25,
                             "max_processes": 32, "workdir": None}
    ahead = contract.sandbox_settings(kernel_lib=tmp_path, records=tmp_path, report=tmp_path, notebook_timeout=1,
                                      memory_limit=1, file_size_limit=1, disk_quota=1, max_processes=1,
                                      workdir=tmp_path / "w")
    assert contract.read_sandbox_settings({contract.SANDBOX_ENV: ahead})["workdir"] == str(tmp_path / "w")


def test_a_kernel_started_ahead_preloads_numpy_and_matplotlib_and_no_other_does(tmp_path):
    args = (tmp_path / "run" / "kernel.json", tmp_path / "work", tmp_path / "lib", tmp_path / "rec", 2**20)
    assert sandbox.bwrap_command(*args, preload=True)[-1] == f"--IPKernelApp.exec_lines={sandbox.PRELOAD}"
    assert not any("exec_lines" in a for a in sandbox.bwrap_command(*args))
    namespace = {}
    exec(sandbox.PRELOAD, namespace)  # it imports, and leaves no name behind for the student's code
    assert set(namespace) == {"__builtins__"}


def test_the_bwrap_command_mounts_the_library_and_records_where_the_contract_says(tmp_path):
    command = sandbox.bwrap_command(tmp_path / "run" / "kernel.json", tmp_path / "work", tmp_path / "lib", tmp_path / "rec",
                                    tmp_size=2**25)
    assert ["--ro-bind", str(tmp_path / "lib"), contract.KERNEL_LIB] == command[command.index(str(tmp_path / "lib")) - 1:][:3]
    assert ["--bind", str(tmp_path / "rec"), contract.RECORDS] == command[command.index(str(tmp_path / "rec")) - 1:][:3]
    settings_of = {command[i + 1]: command[i + 2] for i, word in enumerate(command) if word == "--setenv"}
    assert settings_of[contract.PROBES_ENV] == contract.PROBES and settings_of[contract.RECORDS_ENV] == contract.RECORDS
    assert "--unshare-net" in command and command[command.index("--tmpfs") - 2:command.index("--tmpfs")] == [
        "--size", str(2**25)]


def test_concept_answers_are_captured_as_plain_data():
    assert capture_answer({"b", "a"}) == ["a", "b"] and capture_answer(3) == 3.0 and capture_answer(True) == "True"
    assert capture_answer({"x": 1, "y": "batch", "z": True}) == {"x": 1.0, "y": "batch", "z": "True"}
    assert capture_answer(None) is None


# --- settings -------------------------------------------------------------------------------------

def test_limits_come_from_the_config_with_defaults_where_it_is_silent():
    config = Config()
    config.Sandbox.memory_limit = 123.0  # a float is converted, as an instructor may write 2e9
    config.Execute.timeout = 7
    limits = settings.limits(config)
    assert (limits.memory_limit, limits.cell_timeout) == (123, 7.0) and isinstance(limits.memory_limit, int)
    assert limits.notebook_timeout == settings.Sandbox.notebook_timeout.default_value
    assert settings.Sandbox.class_traits()["memory_limit"].help


# --- finding submissions --------------------------------------------------------------------------

@pytest.mark.parametrize("filename, expected", [
    ("03_two_features.ipynb", "03_two_features"),
    ("03_two_features (1).ipynb", "03_two_features"),
    ("03_two_features (1)-Copy1.ipynb", "03_two_features"),
    ("03_Two-Features.ipynb", "03_two_features"),
    ("03.ipynb", "03_two_features"),
    ("3_my_version.ipynb", "03_two_features"),
    ("two_features.ipynb", None),
    ("notes.ipynb", None),
    ("09_extra.ipynb", None),
])
def test_submitted_files_are_matched_to_their_notebook(filename, expected):
    assert match_notebook(Path(filename), NOTEBOOKS) == expected


def test_discover_reads_both_layouts_and_keeps_the_exact_name_over_a_copy(tmp_path):
    (tmp_path / "ann" / "logistic_regression").mkdir(parents=True)
    (tmp_path / "ann" / "logistic_regression" / "01_model_and_loss.ipynb").write_text("{}")
    (tmp_path / "ann" / "01_model_and_loss (2).ipynb").write_text("{}")
    (tmp_path / "bo").mkdir()
    (tmp_path / "bo" / "02_chain_rule.ipynb").write_text("{}")
    (tmp_path / "loose.ipynb").write_text("{}")
    (tmp_path / "bad id!").mkdir()
    submissions, problems = discover(tmp_path, NOTEBOOKS)
    assert [s.student for s in submissions] == ["ann", "bo"]
    assert submissions[0].notebooks["01_model_and_loss"].name == "01_model_and_loss.ipynb"
    assert [p.name for p in submissions[0].duplicates] == ["01_model_and_loss (2).ipynb"]
    assert len(problems) == 2


# --- what instructors open: CSV and the report ----------------------------------------------------

@pytest.mark.parametrize("value, safe", [
    ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"), ("+1", "'+1"), ("-2+3", "'-2+3"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\tx", "'\tx"), ("\rx", "'\rx"), ("sigmoid: is wrong", "sigmoid: is wrong"), ("", ""), (-1.5, -1.5), (2.0, 2.0),
])
def test_a_csv_field_that_could_start_a_formula_is_neutralised(value, safe):
    from autograder.grading.store import spreadsheet_safe

    assert spreadsheet_safe(value) == safe


def test_grades_and_summary_csv_carry_no_formula(tmp_path):
    results = Results(tmp_path, ["01_a", "02_b"])
    row = Row("eve", "01_a", "test_x", 0.0, 2.0, "error", "=cmd|' /C calc'!A0", "")
    results.add(Result("eve", [row], [], {}, {}))
    results.close()
    with open(tmp_path / "grades.csv", newline="", encoding="utf-8") as f:
        message = list(csv.DictReader(f))[0]["message"]
    assert message == "'=cmd|' /C calc'!A0"


def test_the_report_shows_a_students_html_as_text(tmp_path):
    from autograder.instructor.report import write_report

    with open(tmp_path / "grades.csv", "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["student", "notebook", "test", "score", "max_score", "status", "message", "mistake"])
        writer.writerow(["eve", "01_a", "test_x", 0, 2, "error", "ValueError: <script>alert(1)</script> | x", ""])
        writer.writerow(["amy", "01_a", "test_x", 2, 2, "passed", "", ""])
    report = write_report(tmp_path).read_text(encoding="utf-8")
    assert "<script>" not in report and "&lt;script&gt;alert(1)&lt;/script&gt; / x" in report


@pytest.mark.parametrize("content", ["[]", "3", '{"function": "sigmoid", "cases": [{}, {}, {}, {}]}',
                                     '{"function": "sigmoid", "cases": [1, 2, 3, 4]}', '"text"', "null"])
def test_a_record_of_any_other_shape_costs_only_its_test(tmp_path, content):
    contract.record_file(tmp_path, "function", "sigmoid").write_text(content, encoding="utf-8")
    verdict = records.judge_record(tmp_path, "function", "sigmoid")
    assert not verdict.passed and verdict.mistake == "malformed_record"
    contract.record_file(tmp_path, "concept", "scenario_higher_loss").write_text(content, encoding="utf-8")
    assert not records.judge_record(tmp_path, "concept", "scenario_higher_loss").passed


def test_a_record_that_is_a_link_is_never_followed(tmp_path):
    target = tmp_path / "elsewhere.json"
    target.write_text(json.dumps(capture(solutions.sigmoid, probe("sigmoid"))), encoding="utf-8")
    contract.record_file(tmp_path, "function", "sigmoid").symlink_to(target)
    assert records.judge_record(tmp_path, "function", "sigmoid").mistake == "malformed_record"


def test_inert_copies_drop_live_widget_views_silently_and_count_active_outputs():
    from autograder.grading.graded_copy import make_inert

    widget = nbformat.v4.new_output("display_data", data={
        "application/vnd.jupyter.widget-view+json": {"model_id": "abc", "version_major": 2, "version_minor": 0},
        "text/plain": "the explorer"})
    html = nbformat.v4.new_output("display_data", data={"text/html": "<script>alert(1)</script>", "text/plain": "x"})
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("explore()", outputs=[widget])],
                                        metadata={"widgets": {"application/vnd.jupyter.widget-state+json": {}}})
    assert make_inert(notebook) == 0
    assert notebook.cells[0].outputs[0].data == {"text/plain": "the explorer"} and "widgets" not in notebook.metadata
    notebook.cells[0].outputs.append(html)
    assert make_inert(notebook) == 1 and notebook.cells[0].outputs[1].data == {"text/plain": "x"}


# --- late work ----------------------------------------------------------------------------------------

def test_the_per_day_penalty_takes_its_share_per_started_day_and_never_more_than_the_score():
    from autograder.grading.late import PerDayPenalty
    from traitlets.config import Config

    config = Config()
    config.PerDayPenalty.per_day = 0.25
    plugin = PerDayPenalty(config=config)
    assert plugin.late_submission_penalty("s", 8.0, 0) is None
    assert plugin.late_submission_penalty("s", 8.0, 60) == 2.0              # a minute: one started day
    assert plugin.late_submission_penalty("s", 8.0, 86400 + 60) == 4.0      # a day and a minute: two
    assert plugin.late_submission_penalty("s", 8.0, 30 * 86400) == 8.0      # never more than the score


def test_a_late_row_takes_the_configured_plugins_penalty_from_the_trusted_score():
    from datetime import datetime, timedelta, timezone

    from autograder.grading import course
    from autograder.grading.late import late_row
    from autograder.grading.status import Row

    due = datetime(2026, 9, 14, 9, tzinfo=timezone.utc)
    rows = [Row("s", "01_model_and_loss", "test_sigmoid", 2.0, 2.0, "passed", ""),
            Row("s", "01_model_and_loss", "test_log_loss", 1.0, 2.0, "failed", "x")]
    config = course.config()
    assert late_row(config, "s", "01_model_and_loss", rows, due - timedelta(seconds=1), due) is None
    row = late_row(config, "s", "01_model_and_loss", rows, due + timedelta(hours=25), due)
    per_day = config.PerDayPenalty.per_day  # nbgrader_config.py's policy
    assert row.test == "late_penalty" and row.status == "late" and row.max_score == 0
    assert row.score == pytest.approx(-3.0 * per_day * 2) and "25.0 h after the due date" in row.message


def test_the_time_a_notebook_was_handed_in_is_nbgraders_timestamp_or_if_allowed_the_files(tmp_path):
    import os
    from datetime import datetime, timezone

    from autograder.grading.late import timestamp_of

    notebook = tmp_path / "01_model_and_loss.ipynb"
    notebook.write_text("{}")
    os.utime(notebook, (1_790_000_000, 1_790_000_000))
    assert timestamp_of(notebook) is None
    assert timestamp_of(notebook, file_time=True) == datetime.fromtimestamp(1_790_000_000, timezone.utc)
    (tmp_path / "timestamp.txt").write_text("2026-09-15 10:30:00.000000 UTC")
    assert timestamp_of(notebook) == datetime(2026, 9, 15, 10, 30, tzinfo=timezone.utc)
    (tmp_path / "timestamp.txt").write_text("not a time")
    assert timestamp_of(notebook) is None and timestamp_of(notebook, file_time=True).year > 2000


def test_the_course_config_gives_nbgraders_autograde_this_courses_pieces_around_nbgraders_own():
    from nbgrader.converters import Autograde

    from autograder.grading import course, protected

    autograde, plain = Autograde(coursedir=None, config=course.config()), Autograde()
    assert autograde.sanitize_preprocessors[0] == "autograder.grading.protected.CheckSubmission"
    assert [p.__name__ for p in plain.sanitize_preprocessors] == [p.rsplit(".", 1)[1] for p in autograde.sanitize_preprocessors[1:]]
    ours = [p.rsplit(".", 1)[1] for p in autograde.autograde_preprocessors]
    theirs = [p.__name__ for p in plain.autograde_preprocessors]  # each of nbgrader's, ours in place of two
    assert ours == [{"Execute": "SandboxedExecute", "SaveAutoGrades": "JudgeRecords"}.get(n, n) for n in theirs]
    protected.require(course.config())


def test_grading_refuses_a_configuration_without_the_sandbox_or_the_judging():
    from traitlets.config import Config

    from autograder.grading import course, protected

    for trait, dropped in (("sanitize_preprocessors", "CheckSubmission"), ("autograde_preprocessors", "SandboxedExecute"),
                           ("autograde_preprocessors", "JudgeRecords")):
        config = Config(course.config())
        config.Autograde[trait] = [p for p in config.Autograde[trait] if not p.endswith(dropped)]
        with pytest.raises(protected.ProtectionMissing, match=f"{dropped} in c.Autograde.{trait}"):
            protected.require(config)
    with pytest.raises(protected.ProtectionMissing):
        protected.require(Config())  # nbgrader's defaults: no sandbox


def test_a_linked_or_oversized_submission_is_refused_and_a_plain_one_is_not(tmp_path):
    from autograder.grading.protected import _refusal

    submitted = tmp_path / "submitted"
    (submitted / "ann" / "01").mkdir(parents=True)
    plain = submitted / "ann" / "01" / "01.ipynb"
    plain.write_text("{}" * 100)
    assert _refusal(plain, submitted, max_size=1000) is None
    assert "MB, over the limit" in _refusal(plain, submitted, max_size=100)
    (submitted / "bob").symlink_to(submitted / "ann", target_is_directory=True)  # a student's folder is another's
    assert "symbolic link" in _refusal(submitted / "bob" / "01" / "01.ipynb", submitted, max_size=1000)
    (tmp_path / "answers.ipynb").write_text("{}")
    plain.unlink()
    plain.symlink_to(tmp_path / "answers.ipynb")  # the file is a link to the instructor's
    assert "symbolic link" in _refusal(plain, submitted, max_size=1000)


def test_verdicts_are_read_back_as_the_rows_and_notes_written(tmp_path):
    from autograder.grading.protected import read_verdicts, write_verdicts

    rows = [Row("ann", "01", "test_sigmoid", 0.0, 2.0, "failed", "sigmoid(0) is 1, not 0.5", "sign")]
    assert read_verdicts(tmp_path, "ann", "01") is None
    write_verdicts(tmp_path, "ann", "01", rows, ["ann: 01: re-identified sigmoid"])
    assert read_verdicts(tmp_path, "ann", "01") == (rows, ["ann: 01: re-identified sigmoid"])


def test_nbgraders_autograde_refuses_without_bubblewrap_or_without_the_sandboxed_run(monkeypatch):
    from autograder.grading import course, protected

    notebook = nbformat.v4.new_notebook()
    resources = {"nbgrader": {"student": "ann", "assignment": "01", "notebook": "01", "db_url": "sqlite://"}}
    monkeypatch.setattr(protected.shutil, "which", lambda name: None)
    with pytest.raises(protected.ProtectionMissing, match="bubblewrap"):
        protected.SandboxedExecute(config=course.config()).preprocess(notebook, resources)
    with pytest.raises(protected.ProtectionMissing, match="needs autograder.grading.protected.SandboxedExecute"):
        protected.JudgeRecords(config=course.config()).preprocess(notebook, resources)


def test_an_unchanged_notebook_is_reused_only_with_its_key_verdicts_graded_copy_and_feedback_all_kept(tmp_path):
    from autograder.grading import course, protected
    from autograder.grading.tasks import Task, content_key, key_file, reuse

    shutil.copytree(REPO / "notebooks", tmp_path / "notebooks", ignore=shutil.ignore_patterns("__pycache__"))
    name = "01_model_and_loss"
    work, rows = course.work(tmp_path), [Row("ann", name, "test_sigmoid", 2.0, 2.0, "passed", "")]
    files = [tmp_path / "course" / step / "ann" / name / f"{name}.{ext}" for step, ext in
             (("autograded", "ipynb"), ("feedback", "html"))]

    def task(content=b"{}"):
        return Task("ann", {name: content}, {}, [], (name,), keys={name: content_key("v1", content)})

    assert reuse(task(), tmp_path).reused == {}  # nothing kept yet
    protected.write_verdicts(work, "ann", name, rows, ["ann: 01: re-identified sigmoid"])
    key_file(work, "ann", name).write_text(content_key("v1", b"{}"))
    for path in files:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("kept")
    kept = reuse(task(), tmp_path)
    assert kept.notebooks == {} and kept.reused == {name: rows} and kept.notes == ["ann: 01: re-identified sigmoid"]
    assert reuse(task(b'{"cells": []}'), tmp_path).reused == {}  # handed in again, changed
    assert content_key("v2", b"{}") != content_key("v1", b"{}")  # another course or grader version
    files[1].unlink()  # its feedback page is gone: run it again
    assert reuse(task(), tmp_path).reused == {}


def test_a_kernel_started_ahead_gets_its_notebooks_folder_only_when_handed_over(tmp_path):
    import subprocess
    import threading

    runtime, workdir, copy = tmp_path / "run", tmp_path / "autograded", tmp_path / "run" / "work"
    runtime.mkdir()
    copy.mkdir()
    kernel = subprocess.Popen(["sleep", "30"])
    try:
        assert not sandbox._take_over(kernel, runtime, workdir, copy, idle=0.2)  # never handed over: False
        workdir.mkdir()  # nbgrader makes the notebook's folder just before it is run
        (workdir / "01.ipynb").write_text("{}")
        giver = threading.Thread(target=sandbox.hand_over, args=(runtime, 10))
        giver.start()
        assert sandbox._take_over(kernel, runtime, workdir, copy, idle=10)
        giver.join(10)
        assert not giver.is_alive() and (copy / "01.ipynb").read_text() == "{}" and (runtime / sandbox.READY).exists()
    finally:
        kernel.kill()
        kernel.wait()
    with pytest.raises(TimeoutError):
        sandbox.hand_over(tmp_path, timeout=0.1)  # no watcher answers
