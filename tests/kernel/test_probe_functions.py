"""The scalar functions numerical_derivative is probed with: what they compute, and that a probe carries them by
reference to this module, which the sandbox's kernel library holds."""

import math
import pickle

import pytest

from autograder.kernel import probe_functions


@pytest.mark.parametrize("fn, x, value", [(probe_functions.cube, 2.0, 8.0), (probe_functions.sine, 1.0, math.sin(1.0)),
                                          (probe_functions.softplus, 0.0, math.log(2.0))])
def test_each_probe_function_computes_its_formula_and_travels_by_name(fn, x, value):
    assert fn(x) == pytest.approx(value, rel=1e-15)
    assert b"autograder.kernel.probe_functions" in pickle.dumps(fn)
