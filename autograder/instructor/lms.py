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

from autograder.grading import course
from autograder.grading.grades import read_grades, read_summary
from autograder.grading.layout import ROOT, Out

CANVAS_ID_COLUMNS = ("Student", "ID", "SIS User ID", "SIS Login ID", "Section")


def assignment_points(out_dir, root=ROOT):
    """The assignments graded in OUT, their points possible, and each student's points.

    Returns
    -------
    assignments : list of (str, float)
        (name, points possible) in course order, for the assignments whose notebooks summary.csv has.
    students : dict of str to dict of str to float
        student id -> assignment name -> points.
    """
    notebooks, lines = read_summary(out_dir)
    possible = {}
    for row in read_grades(out_dir):
        possible[(row.student, row.notebook)] = possible.get((row.student, row.notebook), 0.0) + row.max_score
    graded = [a for a in course.assignments(root) if lines and all(n in notebooks for n in a.notebooks)]
    first = lines[0].student if lines else None
    assignments = [(a.name, sum(possible.get((first, n), 0.0) for n in a.notebooks)) for a in graded]
    students = {line.student: {a.name: round(sum(line.points[n] for n in a.notebooks), 2) for a in graded}
                for line in lines}
    return assignments, students


def write_canvas(out_dir, root=ROOT):
    """Write OUT/canvas.csv, Canvas's gradebook import format; return its path."""
    assignments, students = assignment_points(out_dir, root)
    path = Out(out_dir).lms("canvas")
    with open(path, "w", newline="", encoding="utf-8") as f:
        out = csv.writer(f)
        out.writerow([*CANVAS_ID_COLUMNS, *(name for name, _ in assignments)])
        out.writerow(["Points Possible", "", "", "", "", *(f"{points:g}" for _, points in assignments)])
        for student, points in students.items():
            out.writerow([student, "", "", student, "", *(f"{points[name]:g}" for name, _ in assignments)])
    return path


def write_moodle(out_dir, root=ROOT):
    """Write OUT/moodle.csv, for Moodle's CSV grade import (map "Username" to the users); return its path."""
    assignments, students = assignment_points(out_dir, root)
    path = Out(out_dir).lms("moodle")
    with open(path, "w", newline="", encoding="utf-8") as f:
        out = csv.writer(f)
        out.writerow(["Username", *(name for name, _ in assignments)])
        for student, points in students.items():
            out.writerow([student, *(f"{points[name]:g}" for name, _ in assignments)])
    return path


WRITERS = {"canvas": write_canvas, "moodle": write_moodle}
