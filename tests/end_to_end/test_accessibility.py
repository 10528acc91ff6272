"""Every page a person sees, checked against WCAG 2.1 AA by axe-core in Chromium with the network cut.

The pages: each notebook rendered by nbconvert (the release's copy, as a student gets it, and the instructor's,
with its stored figures), every feedback page of the graded class (tests/grading/batch/the_class.py), the class
report rendered to HTML as a Markdown viewer shows it, the class's similarity report, and JupyterLab with notebook
01, filled in, after Run All.

A critical or serious violation in the project's own content (the notebooks' markdown and outputs, the feedback
pages whole, the report) fails. Those in JupyterLab's and nbconvert's own interface are upstream's (README,
"Accessibility"): counted by rule, printed, and written to build/accessibility/upstream.txt.
"""

import collections
import shutil

import mistune
import nbformat
import pytest
from nbconvert import HTMLExporter
from selenium.webdriver.common.by import By

from autograder.grading import course
from autograder.grading.layout import Out, notebook_file
from autograder.instructor.samples import filled
from autograder.instructor.similarity import similarity
from tests.end_to_end.browser import REPO, axe_violations, jupyter_lab, wait
from tests.helpers import NOTEBOOK_PATHS, student_copy

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("chromium_installed")]

#: What the project wrote in a page that nbconvert or JupyterLab draws: rendered markdown and cell outputs.
NOTEBOOK_CONTENT = ".jp-RenderedMarkdown, .jp-OutputArea-output"
UPSTREAM = REPO / "build" / "accessibility" / "upstream.txt"
NAMES = [p.stem for p in NOTEBOOK_PATHS]


@pytest.fixture(scope="module")
def upstream():
    """The violations counted in the front ends' own interface, by page kind; printed and written at the end."""
    counts = collections.defaultdict(collections.Counter)
    yield counts
    UPSTREAM.parent.mkdir(parents=True, exist_ok=True)
    lines = [f"{kind}: " + (", ".join(f"{rule} {n}" for rule, n in sorted(c.items())) or "none")
             for kind, c in sorted(counts.items())]
    UPSTREAM.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\nCritical and serious axe violations in upstream's interface (nodes, by rule):", *lines, sep="\n  ")


def _checked(driver, url, own):
    driver.get(url)
    return axe_violations(driver, own)


@pytest.mark.parametrize("kind", ["release", "instructor"])
def test_nbconverts_pages_of_the_notebooks_hold_no_violation_of_ours(kind, offline_browser, upstream, tmp_path):
    problems = []
    for path in NOTEBOOK_PATHS:
        notebook = nbformat.read(path, as_version=4)
        page = tmp_path / f"{path.stem}.html"
        page.write_text(HTMLExporter().from_notebook_node(student_copy(notebook) if kind == "release" else notebook)[0],
                        encoding="utf-8")
        ours, theirs = _checked(offline_browser, page.as_uri(), NOTEBOOK_CONTENT)
        problems += [f"{path.stem}: {line}" for line in ours]
        upstream[f"nbconvert ({kind})"].update(theirs)
    assert problems == [], "\n".join(problems)


def test_every_feedback_page_holds_no_violation(graded_class, offline_browser):
    """The feedback pages are the course's own template (autograder/grading/templates/feedback): all of it is ours."""
    _, out, _ = graded_class
    pages = sorted((out / "feedback").rglob("*.html"))
    assert len(pages) > 20
    problems = [f"{page.relative_to(out)}: {line}" for page in pages
                for line in _checked(offline_browser, page.as_uri(), "html")[0]]
    assert problems == [], "\n".join(problems)


def test_a_feedback_page_offline_draws_its_maths(graded_class, offline_browser):
    """MathML, made when the page is made: Chromium draws it with nothing fetched (no MathJax, no CDN)."""
    _, out, _ = graded_class
    offline_browser.get((out / "feedback" / "ada" / "02_chain_rule.html").as_uri())
    formulas = offline_browser.find_elements(By.CSS_SELECTOR, "math")
    assert len(formulas) > 5
    drawn = [f for f in formulas if f.size["width"] > 0 and f.size["height"] > 0]
    assert len(drawn) == len(formulas)
    assert "\\frac" not in offline_browser.find_element(By.TAG_NAME, "body").text


def test_the_class_report_rendered_holds_no_violation(graded_class, offline_browser, tmp_path):
    """report.md as a Markdown viewer shows it (mistune, nbconvert's renderer), with its two images beside it."""
    _, out, _ = graded_class
    for name in ("score_distribution.png", "pass_rates.png"):
        shutil.copy(out / name, tmp_path / name)
    body = mistune.html((out / "report.md").read_text(encoding="utf-8"))
    page = tmp_path / "report.html"
    page.write_text(f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Class report</title></head>'
                    f"<body><main>{body}</main></body></html>", encoding="utf-8")
    ours, _ = _checked(offline_browser, page.as_uri(), "main")
    assert ours == [], "\n".join(ours)
    offline_browser.get(page.as_uri())
    alts = [image.get_attribute("alt") for image in offline_browser.find_elements(By.TAG_NAME, "img")]
    assert len(alts) == 2 and all(len(alt.split()) >= 12 for alt in alts), alts


def test_the_similarity_report_holds_no_violation(class_copy, offline_browser):
    root, out = class_copy
    similarity(out, root)
    ours, _ = _checked(offline_browser, Out(out).similarity_page.as_uri(), "html")
    assert ours == [], "\n".join(ours)
    assert offline_browser.find_elements(By.TAG_NAME, "mark")  # the shared code is marked (bold and underlined too)


def test_jupyterlab_with_notebook_01_run_holds_no_violation_of_ours(course_copy, offline_browser, upstream, tmp_path):
    name = NAMES[0]
    root = course_copy(release=[name], name="accessible_course")
    student = tmp_path / "student" / name
    shutil.copytree(course.layout(root).release(name), student)
    nbformat.write(filled(name, root=root), student / f"{name}.ipynb")
    with jupyter_lab(student.parent, tmp_path / "jupyter") as (url, token):
        driver = offline_browser
        driver.get(f"{url}/lab/tree/{name}/{name}.ipynb?token={token}")
        wait(driver, lambda d: d.execute_script(
            "const w = window.jupyterapp && window.jupyterapp.shell.currentWidget;"
            "return !!(w && w.sessionContext && w.sessionContext.session && w.sessionContext.session.kernel"
            " && w.sessionContext.session.kernel.status === 'idle');"), "the kernel to be idle")
        driver.execute_script("window.jupyterapp.commands.execute('notebook:run-all-cells')")
        figures = len([o for c in nbformat.read(notebook_file(name), as_version=4).cells for o in c.get("outputs", [])
                       if "image/png" in o.get("data", {})])
        wait(driver, lambda d: len(d.find_elements(By.CSS_SELECTOR, ".jp-OutputArea-output img[alt]")) >= figures,
             "every figure of 01 drawn")
        wait(driver, lambda d: d.execute_script(
            "return window.jupyterapp.shell.currentWidget.sessionContext.session.kernel.status") == "idle",
             "Run All to finish")
        ours, theirs = axe_violations(driver, NOTEBOOK_CONTENT)
        upstream["JupyterLab"].update(theirs)
        alts = [i.get_attribute("alt") for i in driver.find_elements(By.CSS_SELECTOR, ".jp-OutputArea-output img")]
    assert ours == [], "\n".join(ours)
    assert len(alts) == figures and all(len(alt.split()) >= 12 for alt in alts), alts
