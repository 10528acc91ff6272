"""A function that calls a graded helper is judged on its own logic (autograder.judging.stand_ins with
autograder.kernel.stand_in): a wrong helper costs only the helper's test, and the probe gives nothing away."""

import pickle

import numpy as np
import pytest

import solutions
from autograder.judging import describe, judge, probe
from autograder.judging.functions import FUNCTIONS
from autograder.kernel import stand_in
from autograder.kernel.capture import capture

#: Each graded function with helpers, with a student's code: the helper with a known mistake, the function right,
#: and the function with a mistake of its own logic (its helper right).
STUDENTS = {
    "gradient_descent": {
        "wrong helper": """
def cost_and_gradients(X, y, w, b):
    a = 1 / (1 + np.exp(-(X @ w + b)))
    return -np.mean(y * np.log(a) + (1 - y) * np.log(1 - a)), X.T @ (a - y), np.sum(a - y)  # no 1/m
""",
        "right": """
def gradient_descent(X, y, w, b, learning_rate, num_iterations):
    costs = []
    for _ in range(num_iterations):
        cost, dw, db = cost_and_gradients(X, y, w, b)
        costs.append(cost)
        w, b = w - learning_rate * dw, b - learning_rate * db
    return w, b, costs
""",
        "own mistake": """
def gradient_descent(X, y, w, b, learning_rate, num_iterations):
    costs = []
    for _ in range(num_iterations):
        cost, dw, db = cost_and_gradients(X, y, w, b)
        w = w - learning_rate * dw
        _, _, db = cost_and_gradients(X, y, w, b)  # db at the new w: not simultaneous
        b = b - learning_rate * db
        costs.append(cost)
    return w, b, costs
""",
    },
    "train_minibatch": {
        "wrong helper": """
def make_minibatches(X, y, batch_size, rng):
    order = rng.permutation(len(y))
    return [(X[order[k:k + batch_size]], y[order[k:k + batch_size]])
            for k in range(0, len(y) - batch_size + 1, batch_size)]  # drops the last, smaller batch
""",
        "right": """
def train_minibatch(X, y, batch_size, learning_rate, epochs, seed=0):
    rng = np.random.default_rng(seed)
    w, b = np.zeros(X.shape[1]), 0.0
    epoch_costs = []
    for _ in range(epochs):
        for X_batch, y_batch in make_minibatches(X, y, batch_size, rng):
            _, dw, db = cost_and_gradients(X_batch, y_batch, w, b)
            w, b = w - learning_rate * dw, b - learning_rate * db
        epoch_costs.append(cost_and_gradients(X, y, w, b)[0])
    return w, b, epoch_costs
""",
        "own mistake": """
def train_minibatch(X, y, batch_size, learning_rate, epochs, seed=0):
    w, b = np.zeros(X.shape[1]), 0.0
    epoch_costs = []
    for _ in range(epochs):
        rng = np.random.default_rng(seed)  # the same shuffle in every epoch
        for X_batch, y_batch in make_minibatches(X, y, batch_size, rng):
            _, dw, db = cost_and_gradients(X_batch, y_batch, w, b)
            w, b = w - learning_rate * dw, b - learning_rate * db
        epoch_costs.append(cost_and_gradients(X, y, w, b)[0])
    return w, b, epoch_costs
""",
    },
    "train_momentum": {
        "wrong helper": """
def momentum_update(w, b, dw, db, v_w, v_b, learning_rate, beta=0.9):
    v_w, v_b = beta * v_w + dw, beta * v_b + db  # the classical convention, without 1 − β
    return w - learning_rate * v_w, b - learning_rate * v_b, v_w, v_b
""",
        "right": """
def train_momentum(X, y, learning_rate, num_iterations, beta=0.9):
    w, b = np.zeros(X.shape[1]), 0.0
    v_w, v_b = np.zeros(X.shape[1]), 0.0
    costs = []
    for _ in range(num_iterations):
        cost, dw, db = cost_and_gradients(X, y, w, b)
        costs.append(cost)
        w, b, v_w, v_b = momentum_update(w, b, dw, db, v_w, v_b, learning_rate, beta)
    return w, b, costs
""",
        "own mistake": """
def train_momentum(X, y, learning_rate, num_iterations, beta=0.9):
    w, b = np.zeros(X.shape[1]), 0.0
    costs = []
    for _ in range(num_iterations):
        v_w, v_b = np.zeros(X.shape[1]), 0.0  # the velocity is not carried from one step to the next
        cost, dw, db = cost_and_gradients(X, y, w, b)
        costs.append(cost)
        w, b, v_w, v_b = momentum_update(w, b, dw, db, v_w, v_b, learning_rate, beta)
    return w, b, costs
""",
    },
}
COMPOSITES = sorted(STUDENTS)


def _namespace(*sources):
    """A notebook's namespace: the course's given helpers (the reference's), then the student's cells in order."""
    namespace = {"np": np, **{name: getattr(solutions, name) for name in
                              ("cost_and_gradients", "make_minibatches", "momentum_update")}}
    for source in sources:
        exec(source, namespace)
    return namespace


def _verdict(name, namespace):
    return judge(name, capture(namespace[name], probe(name)))


def test_the_functions_with_helpers_are_the_training_loops():
    assert sorted(name for name in FUNCTIONS if describe(name).helpers) == COMPOSITES


@pytest.mark.parametrize("name", COMPOSITES)
def test_a_wrong_helper_costs_only_the_helpers_test(name):
    namespace = _namespace(STUDENTS[name]["wrong helper"], STUDENTS[name]["right"])
    (helper, _), = describe(name).helpers
    assert not _verdict(helper, namespace).passed
    assert _verdict(name, namespace).passed


@pytest.mark.parametrize("name", COMPOSITES)
def test_without_the_stand_in_the_wrong_helper_would_have_cost_twice(name):
    """What the stand-in prevents: the same student judged with a probe that has no tables."""
    namespace = _namespace(STUDENTS[name]["wrong helper"], STUDENTS[name]["right"])
    bare = {**probe(name), "stand_ins": {}}
    assert not judge(name, capture(namespace[name], bare)).passed


@pytest.mark.parametrize("name", COMPOSITES)
def test_a_mistake_of_the_functions_own_logic_costs_its_points_alone(name):
    namespace = _namespace(STUDENTS[name]["own mistake"])
    (helper, _), = describe(name).helpers
    assert _verdict(helper, namespace).passed
    assert not _verdict(name, namespace).passed
    both = _namespace(STUDENTS[name]["wrong helper"], STUDENTS[name]["own mistake"])
    assert not _verdict(name, both).passed


@pytest.mark.parametrize("name", COMPOSITES)
def test_a_right_function_meets_the_reference_at_every_call(name):
    namespace = _namespace(STUDENTS[name]["right"])
    record = capture(namespace[name], probe(name))
    assert judge(name, record).passed
    assert all(case["stand_ins"][helper]["misses"] == 0 and case["stand_ins"][helper]["hits"] > 0
               for case in record["cases"] for helper, _ in describe(name).helpers)
    assert namespace[describe(name).helpers[0][0]] is getattr(solutions, describe(name).helpers[0][0])  # restored


@pytest.mark.parametrize("name", COMPOSITES)
def test_the_helpers_own_probe_finds_nothing_in_the_tables(name):
    """A helper cannot earn its own points from the tables: none of its probe calls is on a trajectory."""
    (helper, _), = describe(name).helpers
    tables = probe(name)["stand_ins"][helper]["tables"]
    spec = describe(helper)
    for case in probe(helper)["cases"]:
        args = pickle.loads(case)
        arguments = {**spec.defaults, **dict(zip(spec.parameters, args))}
        for key in stand_in.keys(arguments):
            assert not any(stand_in._index(key) in table for table in tables)


@pytest.mark.parametrize("name", COMPOSITES)
def test_the_probe_holds_no_number_of_the_reference_trajectory(name):
    """What a hostile function could read in the kernel: the cases' inputs, and sealed tables."""
    given = probe(name)
    sealed = pickle.dumps(given["stand_ins"])
    entry = describe(name)
    for case in entry.cases():
        outputs = entry.reference(*case.build())
        numbers = np.concatenate([np.ravel(np.asarray(o, dtype=np.float64)) for o in outputs])
        for number in numbers[np.abs(numbers) > 1e-12][:50]:
            assert np.float64(number).tobytes() not in sealed


def test_a_hostile_loop_that_reads_what_it_can_reach_earns_nothing():
    """It reads its stand-in and the probe's tables, and tries to use them: nothing there answers it."""
    hostile = """
def gradient_descent(X, y, w, b, learning_rate, num_iterations):
    table = cost_and_gradients.table
    values = [v for v in table.values()]
    guess = cost_and_gradients(X, y, w + 1.0, b)  # a point off the trajectory: its own helper answers
    return w, b, [float(len(values))] * num_iterations
"""
    namespace = _namespace(hostile)
    verdict = _verdict("gradient_descent", namespace)
    assert not verdict.passed
