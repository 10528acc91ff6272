"""Late work: when a notebook was handed in, and what nbgrader's late-penalty plugin takes for it.

The penalty is nbgrader's own mechanism: the plugin class of `c.AssignLatePenalties.plugin_class`
(this course configures `PerDayPenalty` in nbgrader_config.py). `nbgrader autograde` calls it from its
AssignLatePenalties with the notebook's score in the gradebook, which JudgeRecords set from the trusted
verdicts; `grade` calls it with the same trusted score (`late_row`), and its penalty appears as one row
of grades.csv (status `late`), in summary.csv and in the gradebook.
"""

import math
from datetime import datetime, timezone

from nbgrader.plugins import LateSubmissionPlugin
from traitlets import CFloat

from autograder.grading.grades import LATE, Row
from autograder.grading.layout import TIMESTAMP

#: The name of the grades.csv row that holds a notebook's late penalty.
LATE_ROW = "late_penalty"


class PerDayPenalty(LateSubmissionPlugin):
    """A share of the notebook's score is lost for every day or part of a day past the due date."""

    per_day = CFloat(0.1, help="Share of a late notebook's score lost per started day late "
                               "(0.1: 10 % after a minute, 20 % after a day and a minute; 1: all of it).").tag(config=True)

    def late_submission_penalty(self, student_id, score, total_seconds_late):
        """The points taken from `score` for being `total_seconds_late` seconds late (None when on time)."""
        if total_seconds_late <= 0:
            return None
        return min(score, score * self.per_day * math.ceil(total_seconds_late / 86400))


def timestamp_of(path, file_time=False):
    """When a submitted file was handed in: nbgrader's timestamp.txt beside it, else (if allowed) the file's time.

    Parameters
    ----------
    path : Path
        A submitted notebook (never a link: those are refused before).
    file_time : bool
        Whether the file's modification time counts when there is no timestamp.txt
        (c.Grading.file_time_is_handed_in: true only of a download that kept the times).

    Returns
    -------
    datetime or None
        Aware, in UTC; None when nothing says when the file was handed in.
    """
    from nbgrader.utils import parse_utc

    stamp = path.parent / TIMESTAMP
    if stamp.is_file() and not stamp.is_symlink() and stamp.stat().st_size < 100:
        try:
            return parse_utc(stamp.read_text(encoding="utf-8").strip()).replace(tzinfo=timezone.utc)
        except (ValueError, OverflowError):
            pass  # a damaged timestamp.txt: the file's own time is the next best evidence
    return datetime.fromtimestamp(path.lstat().st_mtime, timezone.utc) if file_time else None


def nbgrader_timestamp(moment):
    """A time as nbgrader writes it in timestamp.txt ("2026-09-15 10:30:00.000000 UTC")."""
    return f"{moment.astimezone(timezone.utc):%Y-%m-%d %H:%M:%S.%f} UTC"


def penalty(config, student, score, seconds_late):
    """The points the configured plugin takes from a notebook's trusted score, within [0, score]."""
    from nbgrader.preprocessors import AssignLatePenalties

    plugin = AssignLatePenalties(config=config).plugin_class(config=config)
    taken = plugin.late_submission_penalty(student, score, seconds_late) if seconds_late > 0 else None
    return 0.0 if taken is None else min(max(float(taken), 0.0), score)


def late_row(config, student, notebook, rows, handed_in, due):
    """The grades.csv row of a notebook's late penalty, or None when it was on time.

    Parameters
    ----------
    config : traitlets.config.Config
        The course's configuration (its late-penalty plugin).
    student, notebook : str
    rows : list of Row
        The notebook's test rows, with their trusted scores.
    handed_in, due : datetime
        Aware datetimes.
    """
    seconds_late = (handed_in - due).total_seconds()
    if seconds_late <= 0:
        return None
    taken = round(penalty(config, student, sum(r.score for r in rows), seconds_late), 6)  # points, not float noise
    when = f"handed in {handed_in:%Y-%m-%d %H:%M} UTC, {seconds_late / 3600:.1f} h after the due date {due:%Y-%m-%d %H:%M} UTC"
    return Row(student, notebook, LATE_ROW, -taken, 0.0, LATE, f"{when}: {taken:g} points taken (late-work policy)")
