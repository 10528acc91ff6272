"""Finding students' notebooks in a folder of submissions and matching them to the assignment.

Two layouts are accepted, and may be mixed:

- an unzipped LMS download: SUBMISSIONS/<student>/<notebook>.ipynb;
- nbgrader's own: SUBMISSIONS/<student>/<assignment>/<notebook>.ipynb.

A renamed copy such as `03_two_features (1).ipynb` or `03_two_features-Copy1.ipynb`
is matched to its notebook; a file that matches no notebook is reported, never
silently dropped. A symbolic link is never followed: a linked notebook is
refused (it could point at the instructor's notebook or another student's),
a linked folder is not entered, and a student's folder that is a link is
refused whole.
"""

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from autograder.grading import refusals
from autograder.grading.autograde.late import timestamp_of
from autograder.grading.layout import SECRET

#: What browsers, JupyterLab and LMSs add to a file name when they copy it.
_COPY_SUFFIX = re.compile(r"(\s*\(\d+\)|[-_ ]copy\d*|[-_ ]\d+)$", re.IGNORECASE)
_STUDENT_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.@-]*$")


@dataclass
class Submission:
    """One student's notebooks.

    Attributes
    ----------
    student : str
        The student id (the folder's name).
    notebooks : dict of str to Path
        Notebook name (as in the assignment) to the file submitted for it.
    unmatched : list of Path
        .ipynb files that match no notebook of the assignment.
    duplicates : list of Path
        Further files for a notebook that already has one (the exact name wins,
        then the newest file).
    refused : dict of str to str
        Notebook name to why what was submitted for it cannot be graded (a link: autograder.grading.refusals).
    links : list of Path
        Symbolic links that stand for no notebook, left alone.
    timestamps : dict of str to datetime
        When each notebook was handed in (nbgrader's timestamp.txt beside it, else the file's time).
    secrets : dict of str to str
        nbgrader's submission_secret.txt beside a notebook (nbgrader's exchange names feedback by it).
    """

    student: str
    notebooks: dict = field(default_factory=dict)
    unmatched: list = field(default_factory=list)
    duplicates: list = field(default_factory=list)
    refused: dict = field(default_factory=dict)
    links: list = field(default_factory=list)
    timestamps: dict = field(default_factory=dict)
    secrets: dict = field(default_factory=dict)

    def __bool__(self):
        """Whether there is anything to grade or to report."""
        return bool(self.notebooks or self.unmatched or self.refused)


def match_notebook(path, notebooks):
    """The assignment notebook a file is a copy of, or None.

    Parameters
    ----------
    path : Path
        A submitted .ipynb file.
    notebooks : list of str
        The assignment's notebook names, e.g. "03_two_features".

    Returns
    -------
    str or None
    """
    stem = Path(path).stem.strip()
    while True:  # "03_two_features (1)-Copy1" loses both suffixes
        shorter = _COPY_SUFFIX.sub("", stem).strip()
        if shorter == stem:
            break
        stem = shorter
    canonical = {re.sub(r"[\s-]+", "_", n.lower()): n for n in notebooks}
    key = re.sub(r"[\s-]+", "_", stem.lower())
    if key in canonical:
        return canonical[key]
    number = re.match(r"^(\d{1,2})(?:_|$)", key)
    by_number = [n for n in notebooks if number and int(n[:2]) == int(number.group(1))]
    return by_number[0] if len(by_number) == 1 else None


def _entries(folder):
    """(notebook files, symbolic links) under a folder, without following any link."""
    files, links = [], []
    for top, folders, names in os.walk(folder, followlinks=False):
        if ".ipynb_checkpoints" in Path(top).parts:
            continue
        for name in folders + names:
            path = Path(top, name)
            if path.is_symlink():
                links.append(path)
            elif name in names and name.endswith(".ipynb") and path.is_file():
                files.append(path)
    return sorted(files), sorted(links)


def _secret_beside(path):
    """The submission_secret.txt nbgrader's submit put beside a notebook, or None (never through a link)."""
    secret = path.parent / SECRET
    if secret.is_file() and not secret.is_symlink() and secret.stat().st_size < 200:
        return secret.read_text(encoding="utf-8", errors="replace").strip()
    return None


def discover(submissions_dir, notebooks, file_time=False):
    """Every student's submission under a folder.

    Parameters
    ----------
    submissions_dir : Path
        One sub-folder per student.
    notebooks : list of str
        The assignment's notebook names.
    file_time : bool
        Whether a file's modification time says when it was handed in, where no timestamp.txt does.

    Returns
    -------
    submissions : list of Submission
        In order of student id.
    problems : list of str
        Folders that are not students (a bad id) and loose files, described.

    Raises
    ------
    FileNotFoundError
        When `submissions_dir` is not a folder.
    """
    submissions_dir = Path(submissions_dir)
    if not submissions_dir.is_dir():
        raise FileNotFoundError(f"no such folder: {submissions_dir}")
    submissions, problems = [], []
    for entry in sorted(submissions_dir.iterdir()):
        if entry.name.startswith("."):
            continue
        if not entry.is_dir():
            problems.append(f"{entry.name}: a file at the top level, not a student's folder (ignored)")
            continue
        if not _STUDENT_ID.match(entry.name):
            problems.append(f"{entry.name}: not usable as a student id (letters, digits, _ . @ - only; ignored)")
            continue
        if entry.is_symlink():
            submissions.append(Submission(entry.name, refused={name: refusals.LINKED_FOLDER for name in notebooks}))
            continue
        submission = Submission(entry.name)
        files, links = _entries(entry)
        for path in links:
            name = match_notebook(path, notebooks) if path.name.endswith(".ipynb") else None
            if name is None:
                submission.links.append(path)
            else:
                submission.refused.setdefault(name, refusals.LINK)
        for path in files:
            name = match_notebook(path, notebooks)
            if name is None:
                submission.unmatched.append(path)
            elif name not in submission.notebooks:
                submission.notebooks[name] = path
            else:
                kept = submission.notebooks[name]
                better = (path.stem == name, path.stat().st_mtime) > (kept.stem == name, kept.stat().st_mtime)
                submission.notebooks[name], extra = (path, kept) if better else (kept, path)
                submission.duplicates.append(extra)
        stamps = {name: timestamp_of(path, file_time) for name, path in submission.notebooks.items()}
        submission.timestamps = {name: stamp for name, stamp in stamps.items() if stamp is not None}
        submission.secrets = {name: secret for name, path in submission.notebooks.items()
                              if (secret := _secret_beside(path)) is not None}
        for name in list(submission.refused):
            if name in submission.notebooks:  # a real file for the notebook too: it is graded, the link is not
                submission.links.append(next(p for p in links if match_notebook(p, notebooks) == name))
                del submission.refused[name]
        submissions.append(submission)
    return submissions, problems
