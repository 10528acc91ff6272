"""The nbgrader course: where its folders are, its configuration, and one API object to drive it.

The course root is the repository, configured by its `nbgrader_config.py` like
any nbgrader course: nbgrader's source folder is `notebooks/` (the assignment
`notebooks/logistic_regression/`), the student release goes to `release/`, and
everything grading produces stays under `course/` (submitted and autograded
copies, feedback, and the SQLite gradebook `course/gradebook.db`). Change
settings there, e.g. `c.CourseDirectory.db_url` for another gradebook or
`c.Execute.timeout` for the time limit of a cell.
"""

import copy
import logging
import os
import re
import shutil
import sys
import warnings
from pathlib import Path

from traitlets.config import PyFileConfigLoader

from autograder.grading import settings

#: The assignment id; its source is notebooks/<ASSIGNMENT>/.
ASSIGNMENT = "logistic_regression"
#: The repository, which is the course root.
ROOT = Path(__file__).resolve().parents[2]


def _with_venv_on_path():
    """nbgrader runs `alembic` and `jupyter` by name: put this Python's bin first on PATH."""
    bin_dir = str(Path(sys.executable).parent)
    if os.environ.get("PATH", "").split(os.pathsep)[0] != bin_dir:
        os.environ["PATH"] = bin_dir + os.pathsep + os.environ.get("PATH", "")


_CONFIGS = {}


def config(root=ROOT):
    """The nbgrader configuration of a course: its nbgrader_config.py, rooted at `root`.

    Parameters
    ----------
    root : Path
        The course root, holding notebooks/ and nbgrader_config.py (this
        repository's is used when the root has none, e.g. a copy for tests).

    Returns
    -------
    traitlets.config.Config
    """
    root = Path(root).resolve()
    folder = root if (root / "nbgrader_config.py").exists() else ROOT
    key = (root, (folder / "nbgrader_config.py").stat().st_mtime_ns)
    if key in _CONFIGS:  # read once per version of the file
        return copy.deepcopy(_CONFIGS[key])
    c = PyFileConfigLoader("nbgrader_config.py", path=str(folder)).load_config()
    if folder != root:  # another course root: everything it produces goes under it
        c.CourseDirectory.root = str(root)
        c.CourseDirectory.db_url = f"sqlite:///{root / 'course' / 'gradebook.db'}"
    _CONFIGS[key] = c
    return copy.deepcopy(c)


def limits(root=ROOT):
    """The limits in force for a course (settings.Limits), from its nbgrader_config.py."""
    return settings.limits(config(root))


def work(root=ROOT):
    """The folder where grading keeps what it makes besides nbgrader's folders (c.Grading.work_directory)."""
    return Path(root) / settings.Grading(config=config(root)).work_directory


def api(root=ROOT, runtime=None):
    """A fresh NbGraderAPI on the course (one per process: it is not thread-safe).

    Parameters
    ----------
    root : Path
        The course root.
    runtime : Path, optional
        A private folder for the kernels' connection file and sockets: given
        when grading, so that each student's kernels talk over Unix sockets
        that only they can see (the sandbox has no network).

    Returns
    -------
    nbgrader.apps.NbGraderAPI
    """
    _with_venv_on_path()
    # nbgrader's gradebook code emits SQLAlchemy warnings that say nothing to an instructor.
    warnings.filterwarnings("ignore", module="nbgrader")
    warnings.filterwarnings("ignore", message=".*not in session.*")
    logging.getLogger("traitlets").setLevel(logging.ERROR)
    from nbgrader.apps import NbGraderAPI
    from nbgrader.coursedir import CourseDirectory

    c = config(root)
    (Path(c.CourseDirectory.root) / "course").mkdir(parents=True, exist_ok=True)
    if runtime is not None:
        from autograder.grading.sandbox import KERNEL_NAME
        c.Execute.kernel_name = KERNEL_NAME
        c.KernelManager.transport = "ipc"
        c.KernelManager.ip = str(Path(runtime) / "kernel")
        c.KernelManager.connection_file = str(Path(runtime) / "kernel.json")
    return NbGraderAPI(CourseDirectory(config=c), config=c)


def source_notebooks(root=ROOT):
    """The assignment's notebook names, without .ipynb, in teaching order."""
    return sorted(p.stem for p in (Path(root) / "notebooks" / ASSIGNMENT).glob("[0-9][0-9]_*.ipynb"))


def gradebook_path(root=ROOT):
    """The SQLite gradebook's file, or None when the gradebook is another database."""
    url = config(root).CourseDirectory.db_url
    return Path(url.removeprefix("sqlite:///")) if url.startswith("sqlite:///") else None


def release(root=ROOT):
    """Write the student copies under release/ with nbgrader generate_assignment, fresh.

    Returns
    -------
    Path
        The released assignment's folder.
    """
    target = Path(root) / "release" / ASSIGNMENT
    shutil.rmtree(target, ignore_errors=True)
    result = api(root).generate_assignment(ASSIGNMENT)
    if not result["success"]:
        raise RuntimeError(f"nbgrader generate_assignment failed:\n{result.get('error') or result.get('log')}")
    for path in sorted(target.glob("*.ipynb")):
        _answer_cells_without_stub(path)
    return target


#: What nbgrader puts in place of a solution, and what an answer cell or a free cell says instead.
_CODE_STUB = "# YOUR CODE HERE\nraise NotImplementedError()"
_ANSWER_STUB = "# YOUR ANSWER HERE: replace each None above with your answer"
_FREE_STUB = "# YOUR CODE HERE (not graded: your own experiments)"
_ANSWER_LINE = re.compile(r"^answer_\w+\s*=\s*None\s*(#.*)?$")


def _answer_cells_without_stub(path):
    """In a released notebook, answer cells and free cells lose nbgrader's raise.

    An answer cell (only `answer_... = None` lines) already says what to fill in, and its test cell raises
    NotImplementedError while an answer is None; a free cell (only comments: the student's own experiments)
    is graded by nothing. In both, a raise the student must find and delete would only stop "Run All".
    """
    import nbformat

    notebook = nbformat.read(path, as_version=4)
    changed = False
    for cell in notebook.cells:
        head, stub, tail = cell.source.partition(_CODE_STUB)
        lines = [line for line in head.splitlines() if line.strip()]
        if (cell.cell_type == "code" and cell.metadata.get("nbgrader", {}).get("solution") and stub and not tail.strip()
                and all(_ANSWER_LINE.match(line.strip()) or line.strip().startswith("#") for line in lines)):
            answers = any(_ANSWER_LINE.match(line.strip()) for line in lines)
            cell.source = head + (_ANSWER_STUB if answers else _FREE_STUB)
            changed = True
    if changed:
        nbformat.write(notebook, path)


def ensure_assignment(root=ROOT):
    """Create the assignment in the gradebook, and the release, if either is missing."""
    released = (Path(root) / "release" / ASSIGNMENT).is_dir()
    if not released or ASSIGNMENT not in {a.name for a in api(root).gradebook.assignments}:
        release(root)
