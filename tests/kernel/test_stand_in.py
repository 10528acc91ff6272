"""The stand-ins (autograder.kernel.stand_in): the reference's values on its trajectory, the student's elsewhere, and
nothing readable in the table."""

import pickle

import numpy as np
import pytest

from autograder.kernel import stand_in

PARAMETERS, DEFAULTS = ["w", "b", "beta"], {"beta": 0.9}


def _table(*calls):
    """A table of calls given as (w, b, beta) -> outputs."""
    return stand_in.seal([({"w": np.asarray(w), "b": b, "beta": beta}, outputs, {}) for (w, b, beta), outputs in calls])


def _helper(*args, **kwargs):
    return "the student's"


def _standing(table):
    return stand_in.StandIn(_helper, stand_in.signature(PARAMETERS, DEFAULTS), table)


def test_a_call_on_the_trajectory_gets_the_references_values_and_any_other_the_students():
    standing = _standing(_table((([1.0, 2.0], 0.5, 0.9), ("the reference's", 7.0))))
    assert standing(np.array([1.0, 2.0]), 0.5) == ("the reference's", 7.0)  # beta by its default
    assert standing(w=np.array([1.0, 2.0]), b=0.5, beta=0.9) == ("the reference's", 7.0)  # by keyword
    assert standing(np.array([1.0, 2.0]), 0.5, 0.8) == "the student's"  # another beta: off the trajectory
    assert standing(np.array([1.0, 2.001]), 0.5) == "the student's"
    assert standing("not a number", 0.5) == "the student's" and standing() == "the student's"  # unbindable
    assert (standing.hits, standing.misses) == (2, 4)


@pytest.mark.parametrize("w", [0.1 + 0.2, 1e-8 * 13, 1e-8 * 12.5, 2.0 - 1e-8 * 0.5])  # a boundary of each grid
def test_arithmetic_that_differs_by_rounding_finds_its_entry(w):
    standing = _standing(_table(((w, 0.0, 0.9), "hit")))
    for nearby in (w, w * (1 + 1e-15), w * (1 - 1e-15), np.nextafter(w, 10), np.nextafter(w, -10)):
        assert standing(nearby, 0.0) == "hit", nearby


def test_a_generator_is_matched_by_its_state_and_left_as_the_references_call_left_it():
    rng = np.random.default_rng(3)
    before = pickle.loads(pickle.dumps(rng))
    rng.permutation(10)
    table = stand_in.seal([({"rng": before}, "batches", {"rng": rng.bit_generator.state})])
    standing = stand_in.StandIn(_helper, stand_in.signature(["rng"], {}), table)
    mine = np.random.default_rng(3)
    assert standing(mine) == "batches" and mine.bit_generator.state == rng.bit_generator.state
    assert standing(mine) == "the student's"  # the state has moved on: the next call is another entry
    assert standing(np.random.default_rng(4)) == "the student's"


def test_the_table_shows_neither_the_points_nor_the_values():
    w, outputs = np.array([0.123456789, -2.5]), (0.693147, np.array([0.25, -0.125]))
    sealed = pickle.dumps(_table(((w, 0.5, 0.9), outputs)))
    for number in [*w, 0.5, outputs[0], *outputs[1]]:
        assert np.float64(number).tobytes() not in sealed and repr(float(number)).encode() not in sealed
