"""Speed of grading, against the floor of running the same notebooks bare.

Grades K copies of a correct full submission (all 8 notebooks, the instructor's
answers) serially and with --jobs 2, and executes the same notebooks bare with
nbclient (one plain kernel each, no nbgrader, no sandbox, no judging) as the
floor. Prints seconds per student and the ratios. With --curve, grades
1, 5, ... students with --jobs 2 and plots seconds per student against the
class size (benchmarks/per_student.png).

Also times re-judging a graded class from its kept records and grading it again unchanged, and what
a kernel costs before a notebook's first line, plain and sandboxed. With --rejudge N, grades N
copies of notebook 01 and times re-judging and grading again alone.

With --figures K, grades K students serially with their figures kept (c.GradedCopy.figures, the default)
and without, in turns, and prints seconds per student and the feedback pages' size of each.

Usage: .venv/bin/python benchmarks/grading.py [--students K] [--curve 1,5,10,25,50] [--rejudge 50] [--figures K]
"""

import argparse
import json
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from autograder.grading import course, release
from autograder.grading.batch import pipeline, store, tasks, template
from autograder.instructor.samples import filled

REPO = Path(__file__).resolve().parents[1]


def make_course(folder, extra_config=None):
    """A copy of the course in `folder` (with `extra_config` in its nbgrader_config.py), every assignment released."""
    release.release(course.copy_to(folder, all_released=True, extra_config=extra_config))
    return folder


def correct_notebooks(root):
    """The instructor's answers in the released notebooks, by name."""
    return {name: filled(name, root=root) for name in course.notebook_names(root)}


def make_class(root, students, folder):
    shutil.rmtree(folder, ignore_errors=True)
    for k in range(students):
        for name, nb in correct_notebooks(root).items():
            (folder / f"student{k:03d}").mkdir(parents=True, exist_ok=True)
            nbformat.write(nb, folder / f"student{k:03d}" / f"{name}.ipynb")
    return folder


def bare(root, students):
    """Seconds to execute every student's notebooks with nbclient, one kernel per notebook."""
    work = root / "bare"
    for assignment in course.assignments(root):  # every notebook's files (checks.py, data/, ...) in one folder
        shutil.copytree(course.layout(root).release(assignment.name), work, dirs_exist_ok=True)
    notebooks = correct_notebooks(root)
    start = time.perf_counter()
    for _ in range(students):
        for nb in notebooks.values():
            NotebookClient(nbformat.from_dict(nb), timeout=120, kernel_name="python3",
                           resources={"metadata": {"path": str(work)}}).execute()
    return time.perf_counter() - start


def graded(root, submissions, jobs):
    """Seconds to grade a class with `jobs` workers."""
    start = time.perf_counter()
    pipeline.grade(submissions, root / f"out{jobs}", root, jobs=jobs, force=True)
    return time.perf_counter() - start


def rejudged(root, out):
    """Seconds to re-judge a graded class: as it is, and after an answer key changed that every student's row follows."""
    from autograder.grading.batch.rejudge import rejudge
    from autograder.judging import concepts

    start = time.perf_counter()
    assert rejudge(out, root) == []
    same = time.perf_counter() - start
    kept = concepts.ANSWERS["scenario_higher_loss"]
    concepts.ANSWERS["scenario_higher_loss"] = "A"  # every student answered B: every notebook 01 changes
    try:
        start = time.perf_counter()
        changed = rejudge(out, root)
        flipped = time.perf_counter() - start
    finally:
        concepts.ANSWERS["scenario_higher_loss"] = kept
    rejudge(out, root)
    return same, flipped, len(changed)


def regraded(root, submissions, jobs):
    """Seconds to grade a class again when nothing changed (every notebook's last grading reused)."""
    start = time.perf_counter()
    assert pipeline.grade(submissions, root / "out_again", root, jobs=jobs)[1] == 0
    return time.perf_counter() - start


#: A first cell that says when it ran, and one that says when the course's imports were done.
STARTED = "import time\nprint(time.time())"
IMPORTED = "import time\nimport numpy as np\nimport matplotlib.pyplot as plt\nprint(time.time())"


def before_first_cell(root, repeats=5):
    """Median seconds from asking for a notebook's kernel to its first line running, plain and sandboxed.

    Returns {way: (first line, imports done)}: when a first cell ran, and when a first cell that
    imports numpy and matplotlib (what every notebook of the course does first) had imported them.
    Plain is nbclient's own kernel; sandboxed is SandboxedExecute, as grading runs every notebook;
    started ahead is a kernel booted while the previous notebook ran (4 s here), then handed over.
    """
    from statistics import median

    from autograder.grading.autograde import SandboxedExecute
    from autograder.grading.sandbox.ahead import AHEAD

    where = course.layout(root)
    folder = where.autograded("bench", "01_model_and_loss")
    shutil.copytree(where.release("01_model_and_loss"), folder, dirs_exist_ok=True)
    resources = {"metadata": {"path": str(folder)}, "nbgrader": {
        "student": "bench", "assignment": "01_model_and_loss", "notebook": "01_model_and_loss", "db_url": ""}}
    config = course.config(root)

    def ahead():
        AHEAD.start(config, "bench", "01_model_and_loss", "01_model_and_loss")
        time.sleep(4)

    ways = {"plain": (None, lambda nb: NotebookClient(nb, timeout=120, kernel_name="python3",
                                                      resources=resources).execute()),
            "sandboxed": (None, lambda nb: SandboxedExecute(config=config).preprocess(nb, resources)[0]),
            "sandboxed, started ahead": (ahead, lambda nb: SandboxedExecute(config=config).preprocess(
                nb, resources)[0])}
    figures = {}
    for way, (before, run) in ways.items():
        seconds = []
        for cell in (STARTED, IMPORTED):
            times = []
            for _ in range(repeats):
                if before:
                    before()
                start = time.time()
                done = run(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(cell)]))
                times.append(float(done.cells[0].outputs[0]["text"]) - start)
            seconds.append(median(times))
        figures[way] = tuple(seconds)
    return figures


def after_grading(root, submissions, seconds):
    """Print what re-judging and grading again cost after a grading (with --jobs 2) that took `seconds`."""
    same, flipped, changed = rejudged(root, root / "out2")
    again = regraded(root, submissions, 2)
    print(f"\nafter grading with --jobs 2 ({seconds:.1f} s): re-judging, nothing changed: {same:.2f} s "
          f"({same / seconds:.1%}); re-judging after an answer key changed {changed} notebooks: "
          f"{flipped:.2f} s ({flipped / seconds:.1%}; target < 2 %); grading again, nothing changed: "
          f"{again:.2f} s ({again / seconds:.1%})")


def class_of(students, notebook="01_model_and_loss"):
    """Grade `students` copies of one correct notebook with --jobs 2, then re-judge and grade again."""
    with tempfile.TemporaryDirectory() as tmp:
        root = make_course(Path(tmp))
        folder = root / "class"
        for k in range(students):
            (folder / f"student{k:03d}").mkdir(parents=True)
            nbformat.write(filled(notebook, root=root), folder / f"student{k:03d}" / f"{notebook}.ipynb")
        seconds = graded(root, folder, 2)
        print(f"a class of {students}, notebook {notebook}: graded with --jobs 2 in {seconds:.1f} s")
        after_grading(root, folder, seconds)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--students", type=int, default=4)
    parser.add_argument("--curve", default="", help="class sizes graded with --jobs 2, e.g. 1,5,10,25,50")
    parser.add_argument("--memory", default="", help="class sizes whose grading process's peak memory is measured, "
                                                     "each in a fresh process, e.g. 5,50 (then nothing else runs)")
    parser.add_argument("--peak-of", type=int, help=argparse.SUPPRESS)  # one size, in the child process
    parser.add_argument("--rejudge", type=int, help="grade a class of this many copies of notebook 01, then time "
                                                      "re-judging it and grading it again (then nothing else runs)")
    parser.add_argument("--figures", type=int, help="grade this many students with figures kept and without, in "
                                                      "turns (then nothing else runs)")
    args = parser.parse_args(argv)
    if args.figures:
        return figures(args.figures)
    if args.rejudge:
        return class_of(args.rejudge)
    if args.peak_of:
        return print(json.dumps(peak_memory(args.peak_of)))
    if args.memory:
        return memory([int(n) for n in args.memory.split(",")])
    with tempfile.TemporaryDirectory() as tmp:
        root = make_course(Path(tmp))
        print(f"{time.strftime('%Y-%m-%d')}, {platform.machine()}, {platform.python_version()}, "
              f"{len(course.notebook_names(root))} notebooks a student\n")
        k = args.students
        submissions = make_class(root, k, root / "class")
        floor = bare(root, k) / k
        serial = graded(root, submissions, 1) / k
        parallel = graded(root, submissions, 2) / k
        print("| way | s / student | vs bare |\n|---|---|---|")
        for way, seconds in (("bare nbclient (floor)", floor), ("grade, serial", serial), ("grade --jobs 2", parallel)):
            print(f"| {way} | {seconds:.2f} | {seconds / floor:.2f}× |")
        print(f"\n--jobs 2 is {serial / parallel:.2f}× faster than serial (target ≥ 1.8); "
              f"serial grading costs {serial / floor:.2f}× bare execution (target ≤ 0.6).")
        after_grading(root, submissions, parallel * k)
        print("\n| kernel | first line runs after (s) | numpy, matplotlib imported after (s) |\n|---|---|---|")
        for way, (started, imported) in before_first_cell(root).items():
            print(f"| {way} | {started:.2f} | {imported:.2f} |")
        task_costs(root, submissions)
        if args.curve:
            curve(root, [int(n) for n in args.curve.split(",")])


def figures(students, rounds=2):
    """Seconds per student and feedback bytes per student, figures kept against not, graded serially in turns."""
    with tempfile.TemporaryDirectory() as tmp:
        roots = {True: make_course(Path(tmp) / "kept"),
                 False: make_course(Path(tmp) / "dropped", "c.GradedCopy.figures = False\n")}
        classes = {kept: make_class(root, students, root / "class") for kept, root in roots.items()}
        seconds = {True: [], False: []}
        for root in roots.values():
            template.template(root)  # made once per course, before the clock
        for _ in range(rounds):
            for kept, root in roots.items():
                seconds[kept].append(graded(root, classes[kept], 1) / students)
        size = {kept: sum(p.stat().st_size for p in (root / "out1" / "feedback").rglob("*.html")) / students / 1e6
                for kept, root in roots.items()}
        print(f"{time.strftime('%Y-%m-%d')}, {platform.machine()}, {students} students, {rounds} rounds in turns\n")
        print("| figures | s / student (each round) | feedback MB / student |\n|---|---|---|")
        for kept in (True, False):
            print(f"| {'kept (default)' if kept else 'dropped'} | {', '.join(f'{s:.1f}' for s in seconds[kept])} | "
                  f"{size[kept]:.2f} |")
        print(f"\nkeeping the figures costs {min(seconds[True]) / min(seconds[False]):.2f}× the time (best rounds) "
              f"and {size[True] / size[False]:.1f}× the feedback's size")


def task_costs(root, submissions):
    """Seconds of each part of one task: staging and storing (the grading process), running (a worker)."""
    from autograder.grading.batch.submissions import discover

    submission = discover(submissions, course.notebook_names(root))[0][0]
    made = template.template(root)
    start = time.perf_counter()
    task = tasks.stage(submission, root)
    staged = time.perf_counter()
    result = tasks.run_task(task, made)
    ran = time.perf_counter()
    store.store(task, result, root)
    stored = time.perf_counter()
    shipped = len(template.archive(made)) / 1e6
    print(f"\none task: stage {staged - start:.2f} s and store {stored - ran:.2f} s in the grading process, "
          f"run {ran - staged:.2f} s in a worker; the template archive sent once per worker: {shipped:.1f} MB")


def peak_memory(students):
    """The grading process's peak memory while it grades a class of `students` with --jobs 2 (MB).

    Python's own allocations (tracemalloc's peak, during grade() alone) and the
    process's peak resident set (ru_maxrss, which includes start-up). The worker
    processes are not counted: they hold one student each, whatever the class.
    """
    import resource
    import tracemalloc

    with tempfile.TemporaryDirectory() as tmp:
        root = make_course(Path(tmp))
        submissions = make_class(root, students, root / "class")
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        tracemalloc.start()
        start = time.perf_counter()
        pipeline.grade(submissions, root / "out", root, jobs=2, force=True)
        seconds = time.perf_counter() - start
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        return {"students": students, "python_peak_mb": peak / 1e6, "max_rss_mb": resource.getrusage(
            resource.RUSAGE_SELF).ru_maxrss / 1024, "max_rss_before_grading_mb": before, "seconds": seconds}


def memory(sizes):
    """Peak memory of the grading process for each class size, each in a fresh process, side by side."""
    print("| students | Python peak during grading (MB) | peak RSS (MB) | RSS before grading (MB) | s / student |")
    print("|---|---|---|---|---|")
    for size in sizes:
        out = subprocess.run([sys.executable, __file__, "--peak-of", str(size)], capture_output=True, text=True, check=True)
        figures = json.loads(out.stdout.strip().splitlines()[-1])
        print(f"| {size} | {figures['python_peak_mb']:.1f} | {figures['max_rss_mb']:.0f} | "
              f"{figures['max_rss_before_grading_mb']:.0f} | {figures['seconds'] / size:.1f} |", flush=True)


def curve(root, sizes):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    per_student = []
    for size in sizes:
        per_student.append(graded(root, make_class(root, size, root / f"class{size}"), 2) / size)
        print(f"{size} students: {per_student[-1]:.2f} s / student", flush=True)
    fig, ax = plt.subplots(figsize=(6, 3.5))
    ax.plot(sizes, per_student, "o-")
    ax.set(xlabel="students graded in one run (--jobs 2)", ylabel="seconds per student", ylim=(0, None),
           title="Grading time per student stays flat as the class grows")
    fig.tight_layout()
    fig.savefig(REPO / "benchmarks" / "per_student.png", dpi=100)


if __name__ == "__main__":
    sys.exit(main())
