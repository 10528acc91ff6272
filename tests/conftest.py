"""Shared set-up and test-session hooks.

Fixtures: `course_copy` (a copy of the course in a fresh temporary folder, released if asked) and
`gradebook_scores` (a course's gradebook read back), both factories; `graded_class` (one class graded once
through the CLI, read by every test of the batch path) and `class_copy` (a copy of it, for a test that
changes it). Markers: `slow`, `end_to_end`, `browser` (pyproject.toml); the quick suite is everything else
(`make quick`).

Under pytest-xdist (`make test`, `--dist loadfile`), each test file runs on one worker, so a module's
fixtures are made once; the class is graded once for the whole run, by the first worker that needs it.
"""

import contextlib
import fcntl
import os
import shutil
import types

import pytest

from solutions.concepts import EXAMPLE_STUDENT, variant
from tests import helpers, postgres as postgres_server
from tests.grading.batch.the_class import write_class

#: Notebooks the tests run outside the grader run as the instructor's variant, as nbval and notebooks/execute.py do
#: (a graded kernel is always its folder's student: autograder.kernel.contract.graded_student).
os.environ[variant.ID_VARIABLE] = EXAMPLE_STUDENT


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """Keep each phase's report on the test (item.report_call, ...): a fixture's teardown can see a failure."""
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


def pytest_terminal_summary(terminalreporter):
    for report in terminalreporter.stats.get("passed", []) + terminalreporter.stats.get("failed", []):
        for name, value in getattr(report, "user_properties", ()):
            if name == "real_mistakes_named":
                terminalreporter.write_line(f"real corpus: {value} of the real mistakes named (at least 80 % required)")
            if name == "held_out_mistakes_named":
                terminalreporter.write_line(f"held-out real code (not tuned on): {value} of its mistakes named")


@pytest.fixture(scope="session")
def course_copy(tmp_path_factory):
    """Make a copy of the course in a fresh temporary folder: course_copy(extra_config=None, release=False) -> root.

    `extra_config`: lines added to this repository's nbgrader_config.py in the copy. `release`: True for every
    assignment, or their names.
    """
    def make(extra_config=None, release=False, name="course"):
        return helpers.copy_course(tmp_path_factory.mktemp(name), extra_config, release)
    return make


@pytest.fixture(scope="session")
def gradebook_scores():
    """Read a course's gradebook back: gradebook_scores(root) -> CSV text of every grade (tests/golden's format)."""
    return helpers.scores_in_gradebook


@contextlib.contextmanager
def _locked(path):
    """Hold an exclusive lock on a file for a block: one process at a time, the others wait."""
    with open(path, "w") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(held, fcntl.LOCK_UN)


@pytest.fixture(scope="session")
def graded_class(tmp_path_factory):
    """The class of tests/grading/batch/the_class.py released, graded with two jobs, reported, once for the whole
    run (under xdist, the first worker grades it and the other waits for it): (root, out, grade's output).

    Read it, never change it: a test that grades or re-judges again takes a `class_copy`.
    """
    shared = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = shared.parent  # this run's folder, which every worker's own is in
    folder = shared / "graded_class"
    root, submissions, out, said = folder / "course", folder / "course" / "downloads", folder / "course" / "out", \
        folder / "grade.stdout"
    with _locked(shared / "graded_class.lock"):
        if not said.exists():
            shutil.rmtree(folder, ignore_errors=True)
            helpers.copy_course(root, release=True)
            write_class(root, submissions)
            result = helpers.run_cli("--course", str(root), "grade", str(submissions), "--out", str(out), "--jobs", "2")
            helpers.run_cli("report", str(out), "--lms", "canvas", "--lms", "moodle")
            said.write_text(result.stdout, encoding="utf-8")
    return root, out, types.SimpleNamespace(stdout=said.read_text(encoding="utf-8"))


@pytest.fixture
def class_copy(graded_class, tmp_path):
    """The graded class copied whole (course, gradebook, kept state, OUT), for a test that changes it: (root, out)."""
    root, _, _ = graded_class
    shutil.copytree(root, tmp_path / "c", symlinks=True)
    return tmp_path / "c", tmp_path / "c" / "out"


@pytest.fixture(scope="session")
def postgres():
    """A PostgreSQL server for the run (one per xdist worker that needs one): postgres.database() -> the SQLAlchemy
    URL of a fresh, empty database (tests/postgres.py)."""
    with postgres_server.server() as running:
        yield running
