"""Imported at start-up by every Python whose path holds this folder (see tests/notebooks/test_stored_outputs.py).

With LOGREG_PERTURB_ULPS=k set, every float64 result of NumPy's and math's
exponentials and logarithms is moved by up to k units in the last place, as
another processor's SIMD path or another libm would move it. The shift is a
function of the value (and of LOGREG_PERTURB_SEED), as a real libm's rounding
is, so that a computation repeated with the same inputs still gives the same
bits. A stored output that changes under it would not hold on another machine.
"""

import os

if os.environ.get("LOGREG_PERTURB_ULPS"):
    import math

    import numpy as np

    _ULPS = int(os.environ["LOGREG_PERTURB_ULPS"])
    _SALT = np.uint64(int(os.environ.get("LOGREG_PERTURB_SEED", "0")) * 0x2545F4914F6CDD1D + 1)
    _MIX = np.uint64(0x9E3779B97F4A7C15)

    def _shifted(values):
        """float64 values, each moved by a few units in the last place (exact 0, 1 and inf kept)."""
        a = np.array(values, dtype=np.float64, ndmin=1)
        bits = a.view(np.int64)
        hashed = (a.view(np.uint64) * _MIX + _SALT) >> np.uint64(40)
        shift = (hashed % np.uint64(2 * _ULPS + 1)).astype(np.int64) - _ULPS
        movable = np.isfinite(a) & (a != 0) & (a != 1)
        bits[movable] += shift[movable]
        return a

    def _nudged_ufunc(ufunc):
        def nudged(*args, **kwargs):
            result = ufunc(*args, **kwargs)
            if isinstance(result, np.ndarray) and result.dtype == np.float64:
                if "out" in kwargs:  # the caller's own buffer: move its values in place
                    result[...] = _shifted(result).reshape(result.shape)
                    return result
                return _shifted(result).reshape(result.shape)
            if isinstance(result, np.float64):
                return np.float64(_shifted(result)[0])
            return result
        nudged.__name__ = nudged.__qualname__ = ufunc.__name__
        return nudged

    def _nudged_math(function):
        def nudged(*args):
            return float(_shifted(function(*args))[0])
        nudged.__name__ = function.__name__
        return nudged

    for _name in ("exp", "expm1", "log", "log1p", "log2", "log10", "logaddexp", "tanh"):
        setattr(np, _name, _nudged_ufunc(getattr(np, _name)))
    for _name in ("exp", "expm1", "log", "log1p", "log10"):
        setattr(math, _name, _nudged_math(getattr(math, _name)))
