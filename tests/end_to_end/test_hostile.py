"""Broken and hostile submissions graded in one batch beside honest students.

The course is copied to a temporary folder with short limits (5 s a cell,
20 s a notebook) so that runaway code is stopped quickly. Every hostile
student hands in notebook 01 (sigmoid, log_loss, two questions) with one
attack added; the judges' verdicts are made outside the sandboxed kernel.
"""

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import nbformat
import pytest

from autograder.grading import course
from autograder.grading.layout import notebook_file, notebook_folder
from autograder.instructor.samples import TYPICAL_MISTAKES, filled
from tests.helpers import REPO, gradebook_grades, run_cli, run_nbgrader
from tests.helpers import read_rows as _rows

pytestmark = pytest.mark.end_to_end

NB = "01_model_and_loss"
LIMITS = ("c = get_config()\nc.Execute.timeout = 5\nc.Sandbox.notebook_timeout = 20\nc.GradedCopy.max_output = 2000\n"
          "c.Sandbox.disk_quota = 50 * 1024**2\nc.GradedCopy.max_outputs = 300\nc.Grading.max_notebook_size = 2 * 1024**2\n")
#: What the scripter's outputs and markdown carry; none of it may be live in a page made from them.
XSS = "logreg-xss"
#: Unique to this run, so that the process checks see only what this run started, even when
#: another run of the tests grades at the same time.
MARK = f"logreg-hostile-{uuid.uuid4().hex[:8]}"
#: Where this run's grading tasks make their private course copies (TMPDIR of the grading processes);
#: short, because the kernels' Unix socket paths must stay under 108 characters.
SCRATCH = tempfile.mkdtemp(prefix="h")


def _cli(root, *args, check=True):
    return run_cli("--course", str(root), *args, check=check)


def _notebook(root, answers=None, name=NB):
    return filled(name, answers, root)


def _with_cell(nb, code, after="sigmoid"):
    """Insert a cell of the student's after the cell whose grade_id is `after`."""
    ids = [c.metadata.get("nbgrader", {}).get("grade_id") for c in nb.cells]
    nb.cells.insert(ids.index(after) + 1, nbformat.v4.new_code_cell(code))
    return nb


def _write(folder, student, nb, name=NB):
    (folder / student).mkdir(parents=True, exist_ok=True)
    path = folder / student / f"{name}.ipynb"
    if isinstance(nb, (str, bytes)):
        path.write_bytes(nb if isinstance(nb, bytes) else nb.encode())
    else:
        nbformat.write(nb, path)


WRONG_SIGMOID = "def sigmoid(z):\n    return 1 / (1 + np.exp(np.clip(z, -500, 500)))\n"

#: Students whose submissions attack the grader, and what must become of them.
HOSTILE = {
    # runaway code
    "loop": lambda root: _notebook(root, {"log_loss": "def log_loss(a, y):\n    import time\n    while True:\n"
                                                      "        try:\n            time.sleep(0.05)\n"
                                                      "        except KeyboardInterrupt:\n            pass\n"}),
    "slow": lambda root: _slow(_notebook(root)),
    "membomb": lambda root: _with_cell(_notebook(root), "hog = [bytearray(10**8) for _ in range(1000)]"),
    "exit": lambda root: _with_cell(_notebook(root), "import os\nos._exit(3)"),
    "segfault": lambda root: _with_cell(_notebook(root), "import ctypes\nctypes.string_at(0)"),
    "orphans": lambda root: _with_cell(_notebook(root), "import subprocess\n"
                                       f"subprocess.Popen(['sh', '-c', 'sleep 600 # {MARK}'], start_new_session=True)\n"
                                       f"subprocess.Popen(['sh', '-c', '(sleep 600 # {MARK}) &'])"),
    "flood": lambda root: _with_cell(_notebook(root), "print('x' * 5_000_000)"),
    # reaching out of the sandbox
    "thief": lambda root: _notebook(root, {"sigmoid": "from solutions import sigmoid\n"}),
    "reader": lambda root: _notebook(root, {"sigmoid": "exec(open('" + str(REPO / "solutions" / "model_and_loss.py")
                                                     + "').read())\n"}),
    "vandal": lambda root: _with_cell(_notebook(root, {"sigmoid": WRONG_SIGMOID}), "import glob, os\n"
                                      "for path in glob.glob('/work/**/gradebook.db', recursive=True) + "
                                      "glob.glob('/tmp/**/gradebook.db', recursive=True):\n"
                                      "    open(path, 'w').write('gone')\n"
                                      "os.kill(1, 9)"),
    # files and outputs
    "diskhog": lambda root: _with_cell(_notebook(root), "import time\nwith open('big.bin', 'wb') as f:\n"
                                       "    for _ in range(20):\n        f.write(b'x' * 10**7)\n"
                                       "        time.sleep(0.05)\ntime.sleep(2)", after="test_sigmoid"),
    "forker": lambda root: _with_cell(_notebook(root), "import subprocess\nprocs = []\ntry:\n"
                                      "    for _ in range(400):\n        procs.append(subprocess.Popen(['sleep', '30']))\n"
                                      "except OSError:\n    pass\nprint('started', len(procs))\n"
                                      "for p in procs:\n    p.kill()\n    p.wait()", after="test_sigmoid"),
    "planter": lambda root: _with_cell(_notebook(root), (
        "import os\n"
        f"os.symlink({str(notebook_file('02_chain_rule', root))!r}, '02_chain_rule.ipynb')\n"
        f"os.symlink({str(REPO / 'solutions' / 'vectorized.py')!r}, 'leak.html')\n"
        "open('note.html', 'w').write('<p>planted</p>')"), after="test_sigmoid"),
    "spammer": lambda root: _with_cell(_notebook(root), "from IPython.display import display\n"
                                       "for k in range(2000):\n    display(k)"),
    "scripter": lambda root: _with_markdown(_with_cell(_notebook(root), (
        "from IPython.display import HTML, Javascript, SVG, display\n"
        f"display(HTML('<script>alert(\"{XSS}-out\")</script><img src=x onerror=\"alert(\\'{XSS}-img\\')\">'))\n"
        f"display(Javascript('alert(\"{XSS}-js\")'))\n"
        f"display(SVG('<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(\"{XSS}-svg\")</script></svg>'))")),
        f'Notes <script>alert("{XSS}-md")</script> <a href="javascript:alert(\'{XSS}-a\')">x</a>'),
    "network": lambda root: _with_cell(_notebook(root), "import socket\ntry:\n"
                                       "    socket.create_connection(('127.0.0.1', 22), timeout=1)\nexcept OSError:\n    pass"),
    # tampering with the checks in the kernel, with wrong answers
    "forger": lambda root: _with_cell(_notebook(root, {"sigmoid": WRONG_SIGMOID}),
                                      "import autograder, autograder.kernel.capture as c, json, os\n"
                                      "c.capture = lambda fn, probe: {'function': probe['function'], 'defaults': {}, 'cases': []}\n"
                                      "autograder.submit = c.submit = lambda *args: None\n"
                                      "import numpy\nnumpy.allclose = lambda *a, **k: True\n"
                                      "os.makedirs('/records', exist_ok=True)\n"
                                      "json.dump({'function': 'sigmoid', 'cases': []}, open('/records/function-sigmoid.json', 'w'))",
                                      after="test_sigmoid"),
    "patcher": lambda root: _with_cell(_notebook(root, {"sigmoid": WRONG_SIGMOID}),
                                       "import builtins, sys, types\n"
                                       "sys.modules['autograder.judging'] = types.SimpleNamespace(judge=lambda *a: None)\n"
                                       "builtins.AssertionError = type('Quiet', (Exception,), {})"),
    # broken files
    "empty": lambda root: "",
    "notjson": lambda root: "this is not a notebook",
    "future": lambda root: '{"nbformat": 99, "nbformat_minor": 0, "metadata": {}, "cells": []}',
}


def _with_markdown(nb, text, after="sigmoid"):
    """Insert a markdown cell of the student's after the cell whose grade_id is `after`."""
    ids = [c.metadata.get("nbgrader", {}).get("grade_id") for c in nb.cells]
    nb.cells.insert(ids.index(after) + 1, nbformat.v4.new_markdown_cell(text))
    return nb


def _file_attacks(root, folder):
    """Submissions that attack through the file system rather than through code."""
    source = notebook_folder(root)
    (folder / "linksource").mkdir()  # a link to the instructor's notebook, answers and hidden tests
    (folder / "linksource" / f"{NB}.ipynb").symlink_to(source / f"{NB}.ipynb")
    (folder / "linkpeer").mkdir()  # a link to another student's submission
    (folder / "linkpeer" / f"{NB}.ipynb").symlink_to(folder / "ada" / f"{NB}.ipynb")
    (folder / "linkfolder").symlink_to(source, target_is_directory=True)  # the student's folder is the assignment's
    huge = _notebook(root)  # over the size limit (2 MB here)
    huge.cells.append(nbformat.v4.new_raw_cell("x" * 3 * 1024**2))
    _write(folder, "huge", huge)


#: Changed by notebook 01 of the student "tamper" in its kernel, and looked for by its notebook 02.
TAMPER = ("import builtins, os, sys, numpy\n"
          "numpy.tampered = builtins.tampered = True\n"
          "numpy.exp = lambda z: 0.5\n"
          "os.environ['LOGREG_TAMPERED'] = '1'\n"
          "sys.path.insert(0, '/tmp/planted')\n"
          "os.makedirs('/tmp/planted', exist_ok=True)\n"
          "open('/tmp/planted/numpy_helpers.py', 'w').write('x = 1')\n"
          "print('tampered:', numpy.tampered, numpy.exp(3.0))")
LOOK = ("import builtins, os, sys, numpy\n"
        "print('untouched:', not hasattr(numpy, 'tampered') and not hasattr(builtins, 'tampered')\n"
        "      and numpy.exp(0.0) == 1.0 and 'LOGREG_TAMPERED' not in os.environ\n"
        "      and '/tmp/planted' not in sys.path and not os.path.exists('/tmp/planted'))")


def _tamperer(root, folder):
    """A student whose notebook 01 changes its kernel's modules, environment and /tmp, and whose 02 looks for it."""
    _write(folder, "tamper", _with_cell(_notebook(root), TAMPER, after="test_sigmoid"))
    _write(folder, "tamper", _with_cell(_notebook(root, name="02_chain_rule"), LOOK, after="numerical_derivative"),
           name="02_chain_rule")


def _slow(nb):
    """Six cells of 4 s each: no cell is too long, the notebook is (20 s)."""
    for _ in range(6):
        _with_cell(nb, "import time\ntime.sleep(4)", after="test_sigmoid")
    return nb


def _strip_metadata(nb):
    for cell in nb.cells:
        cell.metadata.pop("nbgrader", None)
    nb.metadata = {}
    return nb


def _delete_test(nb, grade_id="test_log_loss"):
    nb.cells = [c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") != grade_id]
    return nb


def _edit_tests(nb):
    for cell in nb.cells:
        if cell.metadata.get("nbgrader", {}).get("grade"):
            cell.source = "pass"  # the student empties every test cell
    return nb


#: Broken but gradable files: graded from the instructor's cells, with honest answers → full marks.
REPAIRABLE = {
    "stripped": lambda root: _strip_metadata(_notebook(root)),
    "deleted": lambda root: _delete_test(_notebook(root)),
    "edited": lambda root: _edit_tests(_notebook(root)),
    "julia": lambda root: _set_kernel(_notebook(root), "julia-1.9"),
}


def _set_kernel(nb, name):
    nb.metadata["kernelspec"] = {"name": name, "display_name": name, "language": "julia"}
    return nb


def _honest(root, folder):
    _write(folder, "ada", _notebook(root))
    _write(folder, "ada", _notebook(root, name="02_chain_rule"), name="02_chain_rule")
    _write(folder, "will", _notebook(root, {"sigmoid": TYPICAL_MISTAKES["sigmoid"], "scenario_answers": "answer_higher_loss = 'A'\nanswer_loss_ratio = 21.85\n"}))


def _our_processes():
    """Processes left by grading: sandboxes, kernels, and the hostile students' sleepers."""
    found = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        ours = SCRATCH in cmdline and ("autograder/grading/sandbox/watcher.py" in cmdline or "bwrap" in cmdline)
        if MARK in cmdline or ours:
            found.append(cmdline)
    return found


@pytest.fixture(scope="module")
def batch(course_copy):
    saved = os.environ.get("TMPDIR")
    os.environ["TMPDIR"] = SCRATCH  # inherited by the grading processes this module starts
    root = course_copy(LIMITS, release=True, name="hostile")
    alone, everyone = root / "alone", root / "everyone"
    _honest(root, alone)
    _honest(root, everyone)
    for student, make in {**HOSTILE, **REPAIRABLE}.items():
        _write(everyone, student, make(root))
    _file_attacks(root, everyone)
    _tamperer(root, everyone)
    _cli(root, "grade", str(alone), "--out", str(root / "out_alone"))
    gradebook = course.gradebook_path(root)
    # --force: the honest students are run again beside the others, not kept from the run alone
    result = _cli(root, "grade", str(everyone), "--out", str(root / "out"), "--jobs", "2", "--force")
    yield root, _rows(root / "out"), _rows(root / "out_alone"), result, gradebook
    if saved is None:
        os.environ.pop("TMPDIR")
    else:
        os.environ["TMPDIR"] = saved


def _student(rows, student):
    return {r["test"]: r for r in rows if r["student"] == student}


def test_honest_students_get_the_same_grades_as_when_graded_alone(batch):
    _, rows, alone, _, _ = batch
    for student in ("ada", "will"):
        assert [r for r in rows if r["student"] == student] == [r for r in alone if r["student"] == student]
    assert all(r["status"] == "passed" for r in _student(rows, "ada").values() if r["notebook"] in (NB, "02_chain_rule"))


def _printed(root, student, name, prefix):
    copy = nbformat.read(course.layout(root).graded_copy(student, course.assignment_of(name), name), as_version=4)
    return [o.text for c in copy.cells for o in c.get("outputs", []) if o.get("text", "").startswith(prefix)]


def test_every_notebook_starts_in_a_kernel_no_student_code_has_touched(batch):
    """What one notebook's code changes (modules, builtins, environment, /tmp, sys.path) is gone in the next."""
    root, rows, _, _, _ = batch
    assert _printed(root, "tamper", NB, "tampered:") == ["tampered: True 0.5\n"]  # it took, in its own kernel
    assert _printed(root, "tamper", "02_chain_rule", "untouched:") == ["untouched: True\n"]
    assert all(r["status"] == "passed" for r in _student(rows, "tamper").values()
               if r["notebook"] == "02_chain_rule"), _student(rows, "tamper")


def test_no_hostile_student_earns_an_unearned_point(batch):
    _, rows, _, _, _ = batch
    for student in ("thief", "reader", "vandal", "forger", "patcher"):
        mine = _student(rows, student)
        assert float(mine["test_sigmoid"]["score"]) == 0, (student, mine["test_sigmoid"])
    for student in ("empty", "notjson", "future", "linksource", "linkpeer", "linkfolder", "huge"):
        assert all(float(r["score"]) == 0 for r in _student(rows, student).values())


@pytest.mark.parametrize("student, test, status, words", [
    ("loop", "test_sigmoid", "passed", ""),
    ("loop", "test_log_loss", "timeout", "s"),
    ("loop", "test_scenario_loss_ratio", "timeout", "longer than 5 s"),
    ("slow", "test_sigmoid", "passed", ""),
    ("slow", "test_scenario_loss_ratio", "timeout", "time limit of 20 s"),
    ("exit", "test_sigmoid", "error", "kernel stopped"),
    ("segfault", "test_sigmoid", "error", "kernel stopped"),
    ("membomb", "test_sigmoid", "passed", ""),
    ("orphans", "test_sigmoid", "passed", ""),
    ("flood", "test_sigmoid", "passed", ""),
    ("network", "test_sigmoid", "passed", ""),
    ("thief", "test_sigmoid", "error", "name 'sigmoid' is not defined"),
    ("reader", "test_sigmoid", "error", "name 'sigmoid' is not defined"),
    ("vandal", "test_sigmoid", "failed", "σ(−z)"),
    ("forger", "test_sigmoid", "failed", "sigmoid"),
    ("patcher", "test_sigmoid", "failed", "σ(−z)"),
    ("empty", "test_sigmoid", "unreadable", "an empty file"),
    ("notjson", "test_sigmoid", "unreadable", "not a readable notebook"),
    ("future", "test_sigmoid", "unreadable", "not a readable notebook"),
    ("linksource", "test_sigmoid", "unreadable", "a symbolic link"),
    ("linkpeer", "test_log_loss", "unreadable", "never followed"),
    ("linkfolder", "test_sigmoid", "unreadable", "the student's folder is a symbolic link"),
    ("huge", "test_sigmoid", "unreadable", "over the limit of 2.1 MB"),
    ("diskhog", "test_sigmoid", "passed", ""),
    ("diskhog", "test_log_loss", "error", "disk quota of 52.4288 MB"),
    ("forker", "test_sigmoid", "passed", ""),
    ("forker", "test_log_loss", "passed", ""),
    ("spammer", "test_log_loss", "passed", ""),
    ("planter", "test_log_loss", "passed", ""),
    ("scripter", "test_log_loss", "passed", ""),
])
def test_each_attack_gets_its_status_and_a_message(batch, student, test, status, words):
    _, rows, _, _, _ = batch
    row = _student(rows, student)[test]
    assert row["status"] == status, row
    assert words in row["message"]


@pytest.mark.parametrize("student", sorted(REPAIRABLE))
def test_damaged_but_honest_notebooks_are_graded_from_the_instructors_cells(batch, student):
    _, rows, _, result, _ = batch
    mine = [r for r in rows if r["student"] == student and r["notebook"] == NB]
    assert mine and all(r["status"] == "passed" for r in mine), mine


def test_repairs_and_cut_outputs_are_reported(batch):
    root, _, _, result, _ = batch
    assert "stripped: 01_model_and_loss: re-identified sigmoid" in result.stdout
    assert "deleted: 01_model_and_loss: restored the deleted test cell test_log_loss" in result.stdout
    assert "flood: 01_model_and_loss: outputs longer than 2000 characters were cut" in result.stdout
    feedback = (root / "out" / "feedback" / "flood" / f"{NB}.html").read_text(encoding="utf-8")
    assert "characters cut by the grader" in feedback and "x" * 5000 not in feedback


def _graded_copy(root, student):
    return nbformat.read(course.layout(root).graded_copy(student, course.assignment_of(NB), NB), as_version=4)


def test_linked_submissions_are_refused_and_nothing_of_their_targets_is_kept(batch):
    root, rows, _, _, _ = batch
    for student in ("linksource", "linkpeer", "linkfolder"):
        assert {r["status"] for r in _student(rows, student).values()} <= {"unreadable", "missing"}
        assert not course.layout(root).graded_copy(student, course.assignment_of(NB), NB).exists()
        assert not (root / "out" / "feedback" / student).exists()


def test_what_a_kernel_wrote_is_discarded_and_nothing_large_is_left_on_disk(batch):
    root, _, _, _, _ = batch
    kept = sorted(p.name for p in course.layout(root).autograded("diskhog", course.assignment_of(NB)).iterdir())
    assert kept == [f"{NB}.ipynb"]
    large = [p for p in list(root.rglob("*")) + list(Path(SCRATCH).rglob("*"))
             if p.is_file() and not p.is_symlink() and p.stat().st_size > 5 * 1024**2]
    assert large == []


def test_links_and_files_a_kernel_plants_in_its_folder_reach_neither_feedback_nor_their_targets(batch):
    root, _, _, _, _ = batch
    assert sorted(p.name for p in (root / "out" / "feedback" / "planter").iterdir()) == [f"{NB}.html"]
    assert sorted(p.name for p in course.layout(root).feedback("planter", course.assignment_of(NB)).iterdir()) == [
        f"{NB}.html"]
    assert sorted(p.name for p in course.layout(root).autograded("planter", course.assignment_of(NB)).iterdir()) == [
        f"{NB}.ipynb"]
    assert notebook_file("02_chain_rule", root).read_bytes() == notebook_file("02_chain_rule").read_bytes()


def test_a_kernel_cannot_start_more_processes_than_its_limit(batch):
    root, _, _, _, _ = batch
    text = "".join(o.get("text", "") for c in _graded_copy(root, "forker").cells for o in c.get("outputs", []))
    started = int(text.split("started ")[1].split()[0])
    assert 0 < started < 128


def test_the_number_of_outputs_kept_in_a_graded_copy_is_bounded(batch):
    root, _, _, result, _ = batch
    cells = _graded_copy(root, "spammer").cells
    outputs = [o for c in cells for o in c.get("outputs", [])]
    said = [o for o in outputs if "outputs not kept" in o.get("text", "") or o.get("text", "").startswith("Graded outside")]
    assert 290 <= len(outputs) - len(said) <= 300  # the student's: at most 300 (fewer where the characters ran out)
    assert said and all(sum(o in said for o in c.get("outputs", [])) <= 2 for c in cells)  # a note, a verdict a cell
    assert "spammer: 01_model_and_loss: outputs past 300" in result.stdout


def _live_scripts(html):
    """Script elements, event-handler attributes and javascript: links of a page that carry the attack's mark."""
    from html.parser import HTMLParser

    found = []

    class Finder(HTMLParser):
        in_script = False

        def handle_starttag(self, tag, attrs):
            self.in_script = tag == "script"
            found.extend(f"{tag} {name}" for name, value in attrs if value and XSS in value
                         and (name.startswith("on") or value.strip().lower().startswith("javascript:")))

        def handle_data(self, data):
            if self.in_script and XSS in data:
                found.append("script")

        def handle_endtag(self, tag):
            self.in_script = False

    Finder().feed(html)
    return found


def test_html_and_scripts_from_a_students_outputs_and_markdown_are_inert_in_feedback(batch):
    root, _, _, _, _ = batch
    feedback = (root / "out" / "feedback" / "scripter" / f"{NB}.html").read_text(encoding="utf-8")
    assert XSS in feedback  # the student's text is still shown...
    assert _live_scripts(feedback) == []  # ...but nothing of it runs
    graded = _graded_copy(root, "scripter")
    mimes = {m for c in graded.cells for o in c.get("outputs", []) for m in o.get("data", {})}
    assert mimes <= {"text/plain", "image/png", "image/jpeg", "image/gif"}


def test_the_live_script_finder_finds_live_scripts():
    assert _live_scripts(f'<script>alert("{XSS}")</script>') == ["script"]
    assert _live_scripts(f'<img src=x onerror="alert(\'{XSS}\')">') == ["img onerror"]
    assert _live_scripts(f'<a href="javascript:alert(1) // {XSS}">x</a>') == ["a href"]
    assert _live_scripts(f'&lt;script&gt;alert("{XSS}")&lt;/script&gt;') == []


def test_the_gradebook_holds_the_trusted_scores_and_was_not_touched(batch):
    from nbgrader.api import Gradebook

    _, rows, _, _, gradebook = batch
    assert gradebook.read_bytes()[:15] == b"SQLite format 3"
    with Gradebook(f"sqlite:///{gradebook}") as gb:
        for student in ("ada", "will", "vandal", "forger", "loop"):
            total = sum(s.score for s in gb.student_submissions(student))
            assert total == sum(float(r["score"]) for r in rows if r["student"] == student)


def test_no_process_is_left_running(batch):
    time.sleep(1)
    assert _our_processes() == []


def test_an_interrupted_run_leaves_a_consistent_gradebook_and_can_be_run_again(batch):
    root, _, alone, _, _ = batch
    out = root / "out_killed"
    process = subprocess.Popen([sys.executable, "-m", "autograder", "--course", str(root), "grade",
                                str(root / "alone"), "--out", str(out)], start_new_session=True,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(6)  # in the middle of the first student
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    time.sleep(1)
    assert _our_processes() == []
    _cli(root, "grade", str(root / "alone"), "--out", str(out), "--force")
    assert _rows(out) == alone


# --- the same batch through nbgrader's own autograde (what the formgrader's Autograde button runs) ------------


@pytest.fixture(scope="module")
def by_nbgrader(batch, course_copy):
    """The batch's submissions in nbgrader's layout in another copy of the course, graded by `nbgrader autograde`."""
    root = batch[0]
    other = course_copy(LIMITS, release=[course.assignment_of(NB)], name="hostile_nbgrader")
    submitted = course.layout(other).submitted()
    for folder in sorted((root / "everyone").iterdir()):
        into = submitted / folder.name / course.assignment_of(NB)
        if folder.is_symlink():  # linkfolder: the student's folder is a link, here to the instructor's source folder
            submitted.mkdir(parents=True, exist_ok=True)
            (submitted / folder.name).symlink_to(course.layout(root).source(course.assignment_of(NB)).parent,
                                                 target_is_directory=True)
            continue
        into.mkdir(parents=True)
        for path in folder.glob(f"{NB}.ipynb"):
            if path.is_symlink():
                (into / path.name).symlink_to(os.readlink(path))
            else:
                shutil.copy(path, into / path.name)
    return other, run_nbgrader(other, "autograde", course.assignment_of(NB), "--create", check=False,
                               env={"TMPDIR": SCRATCH})


def _scores(root):
    """{(student, test): auto score} of notebook 01 in a course's gradebook (a grade nbgrader never set counts 0)."""
    return {(student, test): score for student, _, test, score, _ in gradebook_grades(root, [course.assignment_of(NB)])}


def test_the_batch_earns_through_nbgraders_autograde_exactly_what_grade_gives_it(batch, by_nbgrader):
    root, _, _, _, gradebook = batch
    other, result = by_nbgrader
    ours, theirs = _scores(root), _scores(other)
    attackers = set(HOSTILE) | {"linksource", "linkpeer", "linkfolder", "huge"}
    for student in attackers:  # every attack, and no point for those that bring the answers from elsewhere
        mine = {test: score for (who, test), score in theirs.items() if who == student}
        assert mine == {test: score for (who, test), score in ours.items() if who == student}, (student, mine)
    for student in ("thief", "reader", "forger", "patcher", "vandal", "linksource", "linkpeer", "linkfolder", "huge"):
        assert theirs.get((student, "test_sigmoid"), 0.0) == 0, student
    assert all(theirs[(student, "test_sigmoid")] == 2 for student in ("ada", *REPAIRABLE))
    assert "not graded: a symbolic link" in result.stdout + result.stderr
    from nbgrader.api import Gradebook

    with Gradebook(course.config(other).CourseDirectory.db_url) as gb:  # refused notebooks too: 0, not unset
        unset = [(s.student.id, g.name) for s in gb.assignment_submissions(course.assignment_of(NB))
                 for n in s.notebooks for g in n.grades if g.auto_score is None and g.manual_score is None]
    assert unset == []
    for student in ("empty", "notjson", "future", "linksource", "linkpeer", "huge"):  # the reason, where people read it
        graded = course.layout(other).graded_copy(student, course.assignment_of(NB), NB).read_text(encoding="utf-8")
        assert "This notebook was not graded: every test scores 0." in graded, student
    # nbgrader's alarm for a changed test cell sounds for `edited`, who emptied each one, and for nobody else
    alarms = [line for line in (result.stdout + result.stderr).splitlines() if "Attribute 'checksum'" in line]
    assert len(alarms) == len(course.tests()[NB])
    assert (gradebook.read_bytes()[:15] == course.gradebook_path(other).read_bytes()[:15] == b"SQLite format 3")


def test_nbgraders_autograde_leaves_no_process_running(by_nbgrader):
    time.sleep(1)
    assert _our_processes() == []
