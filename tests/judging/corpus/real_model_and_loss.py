"""sigmoid and log_loss: real code collected from public repositories and threads, translated to the curriculum signatures.

Each entry keeps the author's arithmetic (and bug). Translation notes say what was changed only to fit the
curriculum's interface (argument order, shapes). '# judged now:' lines are written by _judge.py.
"""

import math

import numpy as np

from . import real, right, wrong


# ---------------------------------------------------------------- sigmoid

# source: GraphicsMonster/logistic-regression-cat-classifier train_funcs.py (commit 0864a4b), sigmoid(z): `return 1.0/(1.0+np.exp(-z))`
# verdict: WRONG — naive form, np.exp(-z) overflows for z < -709 (the curriculum asks for a stable sigmoid)
@wrong('sigmoid', 'numeric_warning')
@real('GraphicsMonster/logistic-regression-cat-classifier train_funcs.py (commit 0864a4b), sigmoid(z): `return 1.0/(1.0+np.exp(-z))`')
def sigmoid_graphicsmonster(z):
    # returns the sigmoid of z
    return 1.0/(1.0+np.exp(-z))


# source: jy2881/AndrewNG-ML-python ex4/sigmoid.py, sigmoid(z): `g = np.zeros(np.shape(z)); g = 1.0/(1.0+np.exp(-z))`
# verdict: WRONG — naive form, overflows in np.exp(-z) for large negative z
@wrong('sigmoid', 'numeric_warning')
@real('jy2881/AndrewNG-ML-python ex4/sigmoid.py, sigmoid(z): `g = np.zeros(np.shape(z)); g = 1.0/(1.0+np.exp(-z))`')
def sigmoid_jy2881(z):
    g = np.zeros(np.shape(z))
    g = 1.0/(1.0+np.exp(-z))
    return g


# source: jpeaceau/GeoXGB src/geoxgb/_utils.py, _sigmoid(x): `1.0 / (1.0 + np.exp(-np.clip(x, -500, 500)))` ("Numerically stable sigmoid")
# verdict: RIGHT
@right('sigmoid')
@real('jpeaceau/GeoXGB src/geoxgb/_utils.py, _sigmoid(x): `1.0 / (1.0 + np.exp(-np.clip(x, -500, 500)))` ("Numerically stable sigmoid")')
def sigmoid_geoxgb(z):
    """Numerically stable sigmoid."""
    return 1.0 / (1.0 + np.exp(-np.clip(z, -500, 500)))


# source: aysenurcftc/Credit_Score-Classification data_operations/helper_functions.py (later version), sigmoid(z): clip to [-500, 500] then 1/(1+exp(-z))
# verdict: RIGHT
@right('sigmoid')
@real('aysenurcftc/Credit_Score-Classification data_operations/helper_functions.py (later version), sigmoid(z): clip to [-500, 500] then 1/(1+exp(-z))')
def sigmoid_aysenurcftc(z):
    z = np.clip(z, -500, 500)
    s = 1 / (1 + np.exp(-z))
    return s


def _dstk_scalar_sigmoid(x):
    if x >= 0:
        z = np.exp(-x)
        return 1 / (1 + z)
    else:
        # if x is less than zero then z will be small, denom can't be
        # zero because it's 1+z.
        z = np.exp(x)
        return z / (1 + z)


_dstk_ufunc = np.frompyfunc(_dstk_scalar_sigmoid, 1, 1)  # the author's `sigmoid = np.frompyfunc(_sigmoid, 1, 1)`


# source: jotterbach/dstk DSTK/utils/function_helpers.py, _sigmoid(x) with `if x >= 0: ... else: z = np.exp(x); return z / (1 + z)`, vectorised with np.frompyfunc(_sigmoid, 1, 1)
# verdict: WRONG — values are right (stable branch form), but np.frompyfunc returns an object-dtype array, not an array of floats
@wrong('sigmoid', 'object_array')
@real('jotterbach/dstk DSTK/utils/function_helpers.py, _sigmoid(x) with `if x >= 0: ... else: z = np.exp(x); return z / (1 + z)`, vectorised with np.frompyfunc(_sigmoid, 1, 1)')
def sigmoid_dstk(z):
    return _dstk_ufunc(z)


# source: Nemotron-CC-Math-v1 copy of a GitHub gist "Logistic Regression" (scipy fmin_bfgs; comment by @waylonflinn, Nov 27 2013), sigmoid(X): `den = 1.0 + e ** (-1.0 * X); d = 1.0 / den`
# verdict: WRONG — naive form, e ** (-X) overflows for large negative X
@wrong('sigmoid', 'numeric_warning')
@real('Nemotron-CC-Math-v1 copy of a GitHub gist "Logistic Regression" (scipy fmin_bfgs; comment by @waylonflinn, Nov 27 2013), sigmoid(X): `den = 1.0 + e ** (-1.0 * X); d = 1.0 / den`')
def sigmoid_gist_waylonflinn(z):
    '''Compute the sigmoid function'''
    e = np.e
    den = 1.0 + e ** (-1.0 * z)
    d = 1.0 / den
    return d


# ---------------------------------------------------------------- log_loss

# source: sayush2807/Neural_Networks_from_scratch losses/bce.py, bce_loss(y_hat, y): `np.mean(-y*np.log(y)-(1-y_hat)*np.log(1-y_hat))`
# verdict: WRONG — first term uses log(y) instead of log(y_hat) and the second (1-y_hat) instead of (1-y); (the np.mean is the author's: a cost, not the elementwise loss)
@wrong('log_loss', 'one_number_for_many')
@real('sayush2807/Neural_Networks_from_scratch losses/bce.py, bce_loss(y_hat, y): `np.mean(-y*np.log(y)-(1-y_hat)*np.log(1-y_hat))`')
def log_loss_sayush2807(a, y):
    y_hat = a
    return np.mean(-y*np.log(y)-(1-y_hat)*np.log(1-y_hat))


# source: KirthanKamble/NN LossFunctions/BinaryCrossEntropy.py, BinaryCrossEntropy.loss(y_true, y_pred): `-np.mean(y_true * np.log(y_pred) + (1 - y_true) * np.log(1 - y_true))`
# verdict: WRONG — second term takes log(1 - y_true) instead of log(1 - y_pred) (the -np.mean is the author's)
@wrong('log_loss', 'one_number_for_many')
@real('KirthanKamble/NN LossFunctions/BinaryCrossEntropy.py, BinaryCrossEntropy.loss(y_true, y_pred): `-np.mean(y_true * np.log(y_pred) + (1 - y_true) * np.log(1 - y_true))`')
def log_loss_kirthankamble(a, y):
    y_true, y_pred = y, a
    return -np.mean(y_true * np.log(y_pred) + (1 - y_true) * np.log(1 - y_true))


# source: yingCMU/deep_learning_u CNN/code/cross_entropy.py, CrossEntropy(yHat, y): `if y == 1: return -log(yHat) else: return -log(1 - yHat)` (log from math)
# verdict: WRONG — scalar-only: `if y == 1` on an array raises "truth value of an array is ambiguous" (crashing is the author's limitation)
@wrong('log_loss', 'not_elementwise')
@real('yingCMU/deep_learning_u CNN/code/cross_entropy.py, CrossEntropy(yHat, y): `if y == 1: return -log(yHat) else: return -log(1 - yHat)` (log from math)')
def log_loss_yingcmu(a, y):
    from math import log
    yHat = a
    if y == 1:
        return -log(yHat)
    else:
        return -log(1 - yHat)


# source: Nemotron-CC-Math-v1 copy of the gist "Logistic Regression" (waylonflinn's simplified version, Nov 27 2013), cost(theta, X, y): `log_l = (-y) * numpy.log(p_1) - (1-y) * numpy.log(1-p_1)` (then .mean())
# verdict: RIGHT — the elementwise log_l line (before the author's .mean())
@right('log_loss')
@real('Nemotron-CC-Math-v1 copy of the gist "Logistic Regression" (waylonflinn\'s simplified version, Nov 27 2013), cost(theta, X, y): `log_l = (-y) * numpy.log(p_1) - (1-y) * numpy.log(1-p_1)` (then .mean())')
def log_loss_gist_waylonflinn(a, y):
    p_1 = a
    log_l = (-y) * np.log(p_1) - (1-y) * np.log(1-p_1)  # log-likelihood vector
    return log_l


# source: hanzopgp/DeepLearningLib src/loss_functions/BinaryCrossEntropy.py (comment cites math.stackexchange 2503428 "derivative of binary cross entropy, why are my signs not right"), forward(y, yhat): `-y*np.log(yhat) + (1-y)*np.log(1-yhat)`
# verdict: WRONG — second term has the wrong sign: the minus applies to the first term only
@wrong('log_loss', 'loss_second_term_sign')
@real('hanzopgp/DeepLearningLib src/loss_functions/BinaryCrossEntropy.py (comment cites math.stackexchange 2503428 "derivative of binary cross entropy, why are my signs not right"), forward(y, yhat): `-y*np.log(yhat) + (1-y)*np.log(1-yhat)`')
def log_loss_hanzopgp(a, y):
    yhat = a
    return -y*np.log(yhat) + (1-y)*np.log(1-yhat)


# source: dani2442/DeepLearning DeepNN/LossFunction/crossEntropy.py, crossEntropy.Loss(output, y): `-(y*np.log(output)+(1-y)*np.log(1-output))`
# verdict: RIGHT
@right('log_loss')
@real('dani2442/DeepLearning DeepNN/LossFunction/crossEntropy.py, crossEntropy.Loss(output, y): `-(y*np.log(output)+(1-y)*np.log(1-output))`')
def log_loss_dani2442(a, y):
    output = a
    return -(y*np.log(output)+(1-y)*np.log(1-output))


# source: leeamen/neural_network bpnetwork/basic.py, sigmoid(x): `return 1 / (1 + math.exp(-x))`
# verdict: WRONG — math.exp only takes a scalar: fails on arrays ("only size-1 arrays can be converted"), and overflows (OverflowError) for x < -709
@wrong('sigmoid', 'not_elementwise')
@real('leeamen/neural_network bpnetwork/basic.py, sigmoid(x): `return 1 / (1 + math.exp(-x))`')
def sigmoid_leeamen(z):
    x = z
    return 1 / (1 + math.exp(-x))
