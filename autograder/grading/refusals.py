"""Why a submitted file is not graded: each reason worded once, and one check, whichever path grading takes.

The batch path (`grade`) finds these while staging, nbgrader's own path (`nbgrader autograde`, the formgrader's
button) in its exporter (autograde.check_submission); the student reads the same words in grades.csv, the graded
copy and the feedback, and the instructor in the notes.
"""

import os
import stat
from pathlib import Path

import nbformat

from autograder.grading.grades import first_line

#: A notebook that is a symbolic link: it could point at the instructor's notebook or another student's.
LINK = "not graded: a symbolic link, not a notebook file (links are never followed)"
#: A student's folder that is a symbolic link: nothing in it is graded.
LINKED_FOLDER = "not graded: the student's folder is a symbolic link (links are never followed)"


def too_large(size, limit):
    """A notebook over c.Grading.max_notebook_size (it is never read)."""
    return (f"not graded: the file is {size / 1e6:.1f} MB, over the limit of {limit / 1e6:.1f} MB for a notebook "
            "(large outputs or data saved in it? clear the outputs and submit again)")


def unreadable(why):
    """A file that is not a notebook nbformat can read: empty, not JSON, an unknown format."""
    return f"not a readable notebook ({why})"


def problem(path, max_size, submitted=None):
    """Why a submitted notebook file is not graded, or None when it can be.

    A link (the file, or any folder on its way below `submitted`) and anything but a regular file are never
    opened, an oversized file never read; the rest must be a notebook nbformat reads, with a list of cells.

    Parameters
    ----------
    path : Path
        The submitted notebook.
    max_size : int
        Bytes: c.Grading.max_notebook_size.
    submitted : Path, optional
        The folder of every submission (nbgrader's submitted folder), below which `path` lies.
    """
    path = Path(path)
    if path.is_symlink() or (submitted is not None and Path(os.path.realpath(path))
                             != Path(os.path.realpath(submitted)) / path.relative_to(submitted)):
        return LINK
    status = path.lstat()
    if not stat.S_ISREG(status.st_mode):  # a pipe or a device would block or never end
        return unreadable("not a regular file")
    if status.st_size == 0:
        return unreadable("an empty file")
    if status.st_size > max_size:
        return too_large(status.st_size, max_size)
    try:
        notebook = nbformat.read(path, as_version=4)
        if not isinstance(notebook.get("cells"), list):
            raise ValueError("it has no list of cells")
    except Exception as error:  # any way a file can fail to be a notebook
        return unreadable(f"{type(error).__name__}: {first_line(error)[:200] or 'empty file'}")
    return None
