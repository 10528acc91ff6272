"""Grading a folder of submissions: discover, stage, run the tasks, store each result as it arrives.

The batch path, `python -m autograder grade`, from the top: `discover` finds each student's notebooks
(submissions), `stage` reads them into independent Tasks and `reuse` keeps what has not changed (tasks), a
runner grades the tasks here or on a cluster (runners: each one through nbgrader's autograde with this
course's pieces, in a private copy of the course), and each result is stored in the course (store) and
written to OUT/ (grades.GradesWriter) as it arrives.
"""

from autograder.grading import course, gradebook, release, settings
from autograder.grading.autograde import require
from autograder.grading.batch import runners
from autograder.grading.batch.store import store
from autograder.grading.batch.submissions import discover
from autograder.grading.batch.tasks import reuse, stage
from autograder.grading.batch.template import template, version
from autograder.grading.grades import GradesWriter
from autograder.grading.layout import ROOT


class NothingToGrade(Exception):
    """The submissions folder holds no student's notebook."""


def grade(submissions_dir, out_dir, root=ROOT, jobs=1, progress=lambda iterable, total: iterable,
          scheduler=None, assignments=None, force=False):
    """Grade every submission under a folder and write grades.csv, summary.csv and feedback.

    Parameters
    ----------
    submissions_dir : Path
        SUBMISSIONS/<student>/<notebook>.ipynb or .../<student>/<assignment>/<notebook>.ipynb.
    out_dir : Path
        Where grades.csv, summary.csv, notes.txt and feedback/ are written.
    root : Path
        The course root.
    jobs : int
        Students graded at the same time on this machine.
    progress : callable
        Wraps the iterable of finished students (e.g. a progress bar).
    scheduler : str, optional
        The address of a Dask distributed scheduler: the submissions are graded
        by its workers instead (each gets the course as an archive), and this
        process alone writes the gradebook.
    assignments : list of str, optional
        The assignments to grade; by default every one released by now.
    force : bool
        Run every notebook. By default a notebook whose content, and the course and grader, are those of
        its last grading is not run again: its results from then are kept (tasks.reuse).

    Returns
    -------
    students : int
        How many students were graded.
    run : int
        How many notebooks were run (the others were reused).
    notes : list of str
        What the instructor should know: renamed, unmatched, duplicate, repaired or unreadable files.

    Raises
    ------
    FileNotFoundError, NothingToGrade, ValueError
        On bad input (ValueError: an assignment the course does not have), before anything is graded.
    autograde.ProtectionMissing
        When nbgrader_config.py does not register the sandbox and the judging with nbgrader's autograde.
    """
    require(course.config(root))
    selected = course.select(assignments, root)
    notebooks = [name for a in selected for name in a.notebooks]
    file_time = settings.Grading(config=course.config(root)).file_time_is_handed_in
    submissions, notes = discover(submissions_dir, course.notebook_names(root), file_time)
    for submission in submissions:  # another assignment's notebook is neither graded nor a stray file
        submission.notebooks = {k: v for k, v in submission.notebooks.items() if k in notebooks}
        submission.refused = {k: v for k, v in submission.refused.items() if k in notebooks}
    submissions = [s for s in submissions if s]
    if not any(s.notebooks for s in submissions):
        graded = ", ".join(a.name for a in selected) or "none is released yet"
        raise NothingToGrade(f"no notebook of the assignments graded ({graded}) found under {submissions_dir} "
                             "(expected <student>/<notebook>.ipynb or <student>/<assignment>/<notebook>.ipynb)")
    release.ensure_assignments([a.name for a in selected], root)
    release.check_variant_key([a.name for a in selected], course.layout(root), course.variant_key(root))
    tests = course.tests(root)
    written = GradesWriter(out_dir, {name: tests[name] for name in notebooks}, notes)
    grading = version(root)
    runner, ran, regraded = runners.dask if scheduler else runners.local, 0, []
    with gradebook.of_course(course.config(root)) as opened:
        held = None if force else gradebook.graded(opened)
        tasks = (task if force else reuse(task, root, held) for task in
                 (stage(s, root, notebooks, grading) for s in submissions))  # staged only when a runner has room
        for task, result in progress(runner(tasks, template(root), jobs=jobs, scheduler=scheduler), len(submissions)):
            rows, notes_of_store, feedback = store(task, result, root, opened)
            written.add(result.student, rows, result.notes + notes_of_store, feedback)
            ran += len(task.notebooks)
            regraded += [f"{task.student}/{name}" for name in task.regraded]
    if regraded:
        written.notes.append(f"graded again, the gradebook not holding their last grading (a new, restored or emptied "
                             f"gradebook?): {', '.join(regraded)}")
    students, notes = written.close()
    return students, ran, notes
