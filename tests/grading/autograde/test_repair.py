"""Repair: a damaged submission gets nbgrader's metadata and deleted test cells back from the release."""

import nbformat

from autograder.grading.autograde.repair import repair
from autograder.grading.layout import notebook_file


def _released(name="02_chain_rule"):
    return nbformat.read(notebook_file(name), as_version=4)


def test_repair_gives_stripped_cells_their_metadata_back_and_restores_a_deleted_test():
    released = _released()
    submitted = nbformat.reads(nbformat.writes(released), as_version=4)
    ids = [c.metadata.get("nbgrader", {}).get("grade_id") for c in submitted.cells]
    answer = submitted.cells[ids.index("dL_dz")]
    del answer.metadata["nbgrader"]
    deleted = ids.index("test_da_dz")
    del submitted.cells[deleted]
    done = repair(submitted, released)
    assert "re-identified dL_dz" in done and "restored the deleted test cell test_da_dz" in done
    after = [c.metadata.get("nbgrader", {}).get("grade_id") for c in submitted.cells]
    assert [i for i in after if i] == [i for i in ids if i]
    assert repair(submitted, released) == []
