"""The course as a worker gets it, and the version of a grading.

`template` is the course's notebooks, its config and every assignment's release, made once per change of
them in the work folder's template/; it travels to workers on other machines as a zip (`archive`) and is
copied for each task (`unpack`). `version` is a digest of the course and of this grader's code, and
`content_key` one of a notebook's bytes and the version: a notebook whose key is that of its last grading
keeps that grading (tasks.reuse).
"""

import hashlib
import io
import shutil
import zipfile
from pathlib import Path

from autograder.grading import course, layout, release


def template(root=layout.ROOT):
    """The course as a worker needs it: notebooks, every assignment's release, config, and a gradebook of them alone.

    Made once per change of the notebooks or the config.

    Returns
    -------
    Path
    """
    root = Path(root)
    digest = _digest(sorted(layout.notebook_folder(root).rglob("*")) + [layout.config_file(root)]).hexdigest()
    where = course.layout(root)
    folder, version_file = where.template, where.template_version
    if version_file.exists() and version_file.read_text() == digest:
        return folder
    course.copy_to(folder, root)
    # the grader's own copy, which no student sees: every assignment, whatever is still due
    release.release(folder, [a.name for a in course.assignments(folder)], early=True)
    version_file.write_text(digest)
    return folder


def _digest(paths):
    return hashlib.sha256(b"".join(p.read_bytes() for p in paths if p.is_file() and "__pycache__" not in p.parts))


def version(root=layout.ROOT):
    """The grading's version: the course (its notebooks and config) and this grader's code, as a SHA-256 (hex).

    A notebook whose content and version are those of its last grading is not run again (tasks.reuse);
    a change of a judge alone is cheaper to apply with re-judging (batch.rejudge).
    """
    template(root)  # its version file holds the course's digest, brought up to date
    return _digest([course.layout(root).template_version, *layout.code_files()]).hexdigest()


def content_key(version, content):
    """The key of grading one notebook: the grading's version and the notebook's bytes (SHA-256, hex)."""
    return hashlib.sha256(version.encode("utf-8") + b"\0" + content).hexdigest()


def archive(folder):
    """A folder as zip bytes, to send a template to workers on other machines."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        for path in sorted(Path(folder).rglob("*")):
            if path.is_file():
                out.write(path, path.relative_to(folder))
    return buffer.getvalue()


def unpack(template, root):
    """A private copy of the template (a folder, or zip bytes from `archive`) at `root`."""
    if isinstance(template, bytes):
        with zipfile.ZipFile(io.BytesIO(template)) as zipped:
            zipped.extractall(root)
    else:
        shutil.copytree(template, root)
