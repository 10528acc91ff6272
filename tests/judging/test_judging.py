"""Every judge against the corpus: wrong answers are judged wrong with the mistake named, right ones right."""

import json

import numpy as np
import pytest

import solutions
from autograder import check
from autograder.judging import FUNCTIONS, UNNAMED, describe, judge, probe
from autograder.judging.checks import central_difference_failures
from autograder.kernel.capture import capture
from tests.judging.corpus import RIGHT, WRONG


def _ids(entries):
    return [entry[-1].__name__ for entry in entries]


@pytest.mark.parametrize("name", solutions.GRADED)
def test_reference_passes_its_own_judge(name):
    verdict = check(name, getattr(solutions, name))
    assert verdict.passed, verdict.message


@pytest.mark.parametrize("name, mistake, fn", WRONG, ids=_ids(WRONG))
def test_wrong_answer_is_judged_wrong_with_its_mistake_named(name, mistake, fn):
    verdict = check(name, fn)
    assert not verdict.passed, f"{fn.__name__} passed"
    assert verdict.mistake == mistake, verdict.message
    assert verdict.message.startswith(f"{name}: ")


@pytest.mark.parametrize("name, fn", RIGHT, ids=_ids(RIGHT))
def test_right_answer_is_judged_right(name, fn):
    verdict = check(name, fn)
    assert verdict.passed, verdict.message


def test_corpus_is_large_and_covers_every_graded_function():
    assert len(WRONG) >= 40 and len(RIGHT) >= 15
    assert {name for name, *_ in WRONG} == set(solutions.GRADED)
    assert {name for name, _ in RIGHT} == set(solutions.GRADED)


def test_at_least_80_percent_of_wrong_answers_have_their_mistake_named():
    named = [fn for name, _, fn in WRONG if check(name, fn).mistake != UNNAMED]
    assert len(named) >= 0.8 * len(WRONG)


@pytest.mark.parametrize("name, mistake, fn", WRONG, ids=_ids(WRONG))
def test_messages_do_not_reveal_expected_values(name, mistake, fn):
    message = check(name, fn).message
    labels = " ".join(case.label for case in describe(name).cases())
    for case in describe(name).cases():
        if name == "make_minibatches":
            continue  # judged by properties: there are no expected values to leak
        expected = getattr(solutions, name)(*case.build())
        for value in np.ravel(np.concatenate([np.ravel(np.asarray(v, dtype=float)) for v in
                                              (expected if isinstance(expected, tuple) else (expected,))])):
            for text in {f"{value:.3g}", f"{value:.6f}", repr(float(value))}:
                if len(text.strip("-0.")) >= 3 and text not in labels:
                    assert text not in message, f"{message!r} shows the expected value {text}"


ROUND_TRIP = [(name, fn) for name, *_, fn in WRONG[::3] + RIGHT[::3]]


@pytest.mark.parametrize("name, fn", ROUND_TRIP, ids=_ids(ROUND_TRIP))
def test_judging_works_on_a_json_round_trip(name, fn):
    record = capture(fn, probe(name))
    assert judge(name, json.loads(json.dumps(record))) == judge(name, record)


# Every check of the judges is shown to fire on a wrong answer: each mistake of the table,
# and each verdict the judges give outside the table, is named for some entry of the corpus.
JUDGE_LEVEL_MISTAKES = {
    "not_implemented", "exception", "malformed", "wrong_default", "numeric_warning", "mutates_input",
    "wrong_shape", "nan_or_inf", "constant_factor", UNNAMED,
    "not_elementwise", "shape_mismatch", "object_array", "one_number_for_many", "same_values_other_shape",
    # update_parameters, by a fitted step; sigmoid's NaN where e^z overflows
    "update_fixed_step", "sigmoid_inf_over_inf",
    # make_minibatches
    "misaligned", "not_partition", "dropped_last", "not_shuffled", "ignores_rng", "rows_changed", "batch_sizes",
    # train_minibatch
    "one_update_per_epoch", "batch_gradient_summed", "nonzero_start", "minibatch_ascent",
    "epoch_cost_not_whole_set", "not_reproducible", "wrong_length", "full_gradient_per_update",
    "same_order_every_epoch",
}


def test_every_mistake_of_the_table_is_exercised_by_the_corpus():
    from autograder.judging.mistakes import AVERAGING, ELEMENTWISE, GENERIC

    named = {(name, mistake) for name, mistake, _ in WRONG}
    missing = [(name, m.id) for name, entry in FUNCTIONS.items() for m in entry.mistakes if (name, m.id) not in named]
    missing += [m.id for m in AVERAGING + ELEMENTWISE + GENERIC if m.id not in {mistake for _, mistake, _ in WRONG}]
    missing += sorted(JUDGE_LEVEL_MISTAKES - {mistake for _, mistake, _ in WRONG})
    assert not missing


def _outputs_of(name, fn):
    return [tuple(np.asarray(v, dtype=float) for v in (r if isinstance(r, tuple) else (r,)))
            for r in (fn(*case.build()) for case in describe(name).cases())]


@pytest.mark.parametrize("name", sorted(n for n, entry in FUNCTIONS.items() if entry.central_difference))
def test_central_difference_check_fails_on_a_wrong_derivative_and_passes_on_the_reference(name):
    entry = describe(name)
    cases = entry.cases()
    right = _outputs_of(name, getattr(solutions, name))
    assert central_difference_failures(entry, cases, right) == []
    tripled = [tuple(3 * v for v in outputs) for outputs in right]
    assert central_difference_failures(entry, cases, tripled) == [c for c in cases if c.smooth]


def test_central_accuracy_check_fails_on_a_one_sided_difference_and_passes_on_a_central_one():
    from tests.judging.corpus.chain_rule import derivative_backward, derivative_central, derivative_forward

    from autograder.judging.functions.chain_rule import central_accuracy_failures

    cases = describe("numerical_derivative").cases()
    assert central_accuracy_failures(cases, _outputs_of("numerical_derivative", derivative_central)) == []
    for one_sided in (derivative_forward, derivative_backward):
        assert central_accuracy_failures(cases, _outputs_of("numerical_derivative", one_sided)) == cases


def test_a_record_that_does_not_match_the_cases_is_rejected_not_trusted():
    record = capture(solutions.sigmoid, probe("sigmoid"))
    record["cases"] = record["cases"][:1]
    verdict = judge("sigmoid", record)
    assert not verdict.passed and verdict.mistake == "malformed_record"
    assert not judge("dL_dz", capture(solutions.sigmoid, probe("sigmoid"))).passed


@pytest.mark.parametrize("returned, expected_words", [
    (None, "is None"),
    ("0.5", "not a number"),
    ([1, [2, 3]], "not a number"),
])
def test_capture_explains_a_return_value_that_is_not_numbers(returned, expected_words):
    verdict = check("sigmoid", lambda z: returned)
    assert verdict.mistake == "malformed" and expected_words in verdict.message


def test_two_known_mistakes_in_one_function_are_named_together():
    def example_gradients(x1, x2, y, w1, w2, b):
        a = solutions.sigmoid(w1 * x1 + w2 * x2 + b)
        return (y - a) * x1, (y - a) * x2, (y - a) * x1  # y − a, and db times x1

    verdict = check("example_gradients", example_gradients)
    assert verdict.mistake == "example_y_minus_a+example_db_times_x"
    assert "two mistakes" in verdict.message and "y − a" in verdict.message and "db by a feature" in verdict.message
    alone = check("example_gradients", lambda x1, x2, y, w1, w2, b: tuple(
        -v for v in solutions.example_gradients(x1, x2, y, w1, w2, b)))
    assert alone.mistake == "example_y_minus_a"  # one mistake is still named alone


def test_a_pair_is_named_only_when_it_gives_the_outputs_that_are_right_too():
    """w and b right, costs holding only the first cost: no pair in which one mistake changes w is named."""
    def gradient_descent(X, y, w, b, learning_rate, num_iterations):
        costs = []
        for i in range(num_iterations):
            cost, dw, db = solutions.cost_and_gradients(X, y, w, b)
            if i == 0:
                costs.append(cost)
            w, b = w - learning_rate * dw, b - learning_rate * db
        return w, b, costs

    assert "+" not in check("gradient_descent", gradient_descent).mistake


def test_a_sigmoid_of_another_shape_is_told_so_and_the_nan_diagnosis_does_not_stop_the_judge():
    verdict = check("sigmoid", lambda z: np.reshape(solutions.sigmoid(z), (-1, 1)) if np.ndim(z) == 1 else solutions.sigmoid(z))
    assert not verdict.passed and verdict.mistake == "same_values_other_shape"


@pytest.mark.parametrize("product", [lambda X, v: X @ v, np.dot])
def test_x_times_a_vector_of_the_examples_is_named_with_the_product_that_fits(product):
    def cost_and_gradients(X, y, w, b):
        a = solutions.sigmoid(X @ w + b)
        return solutions.compute_cost(X, y, w, b), product(X, a - y) / len(y), np.mean(a - y)

    verdict = check("cost_and_gradients", cost_and_gradients)
    assert verdict.mistake == "shape_mismatch" and "Xᵀ(a − y) = X.T @ (a - y)" in verdict.message
    assert "z = X @ w + b" in verdict.message  # w @ X raises the same error: the hint shows both sides
    other = check("cost_and_gradients", lambda X, y, w, b: (0.0, X @ np.ones(len(w) + 1), 0.0))
    assert other.mistake == "shape_mismatch" and "Xᵀ(a − y)" not in other.message  # another product: the general hint


# --- the real corpus: students' code from public repositories and threads -------------------------

from tests.judging.corpus import REAL  # noqa: E402

REAL_WRONG = [(name, mistake, fn) for name, mistake, fn in WRONG if fn in REAL]
REAL_RIGHT = [(name, fn) for name, fn in RIGHT if fn in REAL]
#: Verdicts that say something is wrong without naming what.
GENERIC_IDS = {UNNAMED, "exception", "malformed", "wrong_shape", "constant_factor", "nan_or_inf"}


def test_the_real_corpus_is_large_and_every_entry_names_its_source():
    assert len(REAL_WRONG) >= 40 and len(REAL_RIGHT) >= 40
    assert all(len(REAL[fn]) > 20 for fn in REAL)  # repository and path, or thread: never empty


def test_at_least_80_percent_of_real_mistakes_are_named(record_property):
    named = [fn for name, _, fn in REAL_WRONG if check(name, fn).mistake not in GENERIC_IDS]
    share = len(named) / len(REAL_WRONG)
    record_property("real_mistakes_named", f"{len(named)} of {len(REAL_WRONG)} ({share:.0%})")
    print(f"\nreal corpus: {len(named)} of {len(REAL_WRONG)} real mistakes named ({share:.0%}); "
          f"{len(REAL_RIGHT)} real correct answers")
    assert share >= 0.8


# --- real code held out from tuning (corpus/real_heldout.py): whoever tunes the tables does not read it ----

from tests.judging.corpus import HELD_OUT  # noqa: E402


def test_held_out_real_code_is_graded_fairly_and_its_share_of_named_mistakes_is_reported(record_property):
    """The figure the mistake tables earn on code they were not fitted to; fairness is required, the share reported."""
    assert len(HELD_OUT) >= 30 and len({source.split()[0] for *_, source in HELD_OUT}) >= 15
    verdicts = [(name, correct, source, check(name, fn)) for name, correct, fn, source in HELD_OUT]
    unfair = [source for name, correct, source, verdict in verdicts if correct and not verdict.passed]
    missed = [source for name, correct, source, verdict in verdicts if not correct and verdict.passed]
    assert not unfair, f"right answers that lose points: {unfair}"
    assert not missed, f"wrong answers that earn full marks: {missed}"
    wrong = [verdict for _, correct, _, verdict in verdicts if not correct]
    named = [v for v in wrong if not set(v.mistake.split("+")) & GENERIC_IDS]
    share = len(named) / len(wrong)
    record_property("held_out_mistakes_named", f"{len(named)} of {len(wrong)} ({share:.0%})")
