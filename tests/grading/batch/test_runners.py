"""Where tasks run: this machine's processes, in order of finishing, a task with nothing to run done at once;
and a Dask cluster, which grades exactly as this machine's processes do."""

import shutil

import pytest

from autograder.grading.batch import runners
from autograder.grading.batch.tasks import Task
from tests.helpers import read_rows, run_cli


def test_tasks_with_nothing_to_run_are_finished_in_this_process_whatever_the_jobs(monkeypatch):
    ran = []
    monkeypatch.setattr(runners, "run_task", lambda task, template: ran.append(task.student) or f"{task.student} done")
    tasks = [Task(student, {}, {}, []) for student in ("ann", "bo", "cy")]
    for jobs in (1, 2):  # with 2 jobs no worker process is started: run_task here is the stub
        ran.clear()
        assert [(t.student, r) for t, r in runners.local(iter(tasks), "template", jobs=jobs)] == [
            (s, f"{s} done") for s in ("ann", "bo", "cy")]
        assert ran == ["ann", "bo", "cy"]


@pytest.mark.end_to_end
def test_a_dask_cluster_grades_exactly_like_local_processes(class_copy):
    from distributed import LocalCluster

    root, out = class_copy
    subset = root / "for_dask"
    for student in ("pat", "bob"):
        shutil.copytree(root / "downloads" / student, subset / student)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        run_cli("--course", str(root), "grade", str(subset), "--out", str(root / "dask_out"),
                "--scheduler", cluster.scheduler_address)
    assert read_rows(root / "dask_out") == [r for r in read_rows(out) if r["student"] in ("pat", "bob")]
