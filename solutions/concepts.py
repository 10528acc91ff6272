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

WHY_LOG_LOSS = {
    "a": "Log loss is cheaper to compute than the squared error.",
    "b": "The squared error cannot be differentiated where a = y.",
    "c": "With a = σ(z), the squared error makes J non-convex and its gradient (a − y)·a(1 − a) vanishes "
         "when a prediction is confidently wrong; the log loss makes J convex with gradient a − y.",
    "d": "Log loss values are always smaller, so gradient descent takes smaller, safer steps.",
}

WHICH_UPDATE_IS_CORRECT = {
    "a": "θ_j := θ_j − α (1/m) Σ_i (h_θ(x⁽ⁱ⁾) − y⁽ⁱ⁾), for every j",
    "b": "θ_j := θ_j − α (1/m) Σ_i (h_θ(x⁽ⁱ⁾) − y⁽ⁱ⁾) x_j⁽ⁱ⁾, for every j at once",
    "c": "θ_j := θ_j + α (1/m) Σ_i (h_θ(x⁽ⁱ⁾) − y⁽ⁱ⁾) x_j⁽ⁱ⁾, for every j at once",
    "d": "θ_j := θ_j − α (1/m) Σ_i (h_θ(x⁽ⁱ⁾) − y⁽ⁱ⁾) x_j⁽ⁱ⁾, for one j after another, recomputing h_θ after each",
}

ANSWERS_04 = {"why_log_loss": "c", "which_update_is_correct": "b"}
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

#: The β of the course's demonstrations; the questions ask about other cases.
MOMENTUM_BETA = 0.9

#: Momentum's effect, in a case the notebook does not show: a round bowl J = (w1² + w2²) / 2, on which
#: plain gradient descent with α = 1 lands on the minimum in one step; momentum with β = 0.9, same α.
MOMENTUM_EFFECT = {
    "a": "It lands there in one step too: without a valley there is nothing to cancel, so nothing changes.",
    "b": "It takes many steps: v starts at a tenth of the gradient, builds up, then overshoots and swings around.",
    "c": "It diverges: v adds up about ten gradients, so each step is about ten times too long for this bowl.",
    "d": "It lands there in two steps: the first is a tenth as long, and the second one makes up the rest.",
}

#: Momentum's memory: the effective window (the sum of the weights (1 − β) β^k over their largest,
#: long after the start) for a β the notebook never uses.
MOMENTUM_MEMORY_BETA = 0.97


def effective_window(beta, t=None):
    """Σ_k (1 − β) β^k over the largest weight (1 − β): (1 − β^t) / (1 − β), or 1 / (1 − β) for t → ∞."""
    return (1 - (0.0 if t is None else beta ** t)) / (1 - beta)


def mean_age(beta):
    """Σ_k k (1 − β) β^k / Σ_k (1 − β) β^k for t → ∞: the mean age of the gradients in v."""
    return beta / (1 - beta)


def half_life(beta):
    """The age k at which the weight (1 − β) β^k is half the newest one: ln 2 / (−ln β)."""
    return math.log(2) / -math.log(beta)


ANSWERS_07 = {"momentum_effect": "b", "momentum_memory": effective_window(MOMENTUM_MEMORY_BETA)}
OPTIONS_07 = {"momentum_effect": MOMENTUM_EFFECT}
#: 1 %: far enough from the mean age (one less, 3 % off) and the half-life to tell them apart.
RTOL_07 = {"momentum_memory": 0.01}
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
