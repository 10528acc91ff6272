"""Sample submissions for the demo: students as an instructor meets them.

Each sample student starts from the release and fills the answer cells with
the instructor's code, except where they make a typical mistake; some submit
a renamed copy, skip notebooks, or hand in a file that is not a notebook.
"""

import re
import shutil
from datetime import timedelta
from pathlib import Path

import nbformat

from autograder.grading import course
from autograder.grading.autograde.late import nbgrader_timestamp
from autograder.grading.layout import ROOT, TIMESTAMP, notebook_file

_SOLUTION_MARKERS = re.compile(r"^\s*### (BEGIN|END) SOLUTION\s*$")


def fill_with_answers(student_nb, instructor_nb, answers=None):
    """A student copy whose answer cells hold the instructor's code, markers removed.

    Parameters
    ----------
    student_nb : nbformat.NotebookNode
        A release copy; modified and returned.
    instructor_nb : nbformat.NotebookNode
        The source notebook.
    answers : dict of str to str, optional
        Code to put instead in the cells with these grade_ids.

    Returns
    -------
    nbformat.NotebookNode
    """
    instructor = {c.metadata["nbgrader"]["grade_id"]: c.source for c in instructor_nb.cells
                  if c.metadata.get("nbgrader", {}).get("solution")}
    for cell in student_nb.cells:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
        if cell.metadata.get("nbgrader", {}).get("solution"):
            source = (answers or {}).get(grade_id, instructor[grade_id])
            cell.source = "\n".join(line for line in source.splitlines() if not _SOLUTION_MARKERS.match(line))
    return student_nb


def filled(name, answers=None, root=ROOT):
    """The released notebook `name` with the instructor's answers (or `answers`) in its answer cells.

    Needs the release (python -m autograder release) to exist.
    """
    released = nbformat.read(course.layout(root).released_notebook(course.assignment_of(name, root), name), as_version=4)
    source = nbformat.read(notebook_file(name, root), as_version=4)
    return fill_with_answers(released, source, answers)


#: Typical wrong answers, by the grade_id of their cell.
TYPICAL_MISTAKES = {
    "dL_dz": "def dL_dz(a, y):\n    return y - a\n",
    "update_parameters": "def update_parameters(w, b, dw, db, learning_rate):\n"
                         "    return w + learning_rate * dw, b + learning_rate * db\n",
    "compute_cost": "def compute_cost(X, y, w, b):\n"
                    "    a = 1 / (1 + np.exp(-(X @ w + b)))\n"
                    "    return -np.sum(y * np.log(a) + (1 - y) * np.log(1 - a))\n",
    "make_minibatches": "def make_minibatches(X, y, batch_size, rng):\n"
                        "    Xs, ys = X[rng.permutation(len(y))], y[rng.permutation(len(y))]\n"
                        "    return [(Xs[k:k + batch_size], ys[k:k + batch_size]) for k in range(0, len(y), batch_size)]\n",
    # the confidently right scenario, and the smaller loss over the larger (whatever the student's variant)
    "scenario_answers": "answer_higher_loss = max(predictions, key=predictions.get)\n"
                        "answer_loss_ratio = log_loss(max(predictions.values()), 1.0) / "
                        "log_loss(min(predictions.values()), 1.0)\n",
    "sigmoid": "def sigmoid(z):\n    return 1 / (1 + np.exp(-z))\n",
    "momentum_update": "def momentum_update(w, b, dw, db, v_w, v_b, learning_rate, beta=0.9):\n"
                       "    v_w, v_b = beta * v_w + dw, beta * v_b + db\n"
                       "    return w - learning_rate * v_w, b - learning_rate * v_b, v_w, v_b\n",
}

#: Who the sample students are: which notebooks they hand in, and how.
STUDENTS = {
    "ada": {"mistakes": (), "skip": ()},  # everything right
    "ben": {"mistakes": ("dL_dz", "update_parameters", "compute_cost", "scenario_answers"), "skip": (),
            "late": {"02_chain_rule": 30}},  # and 02 handed in 30 hours after its due date
    "cleo": {"mistakes": ("sigmoid", "make_minibatches", "momentum_update"), "skip": ("08_backpropagation",),
             "rename": {"03_two_features": "03_two_features (1)"}},
    "dev": {"mistakes": ("dL_dz",), "skip": ("06_minibatches", "07_momentum", "08_backpropagation"),
            "broken": ("01_model_and_loss",)},
}


def make_samples(target, root=ROOT):
    """Write the sample students' submissions as an LMS download: target/<student>/<notebook>.ipynb.

    A late notebook is written as nbgrader's collect would: target/<student>/<assignment>/<notebook>.ipynb with
    the time it was handed in in timestamp.txt.

    Needs the release (python -m autograder release) to exist.

    Returns
    -------
    Path
        `target`.
    """
    target = Path(target)
    shutil.rmtree(target, ignore_errors=True)
    for student, plan in STUDENTS.items():
        folder = target / student
        folder.mkdir(parents=True)
        for name in course.notebook_names(root):
            if name in plan["skip"]:
                continue
            path = folder / f"{plan.get('rename', {}).get(name, name)}.ipynb"
            if name in plan.get("late", {}):
                assignment = course.assignment_by_notebook(root)[name]
                path = folder / assignment.name / path.name
                path.parent.mkdir()
                handed_in = assignment.due + timedelta(hours=plan["late"][name])
                (path.parent / TIMESTAMP).write_text(nbgrader_timestamp(handed_in), encoding="utf-8")
            if name in plan.get("broken", ()):
                path.write_text('{"cells": [{"cell_type": "code", "source": "def sigmoid(z):', encoding="utf-8")
                continue
            answers = {grade_id: TYPICAL_MISTAKES[grade_id] for grade_id in plan["mistakes"]}
            nbformat.write(filled(name, answers, root), path)
        if student == "cleo":
            (folder / "scratch.ipynb").write_text(nbformat.writes(nbformat.v4.new_notebook()), encoding="utf-8")
    return target
