"""Kernels started ahead: the protocol by which the watcher takes its notebook, and the registry's one kernel a notebook."""

import json
import subprocess
import threading

import pytest

from autograder.grading import course
from autograder.grading.sandbox import ahead, watcher
from autograder.kernel import contract


def test_a_kernel_started_ahead_gets_its_notebooks_folder_only_when_handed_over(tmp_path):
    runtime, folder, copy = tmp_path / "run", tmp_path / "autograded", tmp_path / "run" / "work"
    runtime.mkdir()
    copy.mkdir()
    kernel = subprocess.Popen(["sleep", "30"])
    try:
        assert not watcher.take_over(kernel, runtime, folder, copy, idle=0.2)  # never handed over: False
        folder.mkdir()  # nbgrader makes the notebook's folder just before it is run
        (folder / "01.ipynb").write_text("{}")
        giver = threading.Thread(target=ahead.hand_over, args=(runtime, 10))
        giver.start()
        assert watcher.take_over(kernel, runtime, folder, copy, idle=10)
        giver.join(10)
        assert not giver.is_alive() and (copy / "01.ipynb").read_text() == "{}" and (runtime / watcher.READY).exists()
    finally:
        kernel.kill()
        kernel.wait()
    with pytest.raises(TimeoutError):
        ahead.hand_over(tmp_path, timeout=0.1)  # no watcher answers


def test_a_kernel_waiting_ahead_is_taken_once_by_its_own_notebook_and_the_rest_are_stopped(course_copy, monkeypatch):
    root = course_copy()
    config, started, stopped = course.config(root), [], []
    monkeypatch.setattr(ahead.SandboxedKernel, "start", lambda self: started.append(self))
    monkeypatch.setattr(ahead.SandboxedKernel, "shutdown", lambda self, now=False: stopped.append(self))
    waiting = ahead.KernelsAhead()
    waiting.start(config, "ann", "02_chain_rule", "02_chain_rule")
    waiting.start(config, "ann", "03_two_features", "03_two_features")
    assert waiting.take(config, "bo", "02_chain_rule") is None  # another student's notebook of the same name
    taken = waiting.take(config, "ann", "02_chain_rule")
    assert taken is started[0] and waiting.take(config, "ann", "02_chain_rule") is None
    told = json.loads(taken.environment()[contract.SANDBOX_ENV])["notebook_folder"]
    assert told == str(course.layout(root).autograded("ann", "02_chain_rule"))  # copied in at hand-over
    waiting.stop()
    assert stopped == [started[1]] and not started[1].runtime.exists()
    taken.remove_runtime()
