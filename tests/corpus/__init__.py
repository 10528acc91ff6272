"""A corpus of student answers: wrong ones, each with the mistake the judge must name, and right ones.

Every entry is a plain function written the way a student would write it.
`@wrong(name, mistake)` registers an answer that must be judged wrong with that
mistake id (judging.UNNAMED where no table entry can explain it);
`@right(name)` one that must be judged right.
"""

WRONG = []  # (function name, expected mistake id, implementation)
RIGHT = []  # (function name, implementation)


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


from . import chain_rule, gradients, model_and_loss, training  # noqa: E402,F401  (they register)
