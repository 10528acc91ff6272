"""The settings of grading, as nbgrader-style configurable traits, each with its default and help.

Set them in nbgrader_config.py, the one file an instructor edits, e.g.
`c.Sandbox.memory_limit = 4 * 1024**3`. The time limit of one cell is
nbgrader's own `c.Execute.timeout`.
"""

from dataclasses import dataclass

from traitlets import Float, Integer, Unicode
from traitlets.config import Configurable


class Sandbox(Configurable):
    """Limits of each sandboxed kernel during grading (see autograder.grading.sandbox)."""

    notebook_timeout = Float(300.0, help="Seconds a whole notebook may run; then its kernel and every process "
                                         "it started are killed, and the tests not yet run get status timeout.").tag(config=True)
    memory_limit = Integer(2 * 1024**3, help="Bytes of address space per kernel process (RLIMIT_AS): "
                                             "past it, allocations fail with MemoryError.").tag(config=True)
    file_size_limit = Integer(256 * 1024**2, help="Bytes per file a kernel writes (RLIMIT_FSIZE).").tag(config=True)
    max_output = Integer(20_000, help="Characters of one text output kept in graded copies and feedback; "
                                      "the middle of a longer one is cut.").tag(config=True)


class Grading(Configurable):
    """Where grading keeps what it makes, besides nbgrader's own folders."""

    work_directory = Unicode("course", help="Folder, relative to the course root, for the workers' course template, "
                                            "the kernels' runtime folders and the hidden tests' records.").tag(config=True)


@dataclass(frozen=True)
class Limits:
    """The limits in force, read once from the configuration."""

    cell_timeout: float
    notebook_timeout: float
    memory_limit: int
    file_size_limit: int
    max_output: int


def limits(config):
    """The Limits of a traitlets Config (nbgrader_config.py), defaults where it is silent."""
    from nbgrader.preprocessors import Execute

    sandbox = Sandbox(config=config)
    return Limits(float(Execute(config=config).timeout), sandbox.notebook_timeout, sandbox.memory_limit,
                  sandbox.file_size_limit, sandbox.max_output)
