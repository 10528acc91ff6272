"""The class graded once for the batch path's tests (conftest.graded_class), and who hands in what.

- ada: the instructor's answers, in nbgrader's submitted/<student>/<assignment>/ layout;
- vera: correct answers written differently (loops, math, np.where, stacked parameters, ...);
- will: typical mistakes in seven tests, and nothing else wrong;
- pat: two notebooks, one renamed "03_two_features (1).ipynb", plus a stray notebook;
- bob: notebook 01 is not JSON, notebook 02 is right;
- lena: notebook 01, right, handed in 25 hours after its due date (nbgrader's timestamp.txt).
"""

from datetime import timedelta

import nbformat

from autograder.grading import course, layout
from autograder.grading.autograde.late import nbgrader_timestamp
from autograder.instructor.samples import filled

NOTEBOOKS = course.notebook_names()

#: Correct answers written another way than the instructor's.
VARIANTS = {
    "sigmoid": "def sigmoid(z):\n    return 0.5 * (1 + np.tanh(0.5 * np.asarray(z, dtype=float)))\n",
    "log_loss": "def log_loss(a, y):\n    a, y = np.asarray(a, float), np.asarray(y, float)\n"
                "    return np.where(y == 1, -np.log(a), -np.log1p(-a))\n",
    "dL_dz": "def dL_dz(a, y):\n    return (-y / a + (1 - y) / (1 - a)) * (a * (1 - a))\n",
    "example_gradients": "def example_gradients(x1, x2, y, w1, w2, b):\n"
                         "    a = 1 / (1 + math.exp(-(w1 * x1 + w2 * x2 + b)))\n"
                         "    return [(a - y) * x1, (a - y) * x2, a - y]\n",
    "update_parameters": "def update_parameters(w, b, dw, db, learning_rate):\n    new_w = w.copy()\n"
                         "    for j in range(len(w)):\n        new_w[j] -= learning_rate * dw[j]\n"
                         "    return new_w, float(b - learning_rate * db)\n",
    "gradients_loop": "def gradients_loop(X, y, w, b):\n    dz = 1 / (1 + np.exp(-(X @ w + b))) - y\n"
                      "    return np.dot(X.T, dz) / len(y), np.mean(dz)\n",
    "predict": "def predict(X, w, b, threshold=0.5):\n"
               "    return np.array([int(1 / (1 + math.exp(-(x @ w + b))) >= threshold) for x in X])\n",
    "make_minibatches": "def make_minibatches(X, y, batch_size, rng):\n    idx = np.arange(len(y))\n    rng.shuffle(idx)\n"
                        "    return [(X[idx[k:k + batch_size]], y[idx[k:k + batch_size]]) for k in range(0, len(y), batch_size)]\n",
    "momentum_update": "def momentum_update(w, b, dw, db, v_w, v_b, learning_rate, beta=0.9):\n"
                       "    v = beta * np.append(v_w, v_b) + (1 - beta) * np.append(dw, db)\n"
                       "    theta = np.append(w, b) - learning_rate * v\n    return theta[:-1], theta[-1], v[:-1], v[-1]\n",
    "scenario_answers": "answer_higher_loss = ' ' + min(predictions, key=predictions.get).lower() + ' '\n"
                        "answer_loss_ratio = round(math.log(min(predictions.values())) / "
                        "math.log(max(predictions.values())), 2)\n",
}

#: Typical mistakes that cost exactly one test each: {grade_id of the answer cell: (code, failing test, mistake)}.
MISTAKES = {
    "dL_dz": ("def dL_dz(a, y):\n    return y - a\n", "test_dL_dz", "dLdz_y_minus_a"),
    "update_parameters": ("def update_parameters(w, b, dw, db, learning_rate):\n"
                          "    return w + learning_rate * dw, b + learning_rate * db\n",
                          "test_update_parameters", "gradient_ascent"),
    "compute_cost": ("def compute_cost(X, y, w, b):\n    a = 1 / (1 + np.exp(-(X @ w + b)))\n"
                     "    return -np.sum(y * np.log(a) + (1 - y) * np.log(1 - a))\n", "test_compute_cost", "missing_1_over_m"),
    "predict": ("def predict(X, w, b, threshold=0.5):\n    return (1 / (1 + np.exp(-(X @ w + b))) < threshold).astype(int)\n",
                "test_predict", "predict_inverted"),
    "train_minibatch": ("def train_minibatch(X, y, batch_size, learning_rate, epochs, seed=0):\n"
                        "    w, b, costs = np.zeros(X.shape[1]), 0.0, []\n    for _ in range(epochs):\n"
                        "        _, dw, db = cost_and_gradients(X, y, w, b)\n"
                        "        w, b = w - learning_rate * dw, b - learning_rate * db\n"
                        "        costs.append(cost_and_gradients(X, y, w, b)[0])\n    return w, b, costs\n",
                        "test_train_minibatch", "one_update_per_epoch"),
    "train_momentum": ("def train_momentum(X, y, learning_rate, num_iterations, beta=0.9):\n"
                       "    w, b, costs = np.zeros(X.shape[1]), 0.0, []\n    for _ in range(num_iterations):\n"
                       "        cost, dw, db = cost_and_gradients(X, y, w, b)\n        costs.append(cost)\n"
                       "        w, b = w - learning_rate * dw, b - learning_rate * db\n    return w, b, costs\n",
                       "test_train_momentum", "momentum_ignored"),
    "scenario_answers": ("answer_higher_loss = max(predictions, key=predictions.get)\n"  # the right scenario's
                         "answer_loss_ratio = math.log(min(predictions.values())) / math.log(max(predictions.values()))\n",
                         "test_scenario_higher_loss", "wrong_answer"),
}




def _write_student(folder, root, names, answers=None, rename=None):
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        nbformat.write(filled(name, answers, root), folder / f"{(rename or {}).get(name, name)}.ipynb")


def write_class(root, submissions):
    """Write the class's submissions under `submissions` (the course at `root` released)."""
    for name in NOTEBOOKS:  # nbgrader's layout: <student>/<assignment>/<notebook>.ipynb
        _write_student(submissions / "ada" / course.assignment_of(name, root), root, [name])
    late = course.assignments(root)[0]
    _write_student(submissions / "lena" / late.name, root, NOTEBOOKS[:1])
    (submissions / "lena" / late.name / layout.TIMESTAMP).write_text(nbgrader_timestamp(late.due + timedelta(hours=25)))
    _write_student(submissions / "vera", root, NOTEBOOKS, VARIANTS)
    _write_student(submissions / "will", root, NOTEBOOKS, {k: code for k, (code, _, _) in MISTAKES.items()})
    _write_student(submissions / "pat", root, ["01_model_and_loss", "03_two_features"],
                   rename={"03_two_features": "03_two_features (1)"})
    (submissions / "pat" / "my_notes.ipynb").write_text(nbformat.writes(nbformat.v4.new_notebook()))
    _write_student(submissions / "bob", root, ["02_chain_rule"])
    (submissions / "bob" / "01_model_and_loss.ipynb").write_text('{"cells": [', encoding="utf-8")
