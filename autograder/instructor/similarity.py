"""The similarity report: whose code is alike, assignment by assignment, for a person to look at.

    python -m autograder similarity OUT [--assignment NAME ...]

Every student's handed-in notebooks of an assignment (nbgrader's submitted/ folder of the course) give their code:
the source of every code cell. Each pair of students is compared with copydetect: the code is tokenized and its
names, strings and comments set aside, then its winnowed fingerprints (hashes of every stretch of `NOISE` tokens'
characters) are matched, so renamed variables, new comments, blank lines and code moved between cells do not hide
a copy. The code the release gives (its code cells, the answer cells' stubs) is boilerplate: a fingerprint of it
never counts. A pair's similarity is the share of each one's fingerprinted code that the other has, the two shares
averaged.

It writes OUT/similarity.csv (one row per pair: assignment, student, student, similarity, highest first) and
OUT/similarity.html (the pairs ranked, the closest ones' code side by side with the shared parts marked, each
student linked to their feedback). Similarity is a reason to look, not a verdict: students who worked from the same
lecture write alike, and two students who solved it together and wrote it apart, or code from outside the course,
are not found by it.
"""

import csv
import html
import io
import itertools
from dataclasses import dataclass

import nbformat

from autograder.grading import course, refusals
from autograder.grading.layout import Out

#: Characters of tokenized code (names as V, functions as F, strings as S) in one fingerprint: about a line of
#: code. Shorter, and the course's own idioms (`np.exp(-z)`) match between any two students.
NOISE = 25
#: Fingerprints kept by winnowing: at least one in every GUARANTEE characters (copydetect's guarantee threshold).
GUARANTEE = 30
#: The pairs shown with their code side by side in similarity.html, per assignment (every pair is in the CSV).
SHOWN = 10
#: What the report says of any similarity, beside every figure of it.
CAVEAT = ("Similarity is a reason to look, not a verdict: students who learned from the same lecture write alike, "
          "and a pair that is not listed may still have worked together.")


@dataclass(frozen=True)
class Pair:
    """Two students' code for one assignment, compared: `similarity` in [0, 1], `marks` the shared stretches of each
    one's code as (start, end) character offsets."""

    assignment: str
    students: tuple
    similarity: float
    codes: tuple = ("", "")
    marks: tuple = ((), ())


def code_cells(path):
    """The sources of a notebook's code cells that hold anything, in order.

    Parameters
    ----------
    path : Path

    Returns
    -------
    list of str
    """
    cells = nbformat.read(path, as_version=4).cells
    return [cell.source for cell in cells if cell.cell_type == "code" and cell.source.strip()]


def _fingerprint(code, boilerplate=()):
    """copydetect's fingerprint of Python code, without the boilerplate's hashes."""
    from copydetect import CodeFingerprint

    return CodeFingerprint("code.py", NOISE, GUARANTEE - NOISE + 1, boilerplate=list(boilerplate),
                           fp=io.StringIO(code))


def compare(assignment, codes, boilerplate="", shown=SHOWN):
    """Every pair of students' code, most similar first; the `shown` closest with their code and shared stretches.

    Parameters
    ----------
    assignment : str
    codes : dict of str to str
        Each student's code.
    boilerplate : str
        The code the release gives: it never counts.
    shown : int
        How many of the closest pairs keep their code and marks (the rest only their similarity: a class of
        hundreds has tens of thousands of pairs).

    Returns
    -------
    list of Pair
    """
    from copydetect import compare_files

    common = _fingerprint(boilerplate).hashes if boilerplate else set()
    prints = {student: _fingerprint(code, common) for student, code in sorted(codes.items())}
    pairs = []
    for a, b in itertools.combinations(prints, 2):
        shared = prints[a].hashes & prints[b].hashes and compare_files(prints[a], prints[b])[1]
        pairs.append(Pair(assignment, (a, b), float(sum(shared)) / 2 if shared else 0.0))
    pairs.sort(key=lambda pair: (-pair.similarity, pair.students))
    for k, pair in enumerate(pairs[:shown]):
        if pair.similarity:
            a, b = pair.students
            marks = compare_files(prints[a], prints[b])[2]
            pairs[k] = Pair(assignment, (a, b), pair.similarity, (codes[a], codes[b]), tuple(map(_spans, marks)))
    return pairs


def _spans(marks):
    """copydetect's slice starts and ends (two arrays), as a tuple of (start, end)."""
    return tuple(zip(map(int, marks[0]), map(int, marks[1]))) if len(marks) and len(marks[0]) else ()


def class_code(root, assignment, notes):
    """Each student's code for one assignment (every notebook of it they handed in), and the release's.

    A notebook that grading would refuse (a link, not a regular file, too large, not a notebook) is left out, with
    a line in `notes`; so is every code cell exactly as the release gives it.

    Returns
    -------
    (dict of str to str, str)
    """
    layout, max_size = course.layout(root), course.limits(root).max_notebook_size
    given = [cell for n in assignment.notebooks for cell in code_cells(layout.released_notebook(assignment.name, n))]
    codes = {}
    for folder in sorted(p for p in layout.submitted().glob(f"*/{assignment.name}") if p.is_dir()):
        student, parts = folder.parent.name, []
        for notebook in assignment.notebooks:
            path = layout.submission(student, assignment.name, notebook)
            if not path.exists() and not path.is_symlink():
                continue
            problem = refusals.problem(path, max_size, layout.submitted())
            if problem:
                notes.append(f"{student}: {notebook} is not compared: {problem}")
                continue
            # a cell as the release gives it is boilerplate whole: left out before the (slow) tokenizing
            parts += [cell for cell in code_cells(path) if cell not in given]
        if parts:
            codes[student] = "\n\n".join(parts)
    return codes, "\n\n".join(given)


def similarity(out, root=course.ROOT, assignments=None):
    """Compare every pair of students per assignment; write OUT/similarity.csv and OUT/similarity.html.

    Parameters
    ----------
    out : Path
    root : Path
        The course.
    assignments : list of str, optional
        By default every assignment released by now.

    Returns
    -------
    (list of Pair, list of str)
        The pairs, and notes on what was left out.
    """
    out, notes, pairs = Out(out), [], []
    chosen = course.select(assignments, root)
    for assignment in chosen:
        codes, given = class_code(root, assignment, notes)
        if len(codes) < 2:
            notes.append(f"{assignment.name}: fewer than two students handed it in: nothing to compare")
            continue
        pairs += compare(assignment.name, codes, given)
    out.folder.mkdir(parents=True, exist_ok=True)
    write_csv(out.similarity_csv, pairs)
    page_text = page(pairs, notes, out, {a.name: a.notebooks for a in chosen})
    out.similarity_page.write_text(page_text, encoding="utf-8")
    return pairs, notes


def write_csv(path, pairs):
    """One row per pair: assignment, student, student, similarity (three decimals), highest first per assignment."""
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["assignment", "student_a", "student_b", "similarity"])
        writer.writerows([p.assignment, *p.students, f"{p.similarity:.3f}"] for p in pairs)


def read_csv(path):
    """The rows of similarity.csv, as (assignment, student, student, similarity)."""
    with open(path, newline="", encoding="utf-8") as f:
        return [(r["assignment"], r["student_a"], r["student_b"], float(r["similarity"])) for r in csv.DictReader(f)]


# --- the page ------------------------------------------------------------------------------------------------

_STYLE = """
body { font-family: sans-serif; color: #1a1a1a; background: #ffffff; max-width: 90em; margin: 1em auto;
       padding: 0 1em; line-height: 1.4; }
a { color: #0b4f9c; text-decoration: underline; }
table { border-collapse: collapse; margin: 0.5em 0 1em; }
th, td { border: 1px solid #767676; padding: 0.2em 0.6em; text-align: left; }
.sides { display: grid; grid-template-columns: 1fr 1fr; gap: 1em; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; border: 1px solid #767676; padding: 0.5em; margin: 0; }
mark { background: #ffe08a; color: #1a1a1a; font-weight: bold; text-decoration: underline; }
"""


def _marked(code, spans):
    """The code as HTML, each shared stretch in a <mark> (bold and underlined as well as coloured)."""
    parts, at = [], 0
    for start, end in sorted(spans):
        start = max(start, at)
        if end > start:
            parts += [html.escape(code[at:start]), f"<mark>{html.escape(code[start:end])}</mark>"]
            at = end
    return "".join(parts + [html.escape(code[at:])])


def _student(out, student, notebooks):
    """A student's name, linked to their feedback page of each notebook where grading wrote one."""
    pages = [out.feedback_page(student, n) for n in notebooks if out.feedback_page(student, n).exists()]
    return html.escape(student) + ("" if not pages else " (" + ", ".join(
        f'<a href="{html.escape(p.relative_to(out.folder).as_posix())}">feedback on {html.escape(p.stem)}</a>'
        for p in pages) + ")")


def page(pairs, notes, out, notebooks):
    """similarity.html: per assignment, the pairs ranked and the closest ones' code side by side.

    `notebooks` maps each assignment to its notebooks' names (the students' feedback pages are linked)."""
    body = [f"<h1>Similar code</h1><p>{html.escape(CAVEAT)} The shared parts are marked; names, strings, comments "
            "and the code the release gives do not count. Every pair is in similarity.csv.</p>"]
    for assignment, group in itertools.groupby(pairs, key=lambda p: p.assignment):
        group = list(group)
        body.append(f"<h2>{html.escape(assignment)}</h2><table><caption>{len(group)} pairs, most similar first"
                    "</caption><thead><tr><th scope=\"col\">rank</th><th scope=\"col\">students</th>"
                    "<th scope=\"col\">similarity</th></tr></thead><tbody>")
        for rank, pair in enumerate(group[:SHOWN], 1):
            body.append(f'<tr><td>{rank}</td><td><a href="#{html.escape(assignment)}-{rank}">'
                        f"{html.escape(' and '.join(pair.students))}</a></td><td>{pair.similarity:.0%}</td></tr>")
        body.append("</tbody></table>")
        for rank, pair in enumerate(group[:SHOWN], 1):
            if not pair.similarity:
                break
            sides = "".join(f"<div><h4>{_student(out, student, notebooks[assignment])}</h4><pre>{_marked(code, marks)}</pre></div>"
                            for student, code, marks in zip(pair.students, pair.codes, pair.marks))
            body.append(f'<h3 id="{html.escape(assignment)}-{rank}">{rank}. {html.escape(" and ".join(pair.students))}'
                        f": {pair.similarity:.0%}</h3><div class=\"sides\">{sides}</div>")
    if notes:
        body.append("<h2>Not compared</h2><ul>" + "".join(f"<li>{html.escape(n)}</li>" for n in notes) + "</ul>")
    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>Similar code</title>'
            f"<style>{_STYLE}</style></head><body><main>{''.join(body)}</main></body></html>\n")
