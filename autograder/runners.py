"""Where grading tasks run: this machine's processes, or the workers of a Dask cluster.

Every submission is an independent task (autograder.grading.Task in, Result
out: rows, graded copies and feedback). A runner yields the results as they
finish; the calling process alone stores them, so gradebook writes stay in one
process whatever runs the notebooks.
"""

import multiprocessing
from concurrent.futures import ProcessPoolExecutor, as_completed


def local(tasks, template, jobs=1, scheduler=None):
    """Run the tasks here: in this process when jobs is 1, else in `jobs` worker processes.

    Processes, not threads: nbgrader keeps per-run state in os.environ.
    """
    from autograder.grading import run_task

    if jobs <= 1:
        for task in tasks:
            yield run_task(task, template)
        return
    with ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("spawn")) as pool:
        for future in as_completed([pool.submit(run_task, task, template) for task in tasks]):
            yield future.result()


def dask(tasks, template, jobs=1, scheduler=None):
    """Run the tasks on a Dask distributed cluster, sending the course template once to every worker.

    The workers need this package, its requirements and bubblewrap, and one
    thread each (`dask worker ADDRESS --nthreads 1`): like nbgrader, a task sets
    environment variables of its process.
    """
    from distributed import Client
    from distributed import as_completed as finished

    from autograder.grading import archive, run_task

    with Client(scheduler) as client:
        shipped = client.scatter(archive(template), broadcast=True)
        futures = client.map(run_task, tasks, template=shipped, pure=False)
        for future in finished(futures):
            yield future.result()
