"""A planted class for the similarity report: real students' independent code, and disguised copies of some of it.

Notebook 05's graded functions, answered by real authors from tests/judging/corpus (the real_*.py modules, each
with its repository and path): student `sNN` has the NN-th author (in name order) of every function that has one,
so no two independent students share an author; a function with fewer authors is left as the release gives it.

The copies take one student's whole notebook and disguise it the ways students do (`DISGUISES`): every name
renamed, the functions moved into one cell in another order, comments and blank lines changed, a loop turned into
a comprehension (by hand, in `COMPREHENSIONS`), and all of these at once.
"""

import ast
import inspect
import io
import re
import textwrap
import token
import tokenize

from tests.judging.corpus import REAL, RIGHT, WRONG

#: Notebook 05's graded functions, in the order of their cells.
FUNCTIONS = ("compute_cost", "gradients_loop", "cost_and_gradients", "gradient_descent", "predict")
#: Names a copier leaves alone: the graded functions', the libraries', Python's.
KEPT = set(FUNCTIONS) | {"np", "math", "self", "True", "False", "None"} | set(dir(__builtins__))


def authors():
    """{function: [(corpus entry, its source as a student's cell)]}: every real entry, right or wrong, by name."""
    entries = [(name, fn) for name, fn in RIGHT if fn in REAL] + [(name, fn) for name, _, fn in WRONG if fn in REAL]
    found = {}
    for name, fn in sorted(entries, key=lambda entry: entry[1].__name__):
        if name in FUNCTIONS:
            found.setdefault(name, []).append((fn.__name__, _as_cell(fn, name)))
    return found


def _as_cell(fn, name):
    """The entry's source without its corpus decorators, its def named as the course names it."""
    source = "\n".join(line for line in textwrap.dedent(inspect.getsource(fn)).splitlines() if not line.startswith("@"))
    return re.sub(rf"^def {fn.__name__}\(", f"def {name}(", source, flags=re.M) + "\n"


def independent():
    """{student: {function: code}} of the independent students, and {student: [corpus entries]}."""
    found = authors()
    count = max(len(entries) for entries in found.values())
    students, provenance = {}, {}
    for k in range(count):
        student = f"s{k + 1:02d}"
        students[student] = {f: found[f][k][1] for f in FUNCTIONS if k < len(found[f])}
        provenance[student] = [found[f][k][0] for f in FUNCTIONS if k < len(found[f])]
    return students, provenance


# --- the disguises ----------------------------------------------------------------------------------------------

def renamed(code):
    """Every name the code binds (arguments, variables, inner functions) renamed, consistently; comments kept."""
    tree = ast.parse(code)
    bound = {node.arg for node in ast.walk(tree) if isinstance(node, ast.arg)}
    bound |= {node.id for node in ast.walk(tree) if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store)}
    bound |= {node.name for node in ast.walk(tree) if isinstance(node, ast.FunctionDef)}
    new = {name: f"my_{name.strip('_').lower()}_var" for name in sorted(bound - KEPT)}
    tokens = [(t.type, new.get(t.string, t.string) if t.type == token.NAME else t.string)
              for t in tokenize.generate_tokens(io.StringIO(code).readline)]
    return tokenize.untokenize(tokens)


def recommented(code):
    """Its comments and blank lines gone, a comment of the copier's before every third line, a blank line after."""
    lines = []
    for k, line in enumerate(_without_comments(code).splitlines()):
        if not line.strip():
            continue
        indent = line[: len(line) - len(line.lstrip())]
        if k % 3 == 1:
            lines.append(f"{indent}# now step {k // 3 + 1} of the computation")
        lines += [line, ""] if k % 4 == 3 else [line]
    return "\n".join(lines) + "\n"


def _without_comments(code):
    tokens = [t for t in tokenize.generate_tokens(io.StringIO(code).readline) if t.type != token.COMMENT]
    return tokenize.untokenize(tokens)


#: Loops turned into comprehensions by hand: (the loop as written, the comprehension), by corpus entry.
COMPREHENSIONS = {
    "predict_migueltorres": (
        """    p = np.zeros(m)
    for i in range(m):
        z_wb = 0
        for j in range(n):
            z_wb_ij = w[j]*X[i][j]
            z_wb += z_wb_ij
        z_wb += b
        f_wb = _sigmoid(z_wb)
        # Apply the threshold
        p[i] = 1 if f_wb >= threshold else 0
    return p""",
        """    z = [sum(w[j] * X[i][j] for j in range(n)) + b for i in range(m)]
    return np.array([1 if _sigmoid(z_i) >= threshold else 0 for z_i in z], dtype=float)"""),
    "compute_cost_silva6": (
        """    loss_sum = 0
    for i in range(m):
        z_i = np.dot(X[i], w) + b
        f_wb_i = _sigmoid(z_i)
        loss_sum += -y[i] * np.log(f_wb_i) - (1 - y[i]) * np.log(1 - f_wb_i)
""",
        """    f = [_sigmoid(np.dot(X[i], w) + b) for i in range(m)]
    loss_sum = sum(-y[i] * np.log(f[i]) - (1 - y[i]) * np.log(1 - f[i]) for i in range(m))
"""),
}


def comprehension(answers, provenance):
    """The loops of COMPREHENSIONS that this student's code has, turned into comprehensions (at least one)."""
    changed, done = dict(answers), 0
    for function, code in answers.items():
        for entry in provenance:
            if entry in COMPREHENSIONS and COMPREHENSIONS[entry][0] in code:
                changed[function] = code.replace(*COMPREHENSIONS[entry])
                done += 1
    assert done, "no loop of COMPREHENSIONS in this student's code"
    return changed


def reordered(answers):
    """Every function moved into the first answer cell, last first; the other answer cells left empty."""
    functions = [answers[f] for f in FUNCTIONS if f in answers]
    first = next(f for f in FUNCTIONS if f in answers)
    return {f: ("\n\n".join(reversed(functions)) if f == first else "pass\n") for f in answers}


DISGUISES = {
    "renamed": lambda answers, _: {f: renamed(code) for f, code in answers.items()},
    "reordered": lambda answers, _: reordered(answers),
    "recommented": lambda answers, _: {f: recommented(code) for f, code in answers.items()},
    "comprehension": comprehension,
    "all": lambda answers, provenance: reordered({f: recommented(renamed(code)) for f, code in
                                                  comprehension(answers, provenance).items()}),
}


def planted():
    """The class: {student: {function: code}}, the copies as {copy: original}, and the provenance of each student.

    Each disguise copies a different student: the comprehensions copy the two students whose loops
    COMPREHENSIONS rewrites, the others the first students not copied yet.
    """
    students, provenance = independent()
    with_loops = [s for s in students if any(e in COMPREHENSIONS for e in provenance[s])]
    others = [s for s in students if s not in with_loops]
    originals = {"comprehension": with_loops[0], "all": with_loops[1], "renamed": others[0], "reordered": others[1],
                 "recommented": others[2]}
    copies = {}
    for disguise, original in originals.items():
        copy = f"copy_{disguise}_of_{original}"
        students[copy] = DISGUISES[disguise](students[original], provenance[original])
        copies[copy] = original
    return students, copies, provenance
