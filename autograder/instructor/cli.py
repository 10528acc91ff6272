"""The instructor's command line: release, grade, report, and the demo that runs them all.

    python -m autograder release [--assignment NAME ...]
    python -m autograder grade SUBMISSIONS --out OUT [--assignment NAME ...] [--jobs N | --scheduler ADDRESS] [--force]
    python -m autograder rejudge OUT [--assignment NAME ...]
    python -m autograder report OUT [--assignment NAME ...] [--lms canvas] [--lms moodle]
    python -m autograder demo

Without --assignment, each command takes every assignment released by now (c.Course.assignments).
"""

import argparse
import contextlib
import csv
import os
import shutil
import sys
from pathlib import Path

from autograder.grading import course

#: Where the demo puts its sample submissions and results.
DEMO = course.ROOT / "build" / "demo"


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
    try:
        targets = course.release(args.course, args.assignment)
    except ValueError as problem:
        print(f"error: {problem}", file=sys.stderr)
        return 2
    for target in targets:
        print(f"released {target.name} to {target}")
    if not targets:
        print("no assignment is released yet (see c.Course.assignments in nbgrader_config.py)")
    return 0


def grade(args):
    from autograder.grading.pipeline import NothingToGrade
    from autograder.grading.pipeline import grade as run
    from autograder.grading.protected import ProtectionMissing

    out = Path(args.out)
    try:
        if not Path(args.submissions).is_dir():
            raise FileNotFoundError(f"no such folder: {args.submissions}")
        with _stderr_of_children_to(out / "grading.log") as stderr:
            students, ran, notes = run(Path(args.submissions), out, args.course, args.jobs, _progress_on(stderr),
                                       scheduler=getattr(args, "scheduler", None), assignments=args.assignment,
                                       force=getattr(args, "force", False))
    except KeyboardInterrupt:
        print("\ninterrupted: the gradebook holds every notebook graded so far; run the same command again "
              "to grade everything (re-grading is idempotent)", file=sys.stderr)
        return 130
    except (FileNotFoundError, NothingToGrade, ValueError, ProtectionMissing) as problem:
        print(f"error: {problem}", file=sys.stderr)
        if out.exists() and not any(p.name != "grading.log" for p in out.iterdir()):
            shutil.rmtree(out)  # nothing was graded: leave no half-made output folder behind
        return 2
    print_summary(Path(args.out))
    for note in notes:
        print(f"note: {note}")
    print(f"\ngraded {students} students ({ran} notebook{'' if ran == 1 else 's'} run; any other was unchanged since "
          f"its last grading, which stands): {args.out}/grades.csv, summary.csv, feedback/; notes in notes.txt, kernel messages in grading.log")
    return 0


def rejudge(args):
    from autograder.grading.rejudge import rejudge as run

    out = Path(args.out)
    if not (out / "grades.csv").exists():
        print(f"error: {out}/grades.csv not found: run `python -m autograder grade` first", file=sys.stderr)
        return 2
    try:
        changed = run(out, args.course, args.assignment)
    except ValueError as problem:
        print(f"error: {problem}", file=sys.stderr)
        return 2
    for student, notebook in changed:
        print(f"re-judged: {student}: {notebook} changed")
    print(f"re-judged {out}: {len(changed)} notebooks changed; grades.csv, summary.csv, the gradebook, graded copies "
          "and their feedback are up to date")
    if (out / "report.md").exists():
        report(argparse.Namespace(out=out, course=args.course, assignment=args.assignment,
                                  lms=[lms for lms in ("canvas", "moodle") if (out / f"{lms}.csv").exists()]))
    return 0


def report(args):
    from autograder.instructor.lms import WRITERS
    from autograder.instructor.report import write_report

    if not (Path(args.out) / "grades.csv").exists():
        print(f"error: {args.out}/grades.csv not found: run `python -m autograder grade` first", file=sys.stderr)
        return 2
    try:
        notebooks = [n for a in course.select(args.assignment, args.course) for n in a.notebooks] if args.assignment else None
        print(f"wrote {write_report(Path(args.out), notebooks)}")
        for lms in args.lms or ():
            print(f"wrote {WRITERS[lms](Path(args.out), args.course)} (the gradebook import file of {lms.title()})")
    except ValueError as problem:
        print(f"error: {problem}", file=sys.stderr)
        return 2
    return 0


def demo(args):
    from autograder.instructor.samples import make_samples

    release(args)
    submissions = make_samples(DEMO / "submissions", args.course)
    print(f"sample submissions: {submissions}")
    args.submissions, args.out = submissions, DEMO / "out"
    status = grade(args)
    if status == 0:
        report(args)
        print(f"\nLook at: {args.out}/report.md (class report), {args.out}/grades.csv, "
              f"{args.out}/feedback/<student>/<notebook>.html, and the gradebook {course.gradebook_path(args.course)}")
    return status


def print_summary(out_dir):
    """Print OUT/summary.csv as a table."""
    with open(Path(out_dir) / "summary.csv", newline="", encoding="utf-8") as f:
        table = list(csv.reader(f))
    # the notebooks' columns shortened to their number; then total, max and late_penalty
    header = ["student", *(h[:2] for h in table[0][1:-3]), "total", "max", "late"]
    widths = [max(len(str(r[i])) for r in [header, *table[1:]]) for i in range(len(header))]
    for row in [header, *[[r[0], *(f"{float(v):g}" for v in r[1:])] for r in table[1:]]]:
        print("  ".join(str(v).rjust(w) if i else str(v).ljust(w) for i, (v, w) in enumerate(zip(row, widths))))


def parser():
    p = argparse.ArgumentParser(prog="python -m autograder", description=__doc__.split("\n\n")[0])
    p.add_argument("--course", type=Path, default=course.ROOT, help="the course root (default: this repository)")
    commands = p.add_subparsers(dest="command", required=True)
    which = argparse.ArgumentParser(add_help=False)
    which.add_argument("--assignment", action="append", metavar="NAME",
                       help="an assignment of c.Course.assignments (repeat for several; default: every one released)")
    commands.add_parser("release", parents=[which],
                        help="write the student copies under release/<assignment>/").set_defaults(run=release)
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
    d = commands.add_parser("demo", help="release, sample students, grade, report")
    d.add_argument("--jobs", type=int, default=2)
    d.set_defaults(run=demo, assignment=None, lms=("canvas", "moodle"))
    return p


def main(argv=None):
    args = parser().parse_args(argv)
    return args.run(args)
