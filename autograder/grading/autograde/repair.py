"""Putting back what nbgrader needs in a damaged submission, from the released copy.

nbgrader finds answers and tests by the metadata of their cells. Some editors
strip it; students delete test cells. Before grading, each submitted notebook
is compared with its released copy:

- a cell that lost its metadata is recognised by its content (the function it
  defines, the answer variable it sets, or the test's own source) and gets the
  released cell's metadata back;
- a test cell that is missing is put back after the answer it tests;
- the kernel is whatever the grader runs (the sandbox), so a stripped or
  unknown kernelspec does not matter;
- a test cell the student left as released gets its hidden tests back
  (`restore_hidden_tests`), so that nbgrader's OverwriteCells finds it
  unchanged and raises no alarm.

The student's own code is never changed.
"""

import copy
import re

_DEF = re.compile(r"^def\s+(\w+)\s*\(", re.MULTILINE)
_ANSWER = re.compile(r"^(answer_\w+)\s*=", re.MULTILINE)


def _meta(cell):
    return cell.get("metadata", {}).get("nbgrader", {})


def _signature(source):
    """What identifies an answer cell: the names it defines or the answer variables it sets."""
    return set(_DEF.findall(source)) | set(_ANSWER.findall(source))


def _visible(source):
    return "\n".join(line.rstrip() for line in source.strip().splitlines())


def repair(submitted, released):
    """Restore nbgrader metadata and deleted test cells of `submitted` from `released`, in place.

    Parameters
    ----------
    submitted : nbformat.NotebookNode
        The student's notebook.
    released : nbformat.NotebookNode
        The released copy of the same notebook (with nbgrader metadata).

    Returns
    -------
    list of str
        What was repaired, for the instructor's notes (empty when nothing was).
    """
    done = []
    present = {_meta(c).get("grade_id") for c in submitted.cells if _meta(c).get("grade_id")}
    unclaimed = [c for c in submitted.cells if c.cell_type == "code" and not _meta(c)]
    position = {}
    for index, cell in enumerate(released.cells):
        grade_id = _meta(cell).get("grade_id")
        if not grade_id or cell.cell_type != "code" or grade_id in present:
            continue
        if _meta(cell).get("solution"):
            wanted = _signature(cell.source)
            match = next((c for c in unclaimed if wanted and wanted <= _signature(c.source)), None)
        else:
            match = next((c for c in unclaimed if _visible(c.source) == _visible(cell.source)), None)
        if match is not None:
            match.metadata["nbgrader"] = copy.deepcopy(_meta(cell))
            unclaimed.remove(match)
            done.append(f"re-identified {grade_id}")
        elif _meta(cell).get("grade"):
            position[index] = copy.deepcopy(cell)
        present.add(grade_id)
    for index in sorted(position, reverse=True):
        _insert_after_its_answer(submitted, released, index, position[index])
        done.append(f"restored the deleted test cell {_meta(position[index])['grade_id']}")
    return done


def _insert_after_its_answer(submitted, released, index, cell):
    """Insert a released test cell after the cell holding the nearest answer or test before it."""
    before = [_meta(c).get("grade_id") for c in released.cells[:index] if _meta(c).get("grade_id")]
    ids = [_meta(c).get("grade_id") for c in submitted.cells]
    for grade_id in reversed(before):
        if grade_id in ids:
            submitted.cells.insert(ids.index(grade_id) + 1, cell)
            return
    submitted.cells.append(cell)


def restore_hidden_tests(submitted, released, source):
    """Give each test cell the student left as released its instructor's source (with the hidden tests), in place.

    nbgrader keeps a test cell's checksum as the instructor wrote it, hidden tests and all, but releases the cell
    without them, so its OverwriteCells finds every such cell "changed" in every submission, warns, and puts the
    instructor's source back (nbgrader issue 1961). Put back here, the cell is what nbgrader expects, and its
    warning is left for a test cell a student did change.

    Parameters
    ----------
    submitted, released, source : nbformat.NotebookNode
        The student's notebook (its cells' metadata already repaired), the released copy, the instructor's.

    Returns
    -------
    int
        How many cells got their hidden tests back.
    """
    def tests(notebook):
        return {_meta(c)["grade_id"]: c for c in notebook.cells
                if _meta(c).get("grade") and not _meta(c).get("solution") and _meta(c).get("grade_id")}

    as_released, instructors, restored = tests(released), tests(source), 0
    for grade_id, cell in tests(submitted).items():
        if grade_id in instructors and grade_id in as_released and \
                _visible(cell.source) == _visible(as_released[grade_id].source) != _visible(instructors[grade_id].source):
            cell.source = instructors[grade_id].source
            restored += 1
    return restored
