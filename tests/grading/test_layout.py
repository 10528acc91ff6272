"""One place for every path: layout.py builds them all, from nbgrader's own format_path and the configuration,
and no other module writes a course folder's name or reads grades.csv."""

import ast
from pathlib import Path

import pytest
from traitlets.config import Config

from autograder.grading import course, layout
from autograder.grading.layout import Layout, Out
from tests.helpers import REPO

#: Every name layout.py gives a folder or file of the course, the work folder or OUT/.
NAMES = {"course", "source", "release", "submitted", "autograded", "feedback", "records", "fates", "verdicts",
         "template", "version", "kernel_lib", "jupyter", "kernels", "notebooks", "logistic_regression", "build",
         "demo", "students", ".partial", "gradebook.db", "nbgrader_config.py", "timestamp.txt",
         "submission_secret.txt", "grades.csv", "summary.csv", "notes.txt", "grading.log", "report.md",
         "score_distribution.png", "pass_rates.png"}
#: Literals that name no path although they are spelled like one, each with why.
NOT_PATHS = {
    ("autograder/grading/settings.py", "course"): "the default of c.Grading.work_directory, declared with its help",
    ("autograder/grading/settings.py", "notebooks"): "a key of c.Course.assignments' entries",
    ("autograder/grading/settings.py", "release"): "a key of c.Course.assignments' entries",
    ("autograder/instructor/cli.py", "release"): "the name of a command",
    ("autograder/instructor/cli.py", "demo"): "the name of a command",
    ("autograder/instructor/report.py", "students"): "a plot's axis label",
    ("autograder/kernel/contract.py", "records"): "where the records folder appears inside the sandbox",
}
def _keys(tree):
    """The constants of a syntax tree that are keys of a mapping (`d["records"]`, `{"release": ...}`, `d.get("x")`,
    `"x" in d`), and docstrings: text that names no path."""
    keys = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Compare) and isinstance(node.ops[0], (ast.In, ast.NotIn)):
            keys.add(id(node.left))
        elif isinstance(node, ast.Subscript):
            keys.add(id(node.slice))
        elif isinstance(node, ast.Dict):
            keys |= {id(k) for k in node.keys if k is not None}
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in (
                "get", "pop", "setdefault") and node.args:
            keys.add(id(node.args[0]))
        elif isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body and \
                isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant):
            keys.add(id(node.body[0].value))
    return keys


def _path_literals(tree):
    """The string constants of a module's syntax tree that could be a path or a part of one: not a mapping key, a
    docstring, or prose (a message or help text, which has spaces where a path of this course has none)."""
    keys = _keys(tree)
    return [node.value for node in ast.walk(tree) if isinstance(node, ast.Constant) and isinstance(node.value, str)
            and id(node) not in keys and not any(c.isspace() for c in node.value)]


def _named(literal):
    """The layout names a literal holds as a path part ('course/submitted', 'grades.csv', 'x/.partial/y')."""
    parts = {part for part in literal.replace("\\", "/").split("/")}
    files = {name for name in NAMES if "." in name.strip(".") and literal.endswith(name)}
    return sorted((parts & NAMES) | files)


def _offences(path):
    relative = str(path.relative_to(REPO))
    return sorted({(relative, name) for literal in _path_literals(ast.parse(path.read_text(encoding="utf-8")))
                   for name in _named(literal)} - set(NOT_PATHS))


def _modules():
    return [p for p in sorted((REPO / "autograder").rglob("*.py")) if "__pycache__" not in p.parts
            and p != Path(layout.__file__)]


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(REPO / "autograder")))
def test_no_module_but_layout_writes_a_course_folders_name(path):
    assert _offences(path) == [], "build the path with autograder.grading.layout"


def test_the_search_finds_a_folder_written_out_anywhere_in_a_module(tmp_path):
    module = tmp_path / "x.py"
    module.write_text('"""A docstring may say course/submitted."""\n'
                      'def f(root, student):\n'
                      '    """So may this: grades.csv."""\n'
                      '    kept = {"records": root / "records"}\n'
                      '    return root / "course" / "submitted" / student, f"{root}/feedback/x", "out/grades.csv"\n')
    assert _named("course/submitted") == ["course", "submitted"] and _named("a course of its own") == []
    assert _path_literals(ast.parse('print("see grades.csv")')) == []  # prose
    assert sorted({n for literal in _path_literals(ast.parse(module.read_text())) for n in _named(literal)}) == [
        "course", "feedback", "grades.csv", "records", "submitted"]


def test_every_exception_to_the_search_is_still_needed():
    found = {(str(p.relative_to(REPO)), name) for p in _modules()
             for literal in _path_literals(ast.parse(p.read_text(encoding="utf-8"))) for name in _named(literal)}
    assert set(NOT_PATHS) <= found


def test_grades_csv_and_summary_csv_are_read_and_written_by_one_module():
    """The csv module appears only where grades.csv and summary.csv are written and read, in the LMS files, and where
    similarity.csv (every pair of students, not grades) is written and read."""
    users = {str(p.relative_to(REPO)) for p in _modules()
             if any(isinstance(n, ast.Attribute) and isinstance(n.value, ast.Name) and n.value.id == "csv"
                    for n in ast.walk(ast.parse(p.read_text(encoding="utf-8"))))}
    assert users == {"autograder/grading/grades.py", "autograder/instructor/lms.py", "autograder/instructor/similarity.py"}
    lms = ast.parse((REPO / "autograder" / "instructor" / "lms.py").read_text(encoding="utf-8"))
    readers = [n.attr for n in ast.walk(lms) if isinstance(n, ast.Attribute) and n.attr in ("reader", "DictReader")]
    assert readers == []  # the LMS files are written from grades.read_summary and grades.read_grades


def test_nbgraders_folders_follow_the_configuration_as_nbgrader_reads_it(tmp_path):
    config = Config()
    config.CourseDirectory.root = str(tmp_path)
    config.CourseDirectory.submitted_directory = "handed_in"
    config.CourseDirectory.autograded_directory = "graded/auto"
    config.Grading.work_directory = "scratch"
    where = Layout(config)
    assert where.submission("ann", "01", "01") == tmp_path / "handed_in" / "ann" / "01" / "01.ipynb"
    assert where.graded_copy("ann", "01", "01") == tmp_path / "graded" / "auto" / "ann" / "01" / "01.ipynb"
    assert where.feedback_page("ann", "01", "01") == tmp_path / "feedback" / "ann" / "01" / "01.html"
    assert where.release("01") == tmp_path / "release" / "01" and where.source("01") == tmp_path / "source" / "01"
    assert where.steps("ann", "01") == [where.submitted("ann", "01"), where.autograded("ann", "01"), where.feedback("ann", "01")]
    assert where.records("ann", "01").is_relative_to(tmp_path / "scratch") and where.key("ann", "01").suffix == ".key"


def test_the_course_is_laid_out_as_its_nbgrader_config_says():
    where = course.layout()
    assert where.root == REPO and where.work == REPO / "course"
    assert where.submitted("ann", "01_model_and_loss") == REPO / "course" / "submitted" / "ann" / "01_model_and_loss"
    assert layout.notebook_file("01_model_and_loss") == REPO / "notebooks" / "logistic_regression" / "01_model_and_loss.ipynb"
    assert Out("o").feedback_page("ann", "01") == Path("o") / "feedback" / "ann" / "01.html"


def test_the_judged_notebooks_are_those_with_kept_verdicts(tmp_path):
    config = Config()
    config.CourseDirectory.root = str(tmp_path)
    where = Layout(config)
    for student, notebook in (("ann", "01"), ("bo", "02")):
        where.verdicts(student, notebook).parent.mkdir(parents=True, exist_ok=True)
        where.verdicts(student, notebook).write_text("{}")
    where.key("ann", "01").write_text("k")
    assert where.judged() == {("ann", "01"), ("bo", "02")}
