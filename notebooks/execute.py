"""Re-run instructor notebooks in place so that their stored outputs, which nbval checks, are current.

Usage: python notebooks/execute.py [NOTEBOOK ...]   (default: every notebook of the assignment)

Cells run in the notebook's own folder, as in JupyterLab and under nbval; no
timing metadata is recorded, so an unchanged notebook gives an unchanged file.
"""

import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ASSIGNMENT = Path(__file__).resolve().parent / "logistic_regression"


def execute_in_place(path):
    """Execute one notebook and write it back with its new outputs."""
    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, timeout=120, kernel_name="python3", record_timing=False,
                   resources={"metadata": {"path": str(Path(path).parent)}}).execute()
    # The widget state is a second copy of what the static figures show, and changes at every run:
    # not kept (nbclient's store_widget_state=False breaks its Output-widget hook, so it is removed here).
    nb.metadata.pop("widgets", None)
    nbformat.write(nb, path)


if __name__ == "__main__":
    for notebook in sys.argv[1:] or sorted(ASSIGNMENT.glob("[0-9][0-9]_*.ipynb")):
        print(f"executing {notebook}", flush=True)
        execute_in_place(notebook)
