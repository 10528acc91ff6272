"""dL_da, da_dz, dL_dz and numerical_derivative: real code from public repositories, translated to the curriculum signatures.

Argument order is translated to the curriculum's (a, y); the author's expression is kept as written.
"""

import math

import numpy as np

from . import real, right, wrong


# ---------------------------------------------------------------- dL_da

# source: jorgenkg/python-neural-network backprop/cost_functions.py, cross_entropy_cost(outputs, targets, derivative=True): `(outputs - targets) / (outputs * (1 - outputs))`
# verdict: RIGHT
@right('dL_da')
@real('jorgenkg/python-neural-network backprop/cost_functions.py, cross_entropy_cost(outputs, targets, derivative=True): `(outputs - targets) / (outputs * (1 - outputs))`')
def dL_da_jorgenkg(a, y):
    outputs, targets = a, y
    return (outputs - targets) / (outputs * (1 - outputs))


# source: dani2442/DeepLearning DeepNN/LossFunction/crossEntropy.py, crossEntropy.Backward(output, y): `-(y/output - (1-y)/(1-output))`
# verdict: RIGHT
@right('dL_da')
@real('dani2442/DeepLearning DeepNN/LossFunction/crossEntropy.py, crossEntropy.Backward(output, y): `-(y/output - (1-y)/(1-output))`')
def dL_da_dani2442(a, y):
    output = a
    return -(y/output - (1-y)/(1-output))


# source: hanzopgp/DeepLearningLib src/loss_functions/BinaryCrossEntropy.py (eps version), backward(): `((1 - y) / (1 - yhat+eps)) - (y / yhat+eps)` with eps = 1e-100
# verdict: RIGHT — `y / yhat+eps` is (y/yhat) + eps by precedence, but eps = 1e-100 makes it harmless (correct in effect)
@right('dL_da')
@real('hanzopgp/DeepLearningLib src/loss_functions/BinaryCrossEntropy.py (eps version), backward(): `((1 - y) / (1 - yhat+eps)) - (y / yhat+eps)` with eps = 1e-100')
def dL_da_hanzopgp(a, y):
    yhat = a
    eps = 1e-100
    return ((1 - y) / (1 - yhat+eps)) - (y / yhat+eps)


# source: KirthanKamble/NN LossFunctions/BinaryCrossEntropy.py, BinaryCrossEntropy.gradient(y_true, y_pred): `((1 - y_true / 1 - y_pred) - y_true / y_pred) / np.size(y_true)`
# verdict: WRONG — operator precedence: `1 - y_true / 1 - y_pred` is 1 - y - a, not (1 - y)/(1 - a); and it divides by np.size (the derivative of the mean cost)
@wrong('dL_da', 'wrong_value')
@real('KirthanKamble/NN LossFunctions/BinaryCrossEntropy.py, BinaryCrossEntropy.gradient(y_true, y_pred): `((1 - y_true / 1 - y_pred) - y_true / y_pred) / np.size(y_true)`')
def dL_da_kirthankamble(a, y):
    y_true, y_pred = y, a
    return ((1 - y_true / 1 - y_pred) - y_true / y_pred) / np.size(y_true)


# source: InvestedBrick/brick_ml brick_ml/losses/binary_cross_entropy.py, loss_derivative(y_true, y_pred): `((1 - y_true) / (1 - y_pred) - y_true / y_pred) / np.size(y_true)`
# verdict: WRONG — right expression but divided by np.size(y_true): the derivative of the mean cost, not of L (off by a factor 1/m)
@wrong('dL_da', 'divided_by_size')
@real('InvestedBrick/brick_ml brick_ml/losses/binary_cross_entropy.py, loss_derivative(y_true, y_pred): `((1 - y_true) / (1 - y_pred) - y_true / y_pred) / np.size(y_true)`')
def dL_da_investedbrick(a, y):
    y_true, y_pred = y, a
    return((1 - y_true) / (1 - y_pred) - y_true / y_pred) / np.size(y_true)


# ---------------------------------------------------------------- da_dz (in terms of a)

# source: alex-wang101/Neural_Network Two_Layer_Neuron.py, sigmoid_derivative(x1): `return x1 * (1-x1)` (x1 is a sigmoid output)
# verdict: RIGHT
@right('da_dz')
@real('alex-wang101/Neural_Network Two_Layer_Neuron.py, sigmoid_derivative(x1): `return x1 * (1-x1)` (x1 is a sigmoid output)')
def da_dz_alexwang101(a):
    x1 = a
    return x1 * (1-x1)


# source: hasslercastro/IA nn_by_hand/first_level_gates.py: forward() already returns z = sigmoid(w @ X + b), then back_and_grad uses `sigmoid_prime(z)` with sigmoid_prime(z) = sigmoid(z) * (1 - sigmoid(z))
# verdict: WRONG — applies the sigmoid a second time: σ(a)(1 − σ(a)) where a(1 − a) is meant
@wrong('da_dz', 'dadz_sigmoid_again')
@real('hasslercastro/IA nn_by_hand/first_level_gates.py: forward() already returns z = sigmoid(w @ X + b), then back_and_grad uses `sigmoid_prime(z)` with sigmoid_prime(z) = sigmoid(z) * (1 - sigmoid(z))')
def da_dz_hasslercastro(a):
    def sigmoid(z):
        return 1 / (1 + (np.exp(-z)))

    def sigmoid_prime(z):
        return sigmoid(z) * ( 1 - sigmoid(z))
    z = a  # the author's `z` is the activation returned by forward()
    return sigmoid_prime(z)


# ---------------------------------------------------------------- dL_dz

# source: waasnipun/ai_hand_written_scratch CrossEntropyCost.py, CrossEntropyCost.delta(z, a, y): `return (a-y)`
# verdict: RIGHT
@right('dL_dz')
@real('waasnipun/ai_hand_written_scratch CrossEntropyCost.py, CrossEntropyCost.delta(z, a, y): `return (a-y)`')
def dL_dz_waasnipun(a, y):
    return (a-y)


# source: dani2442/DeepLearning DeepNN/LossFunction/crossEntropy.py, Backward(output, y) times the sigmoid derivative output*(1-output) (the chain the author's layers apply)
# verdict: RIGHT — -(y/a - (1-y)/(1-a)) * a*(1-a) simplifies to a - y
@right('dL_dz')
@real("dani2442/DeepLearning DeepNN/LossFunction/crossEntropy.py, Backward(output, y) times the sigmoid derivative output*(1-output) (the chain the author's layers apply)")
def dL_dz_dani2442(a, y):
    output = a
    return -(y/output - (1-y)/(1-output)) * (output * (1 - output))


# ---------------------------------------------------------------- numerical_derivative

# source: juliosocher/Deep-Learning-Applied-Math-02 src/numeric_derivation.py, derive(f, x, h=0.00001): `(f(x + h) - f(x - h)) / (2 * h)`
# verdict: RIGHT
@right('numerical_derivative')
@real('juliosocher/Deep-Learning-Applied-Math-02 src/numeric_derivation.py, derive(f, x, h=0.00001): `(f(x + h) - f(x - h)) / (2 * h)`')
def numerical_derivative_juliosocher(f, x, eps=1e-5):
    h = eps
    return (f(x + h) - f(x - h)) / (2 * h)


# source: LiquidLittle/DeepLearningMathA2 numeric_derivation.py, derive(f, x, h=0.0001): `answer = (f(x+h) - f(x-h)) / (2 * h)`
# verdict: RIGHT
@right('numerical_derivative')
@real('LiquidLittle/DeepLearningMathA2 numeric_derivation.py, derive(f, x, h=0.0001): `answer = (f(x+h) - f(x-h)) / (2 * h)`')
def numerical_derivative_liquidlittle(f, x, eps=1e-5):
    h = eps
    answer = (f(x+h) - f(x-h)) / (2 * h)
    return answer


# source: Lautaro-Go/backend_api_modelado utils/derivative.py, numerical_derivative(f, x, h=1e-6): `(f(x + h) - f(x - h)) / (2 * h)`
# verdict: RIGHT
@right('numerical_derivative')
@real('Lautaro-Go/backend_api_modelado utils/derivative.py, numerical_derivative(f, x, h=1e-6): `(f(x + h) - f(x - h)) / (2 * h)`')
def numerical_derivative_lautarogo(f, x, eps=1e-5):
    h = eps
    return (f(x + h) - f(x - h)) / (2 * h)


# source: marcopeix/Deep_Learning_AI (Gradient Checking notebook), gradient_check(x, theta, epsilon=1e-7): thetaplus/thetaminus, `gradapprox = (J_plus - J_minus) / (2 * epsilon)`
# verdict: RIGHT — the gradapprox part, with J = f and theta = x
@right('numerical_derivative')
@real('marcopeix/Deep_Learning_AI (Gradient Checking notebook), gradient_check(x, theta, epsilon=1e-7): thetaplus/thetaminus, `gradapprox = (J_plus - J_minus) / (2 * epsilon)`')
def numerical_derivative_marcopeix(f, x, eps=1e-5):
    epsilon = eps
    theta = x
    thetaplus = theta + epsilon
    thetaminus = theta - epsilon
    J_plus = f(thetaplus)
    J_minus = f(thetaminus)
    gradapprox = (J_plus - J_minus) / (2 * epsilon)
    return gradapprox


# source: lAleRojasl/Artificial-Intelligence_Python gradientChecking.py, gradientChecking(J, theta): perturbation vector, `numgrad[p] = (loss2 - loss1) / (2*e)` with e = 1e-4
# verdict: RIGHT — the loop over a 1-element theta
@right('numerical_derivative')
@real('lAleRojasl/Artificial-Intelligence_Python gradientChecking.py, gradientChecking(J, theta): perturbation vector, `numgrad[p] = (loss2 - loss1) / (2*e)` with e = 1e-4')
def numerical_derivative_alerojasl(f, x, eps=1e-5):
    J = lambda t: f(t[0])
    theta = np.array([x], dtype=float)
    numgrad = np.zeros(theta.shape)
    perturb = np.zeros(theta.shape)
    e = eps
    for p in range(len(theta)):
        # Set perturbation vector
        perturb[p] = e
        loss1 = J(theta - perturb)
        loss2 = J(theta + perturb)
        # Compute Numerical Gradient
        numgrad[p] = (loss2 - loss1) / (2*e)
        perturb[p] = 0
    return numgrad[0]


# source: rashika-dabas/Tensors-Implementation numeric_derivation.py, derive(f, x, h=0.001): `(f(x + h) - f(x)) / h # Numerical Derivation`
# verdict: WRONG — one-sided (forward) difference, error O(h), where the central difference is asked (translated with the curriculum's eps; the author's default h was 1e-3)
@wrong('numerical_derivative', 'forward_difference')
@real('rashika-dabas/Tensors-Implementation numeric_derivation.py, derive(f, x, h=0.001): `(f(x + h) - f(x)) / h # Numerical Derivation`')
def numerical_derivative_rashikadabas(f, x, eps=1e-5):
    h = eps
    return (f(x + h) - f(x)) / h # Numerical Derivation
