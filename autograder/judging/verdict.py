"""A verdict: whether an answer is right and, when it is not, what is wrong, in words and as an id."""

from dataclasses import dataclass

#: Mistake id of a wrong answer that no known mistake explains.
UNNAMED = "wrong_value"


@dataclass(frozen=True)
class Verdict:
    """The judgement of one graded function or concept answer.

    Attributes
    ----------
    passed : bool
    message : str
        Empty when passed; otherwise what is wrong, for the student.
    mistake : str or None
        The id of the mistake (a known mistake, or "wrong_shape",
        "exception", ...; UNNAMED when nothing more specific is known).
    """

    passed: bool
    message: str = ""
    mistake: str | None = None


PASSED = Verdict(True)


def fail(name, mistake, message):
    """A failing verdict on the graded function `name`; the message starts with the name."""
    return Verdict(False, f"{name}: {message}", mistake)
