"""Reference implementation of every graded function of the course.

Pure NumPy in float64. Modules follow the notebooks: model_and_loss,
chain_rule, two_features, update_rule, loops, vectorized, minibatches and
momentum; gradient_check holds the central-difference checker.
"""

from solutions.chain_rule import dL_da, dL_dz, dL_dz_squared_error, da_dz, numerical_derivative
from solutions.gradient_check import gradient_check, numerical_gradient, relative_error
from solutions.loops import compute_cost, gradients_loop
from solutions.minibatches import make_minibatches, train_minibatch
from solutions.model_and_loss import log_loss, log_loss_from_logits, sigmoid
from solutions.momentum import momentum_update, train_momentum
from solutions.two_features import example_gradients
from solutions.update_rule import update_parameters
from solutions.vectorized import cost_and_gradients, gradient_descent, predict

#: The graded functions of the curriculum, in teaching order.
GRADED = (
    "sigmoid", "log_loss",
    "dL_da", "da_dz", "dL_dz", "dL_dz_squared_error", "numerical_derivative",
    "example_gradients",
    "update_parameters",
    "compute_cost", "gradients_loop",
    "cost_and_gradients", "gradient_descent", "predict",
    "make_minibatches", "train_minibatch",
    "momentum_update", "train_momentum",
)

__all__ = [*GRADED, "gradient_check", "log_loss_from_logits", "numerical_gradient", "relative_error"]
