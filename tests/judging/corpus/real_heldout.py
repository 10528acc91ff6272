"""Real students' code held out from tuning: the judges' mistake tables were not tuned on it.

Each entry is code found in a public repository or thread that no other real_*.py module cites, translated into
the curriculum's signature and registered with `held_out(name, correct, source)`; `correct` was decided by running
the entry against the reference implementation (the `solutions` package) on the judges' probe inputs, not by
the judges. Whoever tunes the mistake tables does not read this module.

Translation conventions (interface only; the author's arithmetic and mistakes are kept), as in real_training.py:
- Coursera DLS code runs on X.T, y.reshape(1, m), w.reshape(n, 1); results are turned back to (n,) / (m,) when
  they have the shape the author intended (translation.to_course / to_flat); any other shape is returned as is.
- "theta" code (bias as theta[0], X with a column of ones) is run on theta = [b, w...], X1 = [1 | X].
- ML Specialization code returning (dj_db, dj_dw) is returned in the curriculum's order (dw, db).
- Code that records the cost every 100 (or 10) iterations records it every iteration here, at the same point of
  the loop as the author (before or after the update).
- Global-state shuffling (np.random.seed / np.random.permutation / random.shuffle) is done with the rng argument.
- A hard-coded 0.5 threshold in predict is the `threshold` argument; a method's `self.x` state is a local.
- Multi-layer dictionaries (parameters["W1"], grads["dW1"], v["dW1"]) hold the one layer {"W1": w, "b1": b}.
"""

import math

import numpy as np

from . import held_out
from .translation import sigmoid as _sigmoid
from .translation import to_course as _to_course
from .translation import to_flat as _flat


def _theta(w, b):
    """theta = [b, w...] as a column, for code that keeps the bias in theta[0]."""
    return np.concatenate([[b], np.asarray(w, dtype=float)]).reshape(-1, 1)


def _ones(X):
    """X1 = [1 | X] for theta code."""
    return np.column_stack([np.ones(X.shape[0]), X])


# ================================================================ sigmoid

@held_out("sigmoid", False, "secezar/Neural_Network src/activations.py (commit 567fc32), sigmoid(x): `return 1 / 1 + exp(-x)` (from numpy import exp)")
def sigmoid_secezar(z):
    x = z
    return 1 / 1 + np.exp(-x)


@held_out("sigmoid", False, "ZalkinV/AM.Project AM.Project/NeuralNetwork.py, sigmoid(x): `return (1 / (1 + math.e**(-x)))`")
def sigmoid_zalkinv(z):
    x = z
    return (1 / (1 + math.e**(-x)))


@held_out("sigmoid", False, "gbattra/LogisticRegression sigmoid.py (commit 7cec7f4), sigmoid(z): double loop over z.shape[0] and z.shape[1] filling g[i, v] from z.item(i) (written for (m, 1) columns; raises on 1-D input and scalars: the author's limitation)")
def sigmoid_gbattra(z):
    # placeholder matrix for storing computed values
    g = np.zeros(z.shape)

    # compute sigmoid value for each prediction
    for i in range(0, g.shape[0]):
        for v in range(0, z.shape[1]):
            g[i, v] = 1 / (1 + np.power(np.e, -z.item(i)))

    return g


# ================================================================ log_loss

@held_out("log_loss", False, "cs-joy/Neural_Networks bce.py, binary_cross_entropy(y_true, y_pred): `-np.mean(y_true * np.log(y_pred) + (1-y_true) * np.log(1-y_pred))`")
def log_loss_csjoy(a, y):
    y_true, y_pred = y, a
    return -np.mean(y_true * np.log(y_pred) + (1-y_true) * np.log(1-y_pred))


# ================================================================ dL_da

@held_out("dL_da", False, "cs-joy/Neural_Networks bce.py, binary_cross_entropy_prime(y_true, y_pred): `((1 - y_true) / (1 - y_pred) - y_true / y_pred) / np.size(y_true)`")
def dL_da_csjoy(a, y):
    y_true, y_pred = y, a
    return ((1 - y_true) / (1 - y_pred) - y_true / y_pred) / np.size(y_true)


@held_out("dL_da", False, "JBratvold/TrafficController ai/losses.py, binary_cross_entropy_prime(y_true, y_pred): clip to [1e-15, 1 - 1e-15], then `((1 - y_true) / (1 - y_pred) - y_true / y_pred) / np.size(y_true)`")
def dL_da_jbratvold(a, y):
    y_true, y_pred = y, a
    y_pred = np.clip(y_pred, 1e-15, 1 - 1e-15)
    return ((1 - y_true) / (1 - y_pred) - y_true / y_pred) / np.size(y_true)


@held_out("dL_da", True, "vedant-maheshwari/custom_nn model/losses.py, binary_cross_entropy_prime(y_true, y_pred): clip with epsilon 1e-15, then `-(y_true / y_pred) + (1 - y_true) / (1 - y_pred)`")
def dL_da_vedant(a, y):
    y_true, y_pred = y, a
    epsilon = 1e-15
    y_pred = np.clip(y_pred, epsilon, 1 - epsilon)
    return -(y_true / y_pred) + (1 - y_true) / (1 - y_pred)


# ================================================================ compute_cost

@held_out("compute_cost", True, "SvetaAndriyanchik/logistic-regression-predictiion logistic_model.py, compute_cost(X, y, theta): `(-1 / m) * np.sum(y * np.log(h) + (1 - y) * np.log(1 - h))` (theta = [b, w], X with a column of ones)")
def compute_cost_svetaandriyanchik(X, y, w, b):
    theta = _theta(w, b)[:, 0]
    X = _ones(X)

    def sigmoid(z):
        return 1 / (1 + np.exp(-z))

    m = len(y)
    h = sigmoid(np.dot(X, theta))
    cost = (-1 / m) * np.sum(y * np.log(h) + (1 - y) * np.log(1 - h))
    return cost


# ================================================================ cost_and_gradients

def _dls_cost_and_gradients(propagate, who):
    """Run a DLS propagate(w, b, X, Y) -> (grads, cost) as cost_and_gradients(X, y, w, b)."""
    def cost_and_gradients(X, y, w, b):
        n = X.shape[1]
        Xc, Y, wc = _to_course(X, y, w)
        grads, cost = propagate(wc, b, Xc, Y)
        return cost, _flat(grads["dw"], n), grads["db"]
    cost_and_gradients.__name__ = cost_and_gradients.__qualname__ = "cost_and_gradients_" + who
    return cost_and_gradients


def _propagate_mekmoment(w, b, X, Y):
    sigmoid = _sigmoid
    m = X.shape[1]

    # FORWARD PROPAGATION
    # compute activation (A)
    A = sigmoid(np.dot(w.T, X) + b)

    # compute cost (logistic regression)
    cost = -1/m*np.sum(Y*np.log(A)+(1-Y)*np.log(1-A))

    # BACKWARD PROPAGATION
    dw = 1/m*np.dot(X, (A-Y).T)
    db = 1/m*(np.sum(A-Y))

    # make dictionary of gradients
    grads = {"dw": dw,
             "db": db}

    return grads, cost


cost_and_gradients_mekmoment = held_out("cost_and_gradients", True, "Mekmoment/CatRecognition propagate.py, propagate(w, b, X, Y) (DLS C1 W2)")(_dls_cost_and_gradients(_propagate_mekmoment, "mekmoment"))


def _propagate_chikaobuah(w, b, X, Y):
    sigmoid = _sigmoid
    m = X.shape[1]

    # FORWARD PROPAGATION (FROM X TO COST)

    A = sigmoid(np.dot(w.T, X) + b)  # compute activation
    cost = (- 1 / m) * np.sum(Y * np.log(A) + (1 - Y) * (np.log(1 - A)))  # compute cost

    # BACKWARD PROPAGATION (TO FIND GRAD)

    dw = (1 / m) * np.dot(X, (A - Y).T)
    db = (1 / m) * np.sum(A - Y)

    assert(dw.shape == w.shape)
    assert(db.dtype == float)
    cost = np.squeeze(cost)
    assert(cost.shape == ())

    grads = {"dw": dw,
             "db": db}

    return grads, cost


cost_and_gradients_chikaobuah = held_out("cost_and_gradients", True, "chikaobuah/For-Newbies-Logistic_Regression-for-Image-Classification propagate.py, propagate(w, b, X, Y) (DLS C1 W2)")(_dls_cost_and_gradients(_propagate_chikaobuah, "chikaobuah"))


def _propagate_haoyu987(w, b, X, Y):
    sigmoid = _sigmoid
    m = X.shape[1]

    # FORWARD PROPAGATION (FROM X TO COST)
    A = sigmoid(np.dot(w.T,X) + b)                                                        # compute activation
    cost = -1/m * np.sum(Y*np.log(A) + (1-Y)*np.log(1-A))                                 # compute cost

    # BACKWARD PROPAGATION (TO FIND GRAD)
    dw = 1 / m * np.dot(X, (A - Y).T)
    db = 1 / m * np.sum(A - Y)

    assert(dw.shape == w.shape)
    assert(db.dtype == float)
    cost = np.squeeze(cost)
    assert(cost.shape == ())

    grads = {"dw": dw,
             "db": db}

    return grads, cost


cost_and_gradients_haoyu987 = held_out("cost_and_gradients", True, "haoyu987/logistic_regression propagate.py, propagate(w, b, X, Y) (DLS C1 W2)")(_dls_cost_and_gradients(_propagate_haoyu987, "haoyu987"))


# ================================================================ gradient_descent

@held_out("gradient_descent", False, "SvetaAndriyanchik/logistic-regression-predictiion gradient_descent.py, gradient_descent(X, y, theta, alpha, iterations): `theta -= alpha * gradient` then `cost = compute_cost(X, y, theta); cost_history.append(cost)` (theta = [b, w], X with a column of ones)")
def gradient_descent_svetaandriyanchik(X, y, w, b, learning_rate, num_iterations):
    def sigmoid(z):
        return 1 / (1 + np.exp(-z))

    def compute_cost(X, y, theta):
        m = len(y)
        h = sigmoid(np.dot(X, theta))
        cost = (-1 / m) * np.sum(y * np.log(h) + (1 - y) * np.log(1 - h))
        return cost

    theta = w  # the author's theta is the caller's array, updated in place
    theta_b = np.array([b], dtype=float)
    X1 = _ones(X)
    alpha, iterations = learning_rate, num_iterations

    m = len(y)
    cost_history = []

    for i in range(iterations):
        full = np.concatenate([theta_b, theta])
        h = sigmoid(np.dot(X1, full))
        gradient = (1 / m) * np.dot(X1.T, (h - y))
        theta_b -= alpha * gradient[:1]
        theta -= alpha * gradient[1:]
        cost = compute_cost(X1, y, np.concatenate([theta_b, theta]))
        cost_history.append(cost)

    return theta, float(theta_b[0]), cost_history


@held_out("gradient_descent", False, "gbattra/LogisticRegression gradient_descent.py (commit b0ddc63), gradient_descent(X, y, theta, alpha, iterations): `grad = ((h - y).T.dot(X)).T` with the author's sigmoid.py (theta = [b, w] column, X with a column of ones)")
def gradient_descent_gbattra_b0ddc63(X, y, w, b, learning_rate, num_iterations):
    def sigmoid(z):
        # placeholder matrix for storing computed values
        g = np.zeros(z.shape)

        # compute sigmoid value for each prediction
        for i in range(0, g.shape[0]):
            for v in range(0, z.shape[1]):
                g[i, v] = 1 / (1 + np.power(np.e, -z.item(i)))

        return g

    theta = _theta(w, b)
    X = _ones(X)
    y = np.asarray(y, dtype=float).reshape(-1, 1)
    alpha, iterations = learning_rate, num_iterations

    # initialize J_history
    J_history = np.zeros(iterations)

    # get size of training data
    m = y.shape[0]

    # run gradient descent
    for iter in range(0, iterations):
        # compute prediction
        z = X.dot(theta)
        h = sigmoid(z)

        # compute cost
        J_history[iter] = (1 / m) * (((-y.T * np.log(h)) - (1 - y.T) * np.log(1 - h)).sum())

        # compute gradient
        grad = ((h - y).T.dot(X)).T

        # update thetas
        theta = theta - (alpha * grad)

    return theta[1:, 0], float(theta[0, 0]), list(J_history)


@held_out("gradient_descent", False, "gbattra/LogisticRegression gradient_descent.py (commit 584c93a, the later version), gradient_descent(X, y, theta, alpha, iterations): `grad = (1 / m) * ((h - y).T.dot(X)).T` with the author's sigmoid.py (theta = [b, w] column, X with a column of ones)")
def gradient_descent_gbattra_584c93a(X, y, w, b, learning_rate, num_iterations):
    def sigmoid(z):
        # placeholder matrix for storing computed values
        g = np.zeros(z.shape)

        # compute sigmoid value for each prediction
        for i in range(0, g.shape[0]):
            for v in range(0, z.shape[1]):
                g[i, v] = 1 / (1 + np.power(np.e, -z.item(i)))

        return g

    theta = _theta(w, b)
    X = _ones(X)
    y = np.asarray(y, dtype=float).reshape(-1, 1)
    alpha, iterations = learning_rate, num_iterations

    # initialize J_history
    J_history = np.zeros(iterations)

    # get size of training data
    m = y.shape[0]

    # run gradient descent
    for i in range(0, iterations):
        # compute prediction
        z = X.dot(theta)
        h = sigmoid(z)

        # compute cost
        J_history[i] = (1 / m) * (((-y.T * np.log(h)) - (1 - y.T) * np.log(1 - h)).sum())

        # compute gradient
        grad = (1 / m) * ((h - y).T.dot(X)).T

        # update thetas
        theta = theta - alpha * grad

    return theta[1:, 0], float(theta[0, 0]), list(J_history)


# ================================================================ predict

@held_out("predict", True, "SvetaAndriyanchik/logistic-regression-predictiion logistic_model.py, predict(X, theta): `[1 if prob >= 0.5 else 0 for prob in probabilities]` (theta = [b, w], X with a column of ones)")
def predict_svetaandriyanchik(X, w, b, threshold=0.5):
    def sigmoid(z):
        return 1 / (1 + np.exp(-z))

    theta = _theta(w, b)[:, 0]
    X = _ones(X)
    probabilities = sigmoid(np.dot(X, theta))
    return [1 if prob >= threshold else 0 for prob in probabilities]


@held_out("predict", False, "NathanPortelli/ICS5110-Applied-ML LinearRegression.py, class LogisticRegression.predict(X): `model = np.dot(X, self.weights) + self.bias; predictions = self.sigmoid(model); return predictions`")
def predict_nathanportelli(X, w, b, threshold=0.5):
    def sigmoid(z):
        return 1 / (1 + np.exp(-z))

    weights, bias = w, b
    model = np.dot(X, weights) + bias
    predictions = sigmoid(model)
    return predictions


@held_out("predict", False, "bassimeledath/ml-from-scratch ml_from_scratch/models/supervised/logistic_regression.py, LogisticRegression.predict(X): `return self._sigmoid(lin_reg_pred)`")
def predict_bassimeledath(X, w, b, threshold=0.5):
    def _sigmoid(z):
        return 1 / (1 + np.exp(-z))

    weights, bias = w, b
    lin_reg_pred = np.dot(X, weights) + bias
    return _sigmoid(lin_reg_pred)


@held_out("predict", True, "shorif10/ml_core supervised/classification/logistic_regression_scratch.py, LogisticRegressionScratch.predict(x): `[1 if i > 0.5 else 0 for i in y_predicted]` then np.array")
def predict_shorif10(X, w, b, threshold=0.5):
    def _sigmoid(z):
        return 1 / (1 + np.exp(-z))

    x, weights, bias = X, w, b
    linear_model = np.dot(x, weights) + bias
    y_predicted = _sigmoid(linear_model)
    y_predicted_cls = [1 if i > threshold else 0 for i in y_predicted]
    return np.array(y_predicted_cls)


@held_out("predict", True, "parag-ingalkar/Machine_Learning ml_package/LogisticRegression.py, LogisticRegression.predict(X): `[0 if y <= 0.5 else 1 for y in y_pred]` (a list)")
def predict_paragingalkar(X, w, b, threshold=0.5):
    def sigmoid(z):
        return 1 / (1 + np.exp(-z))

    weights, bias = w, b
    z = np.dot(X, weights) + bias
    y_pred = sigmoid(z)
    class_pred = [0 if y <= threshold else 1 for y in y_pred]
    return class_pred


# ================================================================ make_minibatches

@held_out("make_minibatches", True, "ghimiregokul/bodmas-calculator-cnn random_mini_batches.py, random_mini_batches(X, Y, mini_batches, seed) (rows are examples; Y as an (m, 1) column)")
def make_minibatches_ghimiregokul(X, y, batch_size, rng):
    Y = np.asarray(y).reshape(-1, 1)
    mini_batches = batch_size
    batches=[]
    num_mini_batches=int(X.shape[0]/mini_batches)
    permutation=list(rng.permutation(X.shape[0]))
    X_shuffled=X[permutation,:]
    Y_shuffled=Y[permutation,:]
    for k in range(num_mini_batches):
        mini_batches_X=X_shuffled[k*mini_batches:(k+1)*mini_batches,:]
        mini_batches_Y=Y_shuffled[k*mini_batches:(k+1)*mini_batches,:]
        batch=(mini_batches_X,mini_batches_Y[:, 0])
        batches.append(batch)
    if X.shape[0]%mini_batches!=0:
        mini_batches_X=X_shuffled[num_mini_batches*mini_batches:,:]
        mini_batches_Y=Y_shuffled[num_mini_batches*mini_batches:,:]
        batch=(mini_batches_X,mini_batches_Y[:, 0])
        batches.append(batch)
    return batches


@held_out("make_minibatches", True, "nguyenlinhvn512/Optimization-Methods random_mini_batches.py, random_mini_batches(X, Y, mini_batch_size=64, seed=0) (DLS C2 W2, X of shape (n, m))")
def make_minibatches_nguyenlinhvn512(X, y, batch_size, rng):
    X, Y, _ = _to_course(X, y, np.zeros(X.shape[1]))
    mini_batch_size = batch_size
    m = X.shape[1]                  # number of training examples
    mini_batches = []

    # Step 1: Shuffle (X, Y)
    permutation = list(rng.permutation(m))
    shuffled_X = X[:, permutation]
    shuffled_Y = Y[:, permutation].reshape((1, m))

    # Step 2: Partition (shuffled_X, shuffled_Y). Minus the end case.
    # number of mini batches of size mini_batch_size in your partitionning
    num_complete_minibatches = math.floor(m/mini_batch_size)
    for k in range(0, num_complete_minibatches):
        mini_batch_X = shuffled_X[:,
                                  (k * mini_batch_size): ((k+1) * mini_batch_size)]
        mini_batch_Y = shuffled_Y[:,
                                  (k * mini_batch_size): ((k+1) * mini_batch_size)]
        mini_batch = (mini_batch_X, mini_batch_Y)
        mini_batches.append(mini_batch)

    # Handling the end case (last mini-batch < mini_batch_size)
    if m % mini_batch_size != 0:
        mini_batch_X = shuffled_X[:,
                                  (mini_batch_size*math.floor(m/mini_batch_size)): m]
        mini_batch_Y = shuffled_Y[:,
                                  (mini_batch_size*math.floor(m/mini_batch_size)): m]
        mini_batch = (mini_batch_X, mini_batch_Y)
        mini_batches.append(mini_batch)

    return [(bx.T, by[0]) for bx, by in mini_batches]


@held_out("make_minibatches", False, "1337hunter/logistic_regression logistic_regression.py, LogisticRegression.fit_bgd: `for i in range(0, X.shape[0] - bs, bs)` batches X[i:i + bs], then `if X.shape[0] % bs != 0` the rest from X.shape[0] - X.shape[0] % bs (the batching of the training loop)")
def make_minibatches_1337hunter(X, y, batch_size, rng):
    bs = batch_size
    code_y = y
    batches = []
    for i in range(0, X.shape[0] - bs, bs):
        batches.append((X[i:i + bs], code_y[i:i + bs]))
    if X.shape[0] % bs != 0:
        start = X.shape[0] - X.shape[0] % bs
        batches.append((X[start:], code_y[start:]))
    return batches


# ================================================================ momentum_update

@held_out("momentum_update", True, "sherwyn11/Skyplay-NN playground/neural_net/optimizers/gd_with_momentum.py, update_parameters(parameters, grads, v, beta, learning_rate)")
def momentum_update_sherwyn11(w, b, dw, db, v_w, v_b, learning_rate, beta=0.9):
    parameters = {"W1": w, "b1": b}
    grads = {"dW1": dw, "db1": db}
    v = {"dW1": v_w, "db1": v_b}

    L = len(parameters) // 2

    for l in range(L):

        v["dW" + str(l+1)] = (beta * v['dW' + str(l + 1)]) + ((1 - beta) * grads['dW' + str(l + 1)])
        v["db" + str(l+1)] = (beta * v['db' + str(l + 1)]) + ((1 - beta) * grads['db' + str(l + 1)])

        parameters["W" + str(l+1)] = parameters["W" + str(l+1)] - learning_rate * v["dW" + str(l+1)]
        parameters["b" + str(l+1)] = parameters["b" + str(l+1)] - learning_rate * v["db" + str(l+1)]

    return parameters["W1"], parameters["b1"], v["dW1"], v["db1"]


# ================================================================ more entries: log_loss, gradients_loop, update_parameters

@held_out("log_loss", False, "shantam21/Machine-Learning-Examples decision_tree_example/helper_functions.py, loss(h, y): `(-y * np.log(h) - (1 - y) * np.log(1 - h)).mean()`")
def log_loss_shantam21(a, y):
    h = a
    return (-y * np.log(h) - (1 - y) * np.log(1 - h)).mean()


@held_out("gradients_loop", True, "shantam21/Machine-Learning-Examples decision_tree_example/helper_functions.py, gradient_descent(X, h, y): `np.dot(X.T, (h - y)) / y.shape[0]` with h = sigmoid(X, weight) (weight = [b, w], X with a column of ones)")
def gradients_loop_shantam21(X, y, w, b):
    def sigmoid(X, weight):
        z = np.dot(X, weight)
        return 1 / (1 + np.exp(-z))

    def gradient_descent(X, h, y):
        return np.dot(X.T, (h - y)) / y.shape[0]

    weight = _theta(w, b)[:, 0]
    X = _ones(X)
    h = sigmoid(X, weight)
    gradient = gradient_descent(X, h, y)
    return gradient[1:], gradient[0]


@held_out("update_parameters", True, "shantam21/Machine-Learning-Examples decision_tree_example/helper_functions.py, update_weight_loss(weight, learning_rate, gradient): `weight - learning_rate * gradient` (applied to w and to b)")
def update_parameters_shantam21(w, b, dw, db, learning_rate):
    def update_weight_loss(weight, learning_rate, gradient):
        return weight - learning_rate * gradient

    return update_weight_loss(w, learning_rate, dw), update_weight_loss(b, learning_rate, db)


@held_out("gradients_loop", False, "C-limited/Python-development-pre-knowledge 2.python基础小白也能学会的机器学习/day4/code/day16/02_逻辑回归.py, gradentDecent(): `np.dot(featureMatrix.T, predict - label)` (featureMatrix = [x | 1], weight = [m; b] column)")
def gradients_loop_climited(X, y, w, b):
    featureMatrix = np.append(X, np.ones(shape=(X.shape[0], 1)), axis=1)
    weight = np.concatenate([np.asarray(w, dtype=float), [b]]).reshape(-1, 1)
    label = np.asarray(y, dtype=float).reshape(-1, 1)

    def gradentDecent():
        predict = 1 / (1 + np.exp(-(np.dot(featureMatrix, weight))))
        return (np.dot(featureMatrix.T, predict - label))

    slop = gradentDecent()
    return slop[:-1, 0], float(slop[-1, 0])


@held_out("gradients_loop", False, "AndrewZha0/python-training src/machine_learning/gradient_descent/logic_regression_watch_or_read.py, gradient_decent(): `np.dot(feature_matrix.T, predict - label)` (feature_matrix = [x | 1], weight = [m; b] column)")
def gradients_loop_andrewzha0(X, y, w, b):
    feature_matrix = np.append(X, np.ones(shape=(X.shape[0], 1)), axis=1)
    weight = np.concatenate([np.asarray(w, dtype=float), [b]]).reshape(-1, 1)
    label = np.asarray(y, dtype=float).reshape(-1, 1)

    def gradient_decent():
        predict = 1 / (1 + np.exp(-np.dot(feature_matrix, weight)))
        return np.dot(feature_matrix.T, predict - label)

    slop = gradient_decent()
    return slop[:-1, 0], float(slop[-1, 0])


# ================================================================ gradient_descent (Holberton Neuron.train)

@held_out("gradient_descent", False, "Kenneth-ca/holbertonschool-machine_learning supervised_learning/0x00-binary_classification/7-neuron.py, Neuron.train: `for i in range(iterations + 1): activations = self.forward_prop(X); self.gradient_descent(X, Y, activations, alpha); cost.append(self.cost(Y, self.__A))` (W of shape (1, nx) starts at w, X of shape (nx, m))")
def gradient_descent_kennethca(X, y, w, b, learning_rate, num_iterations):
    X, Y, _ = _to_course(X, y, w)
    state = {"W": np.asarray(w, dtype=float).reshape(1, -1), "b": b, "A": 0}

    def forward_prop(X):
        preactivation = np.matmul(state["W"], X) + state["b"]
        state["A"] = 1 / (1 + np.exp(-preactivation))
        return state["A"]

    def cost_fn(Y, A):
        cost = Y * np.log(A) + (1 - Y) * np.log(1.0000001 - A)
        cost = np.sum(cost)
        cost = - cost / A.shape[1]
        return cost

    def gradient_descent(X, Y, A, alpha=0.05):
        dz = A - Y
        dw = np.matmul(X, dz.T) / A.shape[1]
        db = np.sum(dz) / A.shape[1]
        state["W"] = state["W"] - alpha * dw.T
        state["b"] = state["b"] - alpha * db

    iterations, alpha = num_iterations, learning_rate
    cost = []
    for i in range(iterations + 1):
        activations = forward_prop(X)
        gradient_descent(X, Y, activations, alpha)
        cost.append(cost_fn(Y, state["A"]))
    return state["W"][0], state["b"], cost


@held_out("gradient_descent", False, "JohnCook17/holbertonschool-machine_learning supervised_learning/0x00-binary_classification/7-neuron.py, Neuron.train with graph=True: `info.append(self.cost(Y, A))` each step, then once more after the loop (W of shape (1, nx) starts at w, X of shape (nx, m))")
def gradient_descent_johncook17(X, y, w, b, learning_rate, num_iterations):
    X, Y, _ = _to_course(X, y, w)
    state = {"W": np.asarray(w, dtype=float).reshape(1, -1), "b": b, "A": 0}

    def forward_prop(X):
        Z = np.matmul(state["W"], X) + state["b"]
        state["A"] = (1 / (1 + np.exp(-Z)))
        return state["A"]

    def cost_fn(Y, A):
        first_term = np.matmul(Y, np.log(A).T)
        second_term = np.matmul((1 - Y), np.log(1.0000001 - A).T)
        loss = first_term + second_term
        return - 1 / A.shape[1] * sum(loss)[0]

    def gradient_descent(X, Y, A, alpha=0.05):
        m = A.shape[1]
        dZ = A - Y
        dW = (1 / m) * np.matmul(X, dZ.T)
        db = (1 / m) * np.sum(dZ)
        state["W"] = state["W"] - (alpha * dW.T)
        state["b"] = state["b"] - alpha * db

    iterations, alpha = num_iterations, learning_rate
    iteration = 0
    info = []
    while iteration < iterations:
        A = forward_prop(X)
        gradient_descent(X, Y, A, alpha)
        info.append(cost_fn(Y, A))  # author: `if graph and iteration % step == 0`
        iteration += 1
    info.append(cost_fn(Y, A))
    return state["W"][0], state["b"], info


# ================================================================ make_minibatches (Holberton create_mini_batches)

@held_out("make_minibatches", True, "davisjoseph6/holbertonschool-machine_learning supervised_learning/optimization/3-mini_batch.py + 2-shuffle_data.py, create_mini_batches(X, Y, batch_size)")
def make_minibatches_davisjoseph6(X, y, batch_size, rng):
    def shuffle_data(X, Y):
        # Generate a random permutation of indices
        perm = rng.permutation(X.shape[0])
        # Shuffle X and Y using the generated permutation
        X_shuffled = X[perm]
        Y_shuffled = Y[perm]
        return X_shuffled, Y_shuffled

    Y = y
    # Shuffle the data
    X, Y = shuffle_data(X, Y)

    m = X.shape[0]
    mini_batches = []

    # Create mini-batches
    for i in range(0, m, batch_size):
        X_batch = X[i:i + batch_size]
        Y_batch = Y[i:i + batch_size]
        mini_batches.append((X_batch, Y_batch))

    return mini_batches


# ================================================================ momentum_update (more)

@held_out("momentum_update", True, "AlecoPB/holbertonschool-machine_learning supervised_learning/optimization/5-momentum.py, update_variables_momentum(alpha, beta1, var, grad, v) (applied to w and to b)")
def momentum_update_alecopb(w, b, dw, db, v_w, v_b, learning_rate, beta=0.9):
    def update_variables_momentum(alpha, beta1, var, grad, v):
        v = beta1 * v + (1 - beta1) * grad
        var = var - alpha * v
        return var, v

    w, v_w = update_variables_momentum(learning_rate, beta, w, dw, v_w)
    b, v_b = update_variables_momentum(learning_rate, beta, b, db, v_b)
    return w, b, v_w, v_b


@held_out("momentum_update", True, "JohnCook17/holbertonschool-machine_learning supervised_learning/0x03-optimization/5-momentum.py, update_variables_momentum(alpha, beta1, var, grad, v) (try/except TypeError version; applied to w and to b)")
def momentum_update_johncook17(w, b, dw, db, v_w, v_b, learning_rate, beta=0.9):
    def update_variables_momentum(alpha, beta1, var, grad, v):
        try:
            Vt = beta1 * v + (1 - beta1) * grad
            v = Vt
            var = var - (alpha * Vt)
            return var, v
        except TypeError:
            for variable, gradient in zip(var, grad):
                Vt = beta1 * v + (1 - beta1) * gradient
                v = Vt
                variable = variable - (alpha * Vt)
            return variable, v

    w, v_w = update_variables_momentum(learning_rate, beta, w, dw, v_w)
    b, v_b = update_variables_momentum(learning_rate, beta, b, db, v_b)
    return w, b, v_w, v_b


@held_out("momentum_update", True, "Yvnminc/Deep-Neural-Network-Components-Analysis algorithms/Optimizers.py (commit 1b83590), GD_with_Momentum.update(lr, W, b, grad_W, grad_b)")
def momentum_update_yvnminc(w, b, dw, db, v_w, v_b, learning_rate, beta=0.9):
    class GD_with_Momentum:
        def __init__(self, beta = 0):
            self.beta = beta
            self.v_W = 0
            self.v_b = 0

        def update(self, lr, W, b, grad_W, grad_b):
            self.v_W = self.beta * self.v_W +  (1 - self.beta) * grad_W
            self.v_b = self.beta * self.v_b +  (1 - self.beta) * grad_b
            return W - lr * self.v_W, b - lr * self.v_b

    opt = GD_with_Momentum(beta)
    opt.v_W, opt.v_b = v_w, v_b
    w, b = opt.update(learning_rate, w, b, dw, db)
    return w, b, opt.v_W, opt.v_b


@held_out("momentum_update", False, "veevidify/data-pg optimization/gd/GDMomentum.py (commit dd18749), GDM(theta_init, gradient, eta, gamma): `v_new = gamma*v + eta*gradient(theta[-1]); theta_new = theta[-1] - v_new` (one step, applied to w and to b)")
def momentum_update_veevidify(w, b, dw, db, v_w, v_b, learning_rate, beta=0.9):
    eta, gamma = learning_rate, beta

    def step(theta, v, grad):
        v_new = gamma*v + eta*grad
        theta_new = theta - v_new
        return theta_new, v_new

    w, v_w = step(w, v_w, dw)
    b, v_b = step(b, v_b, db)
    return w, b, v_w, v_b


@held_out("make_minibatches", False, "krysxin/Image-Recognition Kadai4/minibatch.py, shuffle_batches(X, Y, batch_size): `np.random.shuffle(index)`, then `num_minibatches = int(data_num / batch_size)` slices")
def make_minibatches_krysxin(X, y, batch_size, rng):
    Y = y
    data_num = X.shape[0]
    mini_batches = []

    index = np.arange(data_num)
    rng.shuffle(index)
    shuffled_X = X[index]
    shuffled_Y = Y[index]

    num_minibatches = int(data_num / batch_size)
    for k in range (0,num_minibatches):
        mini_batch_X = shuffled_X[(k * batch_size): ((k+1) * batch_size)]
        mini_batch_Y = shuffled_Y[(k * batch_size): ((k+1) * batch_size)]
        mini_batch = (mini_batch_X, mini_batch_Y)
        mini_batches.append(mini_batch)

    return mini_batches


@held_out("predict", False, "threeguts/Machine-Learning logisticRegression.py, LogisticRegressionSGA.predict(X): `(self.sigmoid(np.dot(X, self.weights)) >= 0.5).astype(int)` (the model has no bias term)")
def predict_threeguts(X, w, b, threshold=0.5):
    def sigmoid(z):
        return 1 / (1 + np.exp(-z))

    weights = w
    return (sigmoid(np.dot(X, weights)) >= threshold).astype(int)
