"""Where grading tasks run: this machine's processes, or the workers of a Dask cluster.

Every submission is an independent task (autograder.grading.batch.tasks: a Task in,
a Result out: rows, graded copies and feedback). A runner takes the tasks from
an iterator, keeps only a few in flight, and yields (task, result) pairs as
they finish; the calling process alone stores them, so gradebook writes stay
in one process whatever runs the notebooks, and memory does not grow with the class.
"""

import multiprocessing
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from itertools import islice

from autograder.grading.batch.tasks import run_task
from autograder.grading.batch.template import archive

#: Tasks in flight per worker: enough to keep each busy while results are stored.
IN_FLIGHT_PER_WORKER = 2


def local(tasks, template, jobs=1, scheduler=None):
    """Run the tasks here: in this process when jobs is 1, else in `jobs` worker processes.

    Processes, not threads: nbgrader keeps per-run state in os.environ. A task with
    no notebook to run (each reused or missing) is finished in this process: no
    worker is started for it.
    """
    if jobs <= 1:
        for task in tasks:
            yield task, run_task(task, template)
        return
    tasks, running, more = iter(tasks), {}, True
    with ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("spawn")) as pool:
        while True:
            while more and len(running) < IN_FLIGHT_PER_WORKER * jobs:
                task = next(tasks, None)
                more = task is not None
                if more and not task.notebooks:
                    yield task, run_task(task, template)
                elif more:
                    running[pool.submit(run_task, task, template)] = task
            if not running:
                return
            done, _ = wait(running, return_when=FIRST_COMPLETED)
            for future in done:
                yield running.pop(future), future.result()


def dask(tasks, template, jobs=1, scheduler=None):
    """Run the tasks on a Dask distributed cluster, sending the course template once to every worker.

    The workers need this package, its requirements and bubblewrap, and one
    thread each (`dask worker ADDRESS --nthreads 1`): like nbgrader, a task sets
    environment variables of its process.
    """
    from distributed import Client
    from distributed import as_completed as finished

    tasks = iter(tasks)
    with Client(scheduler) as client:
        shipped = client.scatter(archive(template), broadcast=True)
        owner, queue = {}, finished()

        def top_up():
            """Submit tasks until the cluster, as large as it is now (workers may join later), has enough."""
            width = IN_FLIGHT_PER_WORKER * max(1, len(client.nthreads()))
            for task in islice(tasks, max(0, width - len(owner))):
                future = client.submit(run_task, task, template=shipped, pure=False)
                owner[future.key] = task
                queue.add(future)

        top_up()
        for future in queue:
            task = owner.pop(future.key)
            top_up()
            yield task, future.result()
