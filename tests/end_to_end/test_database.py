"""The gradebook on a real database server, PostgreSQL, as well as SQLite: the class graded, re-judged and graded by
nbgrader's own autograde alike on both; and two writers at once, a grader saving scores in the formgrader while
`grade` stores the class, with no save lost and no "database is locked" on either.

The server is Debian's, started by the tests under an unprivileged user (tests/postgres.py).
"""

import json
import random
import shutil
import subprocess
import sys
import threading
import time
import urllib.request

import pytest

from autograder.grading import course, gradebook
from tests.end_to_end.browser import jupyter_lab
from tests.grading.batch.the_class import NOTEBOOKS
from tests.helpers import read_rows, run_cli, run_nbgrader, scores_in_gradebook

pytestmark = pytest.mark.end_to_end

#: The assignments graded on PostgreSQL: the first has a late submission, an unreadable notebook and the question
#: whose key the re-judging test changes; the second the loops' stand-ins.
GRADED = NOTEBOOKS[:1] + NOTEBOOKS[5:6]


def _db_url(root):
    return course.config(root).CourseDirectory.db_url


@pytest.fixture(scope="module")
def on_postgres(graded_class, course_copy, postgres):
    """The class of graded_class released and graded (GRADED) on a PostgreSQL gradebook: (root, out)."""
    root, _, _ = graded_class
    other = course_copy(f"c.CourseDirectory.db_url = {postgres.database()!r}\n", release=True, name="on_postgres")
    run_cli("--course", str(other), "grade", str(root / "downloads"), "--out", str(other / "out"), "--jobs", "2",
            *[f"--assignment={course.assignment_of(name)}" for name in GRADED])
    return other, other / "out"


def test_the_class_graded_on_postgresql_gets_exactly_its_grades_on_sqlite(graded_class, on_postgres):
    root, out, _ = graded_class
    other, other_out = on_postgres
    assert _db_url(other).startswith("postgresql+psycopg://")
    assignments = [course.assignment_of(name) for name in GRADED]
    assert scores_in_gradebook(other, assignments) == scores_in_gradebook(root, assignments)
    assert read_rows(other_out) == [row for row in read_rows(out) if row["notebook"] in GRADED]


def test_rejudging_on_postgresql_changes_what_the_key_changes_and_keeps_a_hand_given_score(graded_class, on_postgres,
                                                                                        monkeypatch):
    from autograder.grading.batch.rejudge import rejudge
    from solutions import concepts

    root, _, _ = graded_class
    other, out = on_postgres
    before, name = read_rows(out), NOTEBOOKS[0]
    with gradebook.opened(_db_url(other)) as opened:  # a grader's score, saved as the formgrader saves it
        opened.find_grade("test_sigmoid", name, name, "ada").manual_score = 1.5
        opened.db.commit()
    real = concepts.answers_01  # the key changes: each student's other letter

    def changed_key(student):
        return {**real(student), "scenario_higher_loss": {"A": "B", "B": "A"}[real(student)["scenario_higher_loss"]]}
    monkeypatch.setattr(concepts, "answers_01", changed_key)
    changed = rejudge(out, other)
    assert changed == [(s, name) for s in ("ada", "lena", "pat", "vera", "will")]
    with gradebook.opened(_db_url(other)) as opened:
        assert opened.find_grade("test_scenario_higher_loss", name, name, "will").auto_score == 1  # the other letter is will's
        assert opened.find_grade("test_scenario_higher_loss", name, name, "ada").auto_score == 0
        assert opened.find_grade("test_sigmoid", name, name, "ada").score == 1.5
        opened.find_grade("test_sigmoid", name, name, "ada").manual_score = None
        opened.db.commit()
    monkeypatch.undo()
    assert rejudge(out, other) == changed
    assignments = [course.assignment_of(n) for n in GRADED]
    assert scores_in_gradebook(other, assignments) == scores_in_gradebook(root, assignments)
    assert read_rows(out) == before


def test_nbgraders_own_autograde_on_postgresql_gives_the_scores_of_grade(graded_class, course_copy, postgres):
    root, _, _ = graded_class
    name = NOTEBOOKS[0]
    other = course_copy(f"c.CourseDirectory.db_url = {postgres.database()!r}\n", release=[name], name="nbgrader_pg")
    submitted = course.layout(root).submitted()
    for folder in submitted.glob(f"*/{name}"):  # what `grade` kept of the class, in nbgrader's layout
        shutil.copytree(folder, course.layout(other).submitted(folder.parent.name, name))
    run_nbgrader(other, "autograde", name, "--create")
    # bob's 01 is not a notebook: `grade` gives it 0 and keeps no copy, so nbgrader never sees it
    ours = [line for line in scores_in_gradebook(root, [name]).splitlines() if not line.startswith(f"bob,{name},")]
    assert scores_in_gradebook(other, [name]).splitlines() == ours


# --- two writers: the formgrader saving a grader's scores while `grade` stores the class ------------------------


def save_scores_while(grading, url, token, grades, seed):
    """PUT a manual score for one grade after another through the formgrader's API until `grading` ends (also
    benchmarks/two_writers.py's).

    Returns
    -------
    list of (grade id, score, HTTP status, seconds)
    """
    saves, rng = [], random.Random(seed)
    while grading.poll() is None:
        grade_id = rng.choice(grades)
        score = rng.choice([0.0, 0.5, 1.0])
        request = urllib.request.Request(f"{url}/formgrader/api/grade/{grade_id}", method="PUT",
                                         data=json.dumps({"manual_score": score}).encode(),
                                         headers={"Authorization": f"token {token}"})
        start = time.monotonic()
        try:
            with urllib.request.urlopen(request, timeout=120) as response:
                status = response.status
        except urllib.error.HTTPError as failed:
            status = failed.code
        saves.append((grade_id, score, status, time.monotonic() - start))
    return saves


@pytest.mark.parametrize("database", ["sqlite", "postgresql"])
def test_a_grader_saving_scores_in_the_formgrader_while_grade_stores_the_class_loses_nothing(
        database, graded_class, on_postgres, tmp_path, capsys):
    root, _, _ = graded_class
    if database == "sqlite":
        shutil.copytree(graded_class[0], tmp_path / "c", symlinks=True)
        other = tmp_path / "c"
    else:
        other, _ = on_postgres
    name = NOTEBOOKS[0]
    with gradebook.opened(_db_url(other)) as opened:
        grades = [g.id for s in opened.assignment_submissions(course.assignment_of(name)) for n in s.notebooks
                  for g in n.grades]
    with jupyter_lab(other, tmp_path / "jupyter") as (url, token):
        grading = subprocess.Popen([sys.executable, "-m", "autograder", "--course", str(other), "grade",
                                    str(root / "downloads"), "--out", str(tmp_path / "out"), "--force",
                                    f"--assignment={course.assignment_of(name)}"],
                                   stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        saver = []
        thread = threading.Thread(target=lambda: saver.extend(save_scores_while(grading, url, token, grades, 0)))
        thread.start()
        said, _ = grading.communicate(timeout=1800)
        thread.join()
    assert grading.returncode == 0 and "locked" not in said, said[-3000:]
    failed = [s for s in saver if s[2] != 200]
    last = {grade_id: score for grade_id, score, status, _ in saver if status == 200}
    with gradebook.opened(_db_url(other)) as opened:
        kept = {grade_id: opened.find_grade_by_id(grade_id).manual_score for grade_id in last}
    lost = {grade_id for grade_id in last if kept[grade_id] != last[grade_id]}
    with capsys.disabled():
        print(f"\n{database}: {len(saver)} saves in the formgrader while grade stored the class; "
              f"{len(failed)} failed, {len(lost)} lost; longest wait {max(s[3] for s in saver):.2f} s")
    assert len(saver) >= 20 and failed == [] and lost == set()
