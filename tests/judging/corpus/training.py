"""gradient_descent, predict, mini-batches and momentum, as students write them."""

import numpy as np

from . import right, wrong


def _sigmoid(z):
    return 1 / (1 + np.exp(-z))


def _cost_grads(X, y, w, b):
    m = X.shape[0]
    a = _sigmoid(X @ w + b)
    cost = -np.mean(y * np.log(a) + (1 - y) * np.log(1 - a))
    return cost, X.T @ (a - y) / m, np.mean(a - y)


# --- gradient_descent ---------------------------------------------------------------------------

@wrong("gradient_descent", "costs_after_update")
def gd_cost_after(X, y, w, b, learning_rate, num_iterations):
    costs = []
    for _ in range(num_iterations):
        _, dw, db = _cost_grads(X, y, w, b)
        w, b = w - learning_rate * dw, b - learning_rate * db
        costs.append(_cost_grads(X, y, w, b)[0])
    return w, b, costs


@wrong("gradient_descent", "costs_extra")
def gd_cost_extra(X, y, w, b, learning_rate, num_iterations):
    costs = []
    for _ in range(num_iterations):
        cost, dw, db = _cost_grads(X, y, w, b)
        costs.append(cost)
        w, b = w - learning_rate * dw, b - learning_rate * db
    costs.append(_cost_grads(X, y, w, b)[0])
    return w, b, costs


@wrong("gradient_descent", "gd_ascent")
def gd_plus(X, y, w, b, learning_rate, num_iterations):
    costs = []
    for _ in range(num_iterations):
        cost, dw, db = _cost_grads(X, y, w, b)
        costs.append(cost)
        w, b = w + learning_rate * dw, b + learning_rate * db
    return w, b, costs


@wrong("gradient_descent", "gd_non_simultaneous")
def gd_sequential(X, y, w, b, learning_rate, num_iterations):
    costs = []
    for _ in range(num_iterations):
        cost, dw, _ = _cost_grads(X, y, w, b)
        costs.append(cost)
        w = w - learning_rate * dw
        _, _, db = _cost_grads(X, y, w, b)  # db at the new w
        b = b - learning_rate * db
    return w, b, costs


@wrong("gradient_descent", "mutates_input")
def gd_in_place(X, y, w, b, learning_rate, num_iterations):
    costs = []
    for _ in range(num_iterations):
        cost, dw, db = _cost_grads(X, y, w, b)
        costs.append(cost)
        w -= learning_rate * dw
        b -= learning_rate * db
    return w, b, costs


@wrong("gradient_descent", "gd_ignores_start")
def gd_from_zero(X, y, w, b, learning_rate, num_iterations):
    w, b, costs = np.zeros(X.shape[1]), 0.0, []
    for _ in range(num_iterations):
        cost, dw, db = _cost_grads(X, y, w, b)
        costs.append(cost)
        w, b = w - learning_rate * dw, b - learning_rate * db
    return w, b, costs


@wrong("gradient_descent", "wrong_value")
def gd_one_step_only(X, y, w, b, learning_rate, num_iterations):
    cost, dw, db = _cost_grads(X, y, w, b)
    return w - learning_rate * dw, b - learning_rate * db, [cost] * num_iterations


@right("gradient_descent")
def gd_copy_in_place(X, y, w, b, learning_rate, num_iterations):
    w = np.array(w, dtype=float)  # a private copy may be updated in place
    costs = np.zeros(num_iterations)
    for i in range(num_iterations):
        costs[i], dw, db = _cost_grads(X, y, w, b)
        w -= learning_rate * dw
        b -= learning_rate * db
    return w, b, costs


@right("gradient_descent")
def gd_stacked_theta(X, y, w, b, learning_rate, num_iterations):
    Xb = np.hstack([X, np.ones((X.shape[0], 1))])
    theta = np.append(w, b)
    costs = []
    for _ in range(num_iterations):
        a = _sigmoid(Xb @ theta)
        costs.append(float(-np.mean(y * np.log(a) + (1 - y) * np.log(1 - a))))
        theta = theta - learning_rate * Xb.T @ (a - y) / len(y)
    return theta[:-1], theta[-1], costs


# --- predict --------------------------------------------------------------------------------------

@wrong("predict", "predict_inverted")
def predict_inverted(X, w, b, threshold=0.5):
    return (_sigmoid(X @ w + b) < threshold).astype(int)


@wrong("predict", "predict_probabilities")
def predict_probabilities(X, w, b, threshold=0.5):
    return _sigmoid(X @ w + b)


@wrong("predict", "predict_ignores_threshold")
def predict_half(X, w, b, threshold=0.5):
    return (_sigmoid(X @ w + b) >= 0.5).astype(int)


@wrong("predict", "predict_threshold_on_z")
def predict_on_z(X, w, b, threshold=0.5):
    return (X @ w + b >= threshold).astype(int)


@right("predict")
def predict_where(X, w, b, threshold=0.5):
    return np.where(_sigmoid(np.dot(X, w) + b) > threshold, 1, 0)


@right("predict")
def predict_bool_loop(X, w, b, threshold=0.5):
    return np.array([int(_sigmoid(x @ w + b) >= threshold) for x in X])


# --- make_minibatches -----------------------------------------------------------------------------

def _split(X, y, order, batch_size):
    return [(X[order[k:k + batch_size]], y[order[k:k + batch_size]]) for k in range(0, len(order), batch_size)]


@wrong("make_minibatches", "misaligned")
def batches_two_permutations(X, y, batch_size, rng):
    Xs, ys = X[rng.permutation(len(X))], y[rng.permutation(len(y))]
    return [(Xs[k:k + batch_size], ys[k:k + batch_size]) for k in range(0, len(X), batch_size)]


@wrong("make_minibatches", "not_partition")
def batches_with_replacement(X, y, batch_size, rng):
    return _split(X, y, rng.integers(0, len(X), size=len(X)), batch_size)


@wrong("make_minibatches", "dropped_last")
def batches_drop_last(X, y, batch_size, rng):
    order = rng.permutation(len(X))
    return [(X[order[k:k + batch_size]], y[order[k:k + batch_size]])
            for k in range(0, len(X) - batch_size + 1, batch_size)]


@wrong("make_minibatches", "not_shuffled")
def batches_in_order(X, y, batch_size, rng):
    return _split(X, y, np.arange(len(X)), batch_size)


@wrong("make_minibatches", "ignores_rng")
def batches_global_random(X, y, batch_size, rng):
    return _split(X, y, np.random.permutation(len(X)), batch_size)


@wrong("make_minibatches", "ignores_rng")
def batches_own_seed(X, y, batch_size, rng):
    return _split(X, y, np.random.default_rng(0).permutation(len(X)), batch_size)


@wrong("make_minibatches", "mutates_input")
def batches_shuffle_in_place(X, y, batch_size, rng):
    order = rng.permutation(len(X))
    X[:], y[:] = X[order], y[order]
    return [(X[k:k + batch_size].copy(), y[k:k + batch_size].copy()) for k in range(0, len(X), batch_size)]


@wrong("make_minibatches", "wrong_shape")
def batches_column_labels(X, y, batch_size, rng):
    order = rng.permutation(len(X))
    return [(X[idx], y[idx].reshape(-1, 1)) for idx in np.array_split(order, range(batch_size, len(X), batch_size))]


@wrong("make_minibatches", "rows_changed")
def batches_permuted_columns(X, y, batch_size, rng):
    data = rng.permuted(np.column_stack([X, y]), axis=0)  # shuffles each column on its own
    return [(data[k:k + batch_size, :-1], data[k:k + batch_size, -1]) for k in range(0, len(y), batch_size)]


@wrong("make_minibatches", "batch_sizes")
def batches_equal_split(X, y, batch_size, rng):
    order = rng.permutation(len(X))
    return [(X[idx], y[idx]) for idx in np.array_split(order, int(np.ceil(len(X) / batch_size)))]


@right("make_minibatches")
def batches_permutation(X, y, batch_size, rng):
    return _split(X, y, rng.permutation(X.shape[0]), batch_size)


@right("make_minibatches")
def batches_shuffle_indices(X, y, batch_size, rng):
    idx = np.arange(len(y))
    rng.shuffle(idx)
    return [(X[idx[k:k + batch_size]], y[idx[k:k + batch_size]]) for k in range(0, len(y), batch_size)]


@right("make_minibatches")
def batches_joint_shuffle(X, y, batch_size, rng):
    data = np.column_stack([X, y])  # shuffle X and y together, as one array
    data = rng.permutation(data, axis=0)
    out = []
    for k in range(0, len(data), batch_size):
        chunk = data[k:k + batch_size]
        out.append((chunk[:, :-1], chunk[:, -1]))
    return out


@right("make_minibatches")
def batches_choice(X, y, batch_size, rng):
    order = rng.choice(len(X), size=len(X), replace=False)
    n_batches = -(-len(X) // batch_size)
    return tuple((X[order[i * batch_size:(i + 1) * batch_size]], y[order[i * batch_size:(i + 1) * batch_size]])
                 for i in range(n_batches))


# --- train_minibatch ------------------------------------------------------------------------------

def _train(X, y, batch_size, learning_rate, epochs, seed, per_epoch=None, start=None, cost_on=None, summed=False):
    """A student's training loop, with switches for the usual mistakes."""
    rng = np.random.default_rng(seed)
    w, b = (np.zeros(X.shape[1]), 0.0) if start is None else start(X.shape[1])
    epoch_costs = []
    for _ in range(epochs):
        order = rng.permutation(len(y))
        batches = _split(X, y, order, batch_size)
        if per_epoch:
            batches = batches[:1] if per_epoch == "first" else [(X, y)]
        for Xb, yb in batches:
            _, dw, db = _cost_grads(Xb, yb, w, b)
            scale = len(yb) if summed else 1
            w, b = w - learning_rate * scale * dw, b - learning_rate * scale * db
        epoch_costs.append(_cost_grads(*(cost_on(Xb, yb) if cost_on else (X, y)), w, b)[0])
    return w, b, epoch_costs


@wrong("train_minibatch", "one_update_per_epoch")
def train_one_update(X, y, batch_size, learning_rate, epochs, seed=0):
    return _train(X, y, batch_size, learning_rate, epochs, seed, per_epoch="full")


@wrong("train_minibatch", "batch_gradient_summed")
def train_summed(X, y, batch_size, learning_rate, epochs, seed=0):
    return _train(X, y, batch_size, learning_rate, epochs, seed, summed=True)


@wrong("train_minibatch", "nonzero_start")
def train_random_start(X, y, batch_size, learning_rate, epochs, seed=0):
    return _train(X, y, batch_size, learning_rate, epochs, seed, start=lambda n: (np.full(n, 0.01), 0.0))


@wrong("train_minibatch", "epoch_cost_not_whole_set")
def train_cost_last_batch(X, y, batch_size, learning_rate, epochs, seed=0):
    return _train(X, y, batch_size, learning_rate, epochs, seed, cost_on=lambda Xb, yb: (Xb, yb))


@wrong("train_minibatch", "not_reproducible")
def train_unseeded(X, y, batch_size, learning_rate, epochs, seed=0):
    return _train(X, y, batch_size, learning_rate, epochs, None)


@wrong("train_minibatch", "epoch_costs_before")
def train_cost_before(X, y, batch_size, learning_rate, epochs, seed=0):
    rng = np.random.default_rng(seed)
    w, b, epoch_costs = np.zeros(X.shape[1]), 0.0, []
    for _ in range(epochs):
        epoch_costs.append(_cost_grads(X, y, w, b)[0])
        for Xb, yb in _split(X, y, rng.permutation(len(y)), batch_size):
            _, dw, db = _cost_grads(Xb, yb, w, b)
            w, b = w - learning_rate * dw, b - learning_rate * db
    return w, b, epoch_costs


@wrong("train_minibatch", "wrong_length")
def train_cost_per_update(X, y, batch_size, learning_rate, epochs, seed=0):
    rng = np.random.default_rng(seed)
    w, b, costs = np.zeros(X.shape[1]), 0.0, []
    for _ in range(epochs):
        for Xb, yb in _split(X, y, rng.permutation(len(y)), batch_size):
            _, dw, db = _cost_grads(Xb, yb, w, b)
            w, b = w - learning_rate * dw, b - learning_rate * db
            costs.append(_cost_grads(X, y, w, b)[0])
    return w, b, costs


@wrong("train_minibatch", "wrong_default")
def train_seed_default(X, y, batch_size, learning_rate, epochs, seed=42):
    return _train(X, y, batch_size, learning_rate, epochs, seed)


@wrong("train_minibatch", "full_gradient_per_update")
def train_whole_set_gradient(X, y, batch_size, learning_rate, epochs, seed=0):
    rng = np.random.default_rng(seed)
    w, b, epoch_costs = np.zeros(X.shape[1]), 0.0, []
    for _ in range(epochs):
        for _batch in _split(X, y, rng.permutation(len(y)), batch_size):
            _, dw, db = _cost_grads(X, y, w, b)  # the whole set, not the batch
            w, b = w - learning_rate * dw, b - learning_rate * db
        epoch_costs.append(_cost_grads(X, y, w, b)[0])
    return w, b, epoch_costs


@wrong("train_minibatch", "same_order_every_epoch")
def train_rng_every_epoch(X, y, batch_size, learning_rate, epochs, seed=0):
    w, b, epoch_costs = np.zeros(X.shape[1]), 0.0, []
    for _ in range(epochs):
        rng = np.random.default_rng(seed)  # the same shuffle every epoch
        for Xb, yb in _split(X, y, rng.permutation(len(y)), batch_size):
            _, dw, db = _cost_grads(Xb, yb, w, b)
            w, b = w - learning_rate * dw, b - learning_rate * db
        epoch_costs.append(_cost_grads(X, y, w, b)[0])
    return w, b, epoch_costs


@wrong("train_minibatch", "same_order_every_epoch")
def train_shuffle_once(X, y, batch_size, learning_rate, epochs, seed=0):
    order = np.random.default_rng(seed).permutation(len(y))  # shuffled once, before all epochs
    w, b, epoch_costs = np.zeros(X.shape[1]), 0.0, []
    for _ in range(epochs):
        for Xb, yb in _split(X, y, order, batch_size):
            _, dw, db = _cost_grads(Xb, yb, w, b)
            w, b = w - learning_rate * dw, b - learning_rate * db
        epoch_costs.append(_cost_grads(X, y, w, b)[0])
    return w, b, epoch_costs


@right("train_minibatch")
def train_plain(X, y, batch_size, learning_rate, epochs, seed=0):
    return _train(X, y, batch_size, learning_rate, epochs, seed)


@right("train_minibatch")
def train_shuffle_in_place_copy(X, y, batch_size, learning_rate, epochs, seed=0):
    rng = np.random.default_rng(seed)
    data = np.column_stack([X, y])  # a copy, shuffled in place each epoch
    w, b, epoch_costs = np.zeros(X.shape[1]), 0, []
    for _ in range(epochs):
        rng.shuffle(data)
        for k in range(0, len(data), batch_size):
            Xb, yb = data[k:k + batch_size, :-1], data[k:k + batch_size, -1]
            err = _sigmoid(Xb @ w + b) - yb
            w = w - learning_rate * (Xb.T @ err) / len(yb)
            b = b - learning_rate * err.mean()
        epoch_costs.append(_cost_grads(X, y, w, b)[0])
    return w, b, np.array(epoch_costs)


# --- momentum -------------------------------------------------------------------------------------

@wrong("momentum_update", "momentum_missing_1_minus_beta")
def momentum_no_damping(w, b, dw, db, v_w, v_b, learning_rate, beta=0.9):
    v_w, v_b = beta * v_w + dw, beta * v_b + db
    return w - learning_rate * v_w, b - learning_rate * v_b, v_w, v_b


@wrong("momentum_update", "momentum_beta_swapped")
def momentum_swapped(w, b, dw, db, v_w, v_b, learning_rate, beta=0.9):
    v_w, v_b = (1 - beta) * v_w + beta * dw, (1 - beta) * v_b + beta * db
    return w - learning_rate * v_w, b - learning_rate * v_b, v_w, v_b


@wrong("momentum_update", "momentum_steps_with_gradient")
def momentum_unused(w, b, dw, db, v_w, v_b, learning_rate, beta=0.9):
    v_w, v_b = beta * v_w + (1 - beta) * dw, beta * v_b + (1 - beta) * db
    return w - learning_rate * dw, b - learning_rate * db, v_w, v_b


@wrong("momentum_update", "momentum_steps_with_old_velocity")
def momentum_old_v(w, b, dw, db, v_w, v_b, learning_rate, beta=0.9):
    new_w, new_b = w - learning_rate * v_w, b - learning_rate * v_b
    return new_w, new_b, beta * v_w + (1 - beta) * dw, beta * v_b + (1 - beta) * db


@wrong("momentum_update", "mutates_input")
def momentum_in_place(w, b, dw, db, v_w, v_b, learning_rate, beta=0.9):
    v_w *= beta
    v_w += (1 - beta) * dw
    v_b = beta * v_b + (1 - beta) * db
    return w - learning_rate * v_w, b - learning_rate * v_b, v_w, v_b


@wrong("momentum_update", "wrong_default")
def momentum_default_099(w, b, dw, db, v_w, v_b, learning_rate, beta=0.99):
    v_w, v_b = beta * v_w + (1 - beta) * dw, beta * v_b + (1 - beta) * db
    return w - learning_rate * v_w, b - learning_rate * v_b, v_w, v_b


@right("momentum_update")
def momentum_plain(w, b, dw, db, v_w, v_b, learning_rate, beta=0.9):
    v_w = beta * v_w + (1 - beta) * dw
    v_b = beta * v_b + (1 - beta) * db
    return w - learning_rate * v_w, b - learning_rate * v_b, v_w, v_b


@right("momentum_update")
def momentum_stacked(w, b, dw, db, v_w, v_b, learning_rate, beta=0.9):
    v = beta * np.append(v_w, v_b) + (1 - beta) * np.append(dw, db)
    theta = np.append(w, b) - learning_rate * v
    return theta[:-1], theta[-1], v[:-1], v[-1]


@wrong("gradient_descent", "gd_bias_not_updated")
def gradient_descent_weights_only(X, y, w, b, learning_rate, num_iterations):
    costs = []
    for _ in range(num_iterations):
        cost, dw, db = _cost_grads(X, y, w, b)
        costs.append(cost)
        w = w - learning_rate * dw
    return w, b, costs


@wrong("gradient_descent", "gd_gradient_summed")
def gradient_descent_summed(X, y, w, b, learning_rate, num_iterations):
    costs = []
    for _ in range(num_iterations):
        a = _sigmoid(X @ w + b)
        costs.append(-np.mean(y * np.log(a) + (1 - y) * np.log(1 - a)))
        w, b = w - learning_rate * X.T @ (a - y), b - learning_rate * np.sum(a - y)
    return w, b, costs


@wrong("gradient_descent", "gd_one_cost")
def gradient_descent_cost_at_the_end(X, y, w, b, learning_rate, num_iterations):
    for _ in range(num_iterations):
        _, dw, db = _cost_grads(X, y, w, b)
        w, b = w - learning_rate * dw, b - learning_rate * db
    return w, b, [_cost_grads(X, y, w, b)[0]]


@wrong("gradient_descent", "gd_returns_start")
def gradient_descent_returns_the_start(X, y, w, b, learning_rate, num_iterations):
    costs, w_t, b_t = [], w, b
    for _ in range(num_iterations):
        cost, dw, db = _cost_grads(X, y, w_t, b_t)
        costs.append(cost)
        w_t, b_t = w_t - learning_rate * dw, b_t - learning_rate * db
    return w, b, costs


@wrong("train_momentum", "momentum_ignored")
def train_momentum_plain_gd(X, y, learning_rate, num_iterations, beta=0.9):
    w, b, costs = np.zeros(X.shape[1]), 0.0, []
    for _ in range(num_iterations):
        cost, dw, db = _cost_grads(X, y, w, b)
        costs.append(cost)
        w, b = w - learning_rate * dw, b - learning_rate * db
    return w, b, costs


@wrong("train_momentum", "costs_after_update")
def train_momentum_cost_after(X, y, learning_rate, num_iterations, beta=0.9):
    w, b, v_w, v_b, costs = np.zeros(X.shape[1]), 0.0, np.zeros(X.shape[1]), 0.0, []
    for _ in range(num_iterations):
        _, dw, db = _cost_grads(X, y, w, b)
        v_w, v_b = beta * v_w + (1 - beta) * dw, beta * v_b + (1 - beta) * db
        w, b = w - learning_rate * v_w, b - learning_rate * v_b
        costs.append(_cost_grads(X, y, w, b)[0])
    return w, b, costs


@wrong("train_momentum", "momentum_missing_1_minus_beta")
def train_momentum_no_damping(X, y, learning_rate, num_iterations, beta=0.9):
    w, b, v_w, v_b, costs = np.zeros(X.shape[1]), 0.0, np.zeros(X.shape[1]), 0.0, []
    for _ in range(num_iterations):
        cost, dw, db = _cost_grads(X, y, w, b)
        costs.append(cost)
        v_w, v_b = beta * v_w + dw, beta * v_b + db
        w, b = w - learning_rate * v_w, b - learning_rate * v_b
    return w, b, costs


@wrong("train_momentum", "momentum_velocity_reset")
def train_momentum_velocity_in_the_loop(X, y, learning_rate, num_iterations, beta=0.9):
    w, b, costs = np.zeros(X.shape[1]), 0.0, []
    for _ in range(num_iterations):
        v_w, v_b = np.zeros(X.shape[1]), 0.0  # the velocity is made again at every step
        cost, dw, db = _cost_grads(X, y, w, b)
        costs.append(cost)
        v_w, v_b = beta * v_w + (1 - beta) * dw, beta * v_b + (1 - beta) * db
        w, b = w - learning_rate * v_w, b - learning_rate * v_b
    return w, b, costs


@wrong("train_momentum", "momentum_bias_plain")
def train_momentum_weights_only(X, y, learning_rate, num_iterations, beta=0.9):
    w, b, v_w, costs = np.zeros(X.shape[1]), 0.0, np.zeros(X.shape[1]), []
    for _ in range(num_iterations):
        cost, dw, db = _cost_grads(X, y, w, b)
        costs.append(cost)
        v_w = beta * v_w + (1 - beta) * dw
        w, b = w - learning_rate * v_w, b - learning_rate * db
    return w, b, costs


@right("train_momentum")
def train_momentum_loop(X, y, learning_rate, num_iterations, beta=0.9):
    n = X.shape[1]
    w, b, v_w, v_b, costs = np.zeros(n), 0.0, np.zeros(n), 0.0, []
    for _ in range(num_iterations):
        cost, dw, db = _cost_grads(X, y, w, b)
        costs.append(cost)
        v_w = beta * v_w + (1 - beta) * dw
        v_b = beta * v_b + (1 - beta) * db
        w = w - learning_rate * v_w
        b = b - learning_rate * v_b
    return w, b, costs


@right("train_momentum")
def train_momentum_theta(X, y, learning_rate, num_iterations, beta=0.9):
    Xb = np.column_stack([X, np.ones(len(y))])
    theta, v, costs = np.zeros(Xb.shape[1]), np.zeros(Xb.shape[1]), []
    for _ in range(num_iterations):
        a = _sigmoid(Xb @ theta)
        costs.append(-np.mean(y * np.log(a) + (1 - y) * np.log(1 - a)))
        v = beta * v + (1 - beta) * Xb.T @ (a - y) / len(y)
        theta -= learning_rate * v
    return theta[:-1], theta[-1], costs


@wrong("gradient_descent", "gd_no_learning_rate")
def gd_forgot_rate(X, y, w, b, learning_rate, num_iterations):
    costs = []
    for _ in range(num_iterations):
        cost, dw, db = _cost_grads(X, y, w, b)
        costs.append(cost)
        w, b = w - dw, b - db
    return w, b, costs


@wrong("train_minibatch", "minibatch_ascent")
def train_uphill(X, y, batch_size, learning_rate, epochs, seed=0):
    return _train(X, y, batch_size, -learning_rate, epochs, seed)


@wrong("momentum_update", "momentum_ascent")
def momentum_plus(w, b, dw, db, v_w, v_b, learning_rate, beta=0.9):
    v_w, v_b = beta * v_w + (1 - beta) * dw, beta * v_b + (1 - beta) * db
    return w + learning_rate * v_w, b + learning_rate * v_b, v_w, v_b


@wrong("train_momentum", "momentum_steps_with_old_velocity")
def train_momentum_old_v(X, y, learning_rate, num_iterations, beta=0.9):
    w, b, v_w, v_b, costs = np.zeros(X.shape[1]), 0.0, np.zeros(X.shape[1]), 0.0, []
    for _ in range(num_iterations):
        cost, dw, db = _cost_grads(X, y, w, b)
        costs.append(cost)
        w, b = w - learning_rate * v_w, b - learning_rate * v_b
        v_w, v_b = beta * v_w + (1 - beta) * dw, beta * v_b + (1 - beta) * db
    return w, b, costs



@wrong("train_momentum", "momentum_missing_1_minus_beta")
def train_momentum_classical(X, y, learning_rate, num_iterations, beta=0.9):
    """The convention of CS231n and PyTorch, v ← βv + αg, θ ← θ − v: the same steps as v ← βv + g, θ ← θ − αv."""
    w, b, v_w, v_b, costs = np.zeros(X.shape[1]), 0.0, np.zeros(X.shape[1]), 0.0, []
    for _ in range(num_iterations):
        a = 1 / (1 + np.exp(-(X @ w + b)))
        costs.append(-np.mean(y * np.log(a) + (1 - y) * np.log(1 - a)))
        v_w = beta * v_w + learning_rate * X.T @ (a - y) / len(y)
        v_b = beta * v_b + learning_rate * np.mean(a - y)
        w, b = w - v_w, b - v_b
    return w, b, costs


@wrong("train_minibatch", "dropped_last")
def train_minibatch_full_batches_only(X, y, batch_size, learning_rate, epochs, seed=0):
    """Loops over m // batch_size batches: the examples of the last, smaller batch are never used."""
    rng = np.random.default_rng(seed)
    w, b, costs = np.zeros(X.shape[1]), 0.0, []
    for _ in range(epochs):
        order = rng.permutation(len(y))
        for k in range(len(y) // batch_size):
            idx = order[k * batch_size:(k + 1) * batch_size]
            a = 1 / (1 + np.exp(-(X[idx] @ w + b)))
            w, b = w - learning_rate * X[idx].T @ (a - y[idx]) / len(idx), b - learning_rate * np.mean(a - y[idx])
        a = 1 / (1 + np.exp(-(X @ w + b)))
        costs.append(-np.mean(y * np.log(a) + (1 - y) * np.log(1 - a)))
    return w, b, costs


@wrong("momentum_update", "ignores_beta")
def momentum_update_fixed_beta(w, b, dw, db, v_w, v_b, learning_rate, beta=0.9):
    v_w, v_b = 0.9 * v_w + 0.1 * dw, 0.9 * v_b + 0.1 * db
    return w - learning_rate * v_w, b - learning_rate * v_b, v_w, v_b


@wrong("train_momentum", "ignores_beta")
def train_momentum_fixed_beta(X, y, learning_rate, num_iterations, beta=0.9):
    w, b, v_w, v_b, costs = np.zeros(X.shape[1]), 0.0, np.zeros(X.shape[1]), 0.0, []
    for _ in range(num_iterations):
        a = 1 / (1 + np.exp(-(X @ w + b)))
        costs.append(-np.mean(y * np.log(a) + (1 - y) * np.log(1 - a)))
        v_w, v_b = 0.9 * v_w + 0.1 * X.T @ (a - y) / len(y), 0.9 * v_b + 0.1 * np.mean(a - y)
        w, b = w - learning_rate * v_w, b - learning_rate * v_b
    return w, b, costs
