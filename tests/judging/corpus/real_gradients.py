"""example_gradients, update_parameters, compute_cost, gradients_loop, cost_and_gradients: real code, translated.

Translation conventions
- Coursera DLS code (X of shape (n, m), Y of shape (1, m), w of shape (n, 1)) is run on X.T, y.reshape(1, m),
  w.reshape(n, 1) and its dw is turned back to shape (n,) only when it has the shape (n, 1) the author intended;
  any other shape the author's code produces is returned as is.
- ML Specialization code returns (dj_db, dj_dw); the translation returns (dw, db) in the curriculum's order.
- "theta" code (bias as theta[0], X with a column of ones) is run on theta = [b, w...], X1 = [1 | X].
"""

import math

import numpy as np

from . import real, right, wrong
from .translation import on_one_example as _on_one_example
from .translation import sigmoid as _sigmoid
from .translation import to_course as _to_course
from .translation import to_flat as _dw_back


# ================================================================ example_gradients

# source: ksjadeja/Ml momentum_grad.py, grad_w(w,b,x,y): `fx = f(w,b,x); return (fx - y) * fx * (1-fx) * x`, grad_b likewise (the sigmoid-neuron toy of the IIT-Madras/One-Fourth-Labs deep learning course), with w*x extended to w1*x1 + w2*x2
# verdict: WRONG — gradient of the squared error 0.5 (a − y)² (extra factor a(1 − a)), not of the log loss
@wrong('example_gradients', 'example_squared_error_gradient')
@real('ksjadeja/Ml momentum_grad.py, grad_w(w,b,x,y): `fx = f(w,b,x); return (fx - y) * fx * (1-fx) * x`, grad_b likewise (the sigmoid-neuron toy of the IIT-Madras/One-Fourth-Labs deep learning course), with w*x extended to w1*x1 + w2*x2')
def example_gradients_ksjadeja(x1, x2, y, w1, w2, b):
    def f(w1, w2, b, x1, x2):
        return 1/ (1 + np.exp(-(w1 * x1 + w2 * x2 + b)))
    fx = f(w1, w2, b, x1, x2)
    dw1 = (fx - y) * fx * (1-fx) * x1
    dw2 = (fx - y) * fx * (1-fx) * x2
    db = (fx - y) * fx * (1-fx)
    return dw1, dw2, db


# ================================================================ update_parameters

# source: kumar-gaurav-mishra/DeepLearning_And_Machine_Learning_Concepts (Advanced Optimization Methods notebook), update_params_with_gd(params, grads, lr): `params['W' + str(l+1)] = params['W' + str(l+1)] - lr * grads['dW' + str(l+1)]`
# verdict: RIGHT — one layer: params = {"W1": w, "b1": b}
@right('update_parameters')
@real("kumar-gaurav-mishra/DeepLearning_And_Machine_Learning_Concepts (Advanced Optimization Methods notebook), update_params_with_gd(params, grads, lr): `params['W' + str(l+1)] = params['W' + str(l+1)] - lr * grads['dW' + str(l+1)]`")
def update_parameters_kgmishra(w, b, dw, db, learning_rate):
    params, grads, lr = {"W1": w, "b1": b}, {"dW1": dw, "db1": db}, learning_rate
    L = len(params) // 2

    for l in range(L):
        params['W' + str(l+1)] = params['W' + str(l+1)] - lr * grads['dW' + str(l+1)]
        params['b' + str(l+1)] = params['b' + str(l+1)] - lr * grads['db' + str(l+1)]
    return params["W1"], params["b1"]


# source: GraphicsMonster/logistic-regression-cat-classifier train_funcs.py, the update lines of optimize(): `w = w - learning_rate * dw; b = b - learning_rate * db`
# verdict: RIGHT
@right('update_parameters')
@real('GraphicsMonster/logistic-regression-cat-classifier train_funcs.py, the update lines of optimize(): `w = w - learning_rate * dw; b = b - learning_rate * db`')
def update_parameters_graphicsmonster(w, b, dw, db, learning_rate):
    w = w - learning_rate * dw
    b = b - learning_rate * db
    return w, b


# source: andrew-atkinson/deeplearning-js server/app/optimize.js (a JavaScript port of the DLS optimize), `w = -learning_rate * dw; b = -learning_rate * db`
# verdict: WRONG — drops the old value: assigns −α·dw instead of w − α·dw
@wrong('update_parameters', 'update_drops_parameters')
@real('andrew-atkinson/deeplearning-js server/app/optimize.js (a JavaScript port of the DLS optimize), `w = -learning_rate * dw; b = -learning_rate * db`')
def update_parameters_atkinson(w, b, dw, db, learning_rate):
    w = -learning_rate * dw
    b = -learning_rate * db
    return w, b


# source: aminkan/Machine-Learning LinearRegression.py, model(): `W -= learning_rate * dW; b -= learning_rate * db` (W is the caller's array)
# verdict: WRONG — in-place update: mutates the caller's w
@wrong('update_parameters', 'mutates_input')
@real("aminkan/Machine-Learning LinearRegression.py, model(): `W -= learning_rate * dW; b -= learning_rate * db` (W is the caller's array)")
def update_parameters_aminkan(w, b, dw, db, learning_rate):
    W = w
    W -= learning_rate * dw
    b -= learning_rate * db
    return W, b


# source: tanmoyio/GradMan optimizer/gradient_descent.py, gradient_descent.optimize(weights, grad, derivative): `return weights - 1000*grad*derivative` (self.lr = 0.0001 is never used)
# verdict: WRONG — ignores the learning rate: a hard-coded step of 1000
@wrong('update_parameters', 'update_fixed_step')
@real('tanmoyio/GradMan optimizer/gradient_descent.py, gradient_descent.optimize(weights, grad, derivative): `return weights - 1000*grad*derivative` (self.lr = 0.0001 is never used)')
def update_parameters_gradman(w, b, dw, db, learning_rate):
    def optimize(weights, grad, derivative):
        return weights - 1000*grad*derivative
    return optimize(w, dw, 1), optimize(b, db, 1)


# source: datascience.stackexchange.com/questions/40796 "Logistic regression from scratch in Python", the version the asker says works: `self.w_[1:] -= self.alpha*gradient; self.w_[0] -= x0@(h - y)/m # Remove the learning rate term`
# verdict: WRONG — the bias step has no learning rate (b − db); also in place on the weights
@wrong('update_parameters', 'no_learning_rate')
@real('datascience.stackexchange.com/questions/40796 "Logistic regression from scratch in Python", the version the asker says works: `self.w_[1:] -= self.alpha*gradient; self.w_[0] -= x0@(h - y)/m # Remove the learning rate term`')
def update_parameters_dsse40796(w, b, dw, db, learning_rate):
    w_ = np.concatenate([[b], w])
    w_[1:] -= learning_rate*dw
    w_[0] -= db  # Remove the learning rate term
    return w_[1:], w_[0]


# ================================================================ compute_cost

# source: Silva-6/stanford-machine_learning 00-supervised_learning/practice_lab/compute_cost_logistic.py, compute_cost(X, y, w, b): loss_sum loop
# verdict: RIGHT
@right('compute_cost')
@real('Silva-6/stanford-machine_learning 00-supervised_learning/practice_lab/compute_cost_logistic.py, compute_cost(X, y, w, b): loss_sum loop')
def compute_cost_silva6(X, y, w, b):
    m, n = X.shape
    m = X.shape[0]
    loss_sum = 0
    for i in range(m):
        z_i = np.dot(X[i], w) + b
        f_wb_i = _sigmoid(z_i)
        loss_sum += -y[i] * np.log(f_wb_i) - (1 - y[i]) * np.log(1 - f_wb_i)

    total_cost = loss_sum / m
    return total_cost


# source: AndrzejRyl/ml_coursera week3/assignment/cost_function.py, compute_cost(X, y, w, b): total_cost += -y[i]*log(f) - (1-y[i])*log(1-f); total_cost /= m
# verdict: RIGHT
@right('compute_cost')
@real('AndrzejRyl/ml_coursera week3/assignment/cost_function.py, compute_cost(X, y, w, b): total_cost += -y[i]*log(f) - (1-y[i])*log(1-f); total_cost /= m')
def compute_cost_andrzejryl(X, y, w, b):
    m, n = X.shape
    total_cost = 0.0
    for i in range(m):
        z_i = np.dot(X[i], w) + b
        f_wb_i = _sigmoid(z_i)
        total_cost += -y[i] * np.log(f_wb_i) - (1 - y[i]) * np.log(1 - f_wb_i)

    total_cost /= m
    return total_cost


# source: ArkitaBarua/Coursera-SupervisedML Assignment-2/exercise2_compute_cost_logistic.py, compute_cost: double loop, math.log, `return (1/m)*total_cost`
# verdict: RIGHT
@right('compute_cost')
@real('ArkitaBarua/Coursera-SupervisedML Assignment-2/exercise2_compute_cost_logistic.py, compute_cost: double loop, math.log, `return (1/m)*total_cost`')
def compute_cost_arkitabarua(X, y, w, b):
    m, n = X.shape
    total_cost=0
    for i in range(m):
        z=0
        for j in range(n):
            z+=w[j]*X[i][j]
        z+=b
        f=_sigmoid(z) #computed in exercise-1
        total_cost=total_cost-y[i]*math.log(f)-(1-y[i])*math.log(1-f)
    return (1/m)*total_cost


# source: nz0001na/handson-ml Machine_learning/Classification/b_cost_function.py, compute_cost_logistic(X, y, w, b)
# verdict: RIGHT
@right('compute_cost')
@real('nz0001na/handson-ml Machine_learning/Classification/b_cost_function.py, compute_cost_logistic(X, y, w, b)')
def compute_cost_nz0001na(X, y, w, b):
    m = X.shape[0]
    cost = 0
    for i in range(m):
        z = np.dot(X[i], w) + b
        f = 1 / (1 + np.exp(-z))
        cost += - y[i] * np.log(f) - (1 - y[i]) * np.log(1 - f)
    cost /= m
    return cost


# source: ankush5608/Machine-Learning (Cost Function for Logistic Regression notebook), compute_cost_logistic(x,y,w,b): `cost+=-y[i]*(np.log(g_z))-(1-y[i])*(np.log(1-g_z)); cost_final=cost/m`
# verdict: RIGHT
@right('compute_cost')
@real('ankush5608/Machine-Learning (Cost Function for Logistic Regression notebook), compute_cost_logistic(x,y,w,b): `cost+=-y[i]*(np.log(g_z))-(1-y[i])*(np.log(1-g_z)); cost_final=cost/m`')
def compute_cost_ankush5608(X, y, w, b):
    x = X
    m=x.shape[0]
    cost=0
    for i in range(m):
        f_wb=np.dot(w,x[i])+b
        g_z=_sigmoid(f_wb)
        cost+=-y[i]*(np.log(g_z))-(1-y[i])*(np.log(1-g_z))
    cost_final=cost/m
    return cost_final


# source: "Cost function in logistic regression gives NaN as a result" (Clara Daisy, Aug 1 2019; intellipaat Q&A copy of a Stack Overflow question, stored in Nemotron-CC-Math-v1), MATLAB computeCost: `cost = sum(-y .* log(htheta) - (1-y) .* log(1-htheta));`
# verdict: WRONG — no 1/m: the summed loss, not the mean
@wrong('compute_cost', 'missing_1_over_m')
@real('"Cost function in logistic regression gives NaN as a result" (Clara Daisy, Aug 1 2019; intellipaat Q&A copy of a Stack Overflow question, stored in Nemotron-CC-Math-v1), MATLAB computeCost: `cost = sum(-y .* log(htheta) - (1-y) .* log(1-htheta));`')
def compute_cost_claradaisy(X, y, w, b):
    htheta = _sigmoid(X @ w + b)
    cost = np.sum(-y * np.log(htheta) - (1-y) * np.log(1-htheta))
    return cost


# source: discuss.analyticsvidhya.com/t/gradient-descent-problem-in-titanic-dataset/69367, the cost lines: `eThetaX = expit(-thetaX); hx = 1/(1+eThetaX)`, `hxNewLogSafe = hx - epsilon` (epsilon = 0.1), `costerror = (y*log(hxNewLogSafe) + (1-y)*log(1-hxNewLogSafe)) / m`, summed
# verdict: WRONG — several: expit() used where exp() was meant (the sigmoid is applied twice), no minus sign in front of the log-likelihood, and 0.1 subtracted from h inside both logs
@wrong('compute_cost', 'wrong_value')
@real('discuss.analyticsvidhya.com/t/gradient-descent-problem-in-titanic-dataset/69367, the cost lines: `eThetaX = expit(-thetaX); hx = 1/(1+eThetaX)`, `hxNewLogSafe = hx - epsilon` (epsilon = 0.1), `costerror = (y*log(hxNewLogSafe) + (1-y)*log(1-hxNewLogSafe)) / m`, summed')
def compute_cost_titanic(X, y, w, b):
    def expit(x):  # scipy.special.expit, written with numpy
        return 1 / (1 + np.exp(-x))
    epsilon = 0.1
    thetaX = X @ w + b
    eThetaX = expit(-thetaX)
    denom = np.add(1, eThetaX)
    hx = np.divide(1, denom)
    #To avoid divide by zero error in log
    hxNewLogSafe = np.subtract(hx, epsilon)
    costerror = np.divide(np.add(np.multiply(y, np.log(hxNewLogSafe)),
                                 np.multiply(np.subtract(1, y), np.log(np.subtract(1, hxNewLogSafe)))),
                          y.shape[0])
    return costerror.sum()


# ================================================================ gradients_loop

# source: Silva-6/stanford-machine_learning 00-supervised_learning/practice_lab/compute_gradient_logistic.py, compute_gradient(X, y, w, b) -> (dj_db, dj_dw)
# verdict: RIGHT
@right('gradients_loop')
@real('Silva-6/stanford-machine_learning 00-supervised_learning/practice_lab/compute_gradient_logistic.py, compute_gradient(X, y, w, b) -> (dj_db, dj_dw)')
def gradients_loop_silva6(X, y, w, b):
    m, n = X.shape
    dj_dw = np.zeros(w.shape)
    dj_db = 0.
    for i in range(m):
        z_i = np.dot(X[i], w) + b
        f_wb = _sigmoid(z_i)

        dj_db_i = f_wb - y[i]
        dj_db += dj_db_i

        for j in range(n):
            dj_dw[j] = dj_dw[j] + (f_wb - y[i]) * X[i][j]

    dj_dw = dj_dw / m
    dj_db = dj_db / m
    return dj_dw, dj_db


# source: AndrzejRyl/ml_coursera week3/assignment/compute_gradient.py, compute_gradient(X, y, w, b) -> (dj_db, dj_dw)
# verdict: RIGHT
@right('gradients_loop')
@real('AndrzejRyl/ml_coursera week3/assignment/compute_gradient.py, compute_gradient(X, y, w, b) -> (dj_db, dj_dw)')
def gradients_loop_andrzejryl(X, y, w, b):
    m, n = X.shape
    dj_dw = np.zeros(w.shape)
    dj_db = 0.
    for i in range(m):
        f_wb_i = _sigmoid(np.dot(X[i], w) + b)
        err_i = f_wb_i - y[i]
        for j in range(n):
            dj_dw[j] = dj_dw[j] + err_i * X[i, j]
        dj_db = dj_db + err_i

    dj_dw = dj_dw / m
    dj_db = dj_db / m
    return dj_dw, dj_db


# source: ArkitaBarua/Coursera-SupervisedML Assignment-2/exercise3_gradient_logistic.py, compute_gradient: `return (1/m)*dj_db, (1/m)*dj_dw`
# verdict: RIGHT
@right('gradients_loop')
@real('ArkitaBarua/Coursera-SupervisedML Assignment-2/exercise3_gradient_logistic.py, compute_gradient: `return (1/m)*dj_db, (1/m)*dj_dw`')
def gradients_loop_arkitabarua(X, y, w, b):
    m, n = X.shape
    dj_dw = np.zeros(w.shape)
    dj_db = 0.
    for i in range(m):
        z = 0
        for j in range(n):
            z+=w[j]*X[i][j]
        z+=b
        f=_sigmoid(z) #from exercise-1

        dj_db += f-y[i]

        for j in range(n):
            dj_dw[j] +=(f-y[i])*X[i][j]
    return (1/m)*dj_dw, (1/m)*dj_db


# The same two authors' compute_gradient, on one example: example_gradients (the code is the gradients_loop entries above).
# source: Silva-6/stanford-machine_learning 00-supervised_learning/practice_lab/compute_gradient_logistic.py, compute_gradient(X, y, w, b) (MLS C1 W3, loops), applied to the single example X = [[x1, x2]]
# verdict: RIGHT
example_gradients_silva6 = right('example_gradients')(real(
    'Silva-6/stanford-machine_learning 00-supervised_learning/practice_lab/compute_gradient_logistic.py, compute_gradient(X, y, w, b) (MLS C1 W3, loops), applied to the single example X = [[x1, x2]]'
)(_on_one_example(gradients_loop_silva6)))

# source: ArkitaBarua/Coursera-SupervisedML Assignment-2/exercise3_gradient_logistic.py, compute_gradient (z accumulated by a loop over features), applied to one example
# verdict: RIGHT
example_gradients_arkitabarua = right('example_gradients')(real(
    'ArkitaBarua/Coursera-SupervisedML Assignment-2/exercise3_gradient_logistic.py, compute_gradient (z accumulated by a loop over features), applied to one example'
)(_on_one_example(gradients_loop_arkitabarua)))


# source: Nemotron-CC-Math-v1 copy of the GitHub gist "Logistic Regression" (Andrew Ng ex2 in Python, scipy fmin_bfgs; commented on by @waylonflinn Nov 27 2013), compute_grad(theta, X, y): `grad[i] = (1.0 / m) * sumdelta * -1` in a loop over the features
# verdict: WRONG — the gradient is negated (`* -1`): it points uphill (the gist's cost has the correct sign)
@wrong('gradients_loop', 'opposite_sign')
@real('Nemotron-CC-Math-v1 copy of the GitHub gist "Logistic Regression" (Andrew Ng ex2 in Python, scipy fmin_bfgs; commented on by @waylonflinn Nov 27 2013), compute_grad(theta, X, y): `grad[i] = (1.0 / m) * sumdelta * -1` in a loop over the features')
def gradients_loop_gist_compute_grad(X, y, w, b):
    X1 = np.column_stack([np.ones(X.shape[0]), X])
    theta = np.concatenate([[b], w])
    m = X1.shape[0]  # the gist used a global m
    grad = np.zeros(theta.size)
    h = _sigmoid(X1.dot(theta.T))
    delta = h - y
    l = grad.size
    for i in range(l):
        sumdelta = delta.T.dot(X1[:, i])
        grad[i] = (1.0 / m) * sumdelta * -1
    return grad[1:], grad[0]


# source: "GD for logistic regression isn't stable. Why?" (Q&A thread, copy in Nemotron-CC-Math-v1), LogisticRegression.__odds = `exp(b.dot(x)) / float(exp(1 + b.dot(x)))` and __gd_step: `for j: for i: grad[j] += odds - y[i]` then `grad[j] *= X[i, j]` after the inner loop; the step divides by m
# verdict: WRONG — two bugs named in the answer: the "sigmoid" is exp(z)/exp(1+z) = 1/e for every z, and x_ij multiplies the summed error once, with the last i, outside the loop over examples
@wrong('gradients_loop', 'wrong_value')
@real('"GD for logistic regression isn\'t stable. Why?" (Q&A thread, copy in Nemotron-CC-Math-v1), LogisticRegression.__odds = `exp(b.dot(x)) / float(exp(1 + b.dot(x)))` and __gd_step: `for j: for i: grad[j] += odds - y[i]` then `grad[j] *= X[i, j]` after the inner loop; the step divides by m')
def gradients_loop_gd_unstable(X, y, w, b):
    X = np.column_stack((np.ones(X.shape[0]).T, X))  # 1's column for the bias
    m, p = X.shape
    bb = np.concatenate([[b], w])

    def odds(x, b):
        return math.exp(b.dot(x)) / float(math.exp(1 + b.dot(x)))

    grad = np.zeros(p)
    for j in range(p):
        for i in range(m):
            grad[j] += odds(X[i], bb) - y[i]
        grad[j] *= X[i, j]
    grad = grad / float(m)  # the author's step is (learning_rate / m) * grad
    return grad[1:], grad[0]


# ================================================================ cost_and_gradients

# source: Sarfaraz-Ali/Image_recognization propagate.py, propagate(w, b, X, Y) (DLS C1 W2)
# verdict: RIGHT
@right('cost_and_gradients')
@real('Sarfaraz-Ali/Image_recognization propagate.py, propagate(w, b, X, Y) (DLS C1 W2)')
def cost_and_gradients_sarfarazali(X, y, w, b):
    n = X.shape[1]
    X, Y, w = _to_course(X, y, w)
    m = X.shape[1]

    A = _sigmoid(np.dot(w.T,X)+b)
    cost = -np.sum((Y*np.log(A))+((1-Y)*np.log(1-A)))/m

    dw = np.dot(X,(A-Y).T)/m
    db = np.sum((A-Y)/m)
    cost = np.squeeze(cost)
    return cost, _dw_back(dw, n), db


# source: sheviv/mirrors dl_spec/nn_and_dl/first_second_w/optimize.py, propagate(w, b, X, Y): cost with np.dot(Y, np.log(A).T)
# verdict: RIGHT
@right('cost_and_gradients')
@real('sheviv/mirrors dl_spec/nn_and_dl/first_second_w/optimize.py, propagate(w, b, X, Y): cost with np.dot(Y, np.log(A).T)')
def cost_and_gradients_sheviv(X, y, w, b):
    n = X.shape[1]
    X, Y, w = _to_course(X, y, w)
    m = X.shape[1]
    A = _sigmoid(np.dot(w.T, X) + b)
    cost = -1/m * (np.dot(Y, np.log(A).T) + np.dot((1-Y), np.log(1 - A).T))
    dw = 1 / m * (np.dot(X, (A - Y).T))
    db = 1 / m * (np.sum(A - Y))
    cost = np.squeeze(cost)
    return cost, _dw_back(dw, n), db


# source: Y1ran/Introduction-to-Machine-Learning-with-Python-code Deep_learning/propagate.py, propagate: `A = sigmoid(np.dot(X.T ,w) + b)` (a column), `np.dot(Y,np.log(A))`, `dw = 1 / m * np.dot(X, (A - Y.T))`
# verdict: RIGHT — A kept as an (m, 1) column throughout, consistently
@right('cost_and_gradients')
@real('Y1ran/Introduction-to-Machine-Learning-with-Python-code Deep_learning/propagate.py, propagate: `A = sigmoid(np.dot(X.T ,w) + b)` (a column), `np.dot(Y,np.log(A))`, `dw = 1 / m * np.dot(X, (A - Y.T))`')
def cost_and_gradients_y1ran(X, y, w, b):
    n = X.shape[1]
    X, Y, w = _to_course(X, y, w)
    m = X.shape[1]
    A = _sigmoid(np.dot(X.T ,w) + b)                                  # compute activation
    cost = -1 / m * (np.dot(Y,np.log(A)) + np.dot((1 - Y), np.log(1 - A)))                           # compute cost
    dw = 1 / m * np.dot(X, (A - Y.T))
    db = 1 / m * np.sum((A - Y.T).T)
    cost = np.squeeze(cost)
    return cost, _dw_back(dw, n), db


# source: Asaf-Harel/DL-5 DL-5-11/3130/ex6.py, forward_propagation(X, Y, w, b) + backward_propagation(X, Y, A): `dz = (1 / m) * (A - Y); dw = np.dot(X, dz.T); db = np.sum(dz)`
# verdict: RIGHT
@right('cost_and_gradients')
@real('Asaf-Harel/DL-5 DL-5-11/3130/ex6.py, forward_propagation(X, Y, w, b) + backward_propagation(X, Y, A): `dz = (1 / m) * (A - Y); dw = np.dot(X, dz.T); db = np.sum(dz)`')
def cost_and_gradients_asafharel(X, y, w, b):
    n = X.shape[1]
    X, _, w = _to_course(X, y, w)
    Y = np.asarray(y)  # the author's test passes a 1-D Y
    m = X.shape[1]
    A = _sigmoid(np.dot(w.T, X) + b)
    cost = (-1 / m) * np.sum((Y * np.log(A)) + (1 - Y) * np.log(1 - A))
    dz = (1 / m) * (A - Y)
    dw = np.dot(X, dz.T)
    db = np.sum(dz)
    return cost, _dw_back(dw, n), db


# source: lukaemon/Coursera-ML-AndrewNg helper/logistic_regression.py, cost(X, y, theta) = np.mean(-y*log(sigmoid(X @ theta)) - (1-y)*log(1 - sigmoid(X @ theta))) and gradient(theta, X, y) = (1/len(X)) * X.T @ (sigmoid(X @ theta) - y)
# verdict: RIGHT
@right('cost_and_gradients')
@real('lukaemon/Coursera-ML-AndrewNg helper/logistic_regression.py, cost(X, y, theta) = np.mean(-y*log(sigmoid(X @ theta)) - (1-y)*log(1 - sigmoid(X @ theta))) and gradient(theta, X, y) = (1/len(X)) * X.T @ (sigmoid(X @ theta) - y)')
def cost_and_gradients_lukaemon(X, y, w, b):
    X = np.column_stack([np.ones(X.shape[0]), X])
    theta = np.concatenate([[b], w])
    cost = np.mean(-y * np.log(_sigmoid(X @ theta)) - (1 - y) * np.log(1 - _sigmoid(X @ theta)))
    grad = (1 / len(X)) * X.T @ (_sigmoid(X @ theta) - y)
    return cost, grad[1:], grad[0]


# source: GraphicsMonster/logistic-regression-cat-classifier train_funcs.py (commit 0864a4b), propagate(w, b, X, Y) with X of shape (m, n) ("row being the number of images"): `m = X.shape[1]`, `A = sigmoid(np.dot(w.T, X.T) + b)`, `dw = (1/m) * np.dot(X.T, (A-Y).T)`
# verdict: WRONG — m is taken as X.shape[1], the number of features, so cost and gradients are scaled by m/n
@wrong('cost_and_gradients', 'divides_by_n')
@real('GraphicsMonster/logistic-regression-cat-classifier train_funcs.py (commit 0864a4b), propagate(w, b, X, Y) with X of shape (m, n) ("row being the number of images"): `m = X.shape[1]`, `A = sigmoid(np.dot(w.T, X.T) + b)`, `dw = (1/m) * np.dot(X.T, (A-Y).T)`')
def cost_and_gradients_graphicsmonster(X, y, w, b):
    n = X.shape[1]
    Y, w = np.asarray(y).reshape(1, -1), np.asarray(w, dtype=float).reshape(-1, 1)
    m = X.shape[1]
    A = _sigmoid((np.dot(w.T, X.T) + b)) # A = y(hat) = probability vector
    cost = (-1/m) * np.sum(Y * np.log(A) + (1-Y) * np.log(1-A)) # mean loss over total number training examples
    dw = (1/m) * np.dot(X.T, (A-Y).T)
    db = (1/m) * np.sum(A-Y)
    return cost, _dw_back(dw, n), db


# source: datascience.stackexchange.com/questions/27146 "Why does my cost function return double the expected value?", propagate: `cost = -1/m * np.sum(np.dot(Y.T,np.log(A)) + np.dot((1-Y).T,np.log(1-A)))`
# verdict: WRONG — np.dot of a (m, 1) column with a (1, m) row is the (m, m) outer product; its sum is not Σ y log a
@wrong('cost_and_gradients', 'cost_outer_product')
@real('datascience.stackexchange.com/questions/27146 "Why does my cost function return double the expected value?", propagate: `cost = -1/m * np.sum(np.dot(Y.T,np.log(A)) + np.dot((1-Y).T,np.log(1-A)))`')
def cost_and_gradients_dsse27146(X, y, w, b):
    n = X.shape[1]
    X, Y, w = _to_course(X, y, w)
    m = X.shape[1]
    A = _sigmoid(np.dot(w.T,X)+b)                                    # compute activation
    cost = -1/m * np.sum(np.dot(Y.T,np.log(A)) + np.dot((1-Y).T,np.log(1-A)))                                # compute cost
    dw = 1/m*np.dot(X,(A-Y).T)
    db = 1/m*np.sum(A-Y)
    cost = np.squeeze(cost)
    return cost, _dw_back(dw, n), db


# source: community.deeplearning.ai thread "Week 2 Exercise 5" (AssertionError: Wrong values for cost. 12.5198 != 2.0425; copy in Nemotron-CC-Math-v1), `cost = (-1/m) * (np.sum(Y * np.log(A).T + (1 - Y) * np.log(1 - A).T))`
# verdict: WRONG — elementwise * between a (1, m) row and an (m, 1) column broadcasts to (m, m) (the dw/db lines were not posted; the course formulas are used for them)
@wrong('cost_and_gradients', 'cost_outer_product')
@real('community.deeplearning.ai thread "Week 2 Exercise 5" (AssertionError: Wrong values for cost. 12.5198 != 2.0425; copy in Nemotron-CC-Math-v1), `cost = (-1/m) * (np.sum(Y * np.log(A).T + (1 - Y) * np.log(1 - A).T))`')
def cost_and_gradients_dlai_week2ex5(X, y, w, b):
    n = X.shape[1]
    X, Y, w = _to_course(X, y, w)
    m = X.shape[1]
    A = _sigmoid(np.dot(w.T, X) + b)
    cost = (-1/m) * (np.sum(Y * np.log(A).T + (1 - Y) * np.log(1 - A).T))
    dw = 1/m * np.dot(X, (A - Y).T)
    db = 1/m * np.sum(A - Y)
    return cost, _dw_back(dw, n), db


# source: community.deeplearning.ai thread "Week 2: Exercise 5: Propagate" (Vemula Suman, Sept 29 2023; copy in Nemotron-CC-Math-v1): `A = 1 / (1 + np.exp(-(np.matmul(w.T, X)) + b))`, `cost = -((np.dot(Y, np.log(A)) + np.dot((1 - Y), np.log(1 - A)))) / m`, `dw = np.matmul(X, ((A - Y).T))`, `db = np.sum(A - Y)`
# verdict: WRONG — crashes (crashing is the author's reported error): np.dot of two (1, m) rows, "shapes (1,3) and (1,3) not aligned"; behind it, +b inside the minus (σ(wx − b)) and no 1/m on dw, db
@wrong('cost_and_gradients', 'shape_mismatch')
@real('community.deeplearning.ai thread "Week 2: Exercise 5: Propagate" (Vemula Suman, Sept 29 2023; copy in Nemotron-CC-Math-v1): `A = 1 / (1 + np.exp(-(np.matmul(w.T, X)) + b))`, `cost = -((np.dot(Y, np.log(A)) + np.dot((1 - Y), np.log(1 - A)))) / m`, `dw = np.matmul(X, ((A - Y).T))`, `db = np.sum(A - Y)`')
def cost_and_gradients_dlai_vemula(X, y, w, b):
    n = X.shape[1]
    X, Y, w = _to_course(X, y, w)
    m = X.shape[1]
    A = 1 / (1 + np.exp(-(np.matmul(w.T, X)) + b))
    cost = -((np.dot(Y, np.log(A)) + np.dot((1 - Y), np.log(1 - A)))) / m

    dw = np.matmul(X, ((A - Y).T))
    db = np.sum(A - Y)
    return cost, _dw_back(dw, n), db


# source: babibo180918/BBBLearning BBBLearning/lr/propagate.py, propagate(w, b, X, Y, cost_function="cross_entropy"): `np.sum(..., axis = 1, keepdims = True)` for the cost and db
# verdict: WRONG — cost and db come back as (1, 1) arrays (keepdims=True), not a scalar  [accepted: the fairness policy takes this representation; see README]
@right('cost_and_gradients')
@real('babibo180918/BBBLearning BBBLearning/lr/propagate.py, propagate(w, b, X, Y, cost_function="cross_entropy"): `np.sum(..., axis = 1, keepdims = True)` for the cost and db')
def cost_and_gradients_babibo(X, y, w, b):
    n = X.shape[1]
    X, Y, w = _to_course(X, y, w)
    m = X.shape[1]
    Z = np.dot(w.T, X) + b
    A = _sigmoid(Z)
    cost = -1/m*np.sum(Y*np.log(A) + (1-Y)*np.log(1-A), axis = 1, keepdims = True)
    dw = 1/m*np.dot(X, (A-Y).T)
    db = 1/m*np.sum(A-Y, axis=1, keepdims = True)
    return cost, _dw_back(dw, n), db


# source: CalebEverett/pysgd objectives/logistic.py, grad_fun(theta, batch) = `(sigmoid(X.dot(theta)) - y).T.dot(X) / X.shape[0]` and cost_fun(theta, data) = np.append(theta, <cost>) with cost `np.sum(-y.dot(np.log(sigm)) - (1 - y).dot(np.log(1 - sigm))) / data.shape[0]`
# verdict: RIGHT — the cost is the last element the author appends to theta (theta = [b, w], X with a column of ones)
@right('cost_and_gradients')
@real('CalebEverett/pysgd objectives/logistic.py, grad_fun(theta, batch) = `(sigmoid(X.dot(theta)) - y).T.dot(X) / X.shape[0]` and cost_fun(theta, data) = np.append(theta, <cost>) with cost `np.sum(-y.dot(np.log(sigm)) - (1 - y).dot(np.log(1 - sigm))) / data.shape[0]`')
def cost_and_gradients_calebeverett(X, y, w, b):
    X1 = np.column_stack([np.ones(X.shape[0]), X])
    theta = np.concatenate([[b], w])
    data = np.column_stack([X1, y])

    def grad_fun(theta, batch):
        X, y = batch
        return (_sigmoid(X.dot(theta)) - y).T.dot(X) / X.shape[0]

    def cost_fun(theta, data):
        X = data[:,:-1]
        y = data[:,-1]
        sigm = _sigmoid(X.dot(theta))
        return np.append(theta, np.sum(-y.dot(np.log(sigm)) - (1 - y).dot(np.log(1 - sigm))) / data.shape[0])

    cost = cost_fun(theta, data)[-1]
    grad = grad_fun(theta, (X1, y))
    return cost, grad[1:], grad[0]


# source: sanayei/mlalg logistic_regression.py, LogisticRegression(Regression): cost_fn = `np.sum(-y * np.log(a) - (1 - y) * np.log(1 - a))`, gradient = `np.dot(X.T, (a - y))` with a = sigmoid(X @ W) (no bias in the author's model; the bias is treated here as a weight on a column of ones)
# verdict: WRONG — no 1/m in either the cost or the gradient (sums, not means)
@wrong('cost_and_gradients', 'missing_1_over_m')
@real("sanayei/mlalg logistic_regression.py, LogisticRegression(Regression): cost_fn = `np.sum(-y * np.log(a) - (1 - y) * np.log(1 - a))`, gradient = `np.dot(X.T, (a - y))` with a = sigmoid(X @ W) (no bias in the author's model; the bias is treated here as a weight on a column of ones)")
def cost_and_gradients_sanayei(X, y, w, b):
    X1 = np.column_stack([np.ones(X.shape[0]), X])
    W = np.concatenate([[b], w])
    a = _sigmoid(np.dot(X1, W))
    cost = np.sum(-y * np.log(a) - (1 - y) * np.log(1 - a))
    grad = np.dot(X1.T, (a - y))
    return cost, grad[1:], grad[0]


# source: community.deeplearning.ai/t/need-help-for-intuition/116870 (the asker's formulas): `Z = w.TX + b; A = g(Z); dZ = A - Y; dw = 1/m * X * dZ.T; db = 1/m * sum(dZ)` (the mentor: "you are using elementwise multiply ... where you should be using dot product")
# verdict: WRONG — X * dZ.T is an elementwise (broadcast) product, an (n, m) or (m, m) array or a shape error, not the (n, 1) matrix product X · dZᵀ
@wrong('gradients_loop', 'shape_mismatch')
@real('community.deeplearning.ai/t/need-help-for-intuition/116870 (the asker\'s formulas): `Z = w.TX + b; A = g(Z); dZ = A - Y; dw = 1/m * X * dZ.T; db = 1/m * sum(dZ)` (the mentor: "you are using elementwise multiply ... where you should be using dot product")')
def gradients_loop_dlai_intuition(X, y, w, b):
    n = X.shape[1]
    X, Y, w = _to_course(X, y, w)
    m = X.shape[1]
    Z = np.dot(w.T, X) + b
    A = _sigmoid(Z)
    dZ = A - Y
    dw = 1/m * X * dZ.T
    db = 1/m * np.sum(dZ)
    return _dw_back(dw, n), db


# source: Murphydbuffalo/smile-o-meter neural_net/cost.py, Cost.cross_entropy_loss(): `return np.sum(-np.log(self.predictions)) / self.m` (self.labels is stored but never used)
# verdict: WRONG — the labels are ignored: −log a for every example, as if every y were 1 (no (1 − y) log(1 − a) term)
@wrong('compute_cost', 'cost_ignores_labels')
@real('Murphydbuffalo/smile-o-meter neural_net/cost.py, Cost.cross_entropy_loss(): `return np.sum(-np.log(self.predictions)) / self.m` (self.labels is stored but never used)')
def compute_cost_murphydbuffalo(X, y, w, b):
    predictions, labels = _sigmoid(X @ w + b), y
    m = float(labels.shape[0])  # author: labels.shape[1] for a (1, m) row
    return np.sum(-np.log(predictions)) / m


# source: felixsimard/comp551-p2 GradientGiven.py (the COMP 551 course's given code), cost_fn(x, y, w): `J = np.mean(y * np.log1p(np.exp(-z)) + (1-y) * np.log1p(np.exp(z)))`, gradient: `grad = np.dot(x.T, yh - y)/N` (no separate bias: a column of ones carries it here)
# verdict: RIGHT
@right('cost_and_gradients')
@real("felixsimard/comp551-p2 GradientGiven.py (the COMP 551 course's given code), cost_fn(x, y, w): `J = np.mean(y * np.log1p(np.exp(-z)) + (1-y) * np.log1p(np.exp(z)))`, gradient: `grad = np.dot(x.T, yh - y)/N` (no separate bias: a column of ones carries it here)")
def cost_and_gradients_felixsimard(X, y, w, b):
    x = np.column_stack([np.ones(X.shape[0]), X])
    ww = np.concatenate([[b], w])
    logistic = lambda z: 1./ (1 + np.exp(-z))       #logistic function
    N, D = x.shape
    z = np.dot(x, ww)
    J = np.mean(y * np.log1p(np.exp(-z)) + (1-y) * np.log1p(np.exp(z)))  #log1p calculates log(1+x) to remove floating point inaccuracies
    yh = logistic(np.dot(x, ww))    # predictions  size N
    grad = np.dot(x.T, yh - y)/N        # divide by N because cost is mean over N points
    return J, grad[1:], grad[0]
