"""The release: the student copies of assignments, and the rule that none gives away an answer still due.

`release` makes nbgrader's source folder of each assignment (its notebooks and the files they use) and the
student copies with nbgrader's generate_assignment. A notebook gives as code what earlier notebooks asked for
(02 gives 01's sigmoid, 06 gives 05's gradients); that is fair only once those are due. So before anything is
written, `release` finds the answers each student copy would show (`given`) and refuses to give out one whose
assignment is still due, naming the answers and the dates, unless the instructor says so knowingly
(c.Course.release_answers_early, or `release --answers-early`). The rule reads c.Course.assignments each time,
so it follows the dates when they move mid-term; `schedule_problems` tells ahead of time which planned release
would be refused. A release that fails leaves the previous one in place, and says nbgrader's own cause.
"""

import re
import shutil
import tempfile
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from autograder.grading import course, settings
from autograder.grading import layout as paths
from autograder.grading.layout import ROOT
from solutions.concepts import variant

#: The module that gives each student their variant, shipped with the notebooks that use it.
VARIANT = "variant.py"


def _used(path, code):
    """Whether the notebooks' code uses a file beside them: imports a module, or names a folder or a file."""
    if path.is_dir():
        return re.search(rf"\b{re.escape(path.name)}/", code) is not None
    if path.suffix == ".py":
        return re.search(rf"^\s*(from|import)\s+{re.escape(path.stem)}\b", code, re.M) is not None
    return path.name in code


def files_used(notebooks):
    """The files beside the notebooks that ship with them: the students' README, and what their code uses
    (checks.py, data/, ...).

    A file that the notebooks of an assignment do not use stays out of its release: explorer.py, for instance,
    computes the gradients that earlier assignments ask for.
    """
    import nbformat

    code = "\n".join(c.source for path in notebooks for c in nbformat.read(path, as_version=4).cells
                     if c.cell_type == "code")
    return [p for p in sorted(notebooks[0].parent.iterdir()) if p.name == paths.STUDENT_README or (
        p.suffix != ".ipynb" and not p.name.startswith((".", "__")) and _used(p, code))]


# --- what a release gives ----------------------------------------------------------------------------

def student_copy(notebook):
    """The student's copy of an instructor notebook, as nbgrader's generate_assignment makes it (its own
    preprocessors: solutions and hidden tests cleared, outputs cleared)."""
    import nbformat
    from nbgrader.preprocessors import ClearHiddenTests, ClearOutput, ClearSolutions

    copy, resources = ClearSolutions().preprocess(nbformat.from_dict(notebook), {})
    copy, resources = ClearHiddenTests().preprocess(copy, resources)
    return ClearOutput().preprocess(copy, resources)[0]


_SOLUTION = re.compile(r"### BEGIN SOLUTION\n(.*?)### END SOLUTION", re.S)


def _significant(code):
    """The lines of code that identify an answer: not blank, not a comment, not a bare `return` or `pass`."""
    lines = {line.strip() for line in code.splitlines()}
    return {line for line in lines if len(line) >= 12 and not line.startswith("#")}


def answers_of(assignment, root=ROOT):
    """{grade_id: significant lines} of every solution of an assignment's notebooks."""
    import nbformat

    answers = {}
    for name in assignment.notebooks:
        for cell in nbformat.read(paths.notebook_file(name, root), as_version=4).cells:
            lines = {line for block in _SOLUTION.findall(cell.source) for line in _significant(block)}
            if cell.metadata.get("nbgrader", {}).get("solution") and lines:
                answers[cell.metadata.nbgrader.grade_id] = lines
    return answers


def released_code(assignment, root=ROOT):
    """Every line of code a student of this assignment gets: its student copies' code cells and the files
    shipped with them."""
    import nbformat

    notebooks = [paths.notebook_file(name, root) for name in assignment.notebooks]
    code = [c.source for path in notebooks for c in student_copy(nbformat.read(path, as_version=4)).cells
            if c.cell_type == "code"]
    code += [p.read_text(encoding="utf-8") for p in files_used(notebooks) if p.suffix == ".py"]
    return {line.strip() for text in code for line in text.splitlines()}


#: The share of an answer's code (in characters of its significant lines) that a release must show to give it
#: away. Shared scaffolding (`for _ in range(num_iterations):`, `return w, b, costs`) stays below it: measured,
#: it is at most 0.44 of an answer, while a given copy of an answer shows 0.63 to 1.
GIVEN_AWAY = 0.6


@dataclass(frozen=True)
class Given:
    """An answer a release shows: `grade_id` of assignment `answer_of`, shown by the release of `shown_in`."""

    answer_of: course.Assignment
    grade_id: str
    shown_in: course.Assignment

    def __str__(self):
        return (f"{self.shown_in.name} gives {self.answer_of.name}'s {self.grade_id} as code, "
                f"and {self.answer_of.name} is due {self.answer_of.due.isoformat(' ', 'minutes')}")


def given(releases, schedule, root=ROOT):
    """Every answer of the schedule's assignments that the releases show, whatever the dates.

    Parameters
    ----------
    releases, schedule : list of course.Assignment
        The assignments released, and every assignment whose answers count.

    Returns
    -------
    list of Given
    """
    code = {a.name: released_code(a, root) for a in releases}
    found = []
    for owner in schedule:
        for grade_id, lines in answers_of(owner, root).items():
            for other in releases:
                shown = sum(len(line) for line in lines & code[other.name]) / sum(len(line) for line in lines)
                if shown >= GIVEN_AWAY:
                    found.append(Given(owner, grade_id, other))
    return found


def schedule_problems(root=ROOT, schedule=None):
    """The answers that releases on the schedule's own dates would show while still due (none, for a sound
    schedule): what `release` will refuse when those dates come.

    Returns
    -------
    list of Given
    """
    schedule = schedule if schedule is not None else course.assignments(root)
    return [g for g in given(schedule, schedule, root) if g.shown_in.release < g.answer_of.due]


def answers_early(root=ROOT):
    """Whether the course lets a release give out answers still due (c.Course.release_answers_early)."""
    return settings.Course(config=course.config(root)).release_answers_early


class AnswersStillDue(ValueError):
    """A release would give out answers of an assignment still due."""


def _refuse_early(releases, root, now):
    early = [g for g in given(releases, course.assignments(root), root) if now < g.answer_of.due]
    if early:
        raise AnswersStillDue(
            "nothing released: " + "; ".join(map(str, early)) + f" (now is {now.isoformat(' ', 'minutes')}). "
            "Release it once those are due (the dates are c.Course.assignments in nbgrader_config.py), "
            "or, knowing the answers go out early, run `release --answers-early`.")


# --- the release -------------------------------------------------------------------------------------

def make_source(assignment, root=ROOT):
    """nbgrader's source folder of one assignment: its notebooks and the files they use, fresh.

    Returns
    -------
    Path
    """
    where, key = course.layout(root), course.variant_key(root)
    target = where.source(assignment.name)
    check_variant_key([assignment.name], where, key)  # as the students have it
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    notebooks = [paths.notebook_file(name, root) for name in assignment.notebooks]
    for path in notebooks + files_used(notebooks):
        (shutil.copytree if path.is_dir() else shutil.copy)(path, target / path.name)
    if key and (target / VARIANT).exists():  # the students' variants are the graders' (variant.course_key)
        (target / variant.KEY_FILE).write_text(key + "\n", encoding="utf-8")
    return target


def released_variant_key(source):
    """The variant key an assignment's source folder was released with ('' for none), or None if its notebooks use
    no variant (or it was never released)."""
    return variant.released_key(source) if (Path(source) / VARIANT).exists() else None


def check_variant_key(names, where, key):
    """Refuse to grade, judge or release again assignments released with another variant key than `key`.

    Parameters
    ----------
    names : list of str
        Assignment names.
    where : layout.Layout
        The course's folders.
    key : str
        c.Course.variant_key now.

    Raises
    ------
    ValueError
        Naming the assignments and what to do: the students' numbers and letters are those of the key released.
    """
    changed = [name for name in names if released_variant_key(where.source(name)) not in (None, key)]
    if changed:
        raise ValueError(
            f"{', '.join(changed)} {'was' if len(changed) == 1 else 'were'} released with another variant key than "
            "c.Course.variant_key in nbgrader_config.py now: the students' numbers and letters are those of the key "
            "released, so judging with this one would judge every answer against numbers nobody was shown. Put "
            "c.Course.variant_key back as it was at the release (the key is set once per term, before the first "
            f"release); or, only if no student has fetched it, delete {where.source(changed[0]).parent}/"
            "<assignment> and release it again.")


#: nbgrader's refusal to change a notebook's cells once it has submissions, and what an instructor can do.
_CELLS_FIXED = re.compile(r"Cannot add or remove cells for notebook '(\w+)' because there are submissions")
_CELLS_FIXED_WAY_OUT = (
    "Once students have handed in a notebook, nbgrader keeps its set of graded and read-only cells: change what "
    "a cell says, not which cells there are (README: 'Changing the course mid-term'). To add an exercise, add it "
    "to an assignment not released yet; or, to start this assignment over, remove its submissions with "
    "`nbgrader db assignment remove {assignment} --force` (their grades go with them).")


def _failure(assignment, result):
    """What went wrong in nbgrader's generate_assignment, in nbgrader's own words, and what to do."""
    log, error = result.get("log") or "", result.get("error") or ""
    fixed = _CELLS_FIXED.search(log + error)
    if fixed:
        return (f"nbgrader refused to release {assignment}: {fixed.group(0)}. "
                + _CELLS_FIXED_WAY_OUT.format(assignment=assignment))
    errors = [line for line in log.splitlines() if line.startswith("[ERROR]") or "Error:" in line]
    cause = "\n".join(errors) or (error.strip().splitlines() or ["(nbgrader said nothing)"])[-1]
    return f"nbgrader generate_assignment {assignment} failed:\n{cause}"


def release(root=ROOT, names=None, early=None, now=None):
    """Write the student copies of assignments with nbgrader generate_assignment, fresh.

    Parameters
    ----------
    root : Path
    names : list of str, optional
        The assignments to release; by default every one whose release date has come.
    early : bool, optional
        Give out answers of assignments still due; by default c.Course.release_answers_early (False).
    now : datetime, optional
        The moment of the release, aware (by default the clock's).

    Returns
    -------
    list of Path
        The released assignments' folders.

    Raises
    ------
    AnswersStillDue
        When a release would show an answer still due (nothing is written).
    RuntimeError
        When nbgrader fails; that assignment's previous release stays, and those before it are released.
    """
    now = now or datetime.now(timezone.utc)
    chosen = course.select(names, root, now)
    if not (early if early is not None else answers_early(root)):
        _refuse_early(chosen, root, now)
    api_, where = course.api(root), course.layout(root)
    folders = []
    for assignment in chosen:
        make_source(assignment, root)
        target = where.release(assignment.name)
        target.parent.mkdir(parents=True, exist_ok=True)
        # kept aside beside it (the same file system), for this run alone, to be put back if nbgrader fails;
        # a run killed here leaves it there, never deleted by another
        kept = Path(tempfile.mkdtemp(prefix=f".{assignment.name}.previous-", dir=target.parent)) / assignment.name
        if target.is_dir():
            target.rename(kept)
        api_.gradebook.update_or_create_assignment(assignment.name, duedate=_gradebook_date(assignment.due))
        result = api_.generate_assignment(assignment.name)
        if not result["success"]:
            shutil.rmtree(target, ignore_errors=True)
            if kept.is_dir():
                kept.rename(target)
            shutil.rmtree(kept.parent, ignore_errors=True)
            raise RuntimeError(_failure(assignment.name, result))
        shutil.rmtree(kept.parent, ignore_errors=True)
        for path in sorted(target.glob("*.ipynb")):
            _answer_cells_without_stub(path)
        folders.append(target)
    return folders


#: What nbgrader puts in place of a solution, and what an answer cell or a free cell says instead.
_CODE_STUB = "# YOUR CODE HERE\nraise NotImplementedError()"
_ANSWER_STUB = "# YOUR ANSWER HERE: replace each None above with your answer"
_FREE_STUB = "# YOUR CODE HERE (not graded: your own experiments)"
_ANSWER_LINE = re.compile(r"^answer_\w+\s*=\s*None\s*(#.*)?$")


#: The instructor notebook's own metadata (notebooks/execute.py keeps there the key of the sources its outputs
#: come from): nothing a student's copy needs.
INSTRUCTOR_METADATA = "logreg"


def _answer_cells_without_stub(path):
    """In a released notebook, answer cells and free cells lose nbgrader's raise, and the notebook loses the
    instructor's metadata.

    An answer cell (only `answer_... = None` lines) already says what to fill in, and its test cell raises
    NotImplementedError while an answer is None; a free cell (only comments: the student's own experiments)
    is graded by nothing. In both, a raise the student must find and delete would only stop "Run All".
    """
    import nbformat

    notebook = nbformat.read(path, as_version=4)
    changed = notebook.metadata.pop(INSTRUCTOR_METADATA, None) is not None
    for cell in notebook.cells:
        head, stub, tail = cell.source.partition(_CODE_STUB)
        lines = [line for line in head.splitlines() if line.strip()]
        if (cell.cell_type == "code" and cell.metadata.get("nbgrader", {}).get("solution") and stub and not tail.strip()
                and all(_ANSWER_LINE.match(line.strip()) or line.strip().startswith("#") for line in lines)):
            answers = any(_ANSWER_LINE.match(line.strip()) for line in lines)
            cell.source = head + (_ANSWER_STUB if answers else _FREE_STUB)
            changed = True
    if changed:
        nbformat.write(notebook, path)


def ensure_assignments(names=None, root=ROOT):
    """Release the assignments (by default the released ones) that have no release or no gradebook entry yet, and
    give every one its due date of c.Course.assignments in the gradebook (a date moved since its release)."""
    api_, where, chosen = course.api(root), course.layout(root), course.select(names, root)
    known = {a.name for a in api_.gradebook.assignments}
    missing = [a.name for a in chosen if a.name not in known or not where.release(a.name).is_dir()]
    if missing:
        release(root, missing)
    for assignment in chosen:
        api_.gradebook.update_or_create_assignment(assignment.name, duedate=_gradebook_date(assignment.due))


def _gradebook_date(moment):
    """An aware datetime as nbgrader's gradebook keeps it: naive, in UTC."""
    return moment.astimezone(timezone.utc).replace(tzinfo=None)
