"""The nbgrader course: its configuration, assignments, notebooks and their tests.

The course root is the repository, configured by its `nbgrader_config.py` like
any nbgrader course. The notebooks are written in `notebooks/logistic_regression/`;
`c.Course.assignments` groups them into assignments, in course order, each with
its release and due dates; `release` (the module) gives them out. Where each of
these lives is `layout`'s to say.
"""

import copy
import logging
import os
import re
import shutil
import sys
import warnings
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from traitlets.config import PyFileConfigLoader

from autograder.grading import layout as paths
from autograder.grading import settings
from autograder.grading.layout import ROOT, Layout
from autograder.kernel.contract import CONCEPT, FUNCTION


def venv_bin_on_path():
    """nbgrader runs `alembic` and `jupyter` by name: put this Python's bin first on PATH."""
    bin_dir = str(Path(sys.executable).parent)
    if os.environ.get("PATH", "").split(os.pathsep)[0] != bin_dir:
        os.environ["PATH"] = bin_dir + os.pathsep + os.environ.get("PATH", "")


#: What SQLAlchemy warns of when nbgrader's gradebook code adds a submission: it says nothing to an instructor.
NOT_IN_SESSION = ".*not in session.*"


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
    folder = root if paths.config_file(root).exists() else ROOT
    key = (root, paths.config_file(folder).stat().st_mtime_ns)
    if key in _CONFIGS:  # read once per version of the file
        return copy.deepcopy(_CONFIGS[key])
    c = PyFileConfigLoader(paths.CONFIG_FILE, path=str(folder)).load_config()
    if folder != root:  # another course root: everything it produces goes under it
        c.CourseDirectory.root = str(root)
        c.CourseDirectory.db_url = f"sqlite:///{root / paths.DEFAULT_GRADEBOOK}"
    settings.graded_copy(c)  # a setting under an old name is warned of as soon as the file is read
    _CONFIGS[key] = c
    return copy.deepcopy(c)


#: nbgrader_config.py's lines that give every assignment a release date long past, its due date kept: what
#: `release` and `grade` take by default ("every assignment released by now") is then every one, whatever the date,
#: answers still due included (for a copy no student sees: the demo, the tests).
RELEASED_LONG_AGO = ("c.Course.assignments = [{**a, 'release': '2000-01-01T00:00+00:00'} "
                     "for a in c.Course.assignments]\nc.Course.release_answers_early = True\n")


def copy_to(target, root=ROOT, extra_config=None, all_released=False):
    """A course of its own at `target`, fresh: the notebooks and nbgrader_config.py of the course at `root`.

    Its folders, gradebook and work folder are all under `target` (nbgrader_config.py roots the course where
    it lies). With `all_released`, every assignment is released whatever today's date (the demo, the tests);
    with `extra_config`, those lines are added to its nbgrader_config.py, after.

    Returns
    -------
    Path
        `target`.
    """
    target = Path(target)
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(paths.notebooks_tree(root), paths.notebooks_tree(target),
                    ignore=shutil.ignore_patterns("__pycache__", ".ipynb_*"))
    config_text = paths.config_file(root if paths.config_file(root).exists() else ROOT).read_text(encoding="utf-8")
    added = (RELEASED_LONG_AGO if all_released else "") + (extra_config or "")
    paths.config_file(target).write_text(config_text + added, encoding="utf-8")
    return target


def limits(root=ROOT):
    """The limits in force for a course (settings.Limits), from its nbgrader_config.py."""
    return settings.limits(config(root))


def layout(root=ROOT):
    """Where every folder and file of a course is (layout.Layout), from its nbgrader_config.py."""
    return Layout(config(root))


def api(root=ROOT):
    """A fresh NbGraderAPI on the course (one per process: it is not thread-safe).

    Its autograde runs the pieces nbgrader_config.py registers (autograder.grading.autograde).

    Parameters
    ----------
    root : Path
        The course root.

    Returns
    -------
    nbgrader.apps.NbGraderAPI
    """
    venv_bin_on_path()
    # nbgrader's own warnings and log lines say nothing to an instructor running `python -m autograder`.
    warnings.filterwarnings("ignore", module="nbgrader")
    warnings.filterwarnings("ignore", message=NOT_IN_SESSION)
    logging.getLogger("traitlets").setLevel(logging.ERROR)
    from nbgrader.apps import NbGraderAPI
    from nbgrader.coursedir import CourseDirectory

    c = config(root)
    gradebook = gradebook_path(root)
    if gradebook is not None:  # SQLite makes the file, not its folder
        gradebook.parent.mkdir(parents=True, exist_ok=True)
    return NbGraderAPI(CourseDirectory(config=c), config=c)


def gradebook_path(root=ROOT):
    """The SQLite gradebook's file, or None when the gradebook is another database."""
    return sqlite_file(config(root).CourseDirectory.db_url)


def sqlite_file(db_url):
    """The file of a SQLite database URL, or None for another database."""
    return Path(db_url.removeprefix("sqlite:///")) if db_url.startswith("sqlite:///") else None


def variant_key(root=ROOT):
    """The course's variant key, c.Course.variant_key ('' when it sets none)."""
    return settings.Course(config=config(root)).variant_key


def judge_with_variant_key(config):
    """Judge every student's variant with the course's key, and return it: the judges' variant.py reads it from the
    environment (as the processes this one starts do); a graded kernel reads the copy released beside its
    variant.py."""
    from solutions.concepts import variant

    key = os.environ[variant.KEY_VARIABLE] = settings.Course(config=config).variant_key
    return key


def notebook_names(root=ROOT):
    """Every notebook's name, without .ipynb, in teaching order."""
    return sorted(p.stem for p in paths.notebook_folder(root).glob(paths.NOTEBOOK_PATTERN))


# --- the assignments ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class Assignment:
    """One assignment of the course: its notebooks, and when it opens and is due (aware datetimes)."""

    name: str
    notebooks: tuple
    release: datetime
    due: datetime


def assignments(root=ROOT):
    """The course's assignments in course order, from c.Course.assignments.

    Raises
    ------
    ValueError
        When an assignment names a notebook that does not exist, or a notebook is in no assignment.
    """
    entries = settings.Course(config=config(root)).assignments
    course = [Assignment(e["name"], tuple(e["notebooks"]), datetime.fromisoformat(e["release"]),
                         datetime.fromisoformat(e["due"])) for e in entries]
    placed = [n for a in course for n in a.notebooks]
    if sorted(placed) != notebook_names(root):
        unknown, unplaced = set(placed) - set(notebook_names(root)), set(notebook_names(root)) - set(placed)
        raise ValueError(f"c.Course.assignments: notebooks {sorted(unknown)} do not exist, "
                         f"{sorted(unplaced)} are in no assignment")
    return course


def assignment_by_notebook(root=ROOT):
    """{notebook name: the Assignment that holds it}, read once for the many lookups of a grading step."""
    return {name: a for a in assignments(root) for name in a.notebooks}


def assignment_of(notebook, root=ROOT):
    """The name of the assignment that holds a notebook."""
    return assignment_by_notebook(root)[notebook].name


def select(names=None, root=ROOT, now=None):
    """The assignments named, or by default every one released by now, in course order.

    Raises
    ------
    ValueError
        On a name that is no assignment of the course.
    """
    course = assignments(root)
    if names:
        unknown = set(names) - {a.name for a in course}
        if unknown:
            raise ValueError(f"no assignment {', '.join(sorted(unknown))} (the course has {', '.join(a.name for a in course)})")
        return [a for a in course if a.name in names]
    now = now or datetime.now(timezone.utc)
    return [a for a in course if a.release <= now]


# --- the tests of the notebooks ----------------------------------------------------------------------

@dataclass(frozen=True)
class Test:
    """An autograder cell: its grade_id, points, and the records its hidden part makes."""

    __test__ = False  # a test cell of a notebook, not a test of pytest's

    grade_id: str
    points: float
    records: tuple  # of (kind, name): (FUNCTION, "sigmoid") or (CONCEPT, "why_log_loss")


_SUBMITS = re.compile(r'\bsubmit(_answer)?\("(\w+)"')


def tests_in(notebook):
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
            records = tuple((CONCEPT if answer else FUNCTION, name) for answer, name in _SUBMITS.findall(cell.source))
            tests.append(Test(meta["grade_id"], float(meta["points"]), records))
    return tests


def tests(root=ROOT):
    """The autograder cells of every notebook of the course, {notebook: [Test, ...]}, in course order."""
    import nbformat

    return {name: tests_in(nbformat.read(paths.notebook_file(name, root), as_version=4)) for name in notebook_names(root)}
