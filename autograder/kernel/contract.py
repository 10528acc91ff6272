"""The contract between the grader and the student's kernel, owned here and read by both sides.

The grader's process (autograder.grading) writes the probes and starts the
sandbox; the sandbox's watcher starts the kernel; the hidden tests in the kernel
(autograder.kernel.capture) read the probes and leave records. Every name they
share is defined once, here. Standard library only: the watcher imports this
module before anything else is loaded.
"""

import json
import os
from pathlib import Path

#: Where this folder (the kernel library: the contract and the capture code) appears inside the sandbox.
KERNEL_LIB = "/opt/logreg"
#: Inside the sandbox: the folder of probe inputs (read-only) and the folder for records (writable).
PROBES = KERNEL_LIB + "/probes"
RECORDS = "/records"
#: The kernel's environment: where the hidden tests find probes and leave records.
PROBES_ENV = "LOGREG_PROBES"
RECORDS_ENV = "LOGREG_RECORDS"
#: The watcher's environment: one JSON object, see sandbox_settings().
SANDBOX_ENV = "LOGREG_SANDBOX"
#: The kinds of record a hidden test leaves: a graded function's outputs, or a concept question's answer.
FUNCTION, CONCEPT = "function", "concept"


def graded_student():
    """In a graded kernel (RECORDS_ENV set), the student it grades: the kernel works in nbgrader's
    autograded/<student>/<assignment>/ folder, the same path inside the sandbox. None in any other kernel.

    The notebooks' variant.py asks it, so that a notebook is always run as the student whose folder it was handed in
    under, whatever id it was typed with.
    """
    if not os.environ.get(RECORDS_ENV):
        return None
    return Path.cwd().parent.name or None


def record_file(folder, kind, name):
    """Where a hidden test leaves its record: kind is FUNCTION or CONCEPT."""
    return Path(folder) / f"{kind}-{name}.json"


def probe_file(folder, name):
    """Where the probe inputs of a graded function lie (pickled by the grader, never by the kernel)."""
    return Path(folder) / f"{name}.pickle"


def sandbox_settings(*, kernel_lib, records, fate, notebook_timeout, memory_limit, file_size_limit, disk_quota,
                     max_processes, notebook_folder=None, figures=True):
    """The watcher's settings as the value of SANDBOX_ENV.

    Parameters
    ----------
    kernel_lib : Path
        The kernel library folder, mounted at KERNEL_LIB.
    records : Path
        This notebook's records folder, mounted at RECORDS.
    fate : Path
        Where the watcher writes what became of the kernel (JSON).
    notebook_timeout : float
        Seconds for the whole notebook.
    memory_limit, file_size_limit : int
        Bytes of address space per process, bytes per file written.
    disk_quota : int
        Bytes the kernel may write in all.
    max_processes : int
        Processes and threads the kernel may have at once.
    notebook_folder : Path, optional
        For a kernel started ahead of its notebook: the notebook's folder, copied in when it is handed over
        (any other kernel works in a copy of the folder it is started in).
    figures : bool
        Whether the kernel shows matplotlib's figures as outputs (the inline backend) or draws them with Agg.
    """
    return json.dumps({"kernel_lib": str(kernel_lib), "records": str(records), "fate": str(fate),
                       "notebook_timeout": float(notebook_timeout), "memory_limit": int(memory_limit),
                       "file_size_limit": int(file_size_limit), "disk_quota": int(disk_quota),
                       "max_processes": int(max_processes), "figures": bool(figures),
                       "notebook_folder": None if notebook_folder is None else str(notebook_folder)})


def read_sandbox_settings(environ=os.environ):
    """The settings written by sandbox_settings(), as a dict."""
    return json.loads(environ[SANDBOX_ENV])
