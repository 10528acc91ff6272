"""nbgrader's autograde with this course's protections: the pieces nbgrader_config.py registers with it.

Whatever starts nbgrader's Autograde converter (`python -m autograder grade`, `nbgrader autograde`, the
formgrader's *Autograde* button), it runs these in place of its own pieces, so every path grades the same way:

- reading: `SubmissionExporter`, its exporter, never reads a linked, oversized or broken notebook (refusals):
  the release stands in for it, with the reason on top, and its tests score 0 with that reason;
- sanitizing, first: `CheckSubmission` repairs the rest against the release (`repair`: nbgrader metadata
  re-identified, deleted test cells restored);
- autograding: `SandboxedExecute` runs the notebook in a fresh kernel inside the sandbox
  (autograder.grading.sandbox), whatever kernel the notebook names, and notes what became of that kernel;
  `JudgeRecords`, in place of nbgrader's SaveAutoGrades, judges the records the hidden tests left, outside
  the kernel (`trusted`), puts those scores into the gradebook, and leaves a graded copy whose outputs are
  bounded and inert (`graded_copy`); nbgrader's AssignLatePenalties then applies `late.PerDayPenalty`.

What was decided is also written, as the rows of grades.csv and the notes for the instructor, to the work
folder's verdicts/<student>/<notebook>.json, where `grade` (autograder.grading.batch) collects it.
`protection.require` checks that a configuration registers every piece.
"""

from autograder.grading.autograde.check_submission import CheckSubmission, SubmissionExporter
from autograder.grading.autograde.judge_records import JudgeRecords
from autograder.grading.autograde.protection import REQUIRED, ProtectionMissing, require
from autograder.grading.autograde.sandboxed_execute import SandboxedExecute

__all__ = ["REQUIRED", "CheckSubmission", "JudgeRecords", "ProtectionMissing", "SandboxedExecute", "SubmissionExporter",
           "require"]
