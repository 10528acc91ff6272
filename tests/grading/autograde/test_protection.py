"""The course's configuration registers every piece with nbgrader's Autograde; grading refuses one that does not."""

import pytest
from nbgrader.converters import Autograde
from traitlets.config import Config

from autograder.grading import course
from autograder.grading.autograde import ProtectionMissing, require


def test_the_course_config_gives_nbgraders_autograde_this_courses_pieces_around_nbgraders_own():
    autograde, plain = Autograde(coursedir=None, config=course.config()), Autograde()
    assert autograde.sanitize_preprocessors[0] == "autograder.grading.autograde.CheckSubmission"
    assert autograde.exporter_class.__name__ == "SubmissionExporter"
    assert [p.__name__ for p in plain.sanitize_preprocessors] == [p.rsplit(".", 1)[1] for p in autograde.sanitize_preprocessors[1:]]
    ours = [p.rsplit(".", 1)[1] for p in autograde.autograde_preprocessors]
    theirs = [p.__name__ for p in plain.autograde_preprocessors]  # each of nbgrader's, ours in place of two
    assert ours == [{"Execute": "SandboxedExecute", "SaveAutoGrades": "JudgeRecords"}.get(n, n) for n in theirs]
    require(course.config())


def test_grading_refuses_a_configuration_without_the_sandbox_or_the_judging():
    for trait, dropped in (("sanitize_preprocessors", "CheckSubmission"), ("autograde_preprocessors", "SandboxedExecute"),
                           ("autograde_preprocessors", "JudgeRecords")):
        config = Config(course.config())
        config.Autograde[trait] = [p for p in config.Autograde[trait] if not p.endswith(dropped)]
        with pytest.raises(ProtectionMissing, match=f"{dropped} in c.Autograde.{trait}"):
            require(config)
    config = Config(course.config())
    del config.Autograde["exporter_class"]  # nbgrader's NotebookExporter reads links, huge and broken files
    with pytest.raises(ProtectionMissing, match="c.Autograde.exporter_class"):
        require(config)
    with pytest.raises(ProtectionMissing):
        require(Config())  # nbgrader's defaults: no sandbox
