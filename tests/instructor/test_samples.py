"""The demo's students: each hands in what its plan says, as an LMS download (a late notebook as nbgrader's
collect leaves it), with the instructor's answers except where the plan puts a typical mistake."""

from datetime import timedelta

import nbformat
import pytest

from autograder.grading import course, layout
from autograder.grading.autograde.late import nbgrader_timestamp
from autograder.instructor.samples import STUDENTS, TYPICAL_MISTAKES, make_samples

pytestmark = pytest.mark.end_to_end  # it reads the release of the class graded once


def test_the_sample_students_hand_in_what_their_plans_say(graded_class, tmp_path):
    root, _, _ = graded_class
    target = make_samples(tmp_path / "submissions", root)
    names = course.notebook_names(root)
    for student, plan in STUDENTS.items():
        handed_in = {p.relative_to(target / student).as_posix() for p in (target / student).rglob("*.ipynb")}
        expected = set()
        for name in names:
            if name in plan["skip"]:
                continue
            file = f"{plan.get('rename', {}).get(name, name)}.ipynb"
            expected.add(f"{course.assignment_of(name, root)}/{file}" if name in plan.get("late", {}) else file)
        expected |= {"scratch.ipynb"} if student == "cleo" else set()
        assert handed_in == expected, student
    late = target / "ben" / "02_chain_rule"
    due = course.assignment_by_notebook(root)["02_chain_rule"].due
    assert (late / layout.TIMESTAMP).read_text() == nbgrader_timestamp(due + timedelta(hours=STUDENTS["ben"]["late"]["02_chain_rule"]))
    sigmoid = next(c.source for c in nbformat.read(target / "cleo" / "01_model_and_loss.ipynb", as_version=4).cells
                   if c.metadata.get("nbgrader", {}).get("grade_id") == "sigmoid")
    assert sigmoid == TYPICAL_MISTAKES["sigmoid"].rstrip("\n")
    assert (target / "dev" / "01_model_and_loss.ipynb").read_text().startswith('{"cells": [')
