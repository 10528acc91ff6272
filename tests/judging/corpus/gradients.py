"""example_gradients, update_parameters and the cost and gradient of m examples, as students write them."""

import math

import numpy as np

from . import right, wrong


def _sigmoid(z):
    return 1 / (1 + np.exp(-z))


@wrong("example_gradients", "example_y_minus_a")
def example_sign(x1, x2, y, w1, w2, b):
    a = _sigmoid(w1 * x1 + w2 * x2 + b)
    return (y - a) * x1, (y - a) * x2, y - a


@wrong("example_gradients", "example_used_z")
def example_no_sigmoid(x1, x2, y, w1, w2, b):
    z = w1 * x1 + w2 * x2 + b
    return (z - y) * x1, (z - y) * x2, z - y


@wrong("example_gradients", "example_db_times_x")
def example_db_x1(x1, x2, y, w1, w2, b):
    a = _sigmoid(w1 * x1 + w2 * x2 + b)
    return (a - y) * x1, (a - y) * x2, (a - y) * x1


@wrong("example_gradients", "example_swapped_features")
def example_swapped(x1, x2, y, w1, w2, b):
    a = _sigmoid(w1 * x1 + w2 * x2 + b)
    return (a - y) * x2, (a - y) * x1, a - y


@wrong("example_gradients", "example_dw_without_x")
def example_dw1_without_x1(x1, x2, y, w1, w2, b):
    a = _sigmoid(w1 * x1 + w2 * x2 + b)
    return a - y, (a - y) * x2, a - y


@wrong("example_gradients", "example_used_dLda")
def example_dLda(x1, x2, y, w1, w2, b):
    a = _sigmoid(w1 * x1 + w2 * x2 + b)
    g = -y / a + (1 - y) / (1 - a)
    return g * x1, g * x2, g


@wrong("example_gradients", "malformed")
def example_two_values(x1, x2, y, w1, w2, b):
    a = _sigmoid(w1 * x1 + w2 * x2 + b)
    return (a - y) * x1, (a - y) * x2


@right("example_gradients")
def example_math(x1, x2, y, w1, w2, b):
    a = 1 / (1 + math.exp(-(w1 * x1 + w2 * x2 + b)))
    dz = a - y
    return dz * x1, dz * x2, dz


@right("example_gradients")
def example_vector(x1, x2, y, w1, w2, b):
    x, w = np.array([x1, x2]), np.array([w1, w2])
    dz = _sigmoid(x @ w + b) - y
    dw = dz * x
    return dw[0], dw[1], dz


@right("example_gradients")
def example_chain_rule(x1, x2, y, w1, w2, b):
    a = _sigmoid(w1 * x1 + w2 * x2 + b)
    dL_da = -y / a + (1 - y) / (1 - a)
    dz = dL_da * a * (1 - a)
    return [dz * x1, dz * x2, dz * 1.0]


@wrong("update_parameters", "gradient_ascent")
def update_plus(w, b, dw, db, learning_rate):
    return w + learning_rate * dw, b + learning_rate * db


@wrong("update_parameters", "no_learning_rate")
def update_no_rate(w, b, dw, db, learning_rate):
    return w - dw, b - db


@wrong("update_parameters", "mutates_input")
def update_in_place(w, b, dw, db, learning_rate):
    w -= learning_rate * dw
    b -= learning_rate * db
    return w, b


@wrong("update_parameters", "learning_rate_divides")
def update_divides(w, b, dw, db, learning_rate):
    return w - dw / learning_rate, b - db / learning_rate


@wrong("update_parameters", "returned_gradients")
def update_returns_step(w, b, dw, db, learning_rate):
    return learning_rate * dw, learning_rate * db


@wrong("update_parameters", "b_not_updated")
def update_b_forgotten(w, b, dw, db, learning_rate):
    return w - learning_rate * dw, b


@wrong("update_parameters", "wrong_value")
def update_half_step_for_b(w, b, dw, db, learning_rate):
    return w - learning_rate * dw, b - learning_rate * db / 2 + 0.01


@right("update_parameters")
def update_loop(w, b, dw, db, learning_rate):
    new_w = w.copy()
    for j in range(len(w)):
        new_w[j] = w[j] - learning_rate * dw[j]
    return new_w, float(b - learning_rate * db)


@right("update_parameters")
def update_numpy(w, b, dw, db, learning_rate):
    return np.subtract(w, np.multiply(learning_rate, dw)), np.float64(b) - learning_rate * db


@wrong("compute_cost", "ignores_bias")
def compute_cost_without_b(X, y, w, b):
    a = _sigmoid(X @ w)
    return float(-np.mean(y * np.log(a) + (1 - y) * np.log(1 - a)))


@wrong("gradients_loop", "ignores_bias")
def gradients_loop_without_b(X, y, w, b):
    dw, db = np.zeros(X.shape[1]), 0.0
    for i in range(X.shape[0]):
        dz = _sigmoid(X[i] @ w) - y[i]
        dw += dz * X[i]
        db += dz
    return dw / X.shape[0], db / X.shape[0]


@wrong("cost_and_gradients", "ignores_bias")
def cost_and_gradients_without_b(X, y, w, b):
    a = _sigmoid(X @ w)
    return float(-np.mean(y * np.log(a) + (1 - y) * np.log(1 - a))), X.T @ (a - y) / len(y), float(np.mean(a - y))


@wrong("predict", "ignores_bias")
def predict_without_b(X, w, b, threshold=0.5):
    return (_sigmoid(X @ w) >= threshold).astype(int)


@wrong("compute_cost", "missing_1_over_m")
def cost_sum(X, y, w, b):
    total = 0.0
    for i in range(X.shape[0]):
        a = _sigmoid(X[i] @ w + b)
        total += -(y[i] * np.log(a) + (1 - y[i]) * np.log(1 - a))
    return total


@wrong("compute_cost", "opposite_sign")
def cost_no_minus(X, y, w, b):
    a = _sigmoid(X @ w + b)
    return np.mean(y * np.log(a) + (1 - y) * np.log(1 - a))


@wrong("compute_cost", "cost_y_swapped")
def cost_swapped(X, y, w, b):
    a = _sigmoid(X @ w + b)
    return -np.mean((1 - y) * np.log(a) + y * np.log(1 - a))


@wrong("compute_cost", "cost_squared_error")
def cost_mse(X, y, w, b):
    return np.mean((_sigmoid(X @ w + b) - y) ** 2)


@wrong("compute_cost", "cost_last_example")
def cost_indent(X, y, w, b):
    m = X.shape[0]
    for i in range(m):
        a = _sigmoid(X[i] @ w + b)
        loss = -(y[i] * np.log(a) + (1 - y[i]) * np.log(1 - a))
    return loss / m


@wrong("compute_cost", "cost_divides_by_n")
def cost_over_n(X, y, w, b):
    a = _sigmoid(X @ w + b)
    return -np.sum(y * np.log(a) + (1 - y) * np.log(1 - a)) / X.shape[1]


@right("compute_cost")
def cost_loop(X, y, w, b):
    m, n = X.shape
    J = 0.0
    for i in range(m):
        z = b
        for j in range(n):
            z += w[j] * X[i, j]
        a = 1 / (1 + math.exp(-z))
        J += -(y[i] * math.log(a) + (1 - y[i]) * math.log(1 - a))
    return J / m


@right("compute_cost")
def cost_logaddexp(X, y, w, b):
    z = np.dot(X, w) + b
    return float(np.mean(np.logaddexp(0, z) - y * z))


@wrong("gradients_loop", "missing_1_over_m")
def grad_loop_sum(X, y, w, b):
    dw, db = np.zeros(X.shape[1]), 0.0
    for i in range(X.shape[0]):
        dz = _sigmoid(X[i] @ w + b) - y[i]
        dw += dz * X[i]
        db += dz
    return dw, db


@wrong("gradients_loop", "opposite_sign")
def grad_loop_sign(X, y, w, b):
    m = X.shape[0]
    dw, db = np.zeros(X.shape[1]), 0.0
    for i in range(m):
        dz = y[i] - _sigmoid(X[i] @ w + b)
        dw += dz * X[i] / m
        db += dz / m
    return dw, db


@wrong("gradients_loop", "grad_last_example")
def grad_loop_overwrite(X, y, w, b):
    m = X.shape[0]
    for i in range(m):
        dz = _sigmoid(X[i] @ w + b) - y[i]
        dw = dz * X[i]
        db = dz
    return dw / m, db / m


@wrong("gradients_loop", "grad_used_z")
def grad_loop_no_sigmoid(X, y, w, b):
    m = X.shape[0]
    dw, db = np.zeros(X.shape[1]), 0.0
    for i in range(m):
        dz = X[i] @ w + b - y[i]
        dw += dz * X[i]
        db += dz
    return dw / m, db / m


@wrong("gradients_loop", "same_values_other_shape")
def grad_loop_column(X, y, w, b):
    m = X.shape[0]
    dw, db = np.zeros((X.shape[1], 1)), 0.0
    for i in range(m):
        dz = _sigmoid(X[i] @ w + b) - y[i]
        dw += dz * X[i].reshape(-1, 1)
        db += dz
    return dw / m, db / m


@right("gradients_loop")
def grad_loop_double(X, y, w, b):
    m, n = X.shape
    dw, db = [0.0] * n, 0.0
    for i in range(m):
        z = sum(w[j] * X[i, j] for j in range(n)) + b
        dz = 1 / (1 + math.exp(-z)) - y[i]
        for j in range(n):
            dw[j] += dz * X[i, j] / m
        db += dz / m
    return np.array(dw), db


@right("gradients_loop")
def grad_loop_vectorized_anyway(X, y, w, b):
    dz = _sigmoid(X @ w + b) - y
    return np.dot(X.T, dz) / len(y), np.mean(dz)


@wrong("cost_and_gradients", "missing_1_over_m")
def cag_no_mean(X, y, w, b):
    a = _sigmoid(X @ w + b)
    cost = -np.mean(y * np.log(a) + (1 - y) * np.log(1 - a))
    return cost, X.T @ (a - y), np.sum(a - y)


@wrong("cost_and_gradients", "shape_mismatch")
def cag_no_transpose(X, y, w, b):
    a = _sigmoid(X @ w + b)
    cost = -np.mean(y * np.log(a) + (1 - y) * np.log(1 - a))
    return cost, X @ (a - y) / len(y), np.mean(a - y)


@wrong("cost_and_gradients", "opposite_sign")
def cag_sign_db(X, y, w, b):
    a = _sigmoid(X @ w + b)
    cost = -np.mean(y * np.log(a) + (1 - y) * np.log(1 - a))
    return cost, X.T @ (a - y) / len(y), np.mean(y - a)


@wrong("cost_and_gradients", "cost_y_swapped")
def cag_cost_swapped(X, y, w, b):
    a = _sigmoid(X @ w + b)
    cost = -np.mean((1 - y) * np.log(a) + y * np.log(1 - a))
    return cost, X.T @ (a - y) / len(y), np.mean(a - y)


@wrong("cost_and_gradients", "malformed")
def cag_no_cost(X, y, w, b):
    a = _sigmoid(X @ w + b)
    return X.T @ (a - y) / len(y), np.mean(a - y)


@right("cost_and_gradients")
def cag_matmul(X, y, w, b):
    m = X.shape[0]
    a = _sigmoid(X @ w + b)
    cost = -(y @ np.log(a) + (1 - y) @ np.log(1 - a)) / m
    return cost, (X.T @ (a - y)) / m, np.sum(a - y) / m


@right("cost_and_gradients")
def cag_einsum(X, y, w, b):
    z = np.einsum("ij,j->i", X, w) + b
    a = _sigmoid(z)
    dz = a - y
    return float(np.mean(np.logaddexp(0, z) - y * z)), np.einsum("ij,i->j", X, dz) / len(y), float(dz.mean())


@wrong("compute_cost", "factor_half")
def cost_half_like_linear_regression(X, y, w, b):
    a = _sigmoid(X @ w + b)
    return -np.sum(y * np.log(a) + (1 - y) * np.log(1 - a)) / (2 * X.shape[0])


@wrong("gradients_loop", "grad_divides_by_n")
def grad_loop_over_n(X, y, w, b):
    dz = _sigmoid(X @ w + b) - y
    return X.T @ dz / X.shape[1], np.sum(dz) / X.shape[1]


@wrong("gradients_loop", "extra_1_over_m")
def grad_loop_divides_twice(X, y, w, b):
    m = X.shape[0]
    dw, db = np.zeros(X.shape[1]), 0.0
    for i in range(m):
        dz = _sigmoid(X[i] @ w + b) - y[i]
        dw += dz * X[i] / m
        db += dz / m
    return dw / m, db / m


@wrong("cost_and_gradients", "grad_used_z")
def cag_no_sigmoid_in_gradient(X, y, w, b):
    z = X @ w + b
    a = _sigmoid(z)
    cost = -np.mean(y * np.log(a) + (1 - y) * np.log(1 - a))
    return cost, X.T @ (z - y) / len(y), np.mean(z - y)


@wrong("cost_and_gradients", "cost_squared_error")
def cag_mse_cost(X, y, w, b):
    a = _sigmoid(X @ w + b)
    return np.mean((a - y) ** 2), X.T @ (a - y) / len(y), np.mean(a - y)


# The cost's real mistakes (see real_gradients.py for the students who made them), in the other cost functions.

@wrong("compute_cost", "cost_second_term_sign")
def cost_minus_on_first_term_only(X, y, w, b):
    total = 0.0
    for i in range(len(y)):
        a = 1 / (1 + np.exp(-(X[i] @ w + b)))
        total += -y[i] * np.log(a) + (1 - y[i]) * np.log(1 - a)
    return total / len(y)


@wrong("compute_cost", "cost_outer_product")
def cost_column_times_row(X, y, w, b):
    a = (1 / (1 + np.exp(-(X @ w + b)))).reshape(1, -1)
    Y = y.reshape(-1, 1)
    return float(-np.sum(Y * np.log(a) + (1 - Y) * np.log(1 - a)) / len(y))


@wrong("cost_and_gradients", "cost_second_term_sign")
def cag_minus_on_first_term_only(X, y, w, b):
    a = 1 / (1 + np.exp(-(X @ w + b)))
    cost = np.mean(-y * np.log(a) + (1 - y) * np.log(1 - a))
    return cost, X.T @ (a - y) / len(y), np.mean(a - y)


@wrong("cost_and_gradients", "cost_ignores_labels")
def cag_labels_ignored(X, y, w, b):
    a = 1 / (1 + np.exp(-(X @ w + b)))
    return np.mean(-np.log(a)), X.T @ (a - y) / len(y), np.mean(a - y)
