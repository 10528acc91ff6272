"""Shared set-up and test-session hooks.

Fixtures: `course_copy` (a copy of the course in a fresh temporary folder, released if asked) and
`gradebook_scores` (a course's gradebook read back), both factories; `graded_class` (one class graded once
through the CLI, for every test of the batch path: tests/grading/batch/). Markers: `slow`, `end_to_end`,
`browser` (pyproject.toml); the quick suite is everything else (`make quick`).

Under pytest-xdist (`make test`), each test file runs on one worker, and so do all the files of an
`xdist_group` (the class graded once): module and session fixtures are made once.
"""

import shutil

import pytest

from tests import helpers
from tests.grading.batch.the_class import write_class


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """Keep each phase's report on the test (item.report_call, ...): a fixture's teardown can see a failure."""
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    """Every test file is one xdist group unless its tests name another (before xdist reads the groups)."""
    for item in items:
        if item.get_closest_marker("xdist_group") is None:
            item.add_marker(pytest.mark.xdist_group(item.nodeid.split("::")[0]))


def pytest_terminal_summary(terminalreporter):
    for report in terminalreporter.stats.get("passed", []) + terminalreporter.stats.get("failed", []):
        for name, value in getattr(report, "user_properties", ()):
            if name == "real_mistakes_named":
                terminalreporter.write_line(f"real corpus: {value} of the real mistakes named (at least 80 % required)")


@pytest.fixture(scope="session")
def course_copy(tmp_path_factory):
    """Make a copy of the course in a fresh temporary folder: course_copy(extra_config=None, release=False) -> root.

    `extra_config`: lines added to this repository's nbgrader_config.py in the copy (without it the copy has no
    config of its own and reads this repository's). `release`: True for every assignment, or their names.
    """
    def make(extra_config=None, release=False, name="course"):
        return helpers.copy_course(tmp_path_factory.mktemp(name), extra_config, release)
    return make


@pytest.fixture(scope="session")
def gradebook_scores():
    """Read a course's gradebook back: gradebook_scores(root) -> CSV text of every grade (tests/golden's format)."""
    return helpers.scores_in_gradebook


@pytest.fixture(scope="session")
def graded_class(course_copy):
    """The class of tests/grading/batch/the_class.py released, graded with two jobs, reported: (root, out, grade's output)."""
    root = course_copy(release=True)
    submissions, out = root / "downloads", root / "out"
    write_class(root, submissions)
    result = helpers.run_cli("--course", str(root), "grade", str(submissions), "--out", str(out), "--jobs", "2")
    helpers.run_cli("report", str(out), "--lms", "canvas", "--lms", "moodle")
    return root, out, result


@pytest.fixture
def class_copy(graded_class, tmp_path):
    """The graded class copied whole (course, gradebook, kept state, OUT), for a test that changes it: (root, out)."""
    root, _, _ = graded_class
    shutil.copytree(root, tmp_path / "c", symlinks=True)
    return tmp_path / "c", tmp_path / "c" / "out"
