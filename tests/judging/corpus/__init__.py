"""A corpus of student answers: wrong ones, each with the mistake the judge must name, and right ones.

Every entry is a plain function written the way a student would write it.
`@wrong(name, mistake)` registers an answer that must be judged wrong with that
mistake id (judging.UNNAMED where no table entry can explain it);
`@right(name)` one that must be judged right. Entries marked `@real(source)` are
real students' code from public repositories and threads (the real_*.py modules),
translated into the curriculum's signatures with the author's style and mistakes
kept; the others were written for the judges' own tests.
"""

WRONG = []  # (function name, expected mistake id, implementation)
RIGHT = []  # (function name, implementation)
REAL = {}  # implementation -> where a student wrote it (repository and path, or thread)
#: Real code the judges were not tuned on (real_heldout.py): (function name, correct?, implementation, source).
#: Read by its own test only; whoever tunes the mistake tables does not read the module.
HELD_OUT = []


def wrong(name, mistake):
    def register(fn):
        WRONG.append((name, mistake, fn))
        return fn
    return register


def right(name):
    def register(fn):
        RIGHT.append((name, fn))
        return fn
    return register


def held_out(name, correct, source):
    """Register real code kept out of sight while tuning: `correct` says whether it is a right answer."""
    def register(fn):
        HELD_OUT.append((name, correct, fn, source))
        return fn
    return register


def real(source):
    """Mark an entry as real student code, translated into the curriculum's signature: `source` says where it is from."""
    def register(fn):
        REAL[fn] = source
        return fn
    return register


from . import chain_rule, gradients, model_and_loss, training  # noqa: E402,F401  (they register)
from . import real_chain_rule, real_gradients, real_model_and_loss, real_training  # noqa: E402,F401
from . import real_heldout  # noqa: E402,F401  (registers HELD_OUT only: not WRONG, RIGHT or REAL)
