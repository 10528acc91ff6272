"""The instructor's command line: release, grade, report, and the demo that runs them all.

    python -m autograder release [--assignment NAME ...] [--answers-early]
    python -m autograder grade SUBMISSIONS --out OUT [--assignment NAME ...] [--jobs N | --scheduler ADDRESS] [--force]
    python -m autograder rejudge OUT [--assignment NAME ...]
    python -m autograder report OUT [--assignment NAME ...] [--lms canvas] [--lms moodle]
    python -m autograder similarity OUT [--assignment NAME ...]
    python -m autograder check OUT
    python -m autograder reset [--student NAME ...] [--yes]
    python -m autograder demo

Without --assignment, each command takes every assignment released by now (c.Course.assignments).
"""

import argparse
import contextlib
import errno
import os
import shutil
import sys
from pathlib import Path

from autograder.grading import course
from autograder.grading.layout import ROOT, Out, demo_folder, demo_out, demo_submissions


@contextlib.contextmanager
def _stderr_of_children_to(log_path):
    """Send what kernels and nbgrader write to stderr into a log file; yield our own stderr.

    Kernels inherit file descriptor 2 and chatter on it (transport warnings, debugger
    notices); the instructor's terminal keeps only the progress bar and our messages.
    """
    log_path.parent.mkdir(parents=True, exist_ok=True)
    sys.stderr.flush()
    saved = os.dup(2)
    with open(log_path, "ab") as log:
        os.dup2(log.fileno(), 2)
        ours = os.fdopen(os.dup(saved), "w", buffering=1)
        try:
            yield ours
        finally:
            ours.close()
            os.dup2(saved, 2)
            os.close(saved)


def _progress_on(stream):
    """A progress bar on a terminal; nothing when the output is a file or a pipe."""
    from tqdm import tqdm

    return lambda iterable, total: tqdm(iterable, total=total, desc="grading", unit="student",
                                        disable=None if stream.isatty() else True, file=stream)


def release(args):
    from autograder.grading.release import answers_early, release as run, schedule_problems

    try:
        targets = run(args.course, args.assignment, early=getattr(args, "answers_early", False) or None)
    except (ValueError, RuntimeError) as problem:  # the schedule's refusal, or nbgrader's: the old release stays
        print(f"error: {problem}", file=sys.stderr)
        return 2
    for target in targets:
        print(f"released {target.name} to {target}")
    if not targets:
        print("no assignment is released yet (see c.Course.assignments in nbgrader_config.py)")
    for problem in [] if answers_early(args.course) else schedule_problems(args.course):
        print(f"note: by c.Course.assignments' dates, {problem}: its release will be refused then; move a date")
    return 0


def grade(args):
    from autograder.grading.autograde import ProtectionMissing
    from autograder.grading.batch.pipeline import NothingToGrade
    from autograder.grading.batch.pipeline import grade as run

    out = Out(args.out)
    try:
        if not Path(args.submissions).is_dir():
            raise FileNotFoundError(f"no such folder: {args.submissions}")
        with _stderr_of_children_to(out.log) as stderr:
            students, ran, notes = run(Path(args.submissions), out.folder, args.course, args.jobs, _progress_on(stderr),
                                       scheduler=getattr(args, "scheduler", None), assignments=args.assignment,
                                       force=getattr(args, "force", False))
    except KeyboardInterrupt:
        print("\ninterrupted: the gradebook holds every notebook graded so far; run the same command again "
              "to grade everything (re-grading is idempotent)", file=sys.stderr)
        return 130
    except (FileNotFoundError, NothingToGrade, ValueError, RuntimeError, ProtectionMissing) as problem:
        print(f"error: {problem}", file=sys.stderr)
        if out.folder.exists() and not any(p != out.log for p in out.folder.iterdir()):
            shutil.rmtree(out.folder)  # nothing was graded: leave no half-made output folder behind
        return 2
    except Exception as problem:
        return _unless_disk_full(problem, out)
    _report_again(out, args.course)
    print_summary(out.folder)
    for note in notes:
        print(f"note: {note}")
    print(f"\ngraded {students} students ({ran} notebook{'' if ran == 1 else 's'} run; any other was unchanged since "
          f"its last grading, which stands): {out.grades}, {out.summary.name}, {out.feedback.name}/; "
          f"notes in {out.notes.name}, kernel messages in {out.log.name}")
    return 0


def _graded(out):
    """Whether OUT holds grades; it says so when not."""
    if not Out(out).grades.exists():
        print(f"error: {Out(out).grades} not found: run `python -m autograder grade` first", file=sys.stderr)
    return Out(out).grades.exists()


def rejudge(args):
    from autograder.grading.batch.rejudge import rejudge as run

    out = Out(args.out)
    if not _graded(out.folder):
        return 2
    said = []
    try:
        changed = run(out.folder, args.course, args.assignment, said)
    except ValueError as problem:
        print(f"error: {problem}", file=sys.stderr)
        return 2
    except Exception as problem:
        return _unless_disk_full(problem, out)
    for note in said:
        print(f"note: {note}")
    for student, notebook in changed:
        print(f"re-judged: {student}: {notebook} changed")
    print(f"re-judged {out.folder}: {len(changed)} notebooks changed; {out.grades.name}, {out.summary.name}, the "
          "gradebook, graded copies and their feedback are up to date")
    _report_again(out, args.course)
    return 0


def _unless_disk_full(problem, out):
    """What `grade` and `rejudge` say when a disk fills (what happened, that nothing half-written counts, what to
    do), and their exit code; any other error goes on up.

    A full disk is the system's (ENOSPC, a quota) or the database's own words for it.
    """
    full = (getattr(problem, "errno", None) in (errno.ENOSPC, errno.EDQUOT)
            or any(words in str(problem) for words in ("database or disk is full", "No space left on device",
                                                        "could not extend file")))
    if not full:
        raise problem
    print(f"error: a disk is full ({str(problem).splitlines()[0]}). Nothing half-written counts: the gradebook holds "
          "each notebook whole or not at all, and one whose storing was cut off is graded again next time. Free space "
          f"where the course and {out.folder} are (`df -h`), then run the same command again.", file=sys.stderr)
    return 2


def _report_again(out, root, compare=True):
    """Write again the similarity report (unless not `compare`), the report and the LMS files OUT has (of all it
    holds), which new grades or submissions would leave stale."""
    from autograder.instructor.lms import WRITERS
    from autograder.instructor.similarity import similarity as compare_again

    if compare and out.similarity_csv.exists():
        compare_again(out.folder, root)
    if out.report.exists() or any(out.lms(lms).exists() for lms in WRITERS):
        report(argparse.Namespace(out=out.folder, course=root, assignment=None,
                                  lms=[lms for lms in WRITERS if out.lms(lms).exists()]))


def check(args):
    from autograder.instructor.check import differences

    if not _graded(args.out):
        return 2
    found = differences(Path(args.out), args.course)
    for line in found:
        print(line)
    print(f"{args.out}: {len(found)} difference{'' if len(found) == 1 else 's'} from the gradebook" if found else
          f"{args.out} agrees with the gradebook: grades.csv, summary.csv, the report, LMS files and feedback pages")
    return 1 if found else 0


def report(args):
    from autograder.instructor.lms import WRITERS
    from autograder.instructor.report import write_report

    if not _graded(args.out):
        return 2
    try:
        notebooks = [n for a in course.select(args.assignment, args.course) for n in a.notebooks] if args.assignment else None
        print(f"wrote {write_report(Path(args.out), notebooks, args.course)}")
        for lms in args.lms or ():
            print(f"wrote {WRITERS[lms](Path(args.out), args.course)} (the gradebook import file of {lms.title()})")
    except ValueError as problem:
        print(f"error: {problem}", file=sys.stderr)
        return 2
    return 0


def similarity(args):
    from autograder.instructor.similarity import CAVEAT
    from autograder.instructor.similarity import similarity as run

    out = Out(args.out)
    try:
        pairs, notes = run(out.folder, args.course, args.assignment)
    except ValueError as problem:
        print(f"error: {problem}", file=sys.stderr)
        return 2
    for note in notes:
        print(f"note: {note}")
    print(f"compared {len(pairs)} pairs of students: {out.similarity_page} ({out.similarity_csv.name}: every pair). "
          f"{CAVEAT}")
    _report_again(out, args.course, compare=False)  # the report's table of the closest pairs
    return 0


def reset(args):
    from autograder.grading.reset import reset as run
    from autograder.grading.reset import students

    chosen = args.student or students(args.course)
    if not args.yes:
        print(f"would take out of {args.course}'s grading: {', '.join(chosen) or 'no student'} (their gradebook "
              "entries and grades, submitted, autograded and feedback folders, and kept records); run again with "
              "--yes to do it")
        return 0
    try:
        removed = run(args.course, args.student)
    except ValueError as problem:
        print(f"error: {problem}", file=sys.stderr)
        return 2
    print(f"took {', '.join(removed) or 'no student'} out of {args.course}'s grading; assignments and releases stay")
    return 0


def demo(args):
    """Everything on sample students, in a course of the demo's own (under build/demo/), never the instructor's."""
    from autograder.instructor.samples import make_samples

    instructors = args.course
    args.course = course.copy_to(demo_folder(instructors), instructors, all_released=True)  # the whole term, today
    print(f"the demo's own course: {args.course}")
    release(args)
    submissions = make_samples(demo_submissions(instructors), args.course)
    print(f"sample submissions: {submissions}")
    args.submissions, args.out = submissions, demo_out(instructors)
    status = grade(args)
    if status == 0:
        similarity(args)
        report(args)
        out = Out(args.out)
        print(f"\nLook at: {out.report} (class report), {out.grades}, {out.feedback_page('<student>', '<notebook>')}, "
              f"{out.similarity_page}, "
              f"and the gradebook {course.gradebook_path(args.course)}")
    return status


def print_summary(out_dir):
    """Print OUT/summary.csv as a table."""
    from autograder.grading.grades import read_summary

    notebooks, lines = read_summary(out_dir)
    # the notebooks' columns shortened to their number; then total, max and late_penalty
    header = ["student", *(n[:2] for n in notebooks), "total", "max", "late"]
    table = [[line.student, *(f"{v:g}" for v in [*line.points.values(), line.total, line.max, line.late_penalty])]
             for line in lines]
    widths = [max(len(str(r[i])) for r in [header, *table]) for i in range(len(header))]
    for row in [header, *table]:
        print("  ".join(str(v).rjust(w) if i else str(v).ljust(w) for i, (v, w) in enumerate(zip(row, widths))))


def parser():
    p = argparse.ArgumentParser(prog="python -m autograder", description=__doc__.split("\n\n")[0])
    p.add_argument("--course", type=Path, default=ROOT, help="the course root (default: this repository)")
    commands = p.add_subparsers(dest="command", required=True)
    which = argparse.ArgumentParser(add_help=False)
    which.add_argument("--assignment", action="append", metavar="NAME",
                       help="an assignment of c.Course.assignments (repeat for several; default: every one released)")
    e = commands.add_parser("release", parents=[which], help="write the student copies under release/<assignment>/")
    e.add_argument("--answers-early", action="store_true",
                   help="release even if a student copy gives as code the answers of an assignment still due")
    e.set_defaults(run=release)
    g = commands.add_parser("grade", parents=[which], help="autograde SUBMISSIONS into OUT")
    g.add_argument("submissions", help="SUBMISSIONS/<student>/<notebook>.ipynb (or nbgrader's submitted/ layout)")
    g.add_argument("--out", required=True, help="where grades.csv, summary.csv and feedback/ go")
    g.add_argument("--jobs", type=int, default=1, help="students graded at the same time (default 1)")
    g.add_argument("--scheduler", metavar="ADDRESS",
                   help="grade on a Dask cluster instead, e.g. tcp://10.0.0.5:8786 (workers: --nthreads 1)")
    g.add_argument("--force", action="store_true",
                   help="run every notebook again (by default one unchanged since its last grading, with the same "
                        "course and grader, keeps that grading)")
    g.set_defaults(run=grade)
    j = commands.add_parser("rejudge", parents=[which],
                            help="judge a graded OUT again from the kept records, without kernels (after a change "
                                 "to a judge, a mistake or an answer)")
    j.add_argument("out", help="a folder written by grade")
    j.set_defaults(run=rejudge)
    r = commands.add_parser("report", parents=[which], help="write the class report OUT/report.md")
    r.add_argument("--lms", action="append", choices=("canvas", "moodle"),
                   help="also write OUT/<lms>.csv, the LMS's gradebook import file (points per assignment)")
    r.add_argument("out", help="a folder written by grade")
    r.set_defaults(run=report)
    m = commands.add_parser("similarity", parents=[which],
                            help="compare every pair of students' code per assignment: OUT/similarity.html and .csv "
                                 "(a reason to look, not a verdict)")
    m.add_argument("out", help="where similarity.html and similarity.csv go (the folder written by grade)")
    m.set_defaults(run=similarity)
    k = commands.add_parser("check", help="compare OUT (grades.csv, summary.csv, report, LMS files, feedback pages) "
                                          "with the gradebook; list every difference (exit 1 if any)")
    k.add_argument("out", help="a folder written by grade")
    k.set_defaults(run=check)
    z = commands.add_parser("reset", help="take students (by default every one) out of the course's grading: their "
                                          "gradebook entries, graded folders and kept records")
    z.add_argument("--student", action="append", metavar="NAME", help="a student (repeat for several)")
    z.add_argument("--yes", action="store_true", help="do it (without it, say what would be taken out)")
    z.set_defaults(run=reset)
    d = commands.add_parser("demo", help="release, sample students, grade, report: in a course of its own, "
                                         "under build/demo/")
    d.add_argument("--jobs", type=int, default=2)
    d.set_defaults(run=demo, assignment=None, lms=("canvas", "moodle"))
    return p


def main(argv=None):
    args = parser().parse_args(argv)
    # read first: what it warns of reaches the terminal before grading takes stderr
    course.judge_with_variant_key(course.config(args.course))
    return args.run(args)
