"""Two writers on the gradebook, SQLite and PostgreSQL side by side: a grader saving scores in the formgrader while
`grade` stores a class.

For each database, a course with the test class (tests/grading/batch/the_class.py) graded on notebook 01; then, in
turns, `grade --force` alone, and `grade --force` while one grader saves a manual score after another through the
formgrader's HTTP API (a real Jupyter server with nbgrader's formgrader). Prints a Markdown table: grading's time
alone and with the saves, how many saves, how long the longest waited, how many failed or were lost.

    .venv/bin/python benchmarks/two_writers.py [--rounds 2]
"""

import argparse
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the repository: the tests' class, server and saver
from autograder.grading import course, gradebook  # noqa: E402
from tests import postgres  # noqa: E402
from tests.end_to_end.browser import jupyter_lab  # noqa: E402
from tests.end_to_end.test_database import save_scores_while  # noqa: E402
from tests.grading.batch.the_class import NOTEBOOKS, write_class  # noqa: E402
from tests.helpers import copy_course, run_cli  # noqa: E402

ASSIGNMENT = course.assignment_of(NOTEBOOKS[0])


def _grade(root, submissions, out):
    return subprocess.Popen([sys.executable, "-m", "autograder", "--course", str(root), "grade", str(submissions),
                             "--out", str(out), "--force", f"--assignment={ASSIGNMENT}"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _course(folder, db_url):
    """A course with the class graded on notebook 01, its gradebook at `db_url` (None: SQLite's default)."""
    root = copy_course(folder / "course", f"c.CourseDirectory.db_url = {db_url!r}\n" if db_url else None,
                       release=True)
    write_class(root, folder / "downloads")
    run_cli("--course", str(root), "grade", str(folder / "downloads"), "--out", str(folder / "out"),
            f"--assignment={ASSIGNMENT}")
    with gradebook.of_course(course.config(root)) as opened:
        grades = [g.id for s in opened.assignment_submissions(ASSIGNMENT) for n in s.notebooks for g in n.grades]
    return root, folder / "downloads", grades


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=2)
    rounds = parser.parse_args(argv).rounds
    with tempfile.TemporaryDirectory() as tmp, postgres.server() as server:
        tmp = Path(tmp)
        courses = {"SQLite": _course(tmp / "sqlite", None), "PostgreSQL": _course(tmp / "pg", server.database())}
        seen = {name: {"alone": [], "with": [], "saves": [], "failed": 0, "lost": 0} for name in courses}
        for k in range(rounds):
            for name, (root, submissions, grades) in courses.items():  # in turns: what else runs falls on both
                start = time.monotonic()
                _grade(root, submissions, tmp / name / "out_alone").wait()
                seen[name]["alone"].append(time.monotonic() - start)
                with jupyter_lab(root, tmp / name / "jupyter") as (url, token):
                    start, saves = time.monotonic(), []
                    grading = _grade(root, submissions, tmp / name / "out_with")
                    saver = threading.Thread(target=lambda: saves.extend(save_scores_while(grading, url, token,
                                                                                           grades, k)))
                    saver.start()
                    grading.wait()
                    seen[name]["with"].append(time.monotonic() - start)
                    saver.join()
                last = {grade_id: score for grade_id, score, status, _ in saves if status == 200}
                with gradebook.of_course(course.config(root)) as opened:
                    seen[name]["lost"] += sum(opened.find_grade_by_id(g).manual_score != s for g, s in last.items())
                seen[name]["failed"] += sum(status != 200 for _, _, status, _ in saves)
                seen[name]["saves"] += [wait for *_, wait in saves]
    print("| gradebook | grade s alone / with saves | saves (per s) | wait ms: median, longest | failed | lost |")
    print("|---|---|---|---|---|---|")
    for name, s in seen.items():
        alone, busy = min(s["alone"]), min(s["with"])
        print(f"| {name} | {alone:.1f} / {busy:.1f} ({busy / alone:.2f}×) | {len(s['saves'])} "
              f"({len(s['saves']) / sum(s['with']):.0f}) | {1000 * statistics.median(s['saves']):.0f}, "
              f"{1000 * max(s['saves']):.0f} | {s['failed']} | {s['lost']} |")


if __name__ == "__main__":
    main()
