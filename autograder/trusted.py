"""Trusted verdicts: scores decided outside the student's kernel, from the records it left.

A hidden test only records (autograder.capture.submit): plain numbers in a
JSON file per graded function or question. Here, in the grader's process, each
record is judged; a test cell earns its points when every record it made is
judged right, whatever the cell itself printed or raised. The verdicts then
go into nbgrader's gradebook and into the graded copy that feedback is made
from, so grades.csv, the gradebook and the feedback all carry the same verdict.
"""

import json
import re
from dataclasses import dataclass
from pathlib import Path

import nbformat

from autograder.concepts import judge_concept
from autograder.judges import judge

_SUBMITS = re.compile(r'\bsubmit(_answer)?\("(\w+)"')


@dataclass(frozen=True)
class Test:
    """An autograder cell: its grade_id, points, and the records its hidden part makes."""

    grade_id: str
    points: float
    records: tuple  # of (kind, name): ("function", "sigmoid") or ("concept", "why_log_loss")


def tests_of(notebook):
    """The autograder cells of an instructor notebook, in order.

    Parameters
    ----------
    notebook : nbformat.NotebookNode

    Returns
    -------
    list of Test
    """
    tests = []
    for cell in notebook.cells:
        meta = cell.metadata.get("nbgrader", {})
        if cell.cell_type == "code" and meta.get("grade"):
            records = tuple(("concept" if answer else "function", name) for answer, name in _SUBMITS.findall(cell.source))
            tests.append(Test(meta["grade_id"], float(meta["points"]), records))
    return tests


def record_path(folder, kind, name):
    """Where the hidden test of `name` leaves its record (see capture._keep)."""
    return Path(folder) / f"{kind}-{name}.json"


def judge_record(folder, kind, name):
    """The verdict on one record, or None when the hidden test left none."""
    path = record_path(folder, kind, name)
    if not path.exists():
        return None
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError):
        return judge(name, {}) if kind == "function" else judge_concept(name, "unreadable record")
    return judge(name, record) if kind == "function" else judge_concept(name, record)


def truncate_outputs(notebook, max_chars):
    """Cut every text output longer than max_chars (the middle goes), in place; return how many were cut."""
    cut = 0
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            fields = [("text", output)] if "text" in output else []
            fields += [(mime, output["data"]) for mime in list(output.get("data", {})) if mime.startswith("text/")]
            for key, holder in fields:
                text = holder[key] if isinstance(holder[key], str) else "".join(holder[key])
                if len(text) > max_chars:
                    holder[key] = (text[: max_chars // 2] + f"\n... [{len(text) - max_chars} characters cut by the grader] ...\n"
                                   + text[-max_chars // 2:])
                    cut += 1
    return cut


def annotate(notebook, verdicts):
    """Append to each test cell what the grader decided: {grade_id: (score, points, message)}."""
    for cell in notebook.cells:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
        if cell.cell_type == "code" and grade_id in verdicts:
            score, points, message = verdicts[grade_id]
            text = f"Graded outside the notebook: {score:g} / {points:g}." + (f" {message}" if message else "")
            cell.setdefault("outputs", []).append(nbformat.v4.new_output("stream", name="stdout", text=text + "\n"))
    return notebook
