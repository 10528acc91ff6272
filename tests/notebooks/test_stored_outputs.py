"""The instructor notebooks' stored outputs hold on another machine.

nbval compares text outputs exactly, so no printed digit may depend on the last
bits of floating point. Another machine changes those bits in two ways, both
tried here on every notebook: another BLAS thread count (another summation
order in matrix products), and other exponentials and logarithms (another
processor's SIMD path or another libm: `perturbed_math/sitecustomize.py`
moves each of their results by up to a few units in the last place).
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from autograder.grading import layout

ROOT = layout.ROOT
PERTURBED = Path(__file__).resolve().parent / "perturbed_math"
#: Units in the last place by which exp and log results move: more than NumPy's
#: SIMD paths and common libms differ by (a few), far less than a wrong formula.
ULPS = "4"


def nbval(*paths, **environment):
    """Run nbval (the project's strict settings) on notebooks in a fresh pytest, with more environment."""
    env = {**os.environ, **environment}
    return subprocess.run([sys.executable, "-m", "pytest", "-c", str(ROOT / "pyproject.toml"), "-p", "no:cacheprovider",
                           "-q", "--no-header", *map(str, paths)], cwd=ROOT, env=env, capture_output=True, text=True)


def perturbed(seed):
    """The environment that moves exp and log results (on top of any PYTHONPATH already set)."""
    path = os.pathsep.join(filter(None, [str(PERTURBED), os.environ.get("PYTHONPATH")]))
    return {"PYTHONPATH": path, "LOGREG_PERTURB_ULPS": ULPS, "LOGREG_PERTURB_SEED": str(seed)}


def _outcome(result):
    return result.stdout[-3000:] + result.stderr[-2000:]


@pytest.mark.slow
def test_outputs_hold_with_one_blas_thread():
    result = nbval(ROOT / "notebooks", OPENBLAS_NUM_THREADS="1")
    assert result.returncode == 0, _outcome(result)


@pytest.mark.slow
@pytest.mark.parametrize("seed", [1, 2])
def test_outputs_hold_with_other_exponentials_and_logarithms(seed):
    result = nbval(ROOT / "notebooks", **perturbed(seed))
    assert result.returncode == 0, _outcome(result)


@pytest.fixture
def last_bits_notebook(tmp_path):
    """A notebook whose stored output prints every digit of a sum of exponentials, as this machine computes it."""
    source = "import numpy as np\nprint(repr(float(np.exp(np.linspace(-3, 3, 50)).sum())))"
    value = subprocess.run([sys.executable, "-c", source], capture_output=True, text=True, check=True).stdout
    notebook = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell(source, execution_count=1)
    cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text=value)]
    notebook.cells = [cell]
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    path = tmp_path / "last_bits.ipynb"
    nbformat.write(notebook, path)
    return path


def test_a_last_bits_output_passes_unperturbed(last_bits_notebook):
    result = nbval(last_bits_notebook)
    assert result.returncode == 0, _outcome(result)


def test_the_perturbation_reaches_the_kernels_and_fails_a_last_bits_output(last_bits_notebook):
    """The check above can fail: an output that prints the last bits is caught."""
    result = nbval(last_bits_notebook, **perturbed(1))
    assert result.returncode == 1 and "mismatch 'stdout'" in result.stdout, _outcome(result)


def test_the_perturbation_is_repeatable_and_small():
    """Same input, same bits (as a real libm); a few ulps away from the unperturbed value."""
    probe = ("import json, numpy as np; z = np.linspace(-5, 5, 101); "
             "print(json.dumps([np.exp(z).tolist(), np.exp(z).tolist(), np.log1p(np.exp(z)).tolist()]))")
    plain = json.loads(subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout)
    moved = json.loads(subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True,
                                      env={**os.environ, **perturbed(1)}).stdout)
    assert moved[0] == moved[1]
    changed = [p != m for p, m in zip(plain[0], moved[0])]
    assert sum(changed) > 50
    assert all(abs(p - m) <= 4 * 2.3e-16 * abs(p) for p, m in zip(plain[0], moved[0]))
