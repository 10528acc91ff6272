"""`make outputs` (notebooks/execute.py): a notebook runs again only when its sources changed."""

import importlib.util

import nbformat

from tests.helpers import NOTEBOOK_PATHS, REPO

_spec = importlib.util.spec_from_file_location("execute", REPO / "notebooks" / "execute.py")
execute = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(execute)


def _notebook(folder, source):
    path = folder / "01_x.ipynb"
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(source)]), path)
    return path


def test_the_key_follows_the_cells_and_the_files_the_notebook_uses(tmp_path):
    path = _notebook(tmp_path, "import checks\nprint(1)")
    (tmp_path / "checks.py").write_text("A = 1\n")
    (tmp_path / "other.py").write_text("B = 1\n")  # not used by the notebook
    key = execute.sources_key(path)
    (tmp_path / "other.py").write_text("B = 2\n")
    assert execute.sources_key(path) == key
    (tmp_path / "checks.py").write_text("A = 2\n")
    assert execute.sources_key(path) != key
    key = execute.sources_key(path)
    assert execute.sources_key(_notebook(tmp_path, "import checks\nprint(2)")) != key


def test_an_unchanged_notebook_is_left_byte_for_byte_and_a_changed_one_runs(tmp_path):
    path = _notebook(tmp_path, "print(6 * 7)")
    assert execute.execute_in_place(path)  # no key yet: it runs
    ran = nbformat.read(path, as_version=4)
    assert ran.cells[0].outputs[0].text == "42\n" and ran.metadata[execute.KEY]["sources"] == execute.sources_key(path)
    before = path.read_bytes()
    assert not execute.execute_in_place(path) and path.read_bytes() == before
    ran.cells[0].source = "print(6 * 9)"
    nbformat.write(ran, path)
    assert execute.execute_in_place(path) and nbformat.read(path, as_version=4).cells[0].outputs[0].text == "54\n"


def test_every_instructor_notebooks_outputs_are_stamped_with_its_current_sources():
    """Committed outputs were made from the sources beside them (nbval checks they are right; this, that
    `make outputs` knows it need not run them)."""
    for path in NOTEBOOK_PATHS:
        assert nbformat.read(path, as_version=4).metadata.get(execute.KEY, {}).get("sources") == execute.sources_key(path), \
            f"{path.name}: run `make outputs`"
