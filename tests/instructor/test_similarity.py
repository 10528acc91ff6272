"""The similarity report (autograder/instructor/similarity.py): disguised copies found above independent work, the
release's code never counted, refused files noted, the page inert and linked, the CSV and the report's table.

The planted class (tests/instructor/planted_class.py) is real students' independent code for notebook 05 and five
disguised copies of some of it, handed in to a course whose assignment 05 is released.
"""

import difflib
import itertools
import shutil

import nbformat
import pytest

from autograder.grading import course
from autograder.grading.layout import Out
from autograder.instructor.report import write_report
from autograder.instructor.samples import fill_with_answers
from autograder.instructor.similarity import class_code, compare, read_csv, similarity
from tests.helpers import run_cli
from tests.instructor.planted_class import planted

ASSIGNMENT = "05_vectorized"


def _hand_in(root, student, answers):
    """Write a student's notebook 05 into the course's submitted/ folder: the release with `answers` in its answer
    cells (by grade_id), the others as the release gives them."""
    layout = course.layout(root)
    released = nbformat.read(layout.released_notebook(ASSIGNMENT, ASSIGNMENT), as_version=4)
    given = {c.metadata["nbgrader"]["grade_id"]: c.source for c in released.cells
             if c.metadata.get("nbgrader", {}).get("solution")}
    source = nbformat.read(layout.source_notebook(ASSIGNMENT, ASSIGNMENT), as_version=4)
    path = layout.submission(student, ASSIGNMENT, ASSIGNMENT)
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(fill_with_answers(released, source, {**given, **answers}), path)
    return path


@pytest.fixture(scope="module")
def released(tmp_path_factory):
    """A course with assignment 05 released, nobody handed in yet: copy it (`_class`) before handing in."""
    from tests.helpers import copy_course

    return copy_course(tmp_path_factory.mktemp("similarity") / "course", release=[ASSIGNMENT])


def _class(released, tmp_path, students):
    root = tmp_path / "course"
    shutil.copytree(released, root, symlinks=True)
    for student, answers in students.items():
        _hand_in(root, student, answers)
    return root


@pytest.mark.end_to_end
def test_every_disguised_copy_ranks_above_every_independent_pair(released, tmp_path):
    students, copies, provenance = planted()
    root = _class(released, tmp_path, students)
    pairs, notes = similarity(tmp_path / "out", root, [ASSIGNMENT])
    assert notes == [] and len(pairs) == len(students) * (len(students) - 1) // 2
    copied = {frozenset(pair) for pair in copies.items()}
    planted_pairs = [p for p in pairs if frozenset(p.students) in copied]
    independent = [p for p in pairs if not set(p.students) & set(copies)]
    lowest, highest = min(p.similarity for p in planted_pairs), max(p.similarity for p in independent)
    print(f"\nplanted class ({len(students) - len(copies)} real students' independent code, {len(copies)} disguised "
          f"copies): copies {', '.join(f'{p.similarity:.2f}' for p in planted_pairs)}; highest of "
          f"{len(independent)} independent pairs {highest:.2f} "
          f"({' and '.join(next(p.students for p in independent if p.similarity == highest))})")
    assert len(planted_pairs) == len(copies) and lowest > highest
    assert [p for p in pairs[:len(copies)]] == planted_pairs  # the top of the ranking, in the CSV as on the page
    rows = read_csv(Out(tmp_path / "out").similarity_csv)
    assert [frozenset(r[1:3]) for r in rows[:len(copies)]] == [frozenset(p.students) for p in planted_pairs]
    assert all(provenance[s] for s in students if s not in copies)  # each independent student is real code


@pytest.mark.end_to_end
def test_the_planted_class_defeats_a_plain_text_comparison(released, tmp_path):
    """The test above can fail: compared as text (difflib), a disguised copy ranks below independent work."""
    students, copies, _ = planted()
    root = _class(released, tmp_path, students)
    codes, _ = class_code(root, next(a for a in course.assignments(root) if a.name == ASSIGNMENT), [])
    ratio = {frozenset(pair): difflib.SequenceMatcher(None, *(codes[s] for s in pair), autojunk=False).ratio()
             for pair in itertools.combinations(sorted(codes), 2)}
    lowest = min(ratio[frozenset(pair)] for pair in copies.items())
    highest = max(v for pair, v in ratio.items() if not pair & set(copies))
    print(f"\nas text: lowest copy {lowest:.2f}, highest independent pair {highest:.2f}")
    assert lowest < highest


def test_the_code_the_release_gives_counts_for_nothing():
    given = "import numpy as np\n\ndef sigmoid(z):\n    # YOUR CODE HERE\n    raise NotImplementedError()\n" * 3
    answer = ("def cost(X, y, w, b):\n    a = 1 / (1 + np.exp(-(X @ w + b)))\n"
              "    return -np.mean(y * np.log(a) + (1 - y) * np.log(1 - a))\n")
    pairs = compare("05", {"ann": given, "bo": given, "cy": given + answer, "di": given + answer}, given)
    by = {p.students: p.similarity for p in pairs}
    assert by[("ann", "bo")] == 0 and by[("ann", "cy")] == 0 and by[("cy", "di")] == 1
    assert compare("05", {"cy": given + answer, "di": given + answer})[0].similarity == 1  # no boilerplate given


@pytest.mark.end_to_end
def test_a_notebook_grading_would_refuse_is_noted_and_not_compared(released, tmp_path):
    students, _, _ = planted()
    root = _class(released, tmp_path, {s: students[s] for s in ("s01", "s02", "s03")})
    linked = course.layout(root).submission("s03", ASSIGNMENT, ASSIGNMENT)
    linked.unlink()
    linked.symlink_to(course.layout(root).submission("s01", ASSIGNMENT, ASSIGNMENT))
    pairs, notes = similarity(tmp_path / "out", root, [ASSIGNMENT])
    assert [p.students for p in pairs] == [("s01", "s02")]
    assert len(notes) == 1 and notes[0].startswith(f"s03: {ASSIGNMENT} is not compared: ")
    assert notes[0] in Out(tmp_path / "out").similarity_page.read_text(encoding="utf-8").replace("&#x27;", "'")


@pytest.mark.end_to_end
def test_the_page_shows_code_as_text_marks_what_is_shared_and_links_each_students_feedback(released, tmp_path):
    students, _, _ = planted()
    hostile = {f: code + "\n# </pre><script>alert(1)</script>\n" for f, code in students["s01"].items()}
    root = _class(released, tmp_path, {"s01": students["s01"], "eve": hostile, "s02": students["s02"]})
    out = Out(tmp_path / "out")
    (out.feedback / "eve").mkdir(parents=True)
    out.feedback_page("eve", ASSIGNMENT).write_text("<html></html>", encoding="utf-8")
    similarity(out.folder, root, [ASSIGNMENT])
    page = out.similarity_page.read_text(encoding="utf-8")
    assert "<script>" not in page and "&lt;/pre&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert page.count("<mark>") > 5 and '<html lang="en">' in page and "a reason to look, not a verdict" in page
    assert f'<a href="feedback/eve/{ASSIGNMENT}.html">' in page and 'href="feedback/s01/' not in page


def test_the_class_report_lists_the_closest_pairs_with_the_caveat(tmp_path):
    (tmp_path / "grades.csv").write_text("student,notebook,test,score,max_score,status,message,mistake\n"
                                         "ann,05_vectorized,test_x,2,2,passed,,\n", encoding="utf-8")
    (tmp_path / "similarity.csv").write_text(
        "assignment,student_a,student_b,similarity\n05_vectorized,ann,bo,0.912\n05_vectorized,ann,cy,0.5\n"
        "05_vectorized,bo,cy,0.4\n05_vectorized,bo,di,0.3\n", encoding="utf-8")
    report = write_report(tmp_path).read_text(encoding="utf-8")
    assert "## Similar code" in report and "a reason to look, not a verdict" in report
    assert "| 05_vectorized | ann and bo | 91% |" in report and "bo and di" not in report  # the closest three


@pytest.mark.end_to_end
def test_the_command_writes_both_files_and_says_what_similarity_means(released, tmp_path):
    students, _, _ = planted()
    root = _class(released, tmp_path, {s: students[s] for s in ("s01", "s02")})
    result = run_cli("--course", str(root), "similarity", str(tmp_path / "out"), "--assignment", ASSIGNMENT)
    assert "compared 1 pairs of students" in result.stdout and "not a verdict" in result.stdout
    assert Out(tmp_path / "out").similarity_page.exists() and len(read_csv(Out(tmp_path / "out").similarity_csv)) == 1
