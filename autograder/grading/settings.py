"""Every setting of grading, as nbgrader-style configurable traits, each with its default and help.

- `Sandbox`: the limits of each sandboxed kernel (autograder.grading.sandbox);
- `GradedCopy`: what the graded copy, and the feedback made from it, keeps of a notebook's outputs;
- `Grading`: what grading accepts, and its work folder;
- `Course`: the assignments, with their notebooks and dates.

Numbers may be written as ints or floats (`2e9` for bytes is fine): the traits convert them.
Set them in nbgrader_config.py, the one file an instructor edits, e.g.
`c.Sandbox.memory_limit = 4 * 1024**3`. The time limit of one cell is
nbgrader's own `c.Execute.timeout`. `limits` reads them all at once.
"""

import warnings
from dataclasses import dataclass
from datetime import datetime
from pathlib import PurePath

from traitlets import Bool, CFloat, CInt, Dict, List, TraitError, Unicode, validate
from traitlets.config import Configurable

#: The graded copy's limits, once set as c.Sandbox.<name> (they never limited the sandbox): still read, with a warning.
GRADED_COPY_LIMITS = ("max_output", "max_outputs", "max_output_total")


class Sandbox(Configurable):
    """Limits of each sandboxed kernel during grading (see autograder.grading.sandbox)."""

    notebook_timeout = CFloat(300.0, help="Seconds a whole notebook may run; then its kernel and every process "
                                         "it started are killed, and the tests not yet run get status timeout.").tag(config=True)
    memory_limit = CInt(2 * 1024**3, help="Bytes of address space per kernel process (RLIMIT_AS): "
                                             "past it, allocations fail with MemoryError.").tag(config=True)
    file_size_limit = CInt(256 * 1024**2, help="Bytes per file a kernel writes (RLIMIT_FSIZE).").tag(config=True)
    disk_quota = CInt(512 * 1024**2, help="Bytes a kernel may write in all (its folder, /tmp, its records): past "
                                             "it the kernel is stopped, and what it wrote is discarded.").tag(config=True)
    max_processes = CInt(128, help="Processes and threads a kernel may have at once (a cgroup's pids.max; "
                                      "RLIMIT_NPROC would not bind a grader running as root).").tag(config=True)
    # The graded copy's limits under their old names: read by `limits`, with a warning to rename them.
    max_output = CInt(None, allow_none=True, help="Deprecated: c.GradedCopy.max_output.").tag(config=True)
    max_outputs = CInt(None, allow_none=True, help="Deprecated: c.GradedCopy.max_outputs.").tag(config=True)
    max_output_total = CInt(None, allow_none=True, help="Deprecated: c.GradedCopy.max_output_total.").tag(config=True)


class GradedCopy(Configurable):
    """What a graded copy keeps of a notebook's outputs: the copy nbgrader's feedback and the formgrader show."""

    max_output = CInt(20_000, help="Characters of one text output kept in graded copies and feedback; "
                                      "the middle of a longer one is cut.").tag(config=True)
    max_outputs = CInt(500, help="Outputs kept in one graded copy; the rest are replaced by a line "
                                    "saying how many were not kept.").tag(config=True)
    max_output_total = CInt(2_000_000, help="Characters of all outputs kept in one graded copy "
                                               "(images count by their encoded size).").tag(config=True)
    figures = Bool(True, help="Keep the figures a notebook draws, as JupyterLab shows them (matplotlib's inline "
                              "backend), in graded copies and feedback; False draws them with Agg and keeps none "
                              "(grading is a little faster: benchmarks/README.md).").tag(config=True)


class Grading(Configurable):
    """What grading accepts, and where it keeps what it makes besides nbgrader's own folders."""

    max_notebook_size = CInt(5 * 1024**2, help="Bytes of one submitted notebook: a larger file is unreadable, "
                                                  "with the reason, and is never read.").tag(config=True)
    file_time_is_handed_in = Bool(False, help="Take a submitted file's modification time as the time it was handed "
                                              "in when no nbgrader timestamp.txt is beside it: true only of a download "
                                              "that kept the students' times (a zip from the LMS usually does; a copy "
                                              "may not). Late work is judged by these times and c.Course.assignments' "
                                              "due dates.").tag(config=True)
    work_directory = Unicode("course", help="Folder, relative to the course root, where grading keeps what it makes "
                                            "besides nbgrader's folders: the workers' course template, the kernel "
                                            "library and kernelspec, and each notebook's records, kernel fate, verdicts "
                                            "and key (see autograder.grading.layout).").tag(config=True)

    @validate("work_directory")
    def _inside_the_course(self, proposal):
        # each grading task works in a private copy of the course: a folder outside it would be shared
        path = PurePath(proposal["value"])
        if path.is_absolute() or ".." in path.parts:
            raise TraitError(f"Grading.work_directory must be a folder inside the course root, not {path}")
        return proposal["value"]


class Course(Configurable):
    """The course's assignments: which notebooks each holds, in teaching order, and when it opens and is due."""

    assignments = List(Dict(), help="The assignments in course order, each a dict with 'name', 'notebooks' (the "
                                     "notebook names of notebooks/logistic_regression/ it holds), 'release' and 'due' "
                                     "(ISO dates with a time zone, e.g. '2026-09-07T09:00+00:00'). A notebook's "
                                     "answers may be given code only in assignments released at or after its due "
                                     "date.").tag(config=True)
    variant_key = Unicode("", help="A word mixed into every student's variant (their numbers and letters), so that "
                                   "another term's answers fit nobody in this one: set it once per term, before the "
                                   "first release. The release ships it beside variant.py (students can read it: "
                                   "it keeps terms apart, not classmates); grading refuses an assignment released "
                                   "with another key.").tag(config=True)
    release_answers_early = Bool(False, help="Let `release` give out code that answers an assignment still due "
                                             "(it refuses by default, naming the answers and the dates): only for a "
                                             "course no student sees, such as the demo's, or knowingly.").tag(config=True)

    @validate("variant_key")
    def _one_word(self, proposal):
        # the release writes it in a file read back stripped: spaces around it would split students from graders
        return proposal["value"].strip()

    @validate("assignments")
    def _well_formed(self, proposal):
        seen = set()
        for entry in proposal["value"]:
            missing = {"name", "notebooks", "release", "due"} - set(entry)
            if missing:
                raise TraitError(f"Course.assignments: {entry.get('name', entry)!r} has no {sorted(missing)}")
            release, due = (datetime.fromisoformat(entry[key]) for key in ("release", "due"))
            if release.tzinfo is None or due.tzinfo is None:
                raise TraitError(f"Course.assignments: {entry['name']!r}: give release and due with a time zone")
            if due < release:
                raise TraitError(f"Course.assignments: {entry['name']!r} is due before it is released")
            if seen & set(entry["notebooks"]):
                raise TraitError(f"Course.assignments: {sorted(seen & set(entry['notebooks']))} in two assignments")
            seen |= set(entry["notebooks"])
        return proposal["value"]


@dataclass(frozen=True)
class Limits:
    """The limits in force, read once from the configuration."""

    cell_timeout: float
    notebook_timeout: float
    memory_limit: int
    file_size_limit: int
    max_output: int
    max_outputs: int
    max_output_total: int
    disk_quota: int
    max_processes: int
    max_notebook_size: int
    figures: bool = True


def graded_copy(config):
    """c.GradedCopy of a Config, where a limit still set under its old name c.Sandbox.<name> counts, with a warning."""
    copy, old = GradedCopy(config=config), Sandbox(config=config)
    for name in GRADED_COPY_LIMITS:
        if getattr(old, name) is None:
            continue
        warnings.warn(f"c.Sandbox.{name} is now c.GradedCopy.{name} (it limits the graded copy, not the sandbox): "
                      "rename it in nbgrader_config.py", FutureWarning, stacklevel=2)
        if name not in config.GradedCopy:
            setattr(copy, name, getattr(old, name))
    return copy


def limits(config):
    """The Limits of a traitlets Config (nbgrader_config.py), defaults where it is silent."""
    from nbgrader.preprocessors import Execute

    sandbox, copy = Sandbox(config=config), graded_copy(config)
    return Limits(float(Execute(config=config).timeout), sandbox.notebook_timeout, sandbox.memory_limit,
                  sandbox.file_size_limit, copy.max_output, copy.max_outputs, copy.max_output_total,
                  sandbox.disk_quota, sandbox.max_processes, Grading(config=config).max_notebook_size, copy.figures)
