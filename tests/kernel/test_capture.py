"""Capturing in the student's kernel: fresh arguments for every call, and answers as plain data."""

import solutions
from autograder.judging import judge, probe
from autograder.kernel.capture import capture, capture_answer


def test_each_call_gets_fresh_arguments_even_when_the_student_changes_them():
    def mutating(w, b, dw, db, learning_rate):
        w -= learning_rate * dw
        return w, b - learning_rate * db

    verdict = judge("update_parameters", capture(mutating, probe("update_parameters")))
    assert verdict.mistake == "mutates_input"
    assert judge("update_parameters", capture(solutions.update_parameters, probe("update_parameters"))).passed


def test_concept_answers_are_captured_as_plain_data():
    assert capture_answer({"b", "a"}) == ["a", "b"] and capture_answer(3) == 3.0 and capture_answer(True) == "True"
    assert capture_answer({"x": 1, "y": "batch", "z": True}) == {"x": 1.0, "y": "batch", "z": "True"}
    assert capture_answer(None) is None
