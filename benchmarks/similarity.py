"""The similarity report on a large class: `python -m autograder similarity OUT` for N students × 8 notebooks.

A course with every assignment released; each student hands in all eight notebooks, each answer cell holding a
real author's code for that function (tests/judging/corpus, chosen at random) or else the instructor's, then
disguised at random (renamed, recommented, or both) so that few students are alike. Prints a Markdown table: the
time of the whole report (reading every notebook, fingerprinting, comparing every pair per assignment, writing the
CSV and the page), its parts, the pairs compared, and the peak memory.

    .venv/bin/python benchmarks/similarity.py [--students 300]
"""

import argparse
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

import nbformat

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the repository: the tests' corpus and course copy
from autograder.grading import course  # noqa: E402
from autograder.instructor import similarity as report  # noqa: E402
from autograder.instructor.samples import fill_with_answers  # noqa: E402
from tests.helpers import copy_course  # noqa: E402
from tests.instructor.planted_class import FUNCTIONS, recommented, renamed  # noqa: E402
from tests.judging.corpus import REAL, RIGHT  # noqa: E402


def _real_answers():
    """{function: [real authors' right code]} for every graded function the corpus has."""
    from tests.instructor.planted_class import _as_cell

    found = {}
    for name, fn in RIGHT:
        if fn in REAL:
            found.setdefault(name, []).append(_as_cell(fn, name))
    return found


def hand_in(root, students, seed=0):
    """Write every student's eight notebooks into the course's submitted/ folder."""
    rng, real, layout = random.Random(seed), _real_answers(), course.layout(root)
    disguises = [lambda c: c, renamed, recommented, lambda c: recommented(renamed(c))]
    for assignment in course.assignments(root):
        for notebook in assignment.notebooks:
            released = nbformat.read(layout.released_notebook(assignment.name, notebook), as_version=4)
            source = nbformat.read(layout.source_notebook(assignment.name, notebook), as_version=4)
            ids = [c.metadata["nbgrader"]["grade_id"] for c in released.cells
                   if c.metadata.get("nbgrader", {}).get("solution") and c.cell_type == "code"]
            for k in range(students):
                answers = {}
                for grade_id in ids:
                    if grade_id in real and (grade_id in FUNCTIONS or rng.random() < 0.7):
                        answers[grade_id] = rng.choice(disguises)(rng.choice(real[grade_id]))
                path = layout.submission(f"student{k:03d}", assignment.name, notebook)
                path.parent.mkdir(parents=True, exist_ok=True)
                nbformat.write(fill_with_answers(nbformat.from_dict(released), source, answers), path)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--students", type=int, default=300)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        root = copy_course(Path(folder) / "course", release=True)
        hand_in(root, args.students)
        timed = {"compare": 0.0}
        compare = report.compare

        def timed_compare(*a, **k):  # the fingerprinting and the pairs, apart from reading the notebooks
            start = time.perf_counter()
            result = compare(*a, **k)
            timed["compare"] += time.perf_counter() - start
            return result

        report.compare = timed_compare
        start = time.perf_counter()
        pairs, notes = report.similarity(Path(folder) / "out", root)
        total = time.perf_counter() - start
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"| students × notebooks | pairs | whole report (s) | of it fingerprinting and comparing (s) | "
          f"peak memory (MiB) |\n|---|---|---|---|---|\n| {args.students} × 8 | {len(pairs)} | {total:.0f} | "
          f"{timed['compare']:.0f} | {peak:.0f} |")
    for note in notes:
        print(f"note: {note}")


if __name__ == "__main__":
    main()
