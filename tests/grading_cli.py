"""Running the instructor's CLI from tests, and reading what it wrote."""

import csv
import subprocess
import sys


def run_cli(*args, check=True):
    """`python -m autograder ARGS`; raise with its output unless it exits 0 (when `check`)."""
    result = subprocess.run([sys.executable, "-m", "autograder", *args], capture_output=True, text=True, timeout=900)
    if check and result.returncode != 0:
        raise AssertionError(f"exit {result.returncode}\n{result.stdout}\n{result.stderr}")
    return result


def read_rows(out):
    """The rows of OUT/grades.csv, as dicts of strings."""
    with open(out / "grades.csv", newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))
