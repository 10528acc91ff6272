"""Gradebook import files for an LMS, from OUT/summary.csv: the points of each assignment, per student.

- Canvas (Grades → Import): the columns Student, ID, SIS User ID, SIS Login ID, Section, then one
  column per assignment; the second row is "Points Possible". Canvas matches a row on ID, SIS User ID
  or SIS Login ID: the student id (the submission folder's name) is written as the SIS Login ID.
  An assignment column without "(id)" is created as a new assignment on import.
- Moodle (Grades → Import → CSV file): a header row, then one row per student; a user field column
  ("Username" here, holding the student id) is mapped to the users at import, and each assignment's
  column to a grade item.

The points are after late penalties (summary.csv's notebooks are), rounded to 2 decimals.
"""

import csv
from pathlib import Path

from autograder.grading import course

CANVAS_ID_COLUMNS = ("Student", "ID", "SIS User ID", "SIS Login ID", "Section")


def assignment_points(out_dir, root=course.ROOT):
    """The assignments graded in OUT, their points possible, and each student's points.

    Returns
    -------
    assignments : list of (str, float)
        (name, points possible) in course order, for the assignments whose notebooks summary.csv has.
    students : dict of str to dict of str to float
        student id -> assignment name -> points.
    """
    with open(Path(out_dir) / "summary.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    with open(Path(out_dir) / "grades.csv", newline="", encoding="utf-8") as f:
        possible = {}
        for row in csv.DictReader(f):
            key = (row["student"], row["notebook"])
            possible[key] = possible.get(key, 0.0) + float(row["max_score"])
    graded = [a for a in course.assignments(root) if all(n in (rows[0] if rows else {}) for n in a.notebooks)]
    first = rows[0]["student"] if rows else None
    assignments = [(a.name, sum(possible.get((first, n), 0.0) for n in a.notebooks)) for a in graded]
    students = {r["student"]: {a.name: round(sum(float(r[n]) for n in a.notebooks), 2) for a in graded}
                for r in rows}
    return assignments, students


def write_canvas(out_dir, root=course.ROOT):
    """Write OUT/canvas.csv, Canvas's gradebook import format; return its path."""
    assignments, students = assignment_points(out_dir, root)
    path = Path(out_dir) / "canvas.csv"
    with open(path, "w", newline="", encoding="utf-8") as f:
        out = csv.writer(f)
        out.writerow([*CANVAS_ID_COLUMNS, *(name for name, _ in assignments)])
        out.writerow(["Points Possible", "", "", "", "", *(f"{points:g}" for _, points in assignments)])
        for student, points in students.items():
            out.writerow([student, "", "", student, "", *(f"{points[name]:g}" for name, _ in assignments)])
    return path


def write_moodle(out_dir, root=course.ROOT):
    """Write OUT/moodle.csv, for Moodle's CSV grade import (map "Username" to the users); return its path."""
    assignments, students = assignment_points(out_dir, root)
    path = Path(out_dir) / "moodle.csv"
    with open(path, "w", newline="", encoding="utf-8") as f:
        out = csv.writer(f)
        out.writerow(["Username", *(name for name, _ in assignments)])
        for student, points in students.items():
            out.writerow([student, *(f"{points[name]:g}" for name, _ in assignments)])
    return path


WRITERS = {"canvas": write_canvas, "moodle": write_moodle}
