"""Tests of the reference implementation in `solutions`.

Notation and contract: /work/shared/curriculum.md. X is (m, n), y (m,), w (n,),
b a float, z = X @ w + b, a = sigmoid(z).

Tolerances are stated where they are used. Central differences with step h have
a truncation error O(h^2 f''') and a rounding error O(eps_machine |f| / h); with
h = 1e-5 or 1e-6 and the O(1) functions used here both stay below ~1e-9, so an
analytic derivative that is right agrees to a relative error far below 1e-7
(CS231n's "right" threshold, `solutions.gradient_check.RIGHT`), and one that is
wrong by a sign or a factor is off by more than 1e-2.
"""

import contextlib
import inspect
import math
import warnings

import numpy as np
import pytest
import sklearn
from numpy.testing import assert_allclose, assert_array_equal
from sklearn.datasets import load_breast_cancer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import log_loss as sklearn_log_loss

import solutions
import solutions.minibatches
from solutions import (
    compute_cost,
    cost_and_gradients,
    dL_da,
    dL_dz,
    dL_dz_squared_error,
    da_dz,
    example_gradients,
    gradient_check,
    gradient_descent,
    gradients_loop,
    log_loss,
    make_minibatches,
    momentum_update,
    numerical_derivative,
    numerical_gradient,
    predict,
    relative_error,
    sigmoid,
    train_minibatch,
    train_momentum,
    update_parameters,
)
from solutions.gradient_check import RIGHT, WRONG
from solutions.model_and_loss import A_MAX, A_MIN, log_loss_from_logits

MACHINE_EPS = np.finfo(np.float64).eps
SHAPES = [(1, 1), (1, 3), (5, 1), (7, 3), (50, 4)]
SEEDS = [0, 1, 2]


# --------------------------------------------------------------------------- helpers


def _make_data(m, n, seed):
    """Seeded logistic data: X (m, n) standard normal, y drawn from a logistic
    model, and a non-trivial (w, b) at which to evaluate costs and gradients.
    Logits stay far below the |z| ~ 37 where sigma(z) rounds to 1."""
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(m, n))
    w_true = rng.normal(size=n)
    y = (rng.random(m) < 1.0 / (1.0 + np.exp(-(X @ w_true)))).astype(np.float64)
    w = rng.normal(scale=0.5, size=n)
    b = float(rng.normal(scale=0.5))
    assert np.max(np.abs(X @ w + b)) < 20
    return X, y, w, b


def _central_difference(f, theta, h=1e-6):
    """Independent central-difference gradient of a scalar function of an array
    (or of a float), written here so that the tests do not rely only on
    `solutions.gradient_check.numerical_gradient`."""
    theta = np.asarray(theta, dtype=np.float64)
    grad = np.empty(theta.shape)
    for i in range(theta.size):
        step = np.zeros(theta.size)
        step[i] = h
        step = step.reshape(theta.shape)
        grad.flat[i] = (f(theta + step) - f(theta - step)) / (2.0 * h)
    return grad if theta.ndim else float(grad)


def _lipschitz(X):
    """A bound L on the curvature of J(w, b): the Hessian is at most
    (1/4) [X 1]^T [X 1] / m, so gradient descent with learning rate 1/L
    decreases the cost at every step."""
    Z = np.column_stack([X, np.ones(X.shape[0])])
    return 0.25 * np.linalg.eigvalsh(Z.T @ Z / X.shape[0])[-1]


@contextlib.contextmanager
def _strict(under="raise"):
    """Every warning is an error and every floating-point exception raises."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with np.errstate(all="raise", under=under):
            yield


def _read_only_copy(a):
    a = np.array(a, dtype=np.float64)
    a.setflags(write=False)
    return a


def _logit(p):
    return math.log(p / (1.0 - p))


# ----------------------------------------------- 1. derivatives vs central differences

A_GRID = [0.02, 0.1, 0.3, 0.5, 0.77, 0.9, 0.98]
Z_GRID = [-6.0, -3.0, -0.5, 0.0, 0.7, 2.0, 6.0]


@pytest.mark.parametrize("y", [0.0, 1.0])
@pytest.mark.parametrize("a", A_GRID)
def test_dL_da_matches_central_difference_of_log_loss(a, y):
    analytic = dL_da(a, y)
    with _strict():
        num = numerical_derivative(lambda t: log_loss(t, y), a)
        num_indep = _central_difference(lambda t: log_loss(t, y), a)
    assert relative_error(analytic, num) < RIGHT
    assert relative_error(analytic, num_indep) < RIGHT
    assert analytic == pytest.approx(-y / a + (1 - y) / (1 - a), rel=1e-14)


@pytest.mark.parametrize("z", Z_GRID)
def test_da_dz_matches_central_difference_of_sigmoid(z):
    a = sigmoid(z)
    analytic = da_dz(a)
    with _strict():
        num = numerical_derivative(sigmoid, z)
        num_indep = _central_difference(sigmoid, z)
    assert relative_error(analytic, num) < RIGHT
    assert relative_error(analytic, num_indep) < RIGHT
    assert 0 < analytic <= 0.25


#: (loss of a and y, its derivative with respect to z through a = σ(z)): the log loss and the squared error ½(a − y)².
LOSSES_AND_DL_DZ = {"log_loss": (log_loss, dL_dz),
                    "squared_error": (lambda a, y: 0.5 * (a - y) ** 2, dL_dz_squared_error)}


@pytest.mark.parametrize("loss", sorted(LOSSES_AND_DL_DZ))
@pytest.mark.parametrize("y", [0.0, 1.0])
@pytest.mark.parametrize("z", Z_GRID)
def test_dL_dz_matches_central_difference_of_composed_loss(z, y, loss):
    loss_of_a, derivative = LOSSES_AND_DL_DZ[loss]

    def loss_of_z(t):
        return loss_of_a(sigmoid(t), y)

    analytic = derivative(sigmoid(z), y)
    with _strict():
        num = numerical_derivative(loss_of_z, z)
        num_indep = _central_difference(loss_of_z, z)
    assert relative_error(analytic, num) < RIGHT
    assert relative_error(analytic, num_indep) < RIGHT


@pytest.mark.parametrize("y", [0.0, 1.0])
def test_chain_rule_product_equals_dL_dz(y):
    # dL/da * da/dz simplifies to a - y; in floating point they agree to a few
    # ulps of the O(1) terms, hence atol 1e-15 besides rtol 1e-12.
    a = sigmoid(np.linspace(-10.0, 10.0, 201))
    assert_allclose(dL_da(a, y) * da_dz(a), dL_dz(a, y), rtol=1e-12, atol=1e-15)
    assert_allclose(dL_dz(a, y), a - y, rtol=0, atol=0)


def test_local_derivatives_known_values_and_broadcasting():
    assert dL_da(0.25, 1) == pytest.approx(-4.0, rel=1e-15)
    assert dL_da(0.25, 0) == pytest.approx(4.0 / 3.0, rel=1e-15)
    assert da_dz(0.5) == 0.25
    assert dL_dz(0.9, 1) == pytest.approx(-0.1, rel=1e-12)
    a = np.array([[0.2, 0.4], [0.6, 0.8]])
    y = np.array([1.0, 0.0])  # broadcasts along the last axis
    assert dL_da(a, y).shape == (2, 2)
    assert_allclose(dL_da(a, y), -y / a + (1 - y) / (1 - a), rtol=1e-15)
    assert_allclose(da_dz(a), a * (1 - a), rtol=1e-15)
    assert_allclose(dL_dz(a, y), a - y, rtol=1e-15)


def test_dL_dz_squared_error_is_the_chain_and_vanishes_when_confidently_wrong():
    a = sigmoid(np.linspace(-10.0, 10.0, 201))
    for y in (0.0, 1.0):
        # dL/da = a − y for ½(a − y)², times da/dz
        assert_allclose(dL_dz_squared_error(a, y), (a - y) * da_dz(a), rtol=1e-14, atol=1e-17)
    # y = 1 and z → −∞: the log loss still pulls with dL/dz → −1, the squared error hardly at all
    a_wrong = sigmoid(np.array([-4.0, -8.0, -12.0]))
    pull = np.abs(dL_dz_squared_error(a_wrong, 1.0))
    assert np.all(np.diff(pull) < 0) and pull[-1] < 1e-5
    assert np.all(np.abs(dL_dz(a_wrong, 1.0)) > 0.98)
    a = np.array([[0.2, 0.4], [0.6, 0.8]])
    assert dL_dz_squared_error(a, np.array([1.0, 0.0])).shape == (2, 2)


EXAMPLES = [
    # x1, x2, y, w1, w2, b
    (1.0, 2.0, 1.0, 0.0, 0.0, 0.0),
    (0.5, -1.5, 0.0, 0.3, -0.2, 0.1),
    (-2.0, 0.7, 1.0, 1.2, 0.4, -0.8),
    (3.0, 0.0, 0.0, -0.5, 2.0, 0.25),  # x2 = 0: dw2 is exactly 0
    (0.1, 0.2, 1.0, -4.0, 3.0, 1.0),
]


@pytest.mark.parametrize("x1, x2, y, w1, w2, b", EXAMPLES)
def test_example_gradients_match_numerical_partials(x1, x2, y, w1, w2, b):
    def loss(theta):
        return log_loss(sigmoid(theta[0] * x1 + theta[1] * x2 + theta[2]), y)

    theta = np.array([w1, w2, b])
    grads = example_gradients(x1, x2, y, w1, w2, b)
    assert len(grads) == 3
    assert all(isinstance(g, float) for g in grads)
    analytic = np.array(grads)
    with _strict():
        assert relative_error(analytic, numerical_gradient(loss, theta)) < RIGHT
        assert relative_error(analytic, _central_difference(loss, theta)) < RIGHT
    a = 1.0 / (1.0 + math.exp(-(w1 * x1 + w2 * x2 + b)))
    assert_allclose(analytic, [(a - y) * x1, (a - y) * x2, a - y], rtol=1e-13, atol=1e-16)


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("m, n", SHAPES)
def test_gradients_match_numerical_gradient_of_compute_cost(m, n, seed):
    X, y, w, b = _make_data(m, n, seed)

    def cost(theta):
        return compute_cost(X, y, theta[:n], float(theta[n]))

    theta = np.append(w, b)
    dw_loop, db_loop = gradients_loop(X, y, w, b)
    _, dw_vec, db_vec = cost_and_gradients(X, y, w, b)
    with _strict():
        num = numerical_gradient(cost, theta)
        num_indep = _central_difference(cost, theta)
    # Both difference quotients are accurate to ~1e-10 absolute here.
    assert_allclose(num, num_indep, rtol=1e-7, atol=1e-9)
    for analytic in (np.append(dw_loop, db_loop), np.append(dw_vec, db_vec)):
        assert relative_error(analytic, num) < RIGHT
        assert_allclose(analytic, num_indep, rtol=1e-7, atol=1e-9)


@pytest.mark.parametrize("m, n", SHAPES)
def test_gradient_check_of_cost_and_gradients(m, n):
    X, y, w, b = _make_data(m, n, seed=7)

    def f(theta):
        return cost_and_gradients(X, y, theta[:n], float(theta[n]))[0]

    def grad(theta):
        _, dw, db = cost_and_gradients(X, y, theta[:n], float(theta[n]))
        return np.append(dw, db)

    theta = np.append(w, b)
    assert gradient_check(f, grad, theta) < RIGHT
    assert gradient_check(f, lambda t: -grad(t), theta) > WRONG
    assert gradient_check(f, lambda t: 2 * grad(t), theta) > WRONG


# ------------------------------------------------------ 2. loops agree with vectorized


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("m, n", SHAPES)
def test_loop_and_vectorized_agree(m, n, seed):
    X, y, w, b = _make_data(m, n, seed)
    cost_loop = compute_cost(X, y, w, b)
    dw_loop, db_loop = gradients_loop(X, y, w, b)
    cost_vec, dw_vec, db_vec = cost_and_gradients(X, y, w, b)

    assert isinstance(cost_loop, float) and isinstance(cost_vec, float)
    assert isinstance(db_loop, float) and isinstance(db_vec, float)
    assert dw_loop.shape == dw_vec.shape == (n,)
    assert cost_loop == pytest.approx(cost_vec, rel=1e-12)
    assert_allclose(dw_loop, dw_vec, rtol=1e-12, atol=1e-15)
    assert db_loop == pytest.approx(db_vec, rel=1e-12, abs=1e-15)

    # An independent oracle, straight from the formulas (no clipping is needed
    # for these moderate logits).
    a = 1.0 / (1.0 + np.exp(-(X @ w + b)))
    assert cost_vec == pytest.approx(np.mean(-(y * np.log(a) + (1 - y) * np.log(1 - a))), rel=1e-12)
    assert_allclose(dw_vec, X.T @ (a - y) / m, rtol=1e-12, atol=1e-15)
    assert db_vec == pytest.approx(np.mean(a - y), rel=1e-12, abs=1e-15)


@pytest.mark.parametrize("m, n", SHAPES)
def test_cost_and_gradients_at_zero_parameters(m, n):
    # At w = 0, b = 0 every a is 1/2: J = log 2 and dJ/dw = X^T (1/2 - y) / m.
    X, y, _, _ = _make_data(m, n, seed=3)
    cost, dw, db = cost_and_gradients(X, y, np.zeros(n), 0.0)
    assert cost == pytest.approx(math.log(2), rel=1e-15)
    assert compute_cost(X, y, np.zeros(n), 0.0) == pytest.approx(math.log(2), rel=1e-15)
    assert_allclose(dw, X.T @ (0.5 - y) / m, rtol=1e-13, atol=1e-16)
    assert db == pytest.approx(np.mean(0.5 - y), rel=1e-13, abs=1e-16)


# ------------------------------------------------------------ 3. numerical stability

# |z| <= 708: e^(-|z|) is a normal float, so nothing may even underflow.
Z_MODERATE = [-708.0, -1e2, -36.0, -1.0, 0.0, 1.0, 36.0, 1e2, 708.0]
# |z| >= 709: e^(-|z|) underflows to a subnormal or 0, the correct limit.
Z_HUGE = [-1e300, -1e3, -746.0, -710.0, -709.0, 709.0, 710.0, 746.0, 1e3, 1e300]


def _assert_sigmoid_and_losses_sane(z):
    a = sigmoid(z)
    assert np.isfinite(a) and 0.0 <= a <= 1.0
    assert a.dtype == np.float64
    for y in (0.0, 1.0):
        loss = log_loss(a, y)
        assert np.isfinite(loss) and 0.0 <= loss <= -math.log(A_MIN) + 1e-12
    return a


@pytest.mark.parametrize("z", Z_MODERATE)
def test_sigmoid_and_log_loss_moderate_z_raise_no_fp_exception(z):
    with _strict(under="raise"):
        _assert_sigmoid_and_losses_sane(z)
        _assert_sigmoid_and_losses_sane(np.float64(z))


@pytest.mark.parametrize("z", Z_HUGE)
def test_sigmoid_and_log_loss_huge_z_no_overflow_no_warning(z):
    # Underflow is ignored here only: sigma(-1000) ~ 5e-435 is not representable,
    # so any correctly rounded result underflows. Overflow, division by zero and
    # invalid operations (the real instabilities) still raise.
    with _strict(under="ignore"):
        a = _assert_sigmoid_and_losses_sane(z)
    assert a == (1.0 if z > 0 else pytest.approx(0.0, abs=1e-300))


def test_sigmoid_array_with_extreme_values_no_warning():
    z = np.array(sorted(Z_MODERATE + Z_HUGE + [np.inf, -np.inf]))
    with _strict(under="ignore"):
        a = sigmoid(z)
        losses = log_loss(a, np.ones_like(a)), log_loss(a, np.zeros_like(a))
    assert np.all(np.isfinite(a)) and np.all((a >= 0) & (a <= 1))
    assert np.all(np.diff(a) >= 0), "sigmoid must be non-decreasing"
    assert a[0] == 0.0 and a[-1] == 1.0  # sigma(-inf), sigma(inf)
    for loss in losses:
        assert np.all(np.isfinite(loss)) and np.all(loss >= 0)


@pytest.mark.parametrize("z", [0.0, 1e-8, 0.3, 1.0, 5.0, 20.0, 36.0, 40.0, 100.0, 710.0, 1e3])
def test_sigmoid_symmetry(z):
    with _strict(under="ignore"):
        # Two roundings of values below 1: at most 2 machine epsilons apart.
        assert abs(sigmoid(-z) - (1.0 - sigmoid(z))) <= 2 * MACHINE_EPS
        zz = np.array([z, -z])
        assert_allclose(sigmoid(-zz), 1.0 - sigmoid(zz), rtol=0, atol=2 * MACHINE_EPS)


def test_sigmoid_known_values_and_relative_accuracy_in_tails():
    assert sigmoid(0.0) == 0.5
    assert sigmoid(2.0) == pytest.approx(1.0 / (1.0 + math.exp(-2.0)), rel=1e-15)
    # In the left tail sigma(z) = e^z / (1 + e^z) ~ e^z: a stable sigmoid keeps
    # full *relative* accuracy there (an implementation clipping z would not).
    z = np.array([-40.0, -100.0, -300.0, -700.0])
    assert_allclose(sigmoid(z), np.exp(z) / (1.0 + np.exp(z)), rtol=1e-14)
    assert np.all(sigmoid(z) > 0)


@pytest.mark.parametrize("z", [-100.0, -300.0, -700.0])
def test_log_loss_confidently_wrong_is_exact_while_sigma_is_representable(z):
    # sigma(z) ~ e^z > 0 here, so the loss of y = 1 is -log sigma(z) ~ -z, unclipped.
    assert log_loss(sigmoid(z), 1.0) == pytest.approx(-z, rel=1e-12)


@pytest.mark.parametrize("z, y, expected", [
    (-1000.0, 1.0, -math.log(A_MIN)),      # sigma(z) underflows to 0: moved to A_MIN, loss ~744.4
    (100.0, 0.0, -math.log1p(-A_MAX)),     # sigma(z) rounds to 1: moved to A_MAX, loss 53 log 2 ~ 36.7
    (1000.0, 0.0, -math.log1p(-A_MAX)),
])
def test_log_loss_is_finite_where_sigma_rounds_to_0_or_1(z, y, expected):
    with _strict(under="ignore"):
        loss = log_loss(sigmoid(z), y)
    assert loss == pytest.approx(expected, rel=1e-14)


@pytest.mark.parametrize("z", [-1e3, -710.0, -100.0, -37.0, -5.0, 0.0, 5.0, 37.0, 100.0, 710.0, 1e3])
def test_log_loss_from_logits_is_exact_for_any_z(z):
    with _strict(under="ignore"):
        wrong = log_loss_from_logits(z, 1.0 if z < 0 else 0.0)  # confidently wrong: about |z|
        right = log_loss_from_logits(z, 0.0 if z < 0 else 1.0)  # confidently right: log(1 + e^-|z|)
    assert wrong == pytest.approx(abs(z) + math.log1p(math.exp(-abs(z))), rel=1e-14)
    assert right == pytest.approx(math.log1p(math.exp(-abs(z))), rel=1e-14)
    if abs(z) <= 30:  # where sigma(z) is well inside (0, 1) both formulas are the same loss
        for y in (0.0, 1.0):
            assert log_loss_from_logits(z, y) == pytest.approx(log_loss(sigmoid(z), y), rel=1e-12, abs=1e-15)


@pytest.mark.parametrize("z, y", [(1000.0, 1.0), (-1000.0, 0.0), (710.0, 1.0), (-710.0, 0.0)])
def test_log_loss_confidently_right_is_tiny(z, y):
    with _strict(under="ignore"):
        loss = log_loss(sigmoid(z), y)
    assert 0.0 <= loss <= 1e-15


@pytest.mark.parametrize("a, y, expected", [
    (0.0, 0.0, 0.0), (0.0, 1.0, -math.log(A_MIN)), (1.0, 0.0, -math.log1p(-A_MAX)), (1.0, 1.0, -math.log(A_MAX)),
])
def test_log_loss_finite_at_exactly_zero_and_one(a, y, expected):
    with _strict():
        loss = log_loss(a, y)
        loss_arr = log_loss(np.array([a, a]), np.array([y, y]))
    assert np.isfinite(loss)
    assert loss == pytest.approx(expected, rel=1e-14, abs=1e-300)
    assert_allclose(loss_arr, [loss, loss], rtol=0, atol=0)


def test_log_loss_known_values_and_shapes():
    # The seed's concept question: y = 1, y_hat = 0.9 vs 0.1.
    assert log_loss(0.9, 1) == pytest.approx(-math.log(0.9), rel=1e-15)
    assert log_loss(0.1, 1) == pytest.approx(-math.log(0.1), rel=1e-15)
    assert log_loss(0.1, 0) == pytest.approx(-math.log(0.9), rel=1e-15)
    assert log_loss(0.5, 1) == pytest.approx(math.log(2), rel=1e-15)
    a = np.array([[0.2, 0.7, 0.9], [0.5, 0.5, 0.01]])
    y = np.array([[1, 0, 1], [0, 1, 1]])
    loss = log_loss(a, y)
    assert loss.shape == (2, 3) and loss.dtype == np.float64
    assert_allclose(loss, -(y * np.log(a) + (1 - y) * np.log(1 - a)), rtol=1e-15)
    assert np.ndim(log_loss(0.3, 1)) == 0
    assert np.isscalar(log_loss(0.3, 1))  # a scalar, not a 0-d array


@pytest.mark.parametrize(
    "z",
    [
        0.5,
        np.float64(-2.0),
        3,  # a Python int
        np.array(1.5),
        np.linspace(-5, 5, 7),
        np.arange(-6, 6).reshape(4, 3),  # an int array
        np.zeros((2, 0)),
    ],
)
def test_sigmoid_keeps_shape_and_returns_float64(z):
    a = sigmoid(z)
    assert np.shape(a) == np.shape(z)
    assert np.asarray(a).dtype == np.float64
    assert_allclose(a, 1.0 / (1.0 + np.exp(-np.asarray(z, dtype=np.float64))), rtol=1e-15)
    if np.ndim(z) == 0:
        assert np.isscalar(a)  # a NumPy float64 scalar, not a 0-d array


# ------------------------------------------------------------------------ 4. purity


def _assert_unchanged(before, after):
    for b_, a_ in zip(before, after):
        assert_array_equal(a_, b_)


def test_pure_functions_do_not_mutate_inputs():
    X, y, w, b = _make_data(12, 3, seed=5)
    dw, db = np.array([0.1, -0.2, 0.3]), 0.05
    v_w, v_b = np.array([0.01, 0.02, -0.03]), 0.2
    args = [X, y, w, dw, v_w]
    copies = [a.copy() for a in args]
    # Read-only views make any in-place write raise at once.
    Xr, yr, wr, dwr, vwr = (_read_only_copy(a) for a in args)

    sigmoid(Xr)
    log_loss(sigmoid(Xr @ wr), yr)
    dL_da(sigmoid(Xr @ wr), yr)
    compute_cost(Xr, yr, wr, b)
    gradients_loop(Xr, yr, wr, b)
    cost_and_gradients(Xr, yr, wr, b)
    predict(Xr, wr, b)
    w_new, b_new = update_parameters(wr, b, dwr, db, 0.1)
    assert not np.shares_memory(w_new, wr)
    out = momentum_update(wr, b, dwr, db, vwr, v_b, 0.1, 0.9)
    assert not np.shares_memory(out[0], wr) and not np.shares_memory(out[2], vwr)
    gradient_descent(Xr, yr, wr, b, 0.1, 5)
    w0, _, _ = gradient_descent(Xr, yr, wr, b, 0.1, 0)
    assert not np.shares_memory(w0, wr)
    batches = make_minibatches(Xr, yr, 5, np.random.default_rng(0))
    train_minibatch(Xr, yr, 5, 0.1, 3, seed=0)
    train_momentum(Xr, yr, 0.1, 5, 0.9)
    numerical_gradient(lambda t: compute_cost(Xr, yr, t, b), wr)
    gradient_check(lambda t: compute_cost(Xr, yr, t, b), lambda t: gradients_loop(Xr, yr, t, b)[0], wr)

    # And the same calls on ordinary writable arrays leave them bit-identical.
    update_parameters(w, b, dw, db, 0.1)
    momentum_update(w, b, dw, db, v_w, v_b, 0.1, 0.9)
    gradient_descent(X, y, w, b, 0.1, 5)
    batches = make_minibatches(X, y, 5, np.random.default_rng(0))
    train_minibatch(X, y, 5, 0.1, 3, seed=0)
    train_momentum(X, y, 0.1, 5, 0.9)
    compute_cost(X, y, w, b)
    gradients_loop(X, y, w, b)
    cost_and_gradients(X, y, w, b)
    numerical_gradient(lambda t: compute_cost(X, y, t, b), w)
    _assert_unchanged(copies, args)

    # Writing into a returned batch must not write into X or y.
    for X_batch, y_batch in batches:
        X_batch[...] = -99.0
        y_batch[...] = -99.0
    _assert_unchanged(copies, args)


# --------------------------------------------------------- 5. numerical_derivative


@pytest.mark.parametrize("eps", [1e-1, 1e-2, 1e-3])
@pytest.mark.parametrize("x", [-1.5, 0.5, 2.0])
def test_numerical_derivative_is_central_on_cubic(x, eps):
    # For f(x) = x^3: central difference = 3x^2 + eps^2 exactly,
    # forward = 3x^2 + 3x eps + eps^2, backward = 3x^2 - 3x eps + eps^2.
    err = numerical_derivative(lambda t: t**3, x, eps=eps) - 3 * x**2
    assert err == pytest.approx(eps**2, rel=1e-3)  # rounding is <= 1e-12 here
    forward_err = 3 * x * eps + eps**2
    assert abs(err) < abs(forward_err) / 10


def test_numerical_derivative_error_is_second_order():
    def f(t):
        return math.exp(t) * math.sin(t)

    exact = math.exp(0.4) * (math.sin(0.4) + math.cos(0.4))
    e1 = abs(numerical_derivative(f, 0.4, eps=1e-2) - exact)
    e2 = abs(numerical_derivative(f, 0.4, eps=1e-3) - exact)
    # O(eps^2): shrinking eps tenfold shrinks the error ~100-fold (O(eps): ~10).
    assert 80 < e1 / e2 < 120


def test_numerical_derivative_evaluates_at_x_plus_and_minus_eps():
    calls = []

    def f(t):
        calls.append(t)
        return 2.0 * t

    assert numerical_derivative(f, 1.0, eps=1e-3) == pytest.approx(2.0, rel=1e-12)
    assert sorted(calls) == [pytest.approx(1.0 - 1e-3, rel=1e-15), pytest.approx(1.0 + 1e-3, rel=1e-15)]


@pytest.mark.parametrize("func", [numerical_derivative, numerical_gradient, gradient_check])
def test_default_eps_is_1e_minus_5(func):
    assert inspect.signature(func).parameters["eps"].default == 1e-5


def test_numerical_derivative_default_eps_accuracy():
    # Default eps = 1e-5: on x^3 at 1 the error is eps^2 = 1e-10 plus rounding
    # ~1e-11; a forward difference would be off by 3e-5.
    err = numerical_derivative(lambda t: t**3, 1.0) - 3.0
    assert abs(err - 1e-10) < 5e-11


def test_numerical_gradient_is_central_per_coordinate():
    theta = np.array([[0.5, -1.0], [2.0, 1.5]])  # any shape
    eps = 1e-2
    grad = numerical_gradient(lambda t: np.sum(t**3), theta, eps=eps)
    assert grad.shape == theta.shape
    assert_allclose(grad, 3 * theta**2 + eps**2, rtol=1e-12)
    assert float(numerical_gradient(lambda t: t**3, 2.0, eps=eps)) == pytest.approx(12.0 + eps**2, rel=1e-12)


# ------------------------------------------------------ 6. update and momentum rules


@pytest.mark.parametrize("learning_rate", [0.0, 0.01, 0.5, 3.0])
def test_update_parameters(learning_rate):
    w, b = np.array([0.5, -1.0, 2.0]), 0.3
    dw, db = np.array([0.1, 0.2, -0.4]), -0.7
    w_new, b_new = update_parameters(w, b, dw, db, learning_rate)
    assert isinstance(w_new, np.ndarray) and w_new.dtype == np.float64 and w_new.shape == (3,)
    assert isinstance(b_new, float)
    assert w_new is not w and not np.shares_memory(w_new, w)
    assert_allclose(w_new, w - learning_rate * dw, rtol=1e-15, atol=0)
    assert b_new == pytest.approx(b - learning_rate * db, rel=1e-15, abs=0)


def test_update_parameters_is_simultaneous():
    # The new b depends on (b, db) only and the new w on (w, dw) only: whatever
    # w, dw are, b's update is the same (no sequential use of an updated value).
    b_new_1 = update_parameters(np.array([1.0]), 0.3, np.array([5.0]), 0.2, 0.1)[1]
    b_new_2 = update_parameters(np.array([-7.0]), 0.3, np.array([-2.0]), 0.2, 0.1)[1]
    assert b_new_1 == b_new_2 == pytest.approx(0.28, rel=1e-15)
    w_new_1 = update_parameters(np.array([1.0]), 0.3, np.array([5.0]), 0.2, 0.1)[0]
    w_new_2 = update_parameters(np.array([1.0]), -4.0, np.array([5.0]), 9.0, 0.1)[0]
    assert_array_equal(w_new_1, w_new_2)
    assert_allclose(w_new_1, [0.5], rtol=1e-15)


@pytest.mark.parametrize("beta", [0.0, 0.5, 0.9, 0.99])
def test_momentum_update_matches_formula(beta):
    rng = np.random.default_rng(11)
    w, dw, v_w = rng.normal(size=(3, 4))
    b, db, v_b = rng.normal(size=3)
    lr = 0.3
    w_new, b_new, v_w_new, v_b_new = momentum_update(w, float(b), dw, float(db), v_w, float(v_b), lr, beta)
    v_w_exp = beta * v_w + (1 - beta) * dw
    v_b_exp = beta * v_b + (1 - beta) * db
    assert_allclose(v_w_new, v_w_exp, rtol=1e-14, atol=1e-16)
    assert v_b_new == pytest.approx(v_b_exp, rel=1e-14)
    assert_allclose(w_new, w - lr * v_w_exp, rtol=1e-14, atol=1e-16)
    assert b_new == pytest.approx(b - lr * v_b_exp, rel=1e-14)
    assert w_new.shape == v_w_new.shape == (4,)
    assert isinstance(b_new, float) and isinstance(v_b_new, float)


def test_momentum_update_default_beta_and_two_steps():
    assert inspect.signature(momentum_update).parameters["beta"].default == 0.9
    w, b, v_w, v_b = np.array([1.0, -1.0]), 0.5, np.zeros(2), 0.0
    g1, g2 = np.array([0.2, -0.4]), np.array([0.1, 0.3])
    w, b, v_w, v_b = momentum_update(w, b, g1, 1.0, v_w, v_b, 0.5)
    w, b, v_w, v_b = momentum_update(w, b, g2, -1.0, v_w, v_b, 0.5)
    # v1 = 0.1 g1, v2 = 0.09 g1 + 0.1 g2; theta2 = theta0 - 0.5 (v1 + v2).
    assert_allclose(v_w, 0.09 * g1 + 0.1 * g2, rtol=1e-14)
    assert v_b == pytest.approx(0.09 - 0.1, rel=1e-12)
    assert_allclose(w, np.array([1.0, -1.0]) - 0.5 * (0.19 * g1 + 0.1 * g2), rtol=1e-14)
    assert b == pytest.approx(0.5 - 0.5 * (0.1 + 0.09 - 0.1), rel=1e-13)


def test_momentum_update_with_beta_zero_equals_update_parameters():
    rng = np.random.default_rng(12)
    w, dw, v_w = rng.normal(size=(3, 5))
    w_m, b_m, v_w_m, v_b_m = momentum_update(w, 0.4, dw, -0.3, v_w, 2.0, 0.7, beta=0.0)
    w_u, b_u = update_parameters(w, 0.4, dw, -0.3, 0.7)
    assert_allclose(w_m, w_u, rtol=1e-15, atol=0)
    assert b_m == pytest.approx(b_u, rel=1e-15)
    assert_allclose(v_w_m, dw, rtol=1e-15)
    assert v_b_m == pytest.approx(-0.3, rel=1e-15)


# ------------------------------------------------------------- 7. gradient_descent


@pytest.mark.parametrize("num_iterations", [1, 2, 7])
@pytest.mark.parametrize("m, n", [(1, 1), (7, 3), (50, 4)])
def test_gradient_descent_costs_are_before_each_update(m, n, num_iterations):
    X, y, w0, b0 = _make_data(m, n, seed=4)
    lr = 0.5
    w, b, costs = gradient_descent(X, y, w0, b0, lr, num_iterations)
    assert len(costs) == num_iterations
    assert all(isinstance(c, float) for c in costs)
    assert isinstance(w, np.ndarray) and w.shape == (n,) and w.dtype == np.float64
    assert isinstance(b, float)
    assert costs[0] == pytest.approx(compute_cost(X, y, w0, b0), rel=1e-12)

    # Replay the iteration independently: costs[i] is J at the parameters
    # after i updates, and the result is the parameters after all of them.
    w_k, b_k = w0.copy(), b0
    for i in range(num_iterations):
        a = 1.0 / (1.0 + np.exp(-(X @ w_k + b_k)))
        assert costs[i] == pytest.approx(compute_cost(X, y, w_k, b_k), rel=1e-12)
        w_k, b_k = w_k - lr * X.T @ (a - y) / m, b_k - lr * np.mean(a - y)
    assert_allclose(w, w_k, rtol=1e-12, atol=1e-14)
    assert b == pytest.approx(b_k, rel=1e-12, abs=1e-14)


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("m, n", [(5, 1), (7, 3), (50, 4)])
def test_gradient_descent_costs_non_increasing_for_small_learning_rate(m, n, seed):
    X, y, w0, b0 = _make_data(m, n, seed)
    lr = 1.0 / _lipschitz(X)  # the descent lemma guarantees J decreases
    _, _, costs = gradient_descent(X, y, w0, b0, lr, 100)
    assert np.all(np.diff(costs) <= 1e-15)
    assert costs[-1] < costs[0]


def test_gradient_descent_zero_iterations():
    X, y, w0, b0 = _make_data(7, 3, seed=0)
    w, b, costs = gradient_descent(X, y, w0, b0, 0.1, 0)
    assert costs == []
    assert_array_equal(w, w0)
    assert b == b0 and isinstance(b, float)


@pytest.mark.parametrize("m, n", [(1, 1), (7, 3), (50, 4)])
def test_train_momentum_with_beta_zero_equals_gradient_descent(m, n):
    X, y, _, _ = _make_data(m, n, seed=6)
    w_m, b_m, costs_m = train_momentum(X, y, 0.8, 30, beta=0.0)
    w_g, b_g, costs_g = gradient_descent(X, y, np.zeros(n), 0.0, 0.8, 30)
    assert_allclose(w_m, w_g, rtol=1e-12, atol=1e-15)
    assert b_m == pytest.approx(b_g, rel=1e-12, abs=1e-15)
    assert_allclose(costs_m, costs_g, rtol=1e-12)


@pytest.mark.parametrize("beta", [0.5, 0.9])
def test_train_momentum_matches_manual_momentum_loop(beta):
    X, y, _, _ = _make_data(50, 4, seed=8)
    lr, iters = 0.4, 25
    w, b, costs = train_momentum(X, y, lr, iters, beta)
    assert len(costs) == iters
    assert costs[0] == pytest.approx(math.log(2), rel=1e-15)  # zero start
    w_k, b_k, v_w, v_b = np.zeros(4), 0.0, np.zeros(4), 0.0
    for i in range(iters):
        a = 1.0 / (1.0 + np.exp(-(X @ w_k + b_k)))
        assert costs[i] == pytest.approx(compute_cost(X, y, w_k, b_k), rel=1e-12)
        v_w = beta * v_w + (1 - beta) * X.T @ (a - y) / 50
        v_b = beta * v_b + (1 - beta) * np.mean(a - y)
        w_k, b_k = w_k - lr * v_w, b_k - lr * v_b
    assert_allclose(w, w_k, rtol=1e-12, atol=1e-14)
    assert b == pytest.approx(b_k, rel=1e-12, abs=1e-14)
    assert train_momentum(X, y, lr, 0, beta)[2] == []


# ------------------------------------------------------------- 8. make_minibatches

BATCH_GRID = [
    (1, 1),
    (10, 1),
    (10, 3),
    (10, 5),  # m % batch_size == 0
    (10, 10),  # batch_size == m
    (10, 32),  # batch_size > m
    (7, 2),
    (64, 16),
    (65, 16),
]


def _indexed_data(m, seed=0):
    """X whose first column is the example's index; y its own label."""
    rng = np.random.default_rng(seed)
    X = np.column_stack([np.arange(m, dtype=np.float64), rng.normal(size=(m, 2))])
    y = rng.integers(0, 2, size=m).astype(np.float64)
    return X, y


@pytest.mark.parametrize("m, batch_size", BATCH_GRID)
def test_make_minibatches_is_an_aligned_partition(m, batch_size):
    X, y = _indexed_data(m)
    batches = make_minibatches(X, y, batch_size, np.random.default_rng(42))

    assert len(batches) == math.ceil(m / batch_size)
    sizes = [len(y_batch) for _, y_batch in batches]
    last = m % batch_size if m % batch_size else min(batch_size, m)
    assert sizes == [batch_size] * (len(batches) - 1) + [last]
    if batch_size >= m:
        assert len(batches) == 1

    seen = []
    for X_batch, y_batch in batches:
        assert X_batch.ndim == 2 and X_batch.shape[1] == X.shape[1]
        assert y_batch.shape == (X_batch.shape[0],)
        idx = X_batch[:, 0].astype(int)
        assert_array_equal(X_batch, X[idx])  # whole rows, not mixed
        assert_array_equal(y_batch, y[idx])  # each example keeps its label
        seen.extend(idx.tolist())
    assert sorted(seen) == list(range(m))  # every example exactly once


def test_make_minibatches_reproducible_and_shuffled():
    X, y = _indexed_data(50)

    def order(batches):
        return np.concatenate([X_batch[:, 0] for X_batch, _ in batches])

    o1 = order(make_minibatches(X, y, 8, np.random.default_rng(0)))
    o2 = order(make_minibatches(X, y, 8, np.random.default_rng(0)))
    o3 = order(make_minibatches(X, y, 8, np.random.default_rng(1)))
    assert_array_equal(o1, o2)  # same seed, same shuffle
    assert not np.array_equal(o1, o3)  # different seed, different shuffle
    assert not np.array_equal(o1, np.arange(50))  # actually shuffled
    # One generator used twice gives two different shuffles (fresh each epoch).
    rng = np.random.default_rng(0)
    assert not np.array_equal(order(make_minibatches(X, y, 8, rng)), order(make_minibatches(X, y, 8, rng)))


# -------------------------------------------------------------- 9. train_minibatch


@pytest.mark.parametrize("m, n", [(1, 1), (7, 3), (50, 4)])
@pytest.mark.parametrize("epochs", [1, 5])
def test_train_minibatch_full_batch_equals_gradient_descent(m, n, epochs):
    X, y, _, _ = _make_data(m, n, seed=9)
    lr = 0.7
    w, b, epoch_costs = train_minibatch(X, y, m, lr, epochs, seed=3)
    w_gd, b_gd, _ = gradient_descent(X, y, np.zeros(n), 0.0, lr, epochs)
    _, _, costs_gd = gradient_descent(X, y, np.zeros(n), 0.0, lr, epochs + 1)
    # Only the summation order differs (the batch is a permutation of X).
    assert_allclose(w, w_gd, rtol=1e-10, atol=1e-13)
    assert b == pytest.approx(b_gd, rel=1e-10, abs=1e-13)
    assert len(epoch_costs) == epochs
    assert_allclose(epoch_costs, costs_gd[1:], rtol=1e-10)  # J after epoch e
    assert epoch_costs[-1] == pytest.approx(compute_cost(X, y, w, b), rel=1e-12)


@pytest.mark.parametrize("m, batch_size", [(10, 1), (10, 3), (10, 5), (10, 10), (10, 25), (7, 2)])
def test_train_minibatch_one_update_per_minibatch(m, batch_size, monkeypatch):
    X, y, _, _ = _make_data(m, 2, seed=10)
    epochs = 3
    calls = []
    original = solutions.minibatches.update_parameters

    def counting_update(*args, **kwargs):
        calls.append(1)
        return original(*args, **kwargs)

    monkeypatch.setattr(solutions.minibatches, "update_parameters", counting_update)
    _, _, epoch_costs = train_minibatch(X, y, batch_size, 0.1, epochs)
    assert len(calls) == epochs * math.ceil(m / batch_size)
    assert len(epoch_costs) == epochs


@pytest.mark.parametrize("batch_size", [1, 3, 8])
def test_train_minibatch_replays_as_updates_on_make_minibatches(batch_size):
    # With the reference's own shuffle, train_minibatch is exactly: per epoch,
    # one update_parameters step per batch, with that batch's gradient.
    X, y, _, _ = _make_data(20, 3, seed=13)
    lr, epochs, seed = 0.3, 3, 5
    w, b, epoch_costs = train_minibatch(X, y, batch_size, lr, epochs, seed=seed)
    rng = np.random.default_rng(seed)
    w_k, b_k = np.zeros(3), 0.0
    for e in range(epochs):
        for X_batch, y_batch in make_minibatches(X, y, batch_size, rng):
            a = 1.0 / (1.0 + np.exp(-(X_batch @ w_k + b_k)))
            w_k = w_k - lr * X_batch.T @ (a - y_batch) / len(y_batch)
            b_k = b_k - lr * np.mean(a - y_batch)
        assert epoch_costs[e] == pytest.approx(compute_cost(X, y, w_k, b_k), rel=1e-12)
    assert_allclose(w, w_k, rtol=1e-12, atol=1e-14)
    assert b == pytest.approx(b_k, rel=1e-12, abs=1e-14)


@pytest.fixture(scope="module")
def data_64_and_optimal_cost():
    X, y, _, _ = _make_data(64, 3, seed=14)
    w_opt, b_opt, _ = gradient_descent(X, y, np.zeros(3), 0.0, 1.0 / _lipschitz(X), 3000)
    return X, y, compute_cost(X, y, w_opt, b_opt)  # J* ~0.483, against log 2 ~ 0.693 at 0


# Stochastic (1), mini-batch (8) and batch (m = 64) gradient descent, each with
# a learning rate suited to its noise: smaller batches, smaller steps.
@pytest.mark.parametrize("batch_size, learning_rate", [(1, 0.05), (8, 0.3), (64, 3.0)])
@pytest.mark.parametrize("seed", [0, 1])
def test_train_minibatch_decreases_cost(data_64_and_optimal_cost, batch_size, learning_rate, seed):
    X, y, j_opt = data_64_and_optimal_cost
    assert learning_rate < 1.0 / _lipschitz(X)
    w, b, epoch_costs = train_minibatch(X, y, batch_size, learning_rate, 40, seed=seed)
    assert len(epoch_costs) == 40
    assert epoch_costs[0] < math.log(2)  # the cost at the zero start
    assert epoch_costs[-1] < epoch_costs[0]
    assert epoch_costs[-1] - j_opt < 0.01  # and it gets near the optimum
    assert epoch_costs[-1] == pytest.approx(compute_cost(X, y, w, b), rel=1e-12)


def test_train_minibatch_deterministic_given_seed():
    X, y, _, _ = _make_data(30, 3, seed=15)
    w1, b1, c1 = train_minibatch(X, y, 4, 0.1, 5, seed=21)
    w2, b2, c2 = train_minibatch(X, y, 4, 0.1, 5, seed=21)
    w3, b3, c3 = train_minibatch(X, y, 4, 0.1, 5, seed=22)
    assert_array_equal(w1, w2)
    assert b1 == b2 and c1 == c2
    assert not np.allclose(w1, w3, rtol=1e-6, atol=0)  # other shuffles, other path
    assert inspect.signature(train_minibatch).parameters["seed"].default == 0
    assert_array_equal(train_minibatch(X, y, 4, 0.1, 5)[0], train_minibatch(X, y, 4, 0.1, 5, seed=0)[0])


# ---------------------------------------------------------------------- 10. predict


def test_predict_threshold_and_dtype():
    p = [0.1, 0.3, 0.6, 0.65, 0.75, 0.9]
    X = np.array([[_logit(q)] for q in p])
    w, b = np.array([1.0]), 0.0
    for threshold, expected in [(0.5, [0, 0, 1, 1, 1, 1]), (0.7, [0, 0, 0, 0, 1, 1]), (0.2, [0, 1, 1, 1, 1, 1])]:
        pred = predict(X, w, b, threshold=threshold)
        assert np.issubdtype(pred.dtype, np.integer)
        assert pred.shape == (len(p),)
        assert_array_equal(pred, expected)
    assert_array_equal(predict(X, w, b), [0, 0, 1, 1, 1, 1])  # default 0.5
    assert inspect.signature(predict).parameters["threshold"].default == 0.5
    # The bias shifts the logits: b = 1 lifts 0.3 (z = -0.85) above 1/2, not 0.1 (z = -2.2).
    assert_array_equal(predict(X, w, 1.0), [0, 1, 1, 1, 1, 1])


def test_predict_probability_equal_to_threshold_is_one():
    # The docstring's rule is sigma(z) >= threshold; sigma(0) is exactly 0.5.
    assert_array_equal(predict(np.zeros((3, 2)), np.array([1.0, 2.0]), 0.0), [1, 1, 1])


@pytest.mark.parametrize("threshold", [0.2, 0.5, 0.7, 0.95])
@pytest.mark.parametrize("m, n", [(1, 1), (7, 3), (50, 4)])
def test_predict_consistent_with_sigmoid(m, n, threshold):
    X, _, w, b = _make_data(m, n, seed=16)
    pred = predict(X, w, b, threshold)
    assert set(np.unique(pred)) <= {0, 1}
    assert np.issubdtype(pred.dtype, np.integer) and pred.shape == (m,)
    assert_array_equal(pred, (sigmoid(X @ w + b) >= threshold).astype(int))


# ---------------------------------------------------- 11. against scikit-learn's optimum

BREAST_CANCER_COLUMNS = [(0, 1), (0, 1, 4)]  # (mean radius, mean texture[, mean smoothness])


def _unpenalized_logistic_regression():
    # scikit-learn 1.8 deprecated penalty=None in favour of C=np.inf.
    major, minor = (int(p) for p in sklearn.__version__.split(".")[:2])
    no_penalty = {"C": np.inf} if (major, minor) >= (1, 8) else {"penalty": None}
    return LogisticRegression(**no_penalty, tol=1e-12, max_iter=10000)


@pytest.fixture(scope="module")
def breast_cancer():
    X, y = load_breast_cancer(return_X_y=True)
    return X, y.astype(np.float64)


def _standardized(X, columns):
    Xc = X[:, list(columns)]
    return (Xc - Xc.mean(axis=0)) / Xc.std(axis=0)


@pytest.mark.parametrize("columns", BREAST_CANCER_COLUMNS)
def test_gradient_descent_reaches_sklearn_optimum(breast_cancer, columns):
    X, y = breast_cancer
    Xs = _standardized(X, columns)
    clf = _unpenalized_logistic_regression().fit(Xs, y)
    coef, intercept = clf.coef_[0], clf.intercept_[0]
    sk_cost = sklearn_log_loss(y, clf.predict_proba(Xs)[:, 1])

    # The data are not linearly separable: the optimum is finite, so it is a
    # stationary point with a cost well above 0 and misclassified examples.
    _, dw_opt, db_opt = cost_and_gradients(Xs, y, coef, intercept)
    assert np.max(np.abs(np.append(dw_opt, db_opt))) < 1e-8
    assert sk_cost > 0.1 and np.mean(clf.predict(Xs) != y) > 0.05

    # Learning rate 5 is below 2/L for these standardized columns
    # (L <= 0.25 * max eigenvalue of the covariance with the intercept).
    assert 5.0 < 2.0 / _lipschitz(Xs)
    w, b, costs = gradient_descent(Xs, y, np.zeros(len(columns)), 0.0, 5.0, 1500)
    assert_allclose(w, coef, rtol=0, atol=1e-4)
    assert b == pytest.approx(intercept, abs=1e-4)
    final_cost = compute_cost(Xs, y, w, b)
    assert final_cost == pytest.approx(sk_cost, abs=1e-10)
    assert costs[-1] == pytest.approx(sk_cost, abs=1e-10)
    assert costs[0] == pytest.approx(math.log(2), rel=1e-15)
    assert_array_equal(predict(Xs, w, b), clf.predict(Xs))

    w_m, b_m, costs_m = train_momentum(Xs, y, 5.0, 1500, beta=0.9)
    assert_allclose(w_m, coef, rtol=0, atol=1e-4)
    assert b_m == pytest.approx(intercept, abs=1e-4)
    assert compute_cost(Xs, y, w_m, b_m) == pytest.approx(sk_cost, abs=1e-10)


# ------------------------------------------------------------- 12. gradient_check


def test_relative_error_both_zero_is_zero_without_warning():
    with _strict():
        assert relative_error(0.0, 0.0) == 0.0
        assert relative_error(np.zeros(3), np.zeros(3)) == 0.0
        assert relative_error(np.array([0.0, 1.0]), np.array([0.0, 1.0])) == 0.0
        assert relative_error(np.array([0.0, 1.0]), np.array([0.0, 1.1])) == pytest.approx(0.1 / 2.1, rel=1e-14)


@pytest.mark.parametrize("g", [1e-12, 0.3, 5.0, -2.0, np.array([1.0, -3.0, 0.5])])
def test_relative_error_opposite_signs_is_one(g):
    assert relative_error(g, -g) == pytest.approx(1.0, rel=1e-15)


def test_relative_error_scalars_and_max():
    err = relative_error(1.0, 1.1)
    assert isinstance(err, float)
    assert err == pytest.approx(0.1 / 2.1, rel=1e-14)
    assert relative_error(1.1, 1.0) == err  # symmetric
    assert relative_error(2.0, 2.0) == 0.0
    assert relative_error(np.float64(3.0), 3.0) == 0.0
    # The largest elementwise error, not an average.
    assert relative_error(np.array([1.0, 1.0, 0.0]), np.array([1.0, 1.0, 4.0])) == 1.0
    assert relative_error(np.ones((2, 2)), np.array([[1.0, 1.0], [1.0, 3.0]])) == pytest.approx(0.5, rel=1e-15)


def test_gradient_check_right_and_wrong_gradients():
    theta = np.array([0.3, -1.2, 2.0, 0.7])

    def f(t):
        return float(np.sum(np.sin(t) * t**2))

    def grad(t):
        return np.cos(t) * t**2 + 2 * t * np.sin(t)

    assert gradient_check(f, grad, theta) < RIGHT
    assert gradient_check(f, lambda t: -grad(t), theta) > WRONG  # sign flipped
    assert gradient_check(f, lambda t: 2 * grad(t), theta) > WRONG  # off by 2
    assert gradient_check(f, lambda t: np.cos(t) * t**2, theta) > WRONG  # a term missing
    theta_copy = theta.copy()
    gradient_check(f, grad, theta)
    assert_array_equal(theta, theta_copy)


def test_numerical_gradient_matches_independent_difference():
    X, y, w, b = _make_data(50, 4, seed=17)

    def cost(t):
        return compute_cost(X, y, t, b)

    assert_allclose(numerical_gradient(cost, w), _central_difference(cost, w), rtol=1e-7, atol=1e-9)


@pytest.mark.parametrize("z_scale", [50.0, 400.0])
def test_cost_and_gradient_agree_where_sigma_saturates(z_scale):
    # Confidently wrong examples, |z| far past 37: the cost is computed from z, so it keeps
    # its slope and the analytic gradient still matches central differences.
    X = np.array([[1.0], [-1.0]]) * z_scale
    y, w, b = np.array([0.0, 1.0]), np.array([1.0]), 0.0
    with _strict(under="ignore"):
        assert compute_cost(X, y, w, b) == pytest.approx(z_scale, rel=1e-12)
        numeric = numerical_gradient(lambda t: compute_cost(X, y, t, b), w)
        assert relative_error(cost_and_gradients(X, y, w, b)[1], numeric) < RIGHT
