"""The concept questions of the course, with their answers, computed wherever they can be.

Each notebook shows a question's prompt and options word for word (a test checks
that), and its hidden test compares the student's answer with `ANSWERS` through
`autograder.judging.concepts`. Only this module and the hidden tests know the answers.

One section per notebook: it defines the data of its questions and three dicts,
`ANSWERS_NN` (question id -> answer), `OPTIONS_NN` (question id -> the options shown,
for multiple choice and for the keys of a dict answer) and `RTOL_NN` (question id ->
the relative tolerance of a numeric answer, where it is not `NUMBER_RTOL`).
`CHOICES_NN` lists the values allowed in a dict answer. The module's `ANSWERS`,
`OPTIONS`, `RTOL` and `CHOICES` join the sections.

Answer forms: a letter (str), a set of letters (frozenset), a dict of letters or
words (its keys are the options), a number (int: exact; float: within its RTOL),
or a dict of numbers (each within the question's RTOL).
"""

import math

import numpy as np

from solutions.model_and_loss import log_loss

#: Relative tolerance of a numeric answer, unless its section says otherwise: 3 significant digits.
NUMBER_RTOL = 1e-2

# --- 01: the model and the loss -------------------------------------------------------------------

#: The seed's question: one example with y = 1, two predictions.
SCENARIO = {"y": 1.0, "A": 0.9, "B": 0.1}

ANSWERS_01 = {
    "scenario_higher_loss": "B",
    "scenario_loss_ratio": float(log_loss(SCENARIO["B"], SCENARIO["y"]) / log_loss(SCENARIO["A"], SCENARIO["y"])),
}
OPTIONS_01 = {}
RTOL_01 = {}
CHOICES_01 = {}

# --- 02: the chain rule ---------------------------------------------------------------------------

ANSWERS_02 = {}
OPTIONS_02 = {}
RTOL_02 = {}
CHOICES_02 = {}

# --- 03: two features, one example ----------------------------------------------------------------

ANSWERS_03 = {}
OPTIONS_03 = {}
RTOL_03 = {}
CHOICES_03 = {}

# --- 04: the update rule --------------------------------------------------------------------------

#: An example with y = 0 that the model gets confidently wrong: the case the question asks about
#: (04's demonstrations draw only examples with y = 1).
WHY_LOG_LOSS_CASE = {"y": 0.0, "z": 7.0}

WHY_LOG_LOSS = {
    "a": "Both losses give it a dL/dz near 0, so it hardly moves the parameters with either loss; "
         "the log loss is only cheaper to compute.",
    "b": "The squared error gives it a dL/dz near 1, so it pulls hard and overshoots; "
         "the log loss gives a dL/dz near 0, so its steps stay small and safe.",
    "c": "The squared error gives it a dL/dz near 0, so it hardly moves the parameters although it is badly wrong; "
         "the log loss gives a dL/dz near 1.",
    "d": "Both losses give it a dL/dz near 1, so the two train alike on it; "
         "the log loss is preferred only because its values are smaller.",
}

#: Code options: theta = (b, w_1, ..., w_n) in one array, grad_J(theta) the gradient of J at theta.
WHICH_UPDATE_IS_CORRECT = {
    "a": "for j in range(n + 1): theta[j] = theta[j] - alpha * grad_J(theta)[j]",
    "b": "for j in range(n + 1): theta[j] = theta[j] - alpha * grad_J(theta)[0]",
    "c": "theta = np.array([t - alpha * g for t, g in zip(theta, grad_J(theta))])",
    "d": "theta = np.array([t + alpha * g for t, g in zip(theta, grad_J(theta))])",
}

ANSWERS_04 = {"why_log_loss": "c", "which_update_is_correct": "c"}
OPTIONS_04 = {"why_log_loss": WHY_LOG_LOSS, "which_update_is_correct": WHICH_UPDATE_IS_CORRECT}
RTOL_04 = {}
CHOICES_04 = {}

# --- 05: vectorized -------------------------------------------------------------------------------

VECTORIZED_UPDATE = {
    "a": "w := w − α (1/m) X (σ(Xw + b) − y)",
    "b": "w := w − α (1/m) Xᵀ(Xw + b − y)",
    "c": "w := w + α (1/m) Xᵀ(σ(Xw + b) − y)",
    "d": "w := w − α (1/m) Xᵀ(σ(Xw + b) − y)",
}

ANSWERS_05 = {"vectorized_update": "d"}
OPTIONS_05 = {"vectorized_update": VECTORIZED_UPDATE}
RTOL_05 = {}
CHOICES_05 = {}

# --- 06: mini-batches -----------------------------------------------------------------------------

#: m examples cut into mini-batches of batch_size: how many updates make one epoch?
ITERATIONS_QUESTION = {"m": 2000, "batch_size": 64}

#: Which kind of gradient descent each statement describes.
UPDATE_KINDS = ("batch", "stochastic", "mini-batch")
UPDATE_KIND_STATEMENTS = {
    "all_examples": "Every update uses all m examples.",
    "m_updates": "One epoch makes m updates.",
    "noisiest": "Its cost, measured after each update, jumps around the most.",
    "usual_choice": "It vectorizes over a few dozen examples per update; the usual choice for large data sets.",
}

ANSWERS_06 = {
    "iterations_per_epoch": math.ceil(ITERATIONS_QUESTION["m"] / ITERATIONS_QUESTION["batch_size"]),
    "update_kinds": {"all_examples": "batch", "m_updates": "stochastic", "noisiest": "stochastic",
                     "usual_choice": "mini-batch"},
}
OPTIONS_06 = {"update_kinds": UPDATE_KIND_STATEMENTS}
RTOL_06 = {}
CHOICES_06 = {"update_kinds": UPDATE_KINDS}

# --- 07: momentum ---------------------------------------------------------------------------------

MOMENTUM_EFFECT = {
    "a": "It averages recent gradients, so oscillations across a narrow valley cancel while steps along it add up.",
    "b": "It changes the cost function that gradient descent minimizes.",
    "c": "It gives every parameter a learning rate of its own, adapted to the size of its gradients.",
    "d": "It guarantees that the cost goes down at every step.",
}

#: v ← β v + (1 − β) g: over about how many recent gradients does v average?
MOMENTUM_BETA = 0.9

ANSWERS_07 = {"momentum_effect": "a", "momentum_memory": 1 / (1 - MOMENTUM_BETA)}
OPTIONS_07 = {"momentum_effect": MOMENTUM_EFFECT}
RTOL_07 = {}
CHOICES_07 = {}

# --- 08: backpropagation --------------------------------------------------------------------------

#: A small training set: two features, four examples, the pattern of XOR.
SMALL_TRAINING_SET = {
    "X": np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]]),
    "y": np.array([0.0, 1.0, 1.0, 0.0]),
}

SMALL_TRAINING_SET_STATEMENTS = {
    "a": "J(w, b) is convex, so gradient descent with a small enough learning rate approaches its global minimum.",
    "b": "No straight line separates the two classes, so gradient descent does not converge.",
    "c": "Adding the feature x1·x2 lets logistic regression fit this training set with a lower cost.",
    "d": "At the minimum of J, the cost is 0.",
}

BACKPROPAGATION = {
    "a": "An algorithm that replaces gradient descent in neural networks.",
    "b": "A numerical estimate of the gradient by central differences.",
    "c": "The chain rule applied from the loss backwards, reusing dL/dz to get every parameter's gradient, "
         "which gradient descent then uses.",
    "d": "Something that needs hidden layers, so it does not apply to logistic regression.",
}

ANSWERS_08 = {"small_training_set": frozenset({"a", "c"}), "backpropagation": "c"}
OPTIONS_08 = {"small_training_set": SMALL_TRAINING_SET_STATEMENTS, "backpropagation": BACKPROPAGATION}
RTOL_08 = {}
CHOICES_08 = {}

# --- the course: the sections joined ---------------------------------------------------------------

_SECTIONS = [(ANSWERS_01, OPTIONS_01, RTOL_01, CHOICES_01), (ANSWERS_02, OPTIONS_02, RTOL_02, CHOICES_02),
             (ANSWERS_03, OPTIONS_03, RTOL_03, CHOICES_03), (ANSWERS_04, OPTIONS_04, RTOL_04, CHOICES_04),
             (ANSWERS_05, OPTIONS_05, RTOL_05, CHOICES_05), (ANSWERS_06, OPTIONS_06, RTOL_06, CHOICES_06),
             (ANSWERS_07, OPTIONS_07, RTOL_07, CHOICES_07), (ANSWERS_08, OPTIONS_08, RTOL_08, CHOICES_08)]

#: The answers, by question id.
ANSWERS = {k: v for answers, *_ in _SECTIONS for k, v in answers.items()}
#: Every question's options, by question id (for the notebooks' consistency test).
OPTIONS = {k: v for _, options, *_ in _SECTIONS for k, v in options.items()}
#: The tolerance of each numeric answer.
RTOL = {k: v for _, _, tolerances, _ in _SECTIONS for k, v in tolerances.items()}
#: The values allowed in each dict answer whose values are words.
CHOICES = {k: v for *_, choices in _SECTIONS for k, v in choices.items()}


def rtol(question):
    """The relative tolerance within which a numeric answer (or each number of a dict answer) is right."""
    return RTOL.get(question, NUMBER_RTOL)
