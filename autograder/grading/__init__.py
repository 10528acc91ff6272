"""Grading with nbgrader: files, processes and the gradebook. What is decided about an answer is `autograder.judging`.

Two paths grade a notebook, and they share every piece that decides a score:

- **nbgrader's own path** (`nbgrader autograde`, the formgrader's *Autograde* button): nbgrader's Autograde
  converter runs the pieces nbgrader_config.py registers, `autograde/` (one preprocessor a file): the
  submission checked and repaired, the notebook run in the sandbox (`sandbox/`), its records judged outside
  the kernel and the scores written to the gradebook.
- **The batch path** (`python -m autograder grade` and `rejudge`), `batch/`: a folder of submissions in any
  layout, each student an independent task that runs nbgrader's autograde (so the same pieces) in a private
  copy of the course, here or on a cluster; results stored as they arrive, then grades.csv, summary.csv and
  feedback; re-judging from what grading kept, without kernels.

Below both, one module each: `settings` (every setting), `layout` (every path), `course` (the configuration,
assignments, the notebooks' tests, the release), `grades` (grades.csv and summary.csv: the row, its writer
and reader), `gradebook` (every write into nbgrader's gradebook) and `refusals` (why a file is not graded).

Folders are layers: the modules here < `sandbox/` < `autograde/` < `batch/` (tests/test_layers.py).
"""
