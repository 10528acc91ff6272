"""Every judge against the corpus: wrong answers are judged wrong with the mistake named, right ones right."""

import json

import numpy as np
import pytest

import solutions
from autograder import capture, check, judge, probes
from autograder.judges import UNNAMED
from corpus import RIGHT, WRONG


def _ids(entries):
    return [entry[-1].__name__ for entry in entries]


@pytest.mark.parametrize("name", solutions.GRADED)
def test_reference_passes_its_own_judge(name):
    verdict = check(name, getattr(solutions, name))
    assert verdict.passed, verdict.message


@pytest.mark.parametrize("name, mistake, fn", WRONG, ids=_ids(WRONG))
def test_wrong_answer_is_judged_wrong_with_its_mistake_named(name, mistake, fn):
    verdict = check(name, fn)
    assert not verdict.passed, f"{fn.__name__} passed"
    assert verdict.mistake == mistake, verdict.message
    assert verdict.message.startswith(f"{name}: ")


@pytest.mark.parametrize("name, fn", RIGHT, ids=_ids(RIGHT))
def test_right_answer_is_judged_right(name, fn):
    verdict = check(name, fn)
    assert verdict.passed, verdict.message


def test_corpus_is_large_and_covers_every_graded_function():
    assert len(WRONG) >= 40 and len(RIGHT) >= 15
    assert {name for name, *_ in WRONG} == set(solutions.GRADED)
    assert {name for name, _ in RIGHT} == set(solutions.GRADED)


def test_at_least_80_percent_of_wrong_answers_have_their_mistake_named():
    named = [fn for name, _, fn in WRONG if check(name, fn).mistake != UNNAMED]
    assert len(named) >= 0.8 * len(WRONG)


@pytest.mark.parametrize("name, mistake, fn", WRONG, ids=_ids(WRONG))
def test_messages_do_not_reveal_expected_values(name, mistake, fn):
    message = check(name, fn).message
    labels = " ".join(case.label for case in probes.cases(name))
    for case in probes.cases(name):
        if name == "make_minibatches":
            continue  # judged by properties: there are no expected values to leak
        expected = getattr(solutions, name)(*case.build())
        for value in np.ravel(np.concatenate([np.ravel(np.asarray(v, dtype=float)) for v in
                                              (expected if isinstance(expected, tuple) else (expected,))])):
            for text in {f"{value:.3g}", f"{value:.6f}", repr(float(value))}:
                if len(text.strip("-0.")) >= 3 and text not in labels:
                    assert text not in message, f"{message!r} shows the expected value {text}"


ROUND_TRIP = [(name, fn) for name, *_, fn in WRONG[::3] + RIGHT[::3]]


@pytest.mark.parametrize("name, fn", ROUND_TRIP, ids=_ids(ROUND_TRIP))
def test_judging_works_on_a_json_round_trip(name, fn):
    record = capture(name, fn)
    assert judge(name, json.loads(json.dumps(record))) == judge(name, record)
