"""Grading killed at any moment loses nothing: after each kill, the next `grade` gives the golden result.

A small class (a right notebook, one with typical mistakes, one that is not a notebook) is graded once for the
golden result, timing the run. Then `grade --force` is killed (SIGKILL, the whole process group) twenty times at
moments spread over that time (kernel start, judging, storing, writing the CSVs), and `rejudge` four times; after
each kill a plain `grade` (reusing what it finds kept) must give the golden rows and gradebook, and the gradebook
must pass SQLite's integrity check. A work folder on a small filesystem that fills during storing gives a clear
error, corrupts nothing, and the next run completes.
"""

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time

import nbformat
import pytest

from autograder.grading import course
from autograder.instructor.samples import TYPICAL_MISTAKES, filled
from tests.helpers import REPO, read_rows, run_cli, scores_in_gradebook

pytestmark = [pytest.mark.end_to_end, pytest.mark.slow]

NB = "01_model_and_loss"
#: Kills of `grade`, spread over 90 % of a forced run's time (at least 20 must strike a run in flight: a run that
#: ends before its kill shortens the time the later kills are spread over), and of `rejudge`.
KILLS, REJUDGE_KILLS = 22, 4


def _grade_command(root, submissions, out, *extra):
    return [sys.executable, "-m", "autograder", "--course", str(root), "grade", str(submissions), "--out", str(out),
            *extra]


def _killed_after(command, seconds):
    """Run `command` in a session of its own and SIGKILL the whole session after `seconds` (or let it end)."""
    process = subprocess.Popen(command, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        process.wait(seconds)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    return process.returncode


def _integrity(root):
    with sqlite3.connect(course.gradebook_path(root)) as db:
        return db.execute("PRAGMA integrity_check").fetchone()[0]


@pytest.fixture(scope="module")
def golden(course_copy):
    """(root, submissions, golden rows, golden gradebook, seconds a forced grading takes)."""
    root = course_copy(release=[course.assignment_of(NB)], name="crashes")
    submissions = root / "downloads"
    for student, answers in (("ada", None), ("bob", TYPICAL_MISTAKES)):
        (submissions / student).mkdir(parents=True)
        nbformat.write(filled(NB, answers, root), submissions / student / f"{NB}.ipynb")
    (submissions / "cy").mkdir()
    (submissions / "cy" / f"{NB}.ipynb").write_text("not a notebook")
    run_cli("--course", str(root), "grade", str(submissions), "--out", str(root / "out"))
    start = time.monotonic()  # the time of what is killed below: a forced run, the course's template made already
    run_cli("--course", str(root), "grade", str(submissions), "--out", str(root / "out_timed"), "--force")
    took = time.monotonic() - start
    return root, submissions, read_rows(root / "out"), scores_in_gradebook(root), took


def test_grading_killed_at_any_moment_then_run_again_gives_the_golden_result(golden, capsys):
    root, submissions, rows, scores, took = golden
    assert {r["status"] for r in rows} >= {"passed", "failed", "unreadable"}
    out, ended = root / "out_killed", []
    for k in range(KILLS):
        moment, start = 0.9 * took * (k + 0.5) / KILLS, time.monotonic()
        ended.append(_killed_after(_grade_command(root, submissions, out, "--force"), moment))
        if ended[-1] != -signal.SIGKILL:  # it ended before the kill (the timed run was slower, a busy machine):
            took = min(took, time.monotonic() - start)  # the later kills are spread over the time it took
        run_cli("--course", str(root), "grade", str(submissions), "--out", str(out))
        assert (read_rows(out), scores_in_gradebook(root), _integrity(root)) == (rows, scores, "ok"), (k, moment)
    for k in range(REJUDGE_KILLS):
        ended.append(_killed_after([sys.executable, "-m", "autograder", "--course", str(root), "rejudge", str(out)],
                                   0.5 + k * 0.75))
        run_cli("--course", str(root), "grade", str(submissions), "--out", str(out))
        assert (read_rows(out), scores_in_gradebook(root), _integrity(root)) == (rows, scores, "ok"), ("rejudge", k)
    in_flight = ended[:KILLS].count(-signal.SIGKILL), ended[KILLS:].count(-signal.SIGKILL)
    with capsys.disabled():
        print(f"\n{in_flight[0]} kills of grade in flight (over a {took:.0f} s grading) and {in_flight[1]} of rejudge: "
              "each followed by a grade that gave the golden result, the gradebook whole")
    assert in_flight[0] >= 20


#: Run inside bubblewrap, with the course folder a small filesystem of its own: take away the graded copies and
#: feedback (so that storing needs new room), fill it to `headroom` bytes, grade (which must fail on the full disk),
#: check the gradebook, free the space, grade again; print what was seen.
FULL_DISK = """
import json, os, shutil, sqlite3, subprocess, sys
from pathlib import Path
root, saved, submissions, out, headroom = Path(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5])
shutil.copytree(saved, root / "course", dirs_exist_ok=True, symlinks=True)
for stored in ("autograded", "feedback"):  # what storing writes again: none of its room is freed first
    shutil.rmtree(root / "course" / stored)
filler = root / "course" / "filler"
with open(filler, "wb") as f:
    while os.statvfs(filler).f_bavail * os.statvfs(filler).f_frsize > headroom:
        f.write(b"\\0" * min(1 << 20, max(4096, os.statvfs(filler).f_bavail * os.statvfs(filler).f_frsize - headroom)))
        f.flush()
grade = [sys.executable, "-m", "autograder", "--course", str(root), "grade", submissions, "--out", out]
full = subprocess.run(grade + ["--force"], capture_output=True, text=True)
with sqlite3.connect(root / "course" / "gradebook.db") as db:
    integrity = db.execute("PRAGMA integrity_check").fetchone()[0]
filler.unlink()
again = subprocess.run(grade, capture_output=True, text=True)
sys.path.insert(0, os.getcwd())  # the repository, to read the results as the tests do
from tests.helpers import read_rows, scores_in_gradebook
print(json.dumps({"full": [full.returncode, full.stderr[-2000:]], "integrity": integrity,
                  "again": [again.returncode, again.stderr[-2000:]],
                  "rows": read_rows(out) if again.returncode == 0 else None,
                  "scores": scores_in_gradebook(root) if again.returncode == 0 else None}))
"""


def test_a_course_folder_on_a_full_disk_gives_a_clear_error_corrupts_nothing_and_the_next_run_completes(golden,
                                                                                                      tmp_path):
    root, submissions, rows, scores, _ = golden
    saved = tmp_path / "course"
    shutil.copytree(root / "course", saved, symlinks=True)
    size = sum(p.stat().st_size for p in saved.rglob("*") if p.is_file() and not p.is_symlink())
    (tmp_path / "full_disk.py").write_text(FULL_DISK, encoding="utf-8")
    # the course folder, in the sandbox only, is a filesystem of its own with room for twice what it holds
    seen = subprocess.run(["bwrap", "--dev-bind", "/", "/", "--size", str(2 * size + (16 << 20)), "--tmpfs",
                           str(root / "course"), "--chdir", str(REPO), sys.executable, str(tmp_path / "full_disk.py"),
                           str(root), str(saved), str(submissions), str(tmp_path / "out"), str(16 << 10)],
                          capture_output=True, text=True, timeout=1800)
    assert seen.returncode == 0, seen.stderr[-3000:]
    said = json.loads(seen.stdout.splitlines()[-1])
    assert said["full"][0] == 2 and "error: a disk is full" in said["full"][1], said["full"]
    assert "Traceback" not in said["full"][1] and said["integrity"] == "ok"
    assert said["again"][0] == 0, said["again"]
    assert (said["rows"], said["scores"]) == (rows, scores)
