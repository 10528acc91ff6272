"""gradient_descent, predict, make_minibatches, train_minibatch, momentum_update, train_momentum: real code, translated.

Translation conventions (interface only; the author's arithmetic is kept):
- Coursera DLS code runs on X.T, y.reshape(1, m), w.reshape(n, 1); results are turned back to (n,) / (m,).
- Code that records the cost every 100 (or 10) iterations records it every iteration here, at the same point
  of the loop as the author (before or after the update), because the curriculum asks for one cost per update.
- Global-state shuffling (np.random.seed / np.random.permutation / np.random.shuffle) is done with the rng
  argument (rng.permutation / rng.shuffle), because the curriculum passes the generator in.
- A hard-coded 0.5 threshold in predict is the `threshold` argument.
"""

import math

import numpy as np

from . import real, right, wrong
from .translation import sigmoid as _sigmoid
from .translation import to_course as _to_course
from .translation import to_flat as _flat


class copy:  # stand-in for the stdlib `copy` module the malys23 entry calls (numpy-only rule): deepcopy of an array or a float
    deepcopy = staticmethod(lambda x: np.array(x, copy=True) if isinstance(x, np.ndarray) else x)


# ================================================================ gradient_descent

# source: sheviv/mirrors dl_spec/nn_and_dl/first_second_w/optimize.py, propagate + optimize(w, b, X, Y, num_iterations, learning_rate) (DLS C1 W2)
# verdict: RIGHT
@right('gradient_descent')
@real('sheviv/mirrors dl_spec/nn_and_dl/first_second_w/optimize.py, propagate + optimize(w, b, X, Y, num_iterations, learning_rate) (DLS C1 W2)')
def gradient_descent_sheviv(X, y, w, b, learning_rate, num_iterations):
    n = X.shape[1]
    X, Y, w = _to_course(X, y, w)

    def propagate(w, b, X, Y):
        m = X.shape[1]
        A = _sigmoid(np.dot(w.T, X) + b)
        cost = -1/m * (np.dot(Y, np.log(A).T) + np.dot((1-Y), np.log(1 - A).T))
        dw = 1 / m * (np.dot(X, (A - Y).T))
        db = 1 / m * (np.sum(A - Y))
        cost = np.squeeze(cost)
        grads = {"dw": dw,
                 "db": db}
        return grads, cost

    costs = []
    for i in range(num_iterations):
        grads, cost = propagate(w, b, X, Y)
        dw = grads["dw"]
        db = grads["db"]
        w = w - learning_rate * dw
        b = b - learning_rate * db
        costs.append(cost)  # author: `if i % 100 == 0: costs.append(cost)`
    return _flat(w, n), b, costs


# source: Phamlong2675/Machine-learning- (README "The initial Code", Coursera NLP C1 W1 gradientDescent(X, Y, theta, alpha, num_iters)): h from the old theta, theta updated, then `J = - (np.dot(Y.T, np.log(h)) + np.dot((1-Y).T, np.log(1-h))) / float(m)` from that same h
# verdict: RIGHT — J is computed from the pre-update h, so it is the cost before the update (theta = [b, w], X with a column of ones)
@right('gradient_descent')
@real('Phamlong2675/Machine-learning- (README "The initial Code", Coursera NLP C1 W1 gradientDescent(X, Y, theta, alpha, num_iters)): h from the old theta, theta updated, then `J = - (np.dot(Y.T, np.log(h)) + np.dot((1-Y).T, np.log(1-h))) / float(m)` from that same h')
def gradient_descent_phamlong(X, y, w, b, learning_rate, num_iterations):
    X1 = np.column_stack([np.ones(X.shape[0]), X])
    Y = np.asarray(y, dtype=float).reshape(-1, 1)
    theta = np.concatenate([[b], w]).reshape(-1, 1)
    alpha, num_iters = learning_rate, num_iterations
    m = len(X1)
    costs = []
    for _ in range(0, num_iters):
        z = np.dot(X1, theta)
        h = _sigmoid(z)
        gradient = (1/float(m)) * np.dot(X1.T, (h - Y))
        theta = theta - alpha *gradient
        J = - (np.dot(Y.T, np.log(h)) + np.dot((1-Y).T, np.log(1-h))) / float(m)
        J = float(J[0, 0])
        costs.append(J)  # author returns only the last J
    return theta[1:, 0], float(theta[0, 0]), costs


# source: AndrzejRyl/ml_coursera week3/assignment/gradient_descent.py (the MLS C1 W3 gradient_descent): `w_in = w_in - alpha * dj_dw ... cost = cost_function(X, y, w_in, b_in, lambda_); J_history.append(cost)` with the author's compute_cost / compute_gradient
# verdict: WRONG — J_history[i] is the cost AFTER update i (the MLS lab's convention), not before it
@wrong('gradient_descent', 'costs_after_update')
@real("AndrzejRyl/ml_coursera week3/assignment/gradient_descent.py (the MLS C1 W3 gradient_descent): `w_in = w_in - alpha * dj_dw ... cost = cost_function(X, y, w_in, b_in, lambda_); J_history.append(cost)` with the author's compute_cost / compute_gradient")
def gradient_descent_andrzejryl(X, y, w, b, learning_rate, num_iterations):
    def cost_function(X, y, w, b, *argv):
        m, n = X.shape
        total_cost = 0.0
        for i in range(m):
            f_wb_i = _sigmoid(np.dot(X[i], w) + b)
            total_cost += -y[i] * np.log(f_wb_i) - (1 - y[i]) * np.log(1 - f_wb_i)
        return total_cost / m

    def gradient_function(X, y, w, b, *argv):
        m, n = X.shape
        dj_dw = np.zeros(w.shape)
        dj_db = 0.
        for i in range(m):
            err_i = _sigmoid(np.dot(X[i], w) + b) - y[i]
            for j in range(n):
                dj_dw[j] = dj_dw[j] + err_i * X[i, j]
            dj_db = dj_db + err_i
        return dj_db / m, dj_dw / m

    w_in, b_in, alpha, num_iters, lambda_ = w, b, learning_rate, num_iterations, 0
    J_history = []
    for i in range(num_iters):
        dj_db, dj_dw = gradient_function(X, y, w_in, b_in, lambda_)
        w_in = w_in - alpha * dj_dw
        b_in = b_in - alpha * dj_db
        if i < 100000:  # prevent resource exhaustion
            cost = cost_function(X, y, w_in, b_in, lambda_)
            J_history.append(cost)
    return w_in, b_in, J_history


# source: GraphicsMonster/logistic-regression-cat-classifier train_funcs.py (commit 0864a4b), optimize() with its propagate (m = X.shape[1] with X of shape (m, n))
# verdict: WRONG — inherits propagate's m = number of features: costs and steps are scaled by m/n
@wrong('gradient_descent', 'divides_by_n')
@real('GraphicsMonster/logistic-regression-cat-classifier train_funcs.py (commit 0864a4b), optimize() with its propagate (m = X.shape[1] with X of shape (m, n))')
def gradient_descent_graphicsmonster(X, y, w, b, learning_rate, num_iterations):
    n = X.shape[1]
    Y, w = np.asarray(y).reshape(1, -1), np.asarray(w, dtype=float).reshape(-1, 1)

    def propagate(w, b, X, Y):
        m = X.shape[1]
        A = _sigmoid((np.dot(w.T, X.T) + b))
        cost = (-1/m) * np.sum(Y * np.log(A) + (1-Y) * np.log(1-A))
        dw = (1/m) * np.dot(X.T, (A-Y).T)
        db = (1/m) * np.sum(A-Y)
        return {"dw": dw, "db": db}, cost

    costs = []
    for num in range(num_iterations):
        gradients, cost = propagate(w, b, X, Y)
        dw = gradients["dw"]
        db = gradients["db"]
        w = w - learning_rate * dw
        b = b - learning_rate * db
        costs.append(cost)  # author: every 10 iterations
    return _flat(w, n), b, costs


# source: Ckhanoyan/deep-learning-from-scratch basics/sigmoid_gradient.md, gradient_descent(X, y, weights, learning_rate, iterations): the loss, gradient and `weights -= learning_rate * gradient` lines are indented outside the `for i in range(iterations):` loop (no bias in the model)
# verdict: WRONG — mis-indented loop: the predictions are recomputed `iterations` times but only one update is made; the update is in place (mutates the caller's w); b never changes
@wrong('gradient_descent', 'gd_bias_not_updated')
@real('Ckhanoyan/deep-learning-from-scratch basics/sigmoid_gradient.md, gradient_descent(X, y, weights, learning_rate, iterations): the loss, gradient and `weights -= learning_rate * gradient` lines are indented outside the `for i in range(iterations):` loop (no bias in the model)')
def gradient_descent_ckhanoyan(X, y, w, b, learning_rate, num_iterations):
    def compute_loss(y, predictions):
        m = len(y)  # Number of examples
        loss = -1/m * (np.dot(y, np.log(predictions)) + np.dot((1 - y), np.log(1 - predictions)))
        return loss

    def compute_gradient(X, y, predictions):
        m = len(y)  # Number of examples
        gradient = (1/m) * np.dot(X.T, (predictions - y))
        return gradient

    weights, iterations = w, num_iterations
    costs = []
    for i in range(iterations):
        # Compute predictions
        logits = np.dot(X, weights)
        predictions = _sigmoid(logits)

    # Compute loss
    loss = compute_loss(y, predictions)
    costs.append(loss)

    # Compute gradient
    gradient = compute_gradient(X, y, predictions)

    # Update weights
    weights -= learning_rate * gradient
    return weights, b, costs


# source: discuss.analyticsvidhya.com/t/gradient-descent-problem-in-titanic-dataset/69367 (the asker's loop): `eThetaX = expit(-thetaX); hx = 1/(1+eThetaX)`, `theta = thetanew - (alpha/m) * derivative.T`, cost from the NEW theta with `hx - epsilon` (epsilon = 0.1) and no minus sign (no bias term in the model)
# verdict: WRONG — expit() used as exp() (sigmoid applied twice), the cost has no minus sign and a 0.1 shift inside the logs, and it is computed after the update
@wrong('gradient_descent', 'gd_bias_not_updated')
@real("discuss.analyticsvidhya.com/t/gradient-descent-problem-in-titanic-dataset/69367 (the asker's loop): `eThetaX = expit(-thetaX); hx = 1/(1+eThetaX)`, `theta = thetanew - (alpha/m) * derivative.T`, cost from the NEW theta with `hx - epsilon` (epsilon = 0.1) and no minus sign (no bias term in the model)")
def gradient_descent_titanic(X, y, w, b, learning_rate, num_iterations):
    def expit(x):  # scipy.special.expit
        return 1 / (1 + np.exp(-x))
    Xt = X.T  # the asker's titanicTrain_gradient_X() is (features, examples)
    Y = np.asarray(y, dtype=float).reshape(-1, 1)
    thetanew = np.asarray(w, dtype=float).reshape(-1, 1)
    alpha, epsilon = learning_rate, 0.1
    errorLog = np.empty(num_iterations)
    for i in range(num_iterations):
        thetaX = np.dot(thetanew.transpose(), Xt)
        eThetaX = expit(-thetaX)
        denom = np.add(1, eThetaX)
        hx = np.divide(1, denom)
        diff = np.subtract(hx, Y.transpose())
        derivative = np.dot(diff, Xt.transpose())
        theta = np.subtract(thetanew, np.multiply((alpha/Xt.shape[1]), derivative.transpose()))
        thetaXNew = np.dot(theta.transpose(), Xt)
        eThetaXNew = expit(-thetaXNew)
        denomNew = np.add(1, eThetaXNew)
        hxNew = np.divide(1, denomNew)
        #To avoid divide by zero error in log
        hxNewLogSafe = np.subtract(hxNew, epsilon)
        costerror = np.divide(np.add(np.multiply(Y.transpose(), np.log(hxNewLogSafe)),
                                     np.multiply(np.subtract(1, Y.transpose()), np.log(np.subtract(1, hxNewLogSafe)))),
                              Y.shape[0])
        errorLog[i] = costerror.sum()
        thetanew = theta
    return thetanew[:, 0], b, list(errorLog)


# source: malys23/Dog-Identifier-ML src/optimize.py + src/propagate.py, optimize(weights, bias, X, Y, num_iterations, learning_rate): copy.deepcopy of the inputs, propagate with `A = 1 / (1 + np.exp(-1*(np.dot(weights.T, X)+bias)))`
# verdict: RIGHT
@right('gradient_descent')
@real('malys23/Dog-Identifier-ML src/optimize.py + src/propagate.py, optimize(weights, bias, X, Y, num_iterations, learning_rate): copy.deepcopy of the inputs, propagate with `A = 1 / (1 + np.exp(-1*(np.dot(weights.T, X)+bias)))`')
def gradient_descent_malys23(X, y, w, b, learning_rate, num_iterations):
    n = X.shape[1]
    X, Y, w = _to_course(X, y, w)

    def propagate(weights, bias, X, Y):
        m = X.shape[1]
        A = 1 / (1 + np.exp(-1*(np.dot(weights.T, X)+bias)))
        cost = (-1/m) * np.sum(Y*np.log(A)+(1-Y)*np.log(1-A))
        dweights = (1/m) * np.dot(X, (A-Y).T)
        dbias = (1/m) * np.sum(A-Y)
        cost = np.squeeze(np.array(cost))
        grads = {"dweights": dweights, "dbias": dbias}
        return grads, cost

    weights = copy.deepcopy(w)
    bias = copy.deepcopy(b)
    costs = []
    for i in range(num_iterations):
        gradients, cost = propagate(weights, bias, X, Y)
        dweights = gradients["dweights"]
        dbias = gradients["dbias"]
        weights = weights - learning_rate * dweights
        bias = bias - learning_rate * dbias
        costs.append(cost)  # author: every 100 iterations
    return _flat(weights, n), bias, costs


# source: yemal22/ml_stuff uvs/DeepLearning/.ipynb_checkpoints/neuron-checkpoint.py, artificial_neuron(X, y, learning_rate, n_iterations) with model (np.clip(Z, -50000, 50000)), log_loss (A clipped to [1e-15, 1 - 1e-15]), gradients, update; y as an (m, 1) column as in the author's script (starts from the given w, b instead of initialisation(X))
# verdict: RIGHT
@right('gradient_descent')
@real("yemal22/ml_stuff uvs/DeepLearning/.ipynb_checkpoints/neuron-checkpoint.py, artificial_neuron(X, y, learning_rate, n_iterations) with model (np.clip(Z, -50000, 50000)), log_loss (A clipped to [1e-15, 1 - 1e-15]), gradients, update; y as an (m, 1) column as in the author's script (starts from the given w, b instead of initialisation(X))")
def gradient_descent_yemal22(X, y, w, b, learning_rate, num_iterations):
    def model(X, W, b):
        Z = X.dot(W) + b
        Z = np.clip(Z, -50000, 50000)
        A = 1 / (1 + np.exp(-Z))
        return A

    def log_loss(A, y):
        epsilon = 1e-15  # Petite valeur pour éviter les log(0)
        A = np.clip(A, epsilon, 1 - epsilon)
        L = 1/len(y) * np.sum(-y * np.log(A) - (1 - y) * np.log(1 - A))
        return L

    def gradients(A, X, y):
        dw = 1/len(y) * np.dot(X.T, A - y)
        db = 1/len(y) * np.sum(A - y)
        return (dw, db)

    def update(dw, db, W, b, learning_rate):
        W = W - learning_rate*dw
        b = b - learning_rate*db
        return (W, b)

    n = X.shape[1]
    y = np.asarray(y).reshape((-1, 1))
    W, b = np.asarray(w, dtype=float).reshape(-1, 1), b
    costs = []
    for i in range(num_iterations):
        A = model(X, W, b)
        costs.append(log_loss(A, y))
        dw, db = gradients(A, X, y)
        W, b = update(dw, db, W, b, learning_rate)
    return _flat(W, n), b, costs


# ================================================================ predict

# source: MiguelTorresPerez/MachineLearningSpecialization SupervisedMachineLearning/LogisticRegression/exercise4.py, predict(X, w, b) (MLS C1 W3): loops, `p[i] = 1 if f_wb >= 0.5 else 0`, p = np.zeros(m)
# verdict: RIGHT
@right('predict')
@real('MiguelTorresPerez/MachineLearningSpecialization SupervisedMachineLearning/LogisticRegression/exercise4.py, predict(X, w, b) (MLS C1 W3): loops, `p[i] = 1 if f_wb >= 0.5 else 0`, p = np.zeros(m)')
def predict_migueltorres(X, w, b, threshold=0.5):
    m, n = X.shape
    p = np.zeros(m)
    for i in range(m):
        z_wb = 0
        for j in range(n):
            z_wb_ij = w[j]*X[i][j]
            z_wb += z_wb_ij
        z_wb += b
        f_wb = _sigmoid(z_wb)
        # Apply the threshold
        p[i] = 1 if f_wb >= threshold else 0
    return p


# source: HrishikeshMRao/AI-ML_CourseWorks cat_detector/predict.py, predict(w, b, X) (DLS C1 W2): `A = 1/(1+np.exp(-(np.dot(w.T,X)+b)))`, `if A[0, i] > 0.5 : Y_prediction[0,i] = 1`
# verdict: RIGHT — strict > (a probability of exactly 0.5 gives 0), float zeros array
@right('predict')
@real('HrishikeshMRao/AI-ML_CourseWorks cat_detector/predict.py, predict(w, b, X) (DLS C1 W2): `A = 1/(1+np.exp(-(np.dot(w.T,X)+b)))`, `if A[0, i] > 0.5 : Y_prediction[0,i] = 1`')
def predict_hrishikesh(X, w, b, threshold=0.5):
    n = X.shape[1]
    X = X.T
    m = X.shape[1]
    Y_prediction = np.zeros((1, m))
    w = w.reshape(X.shape[0], 1)
    A = 1/(1+np.exp(-(np.dot(w.T,X)+b)))
    for i in range(A.shape[1]):
        if A[0, i] > threshold :
            Y_prediction[0,i] = 1
        else:
            Y_prediction[0,i] = 0
    return Y_prediction[0]


# source: yemal22/ml_stuff uvs/DeepLearning/.ipynb_checkpoints/neuron-checkpoint.py, predict(X, W, b): `A = model(X, W, b); return (A >= 0.5).astype(int)`
# verdict: RIGHT
@right('predict')
@real('yemal22/ml_stuff uvs/DeepLearning/.ipynb_checkpoints/neuron-checkpoint.py, predict(X, W, b): `A = model(X, W, b); return (A >= 0.5).astype(int)`')
def predict_yemal22(X, w, b, threshold=0.5):
    def model(X, W, b):
        Z = X.dot(W) + b
        Z = np.clip(Z, -50000, 50000)
        A = 1 / (1 + np.exp(-Z))
        return A
    A = model(X, w, b)
    return (A >= threshold).astype(int)


# source: lucas066001/IllnessRecognition bootstrap/dl/local_lib/neuron.py, LinearNeuron.predict(X): `A = self.apply_sigmoide(X); return A >= 0.5`
# verdict: WRONG — returns a boolean array, not an int array of 0/1  [accepted: the fairness policy takes this representation; see README]
@right('predict')
@real('lucas066001/IllnessRecognition bootstrap/dl/local_lib/neuron.py, LinearNeuron.predict(X): `A = self.apply_sigmoide(X); return A >= 0.5`')
def predict_lucas066001(X, w, b, threshold=0.5):
    Z = X.dot(w) + b
    A = 1 / (1 + np.exp(-Z))
    return A >= threshold


# source: sriranjanac/Gradient-Descent-in-Logistic-Regression A9_MFC_PY.ipynb (student group A9, "Normal and Accelerated Gradient Descent in Logistic Regression"), predict(X, weights, bias, threshold=0.5): `return [1 if i > threshold else 0 for i in y_predicted]`
# verdict: WRONG — returns a Python list, not a NumPy int array (values right; strict >)  [accepted: the fairness policy takes this representation; see README]
@right('predict')
@real('sriranjanac/Gradient-Descent-in-Logistic-Regression A9_MFC_PY.ipynb (student group A9, "Normal and Accelerated Gradient Descent in Logistic Regression"), predict(X, weights, bias, threshold=0.5): `return [1 if i > threshold else 0 for i in y_predicted]`')
def predict_sriranjanac(X, w, b, threshold=0.5):
    weights, bias = w, b
    linear_model = np.dot(X, weights) + bias
    y_predicted = _sigmoid(linear_model)
    return [1 if i > threshold else 0 for i in y_predicted]


# ================================================================ make_minibatches

# source: YouYueHuang/SelfDrivingCarProjects P2-Traffic-Sign-Classifier/test/Shuffling_and_Partition.py, Shuffling_and_Partition(X, Y, mini_batch_size=64, seed=0): rows are examples, `num_complete_minibatches = math.ceil(m/mini_batch_size)` and plain slices
# verdict: RIGHT — with ceil, the last slice is the short batch
@right('make_minibatches')
@real('YouYueHuang/SelfDrivingCarProjects P2-Traffic-Sign-Classifier/test/Shuffling_and_Partition.py, Shuffling_and_Partition(X, Y, mini_batch_size=64, seed=0): rows are examples, `num_complete_minibatches = math.ceil(m/mini_batch_size)` and plain slices')
def make_minibatches_youyuehuang(X, y, batch_size, rng):
    mini_batch_size = batch_size
    m = X.shape[0]                  # number of training examples
    mini_batches = []
    permutation = list(rng.permutation(m))
    shuffled_X = X[permutation]
    shuffled_Y = y[permutation]
    num_complete_minibatches = math.ceil(m/mini_batch_size)
    for k in range(0, num_complete_minibatches):
        mini_batch_X = shuffled_X[k * mini_batch_size:(k + 1) * mini_batch_size]
        mini_batch_Y = shuffled_Y[k * mini_batch_size:(k + 1) * mini_batch_size]
        mini_batch = [mini_batch_X, mini_batch_Y]
        mini_batches.append(mini_batch)
    return mini_batches


# source: OH-Seoyoung/ML_Optimization_Methods Without_DL_framework/opti_mini.py, random_mini_batches(X, Y, mini_batch_size=64, seed=0) (DLS C2 W2): floor complete batches + `shuffled_X[:, int(m/mini_batch_size)*mini_batch_size : ]`
# verdict: RIGHT
@right('make_minibatches')
@real('OH-Seoyoung/ML_Optimization_Methods Without_DL_framework/opti_mini.py, random_mini_batches(X, Y, mini_batch_size=64, seed=0) (DLS C2 W2): floor complete batches + `shuffled_X[:, int(m/mini_batch_size)*mini_batch_size : ]`')
def make_minibatches_ohseoyoung(X, y, batch_size, rng):
    X, Y = X.T, np.asarray(y).reshape(1, -1)
    mini_batch_size = batch_size
    m = X.shape[1]      # training data
    mini_batches = []
    permutation = list(rng.permutation(m))
    shuffled_X = X[:, permutation]
    shuffled_Y = Y[:, permutation].reshape((Y.shape[0],m))
    num_complete_minibatches = math.floor(m/mini_batch_size) # the number of mini batches
    for k in range(0, num_complete_minibatches):
        mini_batch_X = shuffled_X[:, k*mini_batch_size : (k+1)*mini_batch_size]
        mini_batch_Y = shuffled_Y[:, k*mini_batch_size : (k+1)*mini_batch_size]
        mini_batch = (mini_batch_X, mini_batch_Y)
        mini_batches.append(mini_batch)
    # last mini batch
    if m % mini_batch_size != 0:
        mini_batch_X = shuffled_X[:, int(m/mini_batch_size)*mini_batch_size : ]
        mini_batch_Y = shuffled_Y[:, int(m/mini_batch_size)*mini_batch_size : ]
        mini_batch = (mini_batch_X, mini_batch_Y)
        mini_batches.append(mini_batch)
    return [(bx.T, by[0]) for bx, by in mini_batches]


# source: huypham9966/deep-learning random_mini_batches.py, random_mini_batches(X, Y, mini_batch_size=64): rows are examples, Y of shape (m, 1), `range(k * mini_batch_size, (k+1)*mini_batch_size)` index lists, end case `range(num_complete_minibatches * mini_batch_size, m)`
# verdict: RIGHT
@right('make_minibatches')
@real('huypham9966/deep-learning random_mini_batches.py, random_mini_batches(X, Y, mini_batch_size=64): rows are examples, Y of shape (m, 1), `range(k * mini_batch_size, (k+1)*mini_batch_size)` index lists, end case `range(num_complete_minibatches * mini_batch_size, m)`')
def make_minibatches_huypham(X, y, batch_size, rng):
    Y = np.asarray(y).reshape(-1, 1)
    mini_batch_size = batch_size
    m = X.shape[0]                  # number of training examples
    mini_batches = []
    permutation = list(rng.permutation(m))
    shuffled_X = X[permutation, :]
    shuffled_Y = Y[permutation, :].reshape((m,1))
    num_complete_minibatches = math.floor(m/mini_batch_size)
    for k in range(0, num_complete_minibatches):
        mini_batch_X = shuffled_X[range(k * mini_batch_size, (k+1)*mini_batch_size), :]
        mini_batch_Y = shuffled_Y[range(k * mini_batch_size, (k+1)*mini_batch_size), :].reshape((mini_batch_size,1))
        mini_batch = (mini_batch_X, mini_batch_Y)
        mini_batches.append(mini_batch)
    if m % mini_batch_size != 0:
        mini_batch_X = shuffled_X[range(num_complete_minibatches * mini_batch_size, m), :]
        mini_batch_Y = shuffled_Y[range(num_complete_minibatches * mini_batch_size, m), :]
        mini_batch = (mini_batch_X, mini_batch_Y)
        mini_batches.append(mini_batch)
    return [(bx, by[:, 0]) for bx, by in mini_batches]


# source: thuml/Transferable-Adversarial-Training pytorch/data.py, shuffle(X, Y) + get_mini_batches(X, Y, mini_batch_size): `num_complete = num_examples // mini_batch_size`, remainder appended `if 0 != num_examples % mini_batch_size`
# verdict: RIGHT
@right('make_minibatches')
@real('thuml/Transferable-Adversarial-Training pytorch/data.py, shuffle(X, Y) + get_mini_batches(X, Y, mini_batch_size): `num_complete = num_examples // mini_batch_size`, remainder appended `if 0 != num_examples % mini_batch_size`')
def make_minibatches_thuml(X, y, batch_size, rng):
    def shuffle(X, Y):
        m = X.shape[0]
        permutation = list(rng.permutation(m))
        X_shuffle = X[permutation]
        Y_shuffle = Y[permutation]
        shuffles = {"X_shuffle": X_shuffle, "Y_shuffle": Y_shuffle}
        return shuffles
    mini_batch_size = batch_size
    shuffles = shuffle(X, y)
    num_examples = shuffles["X_shuffle"].shape[0]
    num_complete =  num_examples // mini_batch_size
    mini_batches = []
    for i in range(num_complete):
        mini_batches.append([shuffles["X_shuffle"][i * mini_batch_size:(i + 1) * mini_batch_size], shuffles["Y_shuffle"][i * mini_batch_size:(i + 1) * mini_batch_size]])
    if 0 == num_examples % mini_batch_size:
        pass
    else:
        mini_batches.append([shuffles["X_shuffle"][num_complete * mini_batch_size:], shuffles["Y_shuffle"][num_complete * mini_batch_size:]])
    return mini_batches


# source: Stack Overflow answer by "Ash" (quoted at cfs.mostlyvoid.xyz search page for "mini batch gradient descent python code"), iterate_minibatches(inputs, targets, batchsize, shuffle=True): `for start_idx in range(0, inputs.shape[0] - batchsize + 1, batchsize)`
# verdict: WRONG — the range stops before the last partial batch: the m % batch_size leftover examples are never used
@wrong('make_minibatches', 'dropped_last')
@real('Stack Overflow answer by "Ash" (quoted at cfs.mostlyvoid.xyz search page for "mini batch gradient descent python code"), iterate_minibatches(inputs, targets, batchsize, shuffle=True): `for start_idx in range(0, inputs.shape[0] - batchsize + 1, batchsize)`')
def make_minibatches_so_ash(X, y, batch_size, rng):
    inputs, targets, batchsize, shuffle = X, y, batch_size, True
    assert inputs.shape[0] == targets.shape[0]
    if shuffle:
        indices = np.arange(inputs.shape[0])
        rng.shuffle(indices)
    out = []
    for start_idx in range(0, inputs.shape[0] - batchsize + 1, batchsize):
        if shuffle:
            excerpt = indices[start_idx:start_idx + batchsize]
        else:
            excerpt = slice(start_idx, start_idx + batchsize)
        out.append((inputs[excerpt], targets[excerpt]))  # author: yield
    return out


# source: YanaGlad/LinearModels BatchGenerator.py, generate_batches(X, y, batch_size): `perm = np.random.permutation(len(X))`, `for i in range(len(X) // batch_size)`
# verdict: WRONG — len(X) // batch_size full batches only: the leftover examples are dropped (the script's own check counts 100 // 7 batches)
@wrong('make_minibatches', 'dropped_last')
@real('YanaGlad/LinearModels BatchGenerator.py, generate_batches(X, y, batch_size): `perm = np.random.permutation(len(X))`, `for i in range(len(X) // batch_size)`')
def make_minibatches_yanaglad(X, y, batch_size, rng):
    assert len(X) == len(y)
    perm = rng.permutation(len(X))
    out = []
    for i in range(len(X) // batch_size):
        start = i * batch_size
        end = (i + 1) * batch_size
        X_new = X[perm[start: end]]
        y_new = y[perm[start: end]]
        out.append((X_new, y_new))  # author: yield
    return out


# source: YanWenqiang/TensorFlow-TCN src/utils.py, data_generator(batch_size, data): `batches = num_data // batch_size`, shuffle of zip(x, y), `for i in range(batches)`
# verdict: WRONG — drops the last m % batch_size examples; also returns tuples of rows (zip(*data)), not arrays
@wrong('make_minibatches', 'dropped_last')
@real('YanWenqiang/TensorFlow-TCN src/utils.py, data_generator(batch_size, data): `batches = num_data // batch_size`, shuffle of zip(x, y), `for i in range(batches)`')
def make_minibatches_yanwenqiang(X, y, batch_size, rng):
    x, y = X, y
    num_data = x.shape[0]
    batches = num_data // batch_size
    data = list(zip(x, y))
    order = rng.permutation(len(data))  # author: np.random.shuffle(data)
    data = [data[k] for k in order]
    x, y = zip(*data)
    out = []
    for i in range(batches):
        x_batch = x[i * batch_size : (1 + i) * batch_size]
        y_batch = y[i * batch_size : (i + 1) * batch_size]
        out.append((x_batch, y_batch))  # author: yield
    return out


# source: kelaaditya/deep-algos utils/batchify.py, batchify(X, y, batch_size): `for i in range(0, len(X) - batch_size + 1, batch_size): yield(X[i: i + batch_size], y[i: i + batch_size])`
# verdict: WRONG — no shuffle, and the range drops the last partial batch
@wrong('make_minibatches', 'dropped_last')
@real('kelaaditya/deep-algos utils/batchify.py, batchify(X, y, batch_size): `for i in range(0, len(X) - batch_size + 1, batch_size): yield(X[i: i + batch_size], y[i: i + batch_size])`')
def make_minibatches_kelaaditya(X, y, batch_size, rng):
    out = []
    for i in range(0, len(X) - batch_size + 1, batch_size):
        out.append((X[i: i + batch_size], y[i: i + batch_size]))  # author: yield
    return out


# ================================================================ train_minibatch

# source: soukainahikma/ft_logistic_regression_42 ft_ldsr_sgd/logreg.py, mini_batch_stochastic_gradient_descent(X, y, n_classes, batch_size, learning_rate, n_iterations): W (n, n_classes) random, per-epoch permutation, `for j in range(0, n_samples, batch_size)`, grad_log_loss = np.mean(error * X, axis=0), `W -= learning_rate * dW`, and `loss = log_loss(X, y, W, b)` every 100 epochs (log_loss takes 2 arguments); here n_classes = 1, y as an (m, 1) column
# verdict: WRONG — crashes (crashing is the author's): dW of shape (n,) cannot be subtracted in place from W of shape (n, 1), and log_loss is called with 4 arguments; also starts from random W, not zeros
@wrong('train_minibatch', 'shape_mismatch')
@real('soukainahikma/ft_logistic_regression_42 ft_ldsr_sgd/logreg.py, mini_batch_stochastic_gradient_descent(X, y, n_classes, batch_size, learning_rate, n_iterations): W (n, n_classes) random, per-epoch permutation, `for j in range(0, n_samples, batch_size)`, grad_log_loss = np.mean(error * X, axis=0), `W -= learning_rate * dW`, and `loss = log_loss(X, y, W, b)` every 100 epochs (log_loss takes 2 arguments); here n_classes = 1, y as an (m, 1) column')
def train_minibatch_soukaina(X, y, batch_size, learning_rate, epochs, seed=0):
    rng = np.random.default_rng(seed)

    def log_loss(y_true, y_pred):
        return -np.mean(y_true * np.log(y_pred) + (1 - y_true) * np.log(1 - y_pred))

    def grad_log_loss(X, y_batch, y_pred):
        error = y_pred - y_batch
        gradient_bias = np.mean(error)
        gradient_weights = np.mean(error * X, axis=0)
        return gradient_weights, gradient_bias

    n_classes, n_iterations = 1, epochs
    y = np.asarray(y, dtype=float).reshape(-1, 1)
    n_samples, n_features = X.shape
    W = rng.standard_normal((n_features, n_classes))
    b = np.zeros((1, n_classes))
    epoch_costs = []
    for i in range(n_iterations):
        permutation = rng.permutation(n_samples)
        X_shuffled = X[permutation]
        y_shuffled = y[permutation]
        for j in range(0, n_samples, batch_size):
            X_batch = X_shuffled[j:j+batch_size]
            y_batch = y_shuffled[j:j+batch_size]
            z = np.dot(X_batch, W) + b
            y_pred = _sigmoid(z)
            dW, db = grad_log_loss(X_batch,y_batch,y_pred)
            W -= learning_rate * dW
            b -= learning_rate * db
        if i % 100 == 0:
            loss = log_loss(X, y, W, b)
        epoch_costs.append(log_loss(y, _sigmoid(X @ W + b)))
    return W[:, 0], float(b[0, 0]), epoch_costs


# source: tdudz/libml-py libml-py/descent_methods/minibatch_gradient_descent.py, minibatch_gradient_descent(X, y, gradient, batch_size, theta=None, learning_rate, iterations): theta zeros, `shuffled = map(np.random.permutation, X)` (never used), `for i in xrange(0,len(y),batch_size): theta = np.subtract(theta, learning_rate * gradient(X[i:i+batch_size], y[i:i+batch_size], theta))`; the caller's gradient here is the mean logistic gradient, theta = [b, w] on [1 | X], and the epoch cost is logged by the translation
# verdict: WRONG — never shuffles: the shuffled copy is computed and thrown away (and would permute each example's features, not the examples), so every epoch walks the examples in the same order
@wrong('train_minibatch', 'same_order_every_epoch')
@real("tdudz/libml-py libml-py/descent_methods/minibatch_gradient_descent.py, minibatch_gradient_descent(X, y, gradient, batch_size, theta=None, learning_rate, iterations): theta zeros, `shuffled = map(np.random.permutation, X)` (never used), `for i in xrange(0,len(y),batch_size): theta = np.subtract(theta, learning_rate * gradient(X[i:i+batch_size], y[i:i+batch_size], theta))`; the caller's gradient here is the mean logistic gradient, theta = [b, w] on [1 | X], and the epoch cost is logged by the translation")
def train_minibatch_tdudz(X, y, batch_size, learning_rate, epochs, seed=0):
    X1 = np.column_stack([np.ones(X.shape[0]), X])
    Y = np.asarray(y, dtype=float).reshape(-1, 1)

    def gradient(Xb, yb, theta):
        return Xb.T.dot(_sigmoid(Xb.dot(theta)) - yb) / Xb.shape[0]

    def cost(theta):
        a = _sigmoid(X1.dot(theta))
        return float(-np.mean(Y * np.log(a) + (1 - Y) * np.log(1 - a)))

    theta = np.zeros((len(X1[0]),1))
    epoch_costs = []
    for _ in range(epochs):
        shuffled = map(np.random.permutation, X1)
        for i in range(0,len(Y),batch_size):
            theta = np.subtract(theta, learning_rate * gradient(X1[i:i+batch_size], Y[i:i+batch_size], theta))
        epoch_costs.append(cost(theta))
    return theta[1:, 0], float(theta[0, 0]), epoch_costs


# ================================================================ momentum_update

# source: DeepakSridhar/Deep-Learning-Coursera Course-2/Optimization/update_momentum.py, update_parameters_with_momentum(parameters, grads, v, beta, learning_rate): `v = beta*v + (1-beta)*grad; W = W - learning_rate*v`
# verdict: RIGHT — one layer: parameters = {"W1": w, "b1": b}
@right('momentum_update')
@real('DeepakSridhar/Deep-Learning-Coursera Course-2/Optimization/update_momentum.py, update_parameters_with_momentum(parameters, grads, v, beta, learning_rate): `v = beta*v + (1-beta)*grad; W = W - learning_rate*v`')
def momentum_update_deepaksridhar(w, b, dw, db, v_w, v_b, learning_rate, beta=0.9):
    parameters, grads, v = {"W1": w, "b1": b}, {"dW1": dw, "db1": db}, {"dW1": v_w, "db1": v_b}
    L = len(parameters) // 2  # number of layers in the neural networks
    for l in range(L):
        # compute velocities
        v["dW" + str(l + 1)] = beta * v["dW" + str(l + 1)] + (1 - beta) * grads["dW" + str(l + 1)]
        v["db" + str(l + 1)] = beta * v["db" + str(l + 1)] + (1 - beta) * grads["db" + str(l + 1)]
        # update parameters
        parameters["W" + str(l + 1)] = parameters["W" + str(l + 1)] - learning_rate * v["dW" + str(l + 1)]
        parameters["b" + str(l + 1)] = parameters["b" + str(l + 1)] - learning_rate * v["db" + str(l + 1)]
    return parameters["W1"], parameters["b1"], v["dW1"], v["db1"]


# source: Srijan2001/Backpropagation-Algorithm Momentum.py, update_parameters_with_momentum(parameters, grads, v, beta, learning_rate)
# verdict: RIGHT
@right('momentum_update')
@real('Srijan2001/Backpropagation-Algorithm Momentum.py, update_parameters_with_momentum(parameters, grads, v, beta, learning_rate)')
def momentum_update_srijan2001(w, b, dw, db, v_w, v_b, learning_rate, beta=0.9):
    parameters, grads, v = {"W1": w, "b1": b}, {"dW1": dw, "db1": db}, {"dW1": v_w, "db1": v_b}
    L = len(parameters) // 2
    for l in range(L):
        v["dW" + str(l+1)] = beta*v["dW" + str(l+1)]+(1-beta)*grads["dW" + str(l+1)]
        v["db" + str(l+1)] = beta*v["db" + str(l+1)]+(1-beta)*grads["db" + str(l+1)]

        parameters["W" + str(l+1)] = parameters["W" + str(l+1)]-learning_rate*v["dW" + str(l+1)]		      # update parameters
        parameters["b" + str(l+1)] = parameters["b" + str(l+1)]-learning_rate*v["db" + str(l+1)]
    return parameters["W1"], parameters["b1"], v["dW1"], v["db1"]


# source: SpiderNitt/web-wednesdays PopulerOptimizers_AmarRokade/momentum.py, update_params_with_momentum(params, grads, v, beta, learning_rate): layers indexed from 0, returns params only (v is updated in the dict)
# verdict: RIGHT
@right('momentum_update')
@real('SpiderNitt/web-wednesdays PopulerOptimizers_AmarRokade/momentum.py, update_params_with_momentum(params, grads, v, beta, learning_rate): layers indexed from 0, returns params only (v is updated in the dict)')
def momentum_update_spidernitt(w, b, dw, db, v_w, v_b, learning_rate, beta=0.9):
    params, grads, v = {"W0": w, "b0": b}, {"dW0": dw, "db0": db}, {"dW0": v_w, "db0": v_b}
    for l in range(len(params) // 2 ):
        # HERE WE COMPUTING THE VELOCITIES
        v["dW" + str(l)] = beta * v["dW" + str(l)] + (1 - beta) * grads['dW' + str(l)]
        v["db" + str(l)] = beta * v["db" + str(l)] + (1 - beta) * grads['db' + str(l)]

        #updating parameters W and b
        params["W" + str(l)] = params["W" + str(l)] - learning_rate * v["dW" + str(l)]
        params["b" + str(l)] = params["b" + str(l)] - learning_rate * v["db" + str(l)]
    return params["W0"], params["b0"], v["dW0"], v["db0"]


# source: warmsirius/code-evolution Ai/deep_learning_scratch/ch06/momentum.py, Momentum.update(params, grads) (a transcription of "Deep Learning from Scratch" ch. 6): `self.v[key] = self.momentum * self.v[key] - self.lr * grads[key]; params[key] += self.v[key]`
# verdict: WRONG — classical momentum convention (v ← βv − αg, θ ← θ + v: no (1 − β), α inside v) instead of v ← βv + (1 − β)g, θ ← θ − αv; and params are updated in place
@wrong('momentum_update', 'momentum_classical')
@real('warmsirius/code-evolution Ai/deep_learning_scratch/ch06/momentum.py, Momentum.update(params, grads) (a transcription of "Deep Learning from Scratch" ch. 6): `self.v[key] = self.momentum * self.v[key] - self.lr * grads[key]; params[key] += self.v[key]`')
def momentum_update_warmsirius(w, b, dw, db, v_w, v_b, learning_rate, beta=0.9):
    lr, momentum = learning_rate, beta
    params, grads = {"W": w, "b": b}, {"W": dw, "b": db}
    v = {"W": v_w, "b": v_b}
    for key in params.keys():
        v[key] = momentum * v[key] - lr * grads[key]
        params[key] += v[key]
    return params["W"], params["b"], v["W"], v["b"]


# source: YikangLi2003/Deep-Learning-with-Python momentum_stochastic_gradient_decent.py (after Chollet's pseudo-code): `velocity = past_velocity * momentum - learning_rate * gradient; w = w + momentum * velocity - learning_rate * gradient`
# verdict: WRONG — a Nesterov-style classical form (velocity carries −α g; w gets momentum·velocity − α g), not the course's exponentially weighted average
@wrong('momentum_update', 'momentum_nesterov')
@real("YikangLi2003/Deep-Learning-with-Python momentum_stochastic_gradient_decent.py (after Chollet's pseudo-code): `velocity = past_velocity * momentum - learning_rate * gradient; w = w + momentum * velocity - learning_rate * gradient`")
def momentum_update_yikangli(w, b, dw, db, v_w, v_b, learning_rate, beta=0.9):
    momentum = beta

    def step(w, gradient, past_velocity):
        velocity = past_velocity * momentum - learning_rate * gradient
        w = w + momentum * velocity - learning_rate * gradient
        return w, velocity
    w, v_w = step(w, dw, v_w)
    b, v_b = step(b, db, v_b)
    return w, b, v_w, v_b


# source: arunbailwal30/Btech-2023-27 CSE4-A2/Arun_Bailwal/ML/housePrediction/gradientDescent.py, do_momentum_gradient_descent(): `v_w = gamma * prev_v_w + eta*dw; w = w - v_w`
# verdict: WRONG — classical momentum: the learning rate is inside v and there is no (1 − β) factor (steps ~1/(1 − β) times larger)
@wrong('momentum_update', 'momentum_classical')
@real('arunbailwal30/Btech-2023-27 CSE4-A2/Arun_Bailwal/ML/housePrediction/gradientDescent.py, do_momentum_gradient_descent(): `v_w = gamma * prev_v_w + eta*dw; w = w - v_w`')
def momentum_update_arunbailwal(w, b, dw, db, v_w, v_b, learning_rate, beta=0.9):
    eta, gamma = learning_rate, beta
    prev_v_w, prev_v_b = v_w, v_b
    v_w = gamma * prev_v_w + eta*dw
    v_b = gamma * prev_v_b + eta*db
    w= w - v_w
    b = b- v_b
    return w, b, v_w, v_b


# source: KyoyaTokikawa/deep-learning-from-scratch mine_2/OptimizationAlgorithm/MomentumSGD.py, momentumSGD.update(params, grads): `self.v = []` then `self.v[key] = np.zeros.like(val)`, `for key in params.key():`, `self.v[key] = self.momentum * self.v[key] - self.lr * grads[key]; params[key] += self.v[key]`
# verdict: WRONG — crashes on the first call (crashing is the author's): a list indexed by a string key (and np.zeros.like, params.key()); behind it, the classical in-place convention v = μv − αg, θ += v
@wrong('momentum_update', 'exception')
@real('KyoyaTokikawa/deep-learning-from-scratch mine_2/OptimizationAlgorithm/MomentumSGD.py, momentumSGD.update(params, grads): `self.v = []` then `self.v[key] = np.zeros.like(val)`, `for key in params.key():`, `self.v[key] = self.momentum * self.v[key] - self.lr * grads[key]; params[key] += self.v[key]`')
def momentum_update_kyoya(w, b, dw, db, v_w, v_b, learning_rate, beta=0.9):
    class momentumSGD:
        def __init__(self, lr, momentum):
            self.lr = lr
            self.momentum = momentum
            self.v = None
        def update(self, params, grads):
            if self.v is None:
                self.v = []
                for key, val in params.items():
                    self.v[key] = np.zeros.like(val)
            for key in params.key():
                self.v[key] = self.momentum * self.v[key] - self.lr * grads[key]
                params[key] += self.v[key]
            return params
    opt = momentumSGD(learning_rate, beta)
    params = opt.update({"W": w, "b": b}, {"W": dw, "b": db})
    return params["W"], params["b"], opt.v["W"], opt.v["b"]


# ================================================================ train_momentum

# source: arunbailwal30/Btech-2023-27 CSE4-A2/Arun_Bailwal/ML/housePrediction/gradientDescent.py, do_momentum_gradient_descent() with grad_w = (fx-y)*fx*(1-fx)*x summed over the examples and error(w,b) = Σ 0.5 (fx-y)² (the author's own cost, logged here before each update); starts from w = b = -2 in the original, from zeros here
# verdict: WRONG — squared-error loss (not log loss), summed (no 1/m), and classical momentum (v = γv + η·dw, w -= v)
@wrong('train_momentum', 'wrong_value')
@real("arunbailwal30/Btech-2023-27 CSE4-A2/Arun_Bailwal/ML/housePrediction/gradientDescent.py, do_momentum_gradient_descent() with grad_w = (fx-y)*fx*(1-fx)*x summed over the examples and error(w,b) = Σ 0.5 (fx-y)² (the author's own cost, logged here before each update); starts from w = b = -2 in the original, from zeros here")
def train_momentum_arunbailwal(X, y, learning_rate, num_iterations, beta=0.9):
    def f(w,b,x):
        return 1.0/(1.0+ np.exp(-(np.dot(w, x)+b)))

    def error(w,b):
        err= 0.0
        for x,yy in zip(X,y):
            fx = f(w,b,x)
            err+= 0.5 *(fx-yy)**2
        return err

    def grad_b(w,b,x,y):
        fx = f(w,b,x)
        return (fx-y)*fx*(1-fx)

    def grad_w(w,b,x,y):
        fx = f(w,b,x)
        return (fx-y)*fx*(1-fx)*x

    w, b, eta, max_epochs = np.zeros(X.shape[1]), 0.0, learning_rate, num_iterations
    prev_v_w, prev_v_b, gamma = 0,0,beta
    costs = []
    for i in range(max_epochs):
        costs.append(error(w, b))
        dw, db = 0,0
        for x,yy in zip(X,y):
            dw += grad_w(w,b,x,yy)
            db += grad_b(w,b,x,yy)
        v_w = gamma * prev_v_w + eta*dw
        v_b = gamma * prev_v_b + eta*db

        w= w - v_w
        b = b- v_b
        prev_v_w = v_w
        prev_v_b = v_b
    return w, b, costs


# source: ksjadeja/Ml momentum_grad.py, do_grad_descent(): `prev_v_w,prev_v_b,gamma=0,0,0.9` are set but never used; `w -= dw * eta; b -= db * eta` with the squared-error grad_w/grad_b summed over examples (the author's loss(w,b) logged before each update; zeros start instead of w = b = 2)
# verdict: WRONG — the momentum terms are declared and never used (plain gradient descent), on a summed squared-error loss
@wrong('train_momentum', 'wrong_value')
@real("ksjadeja/Ml momentum_grad.py, do_grad_descent(): `prev_v_w,prev_v_b,gamma=0,0,0.9` are set but never used; `w -= dw * eta; b -= db * eta` with the squared-error grad_w/grad_b summed over examples (the author's loss(w,b) logged before each update; zeros start instead of w = b = 2)")
def train_momentum_ksjadeja(X, y, learning_rate, num_iterations, beta=0.9):
    def f(w,b,x):
        return 1/ (1 + np.exp(-(np.dot(w, x) + b)))

    def loss(w,b):
        err = 0
        for (x,yy) in zip(X,y):
            fx = f(w,b,x)
            err += 0.5 * (fx - yy)**2
        return err

    def grad_w(w,b,x,y):
        fx = f(w,b,x)
        return (fx - y) * fx * (1-fx) * x

    def grad_b(w,b,x,y):
        fx = f(w,b,x)
        return (fx - y) * fx * (1-fx)

    w,b,eta,max_epochs = np.zeros(X.shape[1]),0.0,learning_rate,num_iterations
    prev_v_w,prev_v_b,gamma=0,0,beta
    costs = []
    for i in range(max_epochs):
        costs.append(loss(w, b))
        dw,db=0,0
        for (x,yy) in zip(X,y):
            dw += grad_w(w,b,x,yy)
            db += grad_b(w,b,x,yy)

        w -= dw * eta
        b -= db * eta
    return w, b, costs


# source: sriranjanac/Gradient-Descent-in-Logistic-Regression A9_MFC_PY.ipynb, logistic_regression_gradient_descent_with_momentum(X, y, learning_rate=0.2, iters=1001, beta=0.9): zeros start, `V_dw = beta * V_dw + (1 - beta) * dw`, `weights -= learning_rate * V_dw`, cost from the pre-update y_predicted (printed every 200 iterations; logged every iteration here)
# verdict: RIGHT
@right('train_momentum')
@real('sriranjanac/Gradient-Descent-in-Logistic-Regression A9_MFC_PY.ipynb, logistic_regression_gradient_descent_with_momentum(X, y, learning_rate=0.2, iters=1001, beta=0.9): zeros start, `V_dw = beta * V_dw + (1 - beta) * dw`, `weights -= learning_rate * V_dw`, cost from the pre-update y_predicted (printed every 200 iterations; logged every iteration here)')
def train_momentum_sriranjanac(X, y, learning_rate, num_iterations, beta=0.9):
    def compute_cost(y_true, y_predicted):
        m = len(y_true)
        cost = - (1 / m) * np.sum(y_true * np.log(y_predicted) + (1 - y_true) * np.log(1 - y_predicted))
        return cost

    iters = num_iterations
    n_samples, n_features = X.shape
    weights = np.zeros(n_features)
    bias = 0

    # Initialize momentum terms
    V_dw = np.zeros(n_features)
    V_db = 0
    costs = []
    for iter in range(iters):
        linear_model = np.dot(X, weights) + bias
        y_predicted = _sigmoid(linear_model)

        # Compute gradients
        dw = (1 / n_samples) * np.dot(X.T, (y_predicted - y))
        db = (1 / n_samples) * np.sum(y_predicted - y)

        # Update momentum terms
        V_dw = beta * V_dw + (1 - beta) * dw
        V_db = beta * V_db + (1 - beta) * db

        # Update weights and bias with momentum
        weights -= learning_rate * V_dw
        bias -= learning_rate * V_db

        costs.append(compute_cost(y, y_predicted))  # author: printed when iter % 200 == 0
    return weights, bias, costs
