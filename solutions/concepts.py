"""The concept questions of the course, with their answers, computed wherever they can be.

Each notebook shows a question's prompt and options word for word (a test checks
that), and its hidden test compares the student's answer with `answer(question, student)`
through `autograder.judging.concepts`. Only this module and the hidden tests know the answers.

The questions that ask for a number have each student's own numbers (the notebooks' variant.py):
their answers are computed here for the student's variant, one function per notebook (`answers_01`, ...).
The questions answered with letters show each student the options under their own letters (`LETTERED`):
their answers are written here once, with the letters (or keys) of the options as the course writes them
(`FIXED`), and put in each student's letters by `answer`.

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

import copy
import importlib.util
import math
from pathlib import Path

import numpy as np

from solutions.chain_rule import dL_da, dL_dz, da_dz
from solutions.model_and_loss import log_loss, sigmoid

#: Relative tolerance of a numeric answer, unless its section says otherwise: 3 significant digits.
NUMBER_RTOL = 1e-2


def _variant_module():
    """The notebooks' variant.py (shipped with the release): each student's numbers, written once for the notebook,
    its checks and the judges."""
    path = Path(__file__).resolve().parents[1] / "notebooks" / "logistic_regression" / "variant.py"
    spec = importlib.util.spec_from_file_location("logreg_variant", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


variant = _variant_module()
#: The student whose variant the instructor's notebooks show (and `ANSWERS` holds).
EXAMPLE_STUDENT = "instructor"

# --- 01: the model and the loss -------------------------------------------------------------------

# The seed's question, one example with y = 1 and two predictions, in each student's variant (variant.scenario).


def _scenario_answers(scenario):
    losses = {letter: float(log_loss(scenario[letter], 1.0)) for letter in ("A", "B")}
    higher, lower = sorted(losses, key=losses.get, reverse=True)
    return {"scenario_higher_loss": higher, "scenario_loss_ratio": losses[higher] / losses[lower]}


def answers_01(student):
    return _scenario_answers(variant.scenario(student))

OPTIONS_01 = {}
RTOL_01 = {}
CHOICES_01 = {}

# --- 02: the chain rule ---------------------------------------------------------------------------


# The worked point, asked before the closed forms are shown (variant.worked_point): an example with its label y and
# a logit z = ln(a / (1 − a)), so that e^(−z) = (1 − a)/a and a = σ(z) is a fraction the student can work by hand.
#: What each number of the worked point's answer is (shown in notebook 02 word for word).
WORKED_POINT_KEYS = {
    "dL_da": "the slope of the loss with respect to a, at this a and y",
    "da_dz": "the slope of the sigmoid with respect to z, at this z",
    "dL_dz": "the slope of the loss with respect to z, through a",
}


def _worked_point_answer(z, y):
    a = float(sigmoid(z))
    return {"dL_da": float(dL_da(a, y)), "da_dz": float(da_dz(a)), "dL_dz": float(dL_dz(a, y))}


def answers_02(student):
    point = variant.worked_point(student)
    return {"worked_point": _worked_point_answer(point["z"], point["y"])}


OPTIONS_02 = {"worked_point": WORKED_POINT_KEYS}
RTOL_02 = {"worked_point": 1e-2}  # "within 1 %" in the notebook
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

#: The update of w when X is stored with one example per column, shape (n, m): a transfer of the
#: notebook's row layout, (m, n), where dw = Xᵀ(σ(Xw + b) − y)/m is derived and shown.
VECTORIZED_UPDATE = {
    "a": "w := w − α (1/m) Xᵀ(σ(Xᵀw + b) − y)",
    "b": "w := w − α (1/m) X(σ(Xᵀw + b) − y)",
    "c": "w := w + α (1/m) X(σ(Xᵀw + b) − y)",
    "d": "w := w − α (1/m) X(Xᵀw + b − y)",
}


def _vectorized_update_direction(letter, X_columns, y, w, b):
    """The direction that option `letter` subtracts from w (times α), for X of shape (n, m); ValueError if the shapes do not fit."""
    from solutions.model_and_loss import sigmoid  # here, to keep this section's imports in it

    m = X_columns.shape[1]
    errors = sigmoid(X_columns.T @ w + b) - y
    return {"a": lambda: X_columns.T @ errors / m, "b": lambda: X_columns @ errors / m,
            "c": lambda: -(X_columns @ errors) / m, "d": lambda: X_columns @ (X_columns.T @ w + b - y) / m}[letter]()


def _correct_vectorized_update():
    """The one option whose direction is the gradient of J, for seeded data stored by columns (n = 3, m = 5)."""
    from solutions.vectorized import cost_and_gradients  # here, to keep this section's imports in it

    rng = np.random.default_rng(0)
    X_columns, y = rng.normal(size=(3, 5)), np.array([1.0, 0.0, 1.0, 1.0, 0.0])
    w, b = rng.normal(size=3), 0.3
    _, dw, _ = cost_and_gradients(X_columns.T, y, w, b)  # the row layout of the same examples
    right = []
    for letter in VECTORIZED_UPDATE:
        try:
            direction = _vectorized_update_direction(letter, X_columns, y, w, b)
        except ValueError:
            continue
        if np.allclose(direction, dw, rtol=1e-12, atol=1e-15):
            right.append(letter)
    (letter,) = right
    return letter


ANSWERS_05 = {"vectorized_update": _correct_vectorized_update()}
OPTIONS_05 = {"vectorized_update": VECTORIZED_UPDATE}
RTOL_05 = {}
CHOICES_05 = {}

# --- 06: mini-batches -----------------------------------------------------------------------------

# m examples cut into mini-batches of batch_size (variant.minibatch_case): how many updates make one epoch?
# (The notebook's data set has m = 1500 and its cells count the batches of other cases.)

#: Which kind of gradient descent each statement describes: each a consequence to reason out,
#: none a line of the notebook's text (tests/test_concepts.py, block 06, proves each by computation).
UPDATE_KINDS = ("batch", "stochastic", "mini-batch")
UPDATE_KIND_STATEMENTS = {
    "reshuffle": "Reshuffling the examples before an epoch changes none of its updates.",
    "one_direction": "Every update moves (w, b) along the vector (x_i, 1) of a single example i, forwards or backwards.",
    "unequal_weights": "Within one epoch, some examples can weigh more than others in the gradient of the update that uses them.",
    "never_raises": "With a small enough constant learning rate, no update ever raises J on the whole training set.",
}

def answers_06(student):
    case = variant.minibatch_case(student)
    return {"iterations_per_epoch": math.ceil(case["m"] / case["batch_size"])}


ANSWERS_06 = {
    "update_kinds": {"reshuffle": "batch", "one_direction": "stochastic", "unequal_weights": "mini-batch",
                     "never_raises": "batch"},
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

# Momentum's memory: the effective window (the sum of the weights (1 − β) β^k over their largest, long after the
# start) for a β the notebook never uses (variant.memory_beta).


def effective_window(beta, t=None):
    """Σ_k (1 − β) β^k over the largest weight (1 − β): (1 − β^t) / (1 − β), or 1 / (1 − β) for t → ∞."""
    return (1 - (0.0 if t is None else beta ** t)) / (1 - beta)


def mean_age(beta):
    """Σ_k k (1 − β) β^k / Σ_k (1 − β) β^k for t → ∞: the mean age of the gradients in v."""
    return beta / (1 - beta)


def half_life(beta):
    """The age k at which the weight (1 − β) β^k is half the newest one: ln 2 / (−ln β)."""
    return math.log(2) / -math.log(beta)


def answers_07(student):
    return {"momentum_memory": effective_window(variant.memory_beta(student))}


ANSWERS_07 = {"momentum_effect": "b"}
OPTIONS_07 = {"momentum_effect": MOMENTUM_EFFECT}
#: 1 %: far enough from the mean age (one less, 3 % off) and the half-life to tell them apart.
RTOL_07 = {"momentum_memory": 0.01}
CHOICES_07 = {}

# --- 08: backpropagation --------------------------------------------------------------------------

#: The question's training set: the inputs of XOR (which the notebook demonstrates), labelled as AND.
#: No cell of the course fits it: the student transfers what XOR and the separable case teach.
SMALL_TRAINING_SET = {
    "X": np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]]),
    "y": np.array([0.0, 0.0, 0.0, 1.0]),
}

SMALL_TRAINING_SET_STATEMENTS = {
    "a": "J can be made as small as you like, yet no finite (w, b) makes it 0.",
    "b": "J is convex, so it has a minimum at a finite (w, b) that gradient descent approaches.",
    "c": "Along gradient descent, ‖w‖ keeps growing, past any bound you set in advance.",
    "d": "The best fit has w = 0, with b chosen so that σ(b) is the fraction of positive examples.",
}

#: The network of the question: how many parameters it has (the notebook counts the work for a few dozen).
BACKPROPAGATION_PARAMETERS = 1_000_000

BACKPROPAGATION = {
    "a": "Backpropagation: the work of a few forward passes; central differences: about two million.",
    "b": "Backpropagation: one backward pass per parameter, so about a million; central differences: two million.",
    "c": "Both: the work of a few forward passes; backpropagation is preferred only because it is exact.",
    "d": "Both: about a million passes; backpropagation is preferred only because each of its passes is cheaper.",
}

#: The debugging exercise: five given implementations of notebook 06's train_minibatch (a given cell
#: of 08_backpropagation.ipynb, released once 06, where train_minibatch is written, is due), each with
#: one bug from this list; one bug (the decoy) is in none of them. Each description is followed in the
#: notebook by the grader's message for that mistake.
DEBUG_IMPLEMENTATIONS = ("train_A", "train_B", "train_C", "train_D", "train_E")
DEBUG_BUGS = {
    "a": "Each update adds α times the gradient instead of subtracting it.",
    "b": "b is updated with a gradient computed after w has already moved.",
    "c": "The examples are visited in the same order in every epoch.",
    "d": "The gradient is summed over the batch instead of averaged.",
    "e": "X and y are shuffled with two different permutations.",
    "f": "One of a and y is a column of shape (k, 1), the other has shape (k,): a − y is a (k, k) matrix.",
}
#: The bug in none of the implementations.
DEBUG_DECOY = "c"

ANSWERS_08 = {"small_training_set": frozenset({"a", "c"}), "backpropagation": "a",
              "debug": {"train_A": "d", "train_B": "f", "train_C": "a", "train_D": "e", "train_E": "b"}}
OPTIONS_08 = {"small_training_set": SMALL_TRAINING_SET_STATEMENTS, "backpropagation": BACKPROPAGATION,
              "debug": {name: f"`{name}`" for name in DEBUG_IMPLEMENTATIONS}}
RTOL_08 = {}
CHOICES_08 = {"debug": tuple(DEBUG_BUGS)}

# --- the course: the sections joined ---------------------------------------------------------------

ANSWERS_01, ANSWERS_02 = {}, {}  # every answer of theirs is a variant's (answers_01, answers_02)
_SECTIONS = [(ANSWERS_01, OPTIONS_01, RTOL_01, CHOICES_01), (ANSWERS_02, OPTIONS_02, RTOL_02, CHOICES_02),
             (ANSWERS_03, OPTIONS_03, RTOL_03, CHOICES_03), (ANSWERS_04, OPTIONS_04, RTOL_04, CHOICES_04),
             (ANSWERS_05, OPTIONS_05, RTOL_05, CHOICES_05), (ANSWERS_06, OPTIONS_06, RTOL_06, CHOICES_06),
             (ANSWERS_07, OPTIONS_07, RTOL_07, CHOICES_07), (ANSWERS_08, OPTIONS_08, RTOL_08, CHOICES_08)]

#: The answers that are the same for every student, by question id, with the options' letters (or keys) as the
#: course writes them: a student sees them under their own letters (LETTERED).
FIXED = {k: v for answers, *_ in _SECTIONS for k, v in answers.items()}
#: The options that each student sees under their own letters (variant.letters), by question id: the course's
#: letter (or key) -> the option, in the order in which the notebook lists them. For "update_kinds" the
#: lettered options are the statements (the keys of its answer), for "debug" the bugs (the values of its answer).
LETTERED = {"why_log_loss": WHY_LOG_LOSS, "which_update_is_correct": WHICH_UPDATE_IS_CORRECT,
            "vectorized_update": VECTORIZED_UPDATE, "update_kinds": UPDATE_KIND_STATEMENTS,
            "momentum_effect": MOMENTUM_EFFECT, "small_training_set": SMALL_TRAINING_SET_STATEMENTS,
            "backpropagation": BACKPROPAGATION, "debug": DEBUG_BUGS}


def letters_of(question, student):
    """The letter under which `student` sees each option of a lettered question: the course's letter (or key) ->
    the student's letter."""
    keys = list(LETTERED[question])
    return dict(zip(keys, variant.letters(str(student), question, len(keys))))


def _in_letters(question, fixed, student):
    """A fixed answer put in the letters `student` sees."""
    letter = letters_of(question, student)
    if isinstance(fixed, str):
        return letter[fixed]
    if isinstance(fixed, frozenset):
        return frozenset(letter[k] for k in fixed)
    if set(fixed) == set(letter):  # the options are the answer's keys
        return {letter[k]: v for k, v in fixed.items()}
    return {k: letter[v] for k, v in fixed.items()}  # the options are its values

#: How each variant's answers are computed (variant.py gives the student's numbers), one function per notebook,
#: named here and looked up when asked, so that a key changed in this module is the key the judges use.
_VARIANT_SECTIONS = ("answers_01", "answers_02", "answers_06", "answers_07")


def answers_of(student):
    """Every question's answer for one student's variant, by question id (a new dict)."""
    answers = {k: _in_letters(k, v, student) if k in LETTERED else copy.deepcopy(v) for k, v in FIXED.items()}
    for section in _VARIANT_SECTIONS:
        answers.update(globals()[section](str(student)))
    return answers


def answer(question, student):
    """The answer to one question for one student's variant."""
    return answers_of(student)[question]


#: The questions whose answer depends on the student's variant.
VARIANT_QUESTIONS = tuple(k for section in _VARIANT_SECTIONS for k in globals()[section](EXAMPLE_STUDENT))
#: Every answer of the instructor's variant (the one the instructor's notebooks show), by question id.
ANSWERS = answers_of(EXAMPLE_STUDENT)
#: Every question's options, by question id (for the notebooks' consistency test).
OPTIONS = {k: v for _, options, *_ in _SECTIONS for k, v in options.items()}
#: The tolerance of each numeric answer.
RTOL = {k: v for _, _, tolerances, _ in _SECTIONS for k, v in tolerances.items()}
#: The values allowed in each dict answer whose values are words.
CHOICES = {k: v for *_, choices in _SECTIONS for k, v in choices.items()}


def rtol(question):
    """The relative tolerance within which a numeric answer (or each number of a dict answer) is right."""
    return RTOL.get(question, NUMBER_RTOL)
