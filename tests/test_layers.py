"""The folders of autograder/ are layers: each imports only the layers below it, and nothing imports in a cycle.

    solutions  <  autograder.kernel  <  autograder.judging  <  autograder.grading
               <  autograder.grading.sandbox  <  autograder.grading.autograde  <  autograder.grading.batch
               <  autograder.instructor

Within grading, its own modules (settings, layout, course, grades, gradebook, refusals) are below its
folders: the sandbox, nbgrader's path (autograde/, which runs the sandbox) and the batch path (batch/,
which runs nbgrader's autograde).

The kernel layer is what the grading sandbox copies in, so it may import only
NumPy, the standard library and itself: never `solutions`, nor any answer.
Every graded function is described once, and the descriptions, the reference
package and the notebooks' hidden tests name the same functions.
"""

import ast
import re
import sys
from pathlib import Path

import nbformat
import pytest

import solutions
from autograder.grading.layout import NOTEBOOK_PATTERN, notebook_folder
from autograder.judging import FUNCTIONS

REPO = Path(__file__).resolve().parents[1]
LAYERS = ["solutions", "autograder.kernel", "autograder.judging", "autograder.grading", "autograder.grading.sandbox",
          "autograder.grading.autograde", "autograder.grading.batch", "autograder.instructor"]
#: What the kernel layer may import besides itself.
KERNEL_MAY_IMPORT = {"numpy"} | set(sys.stdlib_module_names)


def _module_name(path):
    return ".".join(path.relative_to(REPO).with_suffix("").parts).removesuffix(".__init__")


def _modules():
    files = sorted((REPO / "solutions").rglob("*.py")) + sorted((REPO / "autograder").rglob("*.py"))
    return {_module_name(p): p for p in files if "__pycache__" not in p.parts}


def _imports(path):
    """Every module a file imports, at any depth (imports inside functions count too; relative ones resolved)."""
    return _names_in(ast.parse(path.read_text(encoding="utf-8")), _module_name(path), path.name == "__init__.py")


def _names_in(tree, module, is_package):
    """The modules (and module.name) that the imports of a module's syntax tree name."""
    found, package = set(), module.split(".") if is_package else module.split(".")[:-1]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = ".".join(package[:len(package) - node.level + 1] + ([node.module] if node.module else [])) \
                if node.level else node.module
            found.add(base)
            found |= {f"{base}.{alias.name}" for alias in node.names}
    return found


def _dynamic_imports(path):
    """Calls that import by name at run time, which the static check cannot follow."""
    calls = [n for n in ast.walk(ast.parse(path.read_text(encoding="utf-8"))) if isinstance(n, ast.Call)]
    return [ast.unparse(c.func) for c in calls
            if ast.unparse(c.func) in ("importlib.import_module", "import_module", "__import__")]


def _layer(module):
    """The index of a module's layer in LAYERS (the deepest folder that holds it), or None for the package root
    and outside modules."""
    matches = [i for i, layer in enumerate(LAYERS) if module == layer or module.startswith(layer + ".")]
    return max(matches, key=lambda i: len(LAYERS[i])) if matches else None


def _ours(imported, modules):
    """The project module an import names: itself, or the module a name is imported from; None outside."""
    parent = imported.rpartition(".")[0]
    return imported if imported in modules else parent if parent in modules else None


MODULES = _modules()


def _project_imports(module):
    return {name for name in (_ours(i, MODULES) for i in _imports(MODULES[module])) if name and name != module}


def _above(module, imported):
    """The imported project modules that sit above `module`'s layer (the package root counts as above all)."""
    return sorted(n for n in imported if n == "autograder" or (_layer(n) or 0) > _layer(module))


def _outside_the_kernel(imported):
    """Imports a kernel module may not make: anything but NumPy, the standard library and the kernel layer."""
    return sorted(i for i in imported if not i.startswith("autograder.kernel") and i.split(".")[0] not in KERNEL_MAY_IMPORT)


@pytest.mark.parametrize("module", [m for m in MODULES if _layer(m) is not None])
def test_a_module_imports_no_layer_above_its_own(module):
    above = _above(module, _project_imports(module))
    assert not above, f"{module} ({LAYERS[_layer(module)]}) imports {above}"


@pytest.mark.parametrize("module", [m for m in MODULES if _layer(m) == 1])
def test_the_kernel_layer_imports_only_numpy_the_standard_library_and_itself(module):
    outside = _outside_the_kernel(_imports(MODULES[module]))
    assert not outside, f"{module} imports {outside}: the sandbox holds only the kernel layer"


def test_the_layer_checks_fail_on_an_import_from_above():
    assert _above("autograder.kernel.capture", {"autograder.judging"}) == ["autograder.judging"]
    assert _above("autograder.judging.checks", {"autograder.grading.course", "autograder"}) == [
        "autograder", "autograder.grading.course"]
    assert _above("autograder.grading.batch.tasks", {"autograder.judging", "autograder.kernel.contract"}) == []
    assert _above("autograder.grading.autograde.judge_records", {"autograder.grading.batch.store",
                                                                "autograder.grading.sandbox.sandboxed_kernel"}) == [
        "autograder.grading.batch.store"]
    assert _above("autograder.grading.layout", {"autograder.grading.sandbox"}) == ["autograder.grading.sandbox"]
    assert _outside_the_kernel({"solutions", "nbformat", "numpy.linalg", "json", "autograder.kernel.contract"}) == [
        "nbformat", "solutions"]


def test_relative_imports_are_resolved_to_their_layer():
    found = _names_in(ast.parse("from ..grading import course\nfrom . import compare\n"), "autograder.judging.checks", False)
    assert "autograder.grading.course" in found and "autograder.judging.compare" in found
    assert _above("autograder.judging.checks", {_ours(i, MODULES) for i in found} - {None}) == [
        "autograder.grading", "autograder.grading.course"]


@pytest.mark.parametrize("module", sorted(MODULES))
def test_no_module_imports_by_name_at_run_time(module):
    assert _dynamic_imports(MODULES[module]) == []


def test_the_package_root_imports_nothing_when_it_is_imported():
    """Every import of a layer runs autograder/__init__.py first, in the sandbox's watcher too: it must stay empty."""
    tree = ast.parse((REPO / "autograder" / "__init__.py").read_text(encoding="utf-8"))
    assert [n for n in tree.body if isinstance(n, (ast.Import, ast.ImportFrom))] == []


def test_the_kernel_library_works_with_nothing_but_itself_and_numpy(tmp_path):
    """What the sandbox gets: every probe unpickles and every hidden test records, with no other package importable."""
    import subprocess

    import numpy

    from autograder.grading.sandbox import sandboxed_kernel as kernel
    from autograder.judging import probe

    library = kernel.kernel_library(tmp_path / "lib", {name: probe(name) for name in FUNCTIONS})
    records = tmp_path / "records"
    records.mkdir()
    script = (f"import sys\nsys.path[:0] = [{str(library)!r}, {str(Path(numpy.__file__).parents[1])!r}]\n"
              "from autograder import submit, submit_answer\n"
              f"for name in {list(FUNCTIONS)!r}:\n    submit(name, lambda *args: 0.0)\n"
              "submit_answer('scenario_higher_loss', 'b')\n"
              "leaked = sorted(m for m in sys.modules if m.split('.')[0] in ('solutions', 'nbformat', 'traitlets')"
              " or m.startswith(('autograder.judging', 'autograder.grading')))\n"
              "assert not leaked, leaked\n")
    env = {"PATH": "/usr/bin:/bin", "LOGREG_PROBES": str(library / "probes"), "LOGREG_RECORDS": str(records)}
    result = subprocess.run([sys.executable, "-S", "-c", script], env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in records.iterdir()) == sorted(
        [f"function-{name}.json" for name in FUNCTIONS] + ["concept-scenario_higher_loss.json"])


def test_no_import_cycle_between_modules():
    # a package that imports its own submodules (to collect them) is not a cycle of code
    graph = {m: {n for n in _project_imports(m) if not n.startswith(m + ".")} for m in MODULES}
    cycles, done = [], set()

    def visit(module, path):
        for dep in graph[module]:
            if dep in path:
                cycles.append(path[path.index(dep):] + [dep])
            elif dep not in done:
                visit(dep, path + [dep])
        done.add(module)

    for module in graph:
        visit(module, [module])
    assert not cycles


def _submitted_functions():
    """The graded functions the instructor notebooks' hidden tests submit."""
    names = []
    for path in sorted(notebook_folder().glob(NOTEBOOK_PATTERN)):
        for cell in nbformat.read(path, as_version=4).cells:
            if cell.metadata.get("nbgrader", {}).get("grade"):
                names += re.findall(r'\bsubmit\("(\w+)"', cell.source)
    return names


def test_descriptions_reference_and_notebooks_name_the_same_graded_functions():
    assert list(FUNCTIONS) == list(solutions.GRADED)
    assert sorted(set(_submitted_functions())) == sorted(solutions.GRADED)


@pytest.mark.parametrize("name", solutions.GRADED)
def test_a_description_is_complete(name):
    entry = FUNCTIONS[name]
    assert entry.outputs and entry.cases(), name
    assert len(entry.parameters) >= 1 and callable(entry.reference)
    assert entry.structure in ("values", "batches")
    assert all(m.id and m.message for m in entry.mistakes)
