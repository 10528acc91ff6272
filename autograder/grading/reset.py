"""Taking students out of a course's grading: their gradebook entries and every file grading made of them.

What a student leaves in a course: a student and their submissions (with every grade) in the gradebook, their
folders in nbgrader's submitted, autograded and feedback folders, and what grading kept of them in the work
folder (records, fates, verdicts). `reset` removes all of it, for the students named or for every student; the
assignments, their releases and the grading caches stay. So sample students graded into the real course by
mistake, or a term's grading before the next term, can be taken out in one step.
"""

import shutil

from autograder.grading import course, gradebook
from autograder.grading.layout import ROOT


def students(root=ROOT):
    """Every student the course holds anything of: in its gradebook or in its folders."""
    with gradebook.of_course(course.config(root)) as opened:
        known = {student.id for student in opened.students}
    return sorted(known | set(course.layout(root).students_with_folders()))


def reset(root=ROOT, names=None):
    """Remove students from a course's grading: gradebook entries, nbgrader's folders, the work folder's state.

    Parameters
    ----------
    root : Path
        The course root.
    names : list of str, optional
        The students; by default every one.

    Returns
    -------
    list of str
        The students removed, in order.

    Raises
    ------
    ValueError
        When a student named is not in the course.
    """
    present = students(root)
    unknown = sorted(set(names or ()) - set(present))
    if unknown:
        raise ValueError(f"no student {', '.join(unknown)} in the course (it has {', '.join(present) or 'none'})")
    chosen = sorted(names) if names else present
    where = course.layout(root)
    with gradebook.of_course(course.config(root)) as opened:
        gradebook.remove_students(opened, chosen)
    for student in chosen:
        for folder in where.of_student(student):
            shutil.rmtree(folder, ignore_errors=True)
    return chosen
