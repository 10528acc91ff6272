"""Grading's settings: read from the configuration with their defaults, the graded copy's limits under their old
names still read (with a warning), and a work folder outside the course refused."""

import re
import warnings

import pytest
from traitlets import TraitError
from traitlets.config import Config

from autograder.grading import settings

#: Limits for tests of pieces that take them, small enough to reach.
LIMITS = settings.Limits(cell_timeout=60.0, notebook_timeout=300.0, memory_limit=2**31, file_size_limit=2**28,
                         max_output=100, max_outputs=50, max_output_total=10**5, disk_quota=2**29,
                         max_processes=64, max_notebook_size=2**22)


def test_limits_come_from_the_config_with_defaults_where_it_is_silent():
    config = Config()
    config.Sandbox.memory_limit = 123.0  # a float is converted, as an instructor may write 2e9
    config.Execute.timeout = 7
    limits = settings.limits(config)
    assert (limits.memory_limit, limits.cell_timeout) == (123, 7.0) and isinstance(limits.memory_limit, int)
    assert limits.notebook_timeout == settings.Sandbox.notebook_timeout.default_value
    assert settings.Sandbox.class_traits()["memory_limit"].help
    assert limits.figures is True
    config.GradedCopy.figures = False
    assert settings.limits(config).figures is False


def test_the_graded_copys_limits_are_their_own_and_their_old_names_still_count_with_a_warning():
    config = Config()
    config.GradedCopy.max_outputs = 7
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no warning for the new names
        limits = settings.limits(config)
    assert limits.max_outputs == 7 and limits.max_output == settings.GradedCopy.max_output.default_value
    old = Config()
    old.Sandbox.max_output, old.Sandbox.max_outputs = 123, 9
    old.GradedCopy.max_outputs = 11  # the new name wins where both are set
    with pytest.warns(FutureWarning) as caught:
        limits = settings.limits(old)
    assert (limits.max_output, limits.max_outputs) == (123, 11)
    assert sorted(str(w.message).split(" (")[0] for w in caught) == [
        "c.Sandbox.max_output is now c.GradedCopy.max_output", "c.Sandbox.max_outputs is now c.GradedCopy.max_outputs"]


@pytest.mark.parametrize("folder", ["/tmp/elsewhere", "../outside", "course/../../up"])
def test_a_work_folder_outside_the_course_is_refused(folder):
    config = Config()
    config.Grading.work_directory = folder
    with pytest.raises(TraitError, match="inside the course root"):
        settings.Grading(config=config)


@pytest.mark.parametrize("entry, words", [
    ({"name": "a", "notebooks": ["x"], "release": "2026-09-07T09:00", "due": "2026-09-14T09:00+00:00"}, "time zone"),
    ({"name": "a", "notebooks": ["x"], "release": "2026-09-14T09:00+00:00", "due": "2026-09-07T09:00+00:00"},
     "due before"),
    ({"name": "a", "notebooks": ["x"], "due": "2026-09-14T09:00+00:00"}, "no ['release']"),
])
def test_a_malformed_schedule_is_refused_with_a_message(entry, words):
    config = Config()
    config.Course.assignments = [entry]
    with pytest.raises(TraitError, match=re.escape(words)):
        settings.Course(config=config)
