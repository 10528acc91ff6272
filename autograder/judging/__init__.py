"""Judging, pure: a captured record and the `solutions` reference in, a Verdict out.

- `functions`: the description of every graded function (outputs, probe
  cases, known mistakes, how it is judged), one module per topic, each entry
  a `description.GradedFunction`; `cases`: what the probe inputs are made of;
- `checks`: the steps every function goes through; `mistakes`: the generic
  mistakes; `derivatives`: central differences of the loss;
- `stand_ins`: the tables that let a function calling a graded helper be judged on its own logic;
- `concepts`: judging the answers to the concept questions;
- `compare`: the tolerances, stated once; `verdict`: what a judgement says.

Nothing here runs a notebook, touches a file or starts a process.
"""

import pickle

from autograder.judging.checks import against_reference
from autograder.judging.concepts import judge_concept, whose_variant
from autograder.judging.functions import FUNCTIONS, describe
from autograder.judging.stand_ins import stand_ins
from autograder.judging.verdict import PASSED, UNNAMED, Verdict, fail


def judge(name, record):
    """The verdict on a captured record of a graded function.

    Parameters
    ----------
    name : str
        A graded function of the curriculum.
    record : dict
        What `autograder.kernel.capture.capture` returned, possibly after a
        round trip through JSON.

    Returns
    -------
    Verdict
    """
    entry = describe(name)
    if record.get("function") != name or len(record.get("cases", ())) != len(entry.cases()):
        return fail(name, "malformed_record", "the captured record does not match this function's cases; re-run the test cell.")
    if entry.properties is not None:
        return entry.properties(entry, record)
    return against_reference(entry, record) or PASSED


def probe(name):
    """What the student's kernel needs to call a graded function: its probe, as plain data.

    Returns
    -------
    dict
        {"function", "parameters", "outputs", "structure", "cases", "stand_ins"}, the cases
        as pickled tuples of arguments (unpickled afresh for every call), and the tables of the helpers that stand
        in while it is called (judging.stand_ins).
    """
    entry = describe(name)
    cases = [case.build() for case in entry.cases()]
    return {"function": name, "parameters": list(entry.parameters), "outputs": list(entry.outputs),
            "structure": entry.structure, "cases": [pickle.dumps(args) for args in cases],  # before the reference runs
            "stand_ins": stand_ins(entry, cases)}


__all__ = ["FUNCTIONS", "UNNAMED", "Verdict", "describe", "judge", "judge_concept", "probe", "whose_variant"]
