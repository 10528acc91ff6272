"""Re-run instructor notebooks in place so that their stored outputs, which nbval checks, are current.

Usage: python notebooks/execute.py [--all] [NOTEBOOK ...]   (default: every notebook of the assignment)

A notebook runs again only when what its outputs come from has changed since they were made: its cells'
sources and the files beside it that it uses (checks.py, explorer.py, data/). Their SHA-256 is kept in the
notebook's metadata (`logreg.sources`); an unchanged notebook is left byte for byte as it is (a run would
change its PNG bytes and widget ids, not what nbval compares). The packages it imports (numpy, matplotlib,
the grader's `submit`, which prints nothing for the instructor's right answers) are not in the key: after
upgrading them, `--all` (`make outputs ALL=1`) runs every one named.

Cells run in the notebook's own folder, as in JupyterLab and under nbval, as the instructor's variant (the numbers
of the questions each student has their own of: notebooks/logistic_regression/variant.py); no timing metadata is
recorded.
"""

import hashlib
import os
import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from autograder.grading.release import INSTRUCTOR_METADATA as KEY  # the key of the sources, under it
from solutions.concepts import EXAMPLE_STUDENT, variant

#: The kernel's environment: the stored outputs show the instructor's variant (as nbval runs them: conftest.py).
INSTRUCTOR = {**os.environ, variant.ID_VARIABLE: EXAMPLE_STUDENT}

ASSIGNMENT = Path(__file__).resolve().parent / "logistic_regression"


def sources_key(path):
    """The SHA-256 (hex) of what a notebook's outputs come from: its cells' sources and the files it uses."""
    from autograder.grading.release import files_used

    digest = hashlib.sha256()
    for cell in nbformat.read(path, as_version=4).cells:
        digest.update(cell.cell_type.encode() + b"\0" + cell.source.encode("utf-8") + b"\0")
    for used in files_used([Path(path)]):
        for file in sorted([used] if used.is_file() else used.rglob("*")):
            if file.is_file() and "__pycache__" not in file.parts:
                digest.update(str(file.relative_to(Path(path).parent)).encode() + b"\0" + file.read_bytes())
    return digest.hexdigest()


def execute_in_place(path, force=False):
    """Execute one notebook and write it back with its new outputs, unless its sources are those of its outputs.

    Returns
    -------
    bool
        Whether it ran.
    """
    nb, key = nbformat.read(path, as_version=4), sources_key(path)
    if not force and nb.metadata.get(KEY, {}).get("sources") == key:
        return False
    NotebookClient(nb, timeout=120, kernel_name="python3", record_timing=False,
                   resources={"metadata": {"path": str(Path(path).parent)}}).execute(env=INSTRUCTOR)
    # The widget state is a second copy of what the static figures show, and changes at every run:
    # not kept (nbclient's store_widget_state=False breaks its Output-widget hook, so it is removed here).
    nb.metadata.pop("widgets", None)
    nb.metadata[KEY] = {"sources": key}
    nbformat.write(nb, path)
    return True


if __name__ == "__main__":
    force = "--all" in sys.argv[1:]
    for notebook in [a for a in sys.argv[1:] if a != "--all"] or sorted(ASSIGNMENT.glob("[0-9][0-9]_*.ipynb")):
        ran = execute_in_place(notebook, force)
        print(f"{'executed' if ran else 'unchanged'} {notebook}", flush=True)
