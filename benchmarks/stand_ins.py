"""What judging a training loop on its own logic costs: the stand-ins of its helper (autograder.kernel.stand_in).

For each loop with a graded helper, side by side in one run and in turns: making its probe (the grader, once per
notebook it grades) with the sealed tables and without, and capturing a student's right loop on it (what the
hidden test does in the kernel) with the helper standing in and bare. Prints a Markdown table of the best rounds.

    .venv/bin/python benchmarks/stand_ins.py [--rounds 7]
"""

import argparse
import pickle
import sys
import time
from pathlib import Path

from autograder.judging import describe, probe
from autograder.kernel.capture import capture

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the repository: the tests' students are the loops timed
from tests.judging.test_stand_ins import STUDENTS, _namespace  # noqa: E402


def _seconds(fn):
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def _bare_probe(loop):
    """The probe as it was before the stand-ins: the cases alone."""
    entry = describe(loop)
    return {"function": loop, "parameters": list(entry.parameters), "outputs": list(entry.outputs),
            "structure": entry.structure, "cases": [pickle.dumps(case.build()) for case in entry.cases()]}


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    rounds = parser.parse_args(argv).rounds
    print("| loop (helper) | probe ms: tables / bare | capture ms: standing in / bare | ratios |")
    print("|---|---|---|---|")
    for loop in sorted(STUDENTS):
        (helper, _), = describe(loop).helpers
        student, with_tables = _namespace(STUDENTS[loop]["right"])[loop], probe(loop)
        bare = {**with_tables, "stand_ins": {}}
        best = {"made": [], "made bare": [], "run": [], "run bare": []}
        for _ in range(rounds):  # in turns, so that whatever else the machine does falls on both
            best["made"].append(_seconds(lambda: probe(loop)))
            best["made bare"].append(_seconds(lambda: _bare_probe(loop)))
            best["run"].append(_seconds(lambda: capture(student, with_tables)))
            best["run bare"].append(_seconds(lambda: capture(student, bare)))
        ms = {k: 1000 * min(v) for k, v in best.items()}
        print(f"| `{loop}` (`{helper}`) | {ms['made']:.1f} / {ms['made bare']:.1f} | {ms['run']:.1f} / "
              f"{ms['run bare']:.1f} | {ms['made'] / ms['made bare']:.2f}×, {ms['run'] / ms['run bare']:.2f}× |")


if __name__ == "__main__":
    main()
