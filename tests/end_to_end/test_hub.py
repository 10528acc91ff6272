"""On a real JupyterHub: students and an instructor log in, and the course goes round nbgrader's exchange through the
pages they use: JupyterLab's Assignments tab and the formgrader, in Debian's Chromium.

The hub is the `jupyterhub` package with configurable-http-proxy (npm; `make test` installs it under build/hub/),
started by the test in a temporary folder. A test-only authenticator (JupyterHub's DummyAuthenticator, one
password) logs users in, and a local spawner (its SimpleLocalProcessSpawner) starts each user's server with a home
of their own under that folder, as the user running the test. Since every server runs as one system user,
each student's nbgrader_config.py says who they are (c.CourseDirectory.student_id), as on a hub whose servers all
run as one user; on a hub with a system user per person, nbgrader takes the user's name.

The term: the instructor releases 01 from the formgrader; ada (the reference answers) and bob (a sigmoid that
overflows) each log in, fetch 01 from the Assignments tab, work in the fetched copy and submit; the instructor
collects, autogrades each submission, generates and releases feedback from the formgrader; each student fetches
their feedback from the Assignments tab and reads it. The gradebook and the pages agree on every score.
"""

import contextlib
import os
import secrets
import signal
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import nbformat
import pytest
from selenium.webdriver.common.by import By

from autograder.grading import course
from autograder.instructor.samples import filled
from tests.end_to_end.browser import (autograde, formgrader_dialog, free_port, jupyter_folders, stop, submission_rows,
                                      wait, wait_until_serving)
from tests.helpers import REPO, exchange_course, gradebook_grades, run_cli

pytestmark = [pytest.mark.browser, pytest.mark.end_to_end, pytest.mark.usefixtures("chromium_installed")]

ASSIGNMENT = "01_model_and_loss"
PROXY = REPO / "build" / "hub" / "node_modules" / ".bin" / "configurable-http-proxy"
INSTRUCTOR = "instructor"
#: Each student's answers that differ from the reference's: bob's sigmoid overflows for z < -709.
STUDENTS = {"ada": None, "bob": {"sigmoid": "def sigmoid(z):\n    return 1 / (1 + np.exp(-z))\n"}}
#: The hub's configuration; the test fills in the {fields} (each a Python literal).
HUB_CONFIG = """\
c = get_config()
c.JupyterHub.bind_url = {url!r}
c.JupyterHub.hub_bind_url = {hub_url!r}
c.ConfigurableHTTPProxy.command = [{proxy!r}]
c.ConfigurableHTTPProxy.api_url = {proxy_api!r}
c.JupyterHub.authenticator_class = "dummy"
c.DummyAuthenticator.password = {password!r}
c.Authenticator.allowed_users = {users!r}
c.Authenticator.admin_users = {{{instructor!r}}}
c.JupyterHub.spawner_class = "simple"
c.SimpleLocalProcessSpawner.home_dir_template = {home_template!r}
c.Spawner.cmd = [{singleuser!r}]
# the page's JupyterLab object, to run commands; --allow-root: the tests run as root on CI (harmless otherwise)
c.Spawner.args = ["--LabApp.expose_app_in_browser=True", "--allow-root"]
c.Spawner.default_url = "/lab"
c.Spawner.start_timeout = 180
c.Spawner.http_timeout = 180
ENVIRONMENTS = {environments!r}
HOMES = {homes!r}


def pre_spawn_hook(spawner):
    # each user's Jupyter folders; the instructor's server runs in the course folder (the formgrader reads
    # nbgrader_config.py there)
    spawner.environment = {{**spawner.environment, **ENVIRONMENTS[spawner.user.name]}}
    spawner.home_dir = HOMES[spawner.user.name]


c.Spawner.pre_spawn_hook = pre_spawn_hook
"""
#: A student's own nbgrader configuration: the course, where its exchange is, and who they are.
STUDENT_CONFIG = """\
c = get_config()
c.CourseDirectory.course_id = "logreg"
c.Exchange.root = {exchange!r}
c.CourseDirectory.student_id = {student!r}
"""


@pytest.fixture(scope="module")
def proxy_installed():
    """Fail, with what to do, when configurable-http-proxy is not where `make test` installs it."""
    if not PROXY.exists():
        pytest.fail(f"{PROXY} missing: the hub test needs configurable-http-proxy; `make hub` (part of `make test`) "
                    "installs it with npm", pytrace=False)


@pytest.fixture(scope="module")
def hub(tmp_path_factory, proxy_installed):
    """A running hub, a course whose 01 is open (released yesterday, due in a week) and generated, an empty exchange.

    Yields
    ------
    (str, str, Path, Path)
        The hub's URL, the users' password, the course root, and the folder holding each user's home.
    """
    tmp = tmp_path_factory.mktemp("hub")
    now = datetime.now(timezone.utc).replace(microsecond=0)
    later = [name for name in course.notebook_names() if name != ASSIGNMENT]
    schedule = [(ASSIGNMENT, now - timedelta(days=1), now + timedelta(days=7))]
    schedule += [(name, now + timedelta(days=7 * k), now + timedelta(days=7 * (k + 1))) for k, name in enumerate(later, 1)]
    root, _ = exchange_course(tmp, schedule)
    run_cli("--course", str(root), "release", "--assignment", ASSIGNMENT, cwd=root)

    homes, bin_ = tmp / "homes", Path(sys.executable).parent
    environments = {}
    for user in [INSTRUCTOR, *STUDENTS]:
        environments[user] = {**jupyter_folders(homes / user), "PATH": f"{bin_}{os.pathsep}{os.environ['PATH']}"}
    for student in STUDENTS:
        (homes / student / "config" / "nbgrader_config.py").write_text(
            STUDENT_CONFIG.format(exchange=str(tmp / "exchange"), student=student), encoding="utf-8")
    url, password, folder = f"http://127.0.0.1:{free_port()}", secrets.token_hex(8), tmp / "jupyterhub"
    folder.mkdir()
    (folder / "jupyterhub_config.py").write_text(HUB_CONFIG.format(
        url=url, hub_url=f"http://127.0.0.1:{free_port()}", proxy=str(PROXY),
        proxy_api=f"http://127.0.0.1:{free_port()}", password=password, users={INSTRUCTOR, *STUDENTS},
        instructor=INSTRUCTOR, home_template=str(homes / "{username}"), singleuser=str(bin_ / "jupyterhub-singleuser"),
        environments=environments, homes={**{s: str(homes / s) for s in STUDENTS}, INSTRUCTOR: str(root)}),
        encoding="utf-8")
    log = folder / "jupyterhub.log"
    with open(log, "wb") as out:
        # a session of its own: the proxy and the users' servers are stopped with it, whatever happens
        process = subprocess.Popen([str(bin_ / "jupyterhub"), "-f", "jupyterhub_config.py"], cwd=folder,
                                   env={**os.environ, "PATH": f"{bin_}{os.pathsep}{os.environ['PATH']}"},
                                   stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        wait_until_serving(process, f"{url}/hub/health", log, "jupyterhub")
        yield url, password, root, homes
    finally:
        stop(process)  # the hub stops the users' servers and the proxy it started
        _kill_processes_in(tmp)  # and anything it left behind (each of them works in a folder under tmp)


def _kill_processes_in(folder):
    """SIGKILL every process whose working directory is in `folder`."""
    for entry in Path("/proc").iterdir():
        with contextlib.suppress(OSError, ValueError):
            if entry.name.isdigit() and Path(os.readlink(entry / "cwd")).is_relative_to(folder):
                os.kill(int(entry.name), signal.SIGKILL)


def _log_in(driver, url, password, user, screenshots):
    """Log whoever is in out, log `user` in on the hub's login page and wait for their JupyterLab."""
    driver.get(f"{url}/hub/logout")  # the hub's login page follows
    wait(driver, lambda d: d.find_elements(By.ID, "username_input"), "the hub's login page")[0].send_keys(user)
    driver.find_element(By.ID, "password_input").send_keys(password)
    screenshots.take(f"login_{user}")
    driver.find_element(By.ID, "login_submit").click()
    wait(driver, lambda d: d.current_url.startswith(f"{url}/user/{user}/lab")
         and d.find_elements(By.CSS_SELECTOR, "#jp-main-dock-panel") and d.execute_script("return !!window.jupyterapp"),
         f"{user}'s JupyterLab (the hub starts their server)")


def _assignments_tab(driver, user, screenshots):
    """Open nbgrader's Assignments tab (Nbgrader > Assignment List) and wait until it has listed everything."""
    driver.execute_script("window.jupyterapp.commands.execute('nbgrader:open-assignment-list')")
    wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#released_assignments_list"), "the Assignments tab")
    wait(driver, lambda d: not [e for e in d.find_elements(By.CSS_SELECTOR, ".list_loading") if e.is_displayed()],
         "the Assignments tab to finish loading")
    screenshots.take(f"assignments_{user}")


def _button(driver, section, label, what):
    """Wait for the button labelled `label` in a section of the Assignments tab (released, fetched or submitted)."""
    return wait(driver, lambda d: [b for b in d.find_elements(By.CSS_SELECTOR, f"#{section}_assignments_list button")
                                   if b.text == label], what)[0]


def _formgrader(driver, url, page):
    """Open a page of the instructor's formgrader and wait for its table of assignments or submissions."""
    driver.get(f"{url}/user/{INSTRUCTOR}/formgrader/{page}")
    wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#main-table tr td"), f"the formgrader's {page}")


def _assignment_button(driver, url, column, what, screenshots):
    """Press 01's button in a column of the formgrader's assignments (release, collect, feedback) and check it worked.

    Returns
    -------
    str
        What the page's dialog said.
    """
    _formgrader(driver, url, "manage_assignments")
    row = wait(driver, lambda d: d.find_elements(By.XPATH, f"//tr[td[contains(@class, 'name')]//text()='{ASSIGNMENT}']"),
               f"{ASSIGNMENT}'s row")[0]
    row.find_element(By.CSS_SELECTOR, f"td.{column} a").click()
    succeeded, said = formgrader_dialog(driver, what, screenshots, column)
    assert succeeded, said[-3000:]
    return said


def test_a_student_fetches_submits_and_reads_feedback_the_instructor_grades_in_the_formgrader(hub, browser,
                                                                                              screenshots):
    url, password, root, homes = hub
    _log_in(browser, url, password, INSTRUCTOR, screenshots)
    _assignment_button(browser, url, "release", "the release of 01 to the exchange", screenshots)

    for student, answers in STUDENTS.items():
        _log_in(browser, url, password, student, screenshots)
        _assignments_tab(browser, student, screenshots)
        _button(browser, "released", "Fetch", f"{ASSIGNMENT} to fetch").click()
        _button(browser, "fetched", "Submit", f"{ASSIGNMENT} fetched")
        fetched = homes / student / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"
        assert (homes / student / ASSIGNMENT / "checks.py").exists()  # the release's files came with it
        nbformat.write(filled(ASSIGNMENT, answers, root), fetched)  # the student's work, in the fetched copy
        _button(browser, "fetched", "Submit", "the Submit button").click()
        _button(browser, "submitted", "Fetch Feedback", f"{student}'s submission to be listed")
        screenshots.take(f"submitted_{student}")

    _log_in(browser, url, password, INSTRUCTOR, screenshots)
    said = _assignment_button(browser, url, "collect", "the collection of 01", screenshots)
    assert "Successfully collected" in said, said
    _formgrader(browser, url, f"manage_submissions/{ASSIGNMENT}")
    wait(browser, lambda d: set(submission_rows(d)) == set(STUDENTS), "a row for each student's submission")
    for student in STUDENTS:
        autograde(browser, student, screenshots)
    scores = {s: row.find_element(By.CSS_SELECTOR, "td.score").text for s, row in submission_rows(browser).items()}
    points = {t.grade_id: t.points for t in course.tests(root)[ASSIGNMENT]}
    total, sigmoid = sum(points.values()), points["test_sigmoid"]
    assert scores == {"ada": f"{total:g} / {total:g}", "bob": f"{total - sigmoid:g} / {total:g}"}
    _assignment_button(browser, url, "generate-feedback", "the feedback of 01", screenshots)
    _assignment_button(browser, url, "release-feedback", "the release of 01's feedback", screenshots)

    for student in STUDENTS:
        _log_in(browser, url, password, student, screenshots)
        _assignments_tab(browser, student, screenshots)
        _button(browser, "submitted", "Fetch Feedback", f"{student}'s submission").click()
        pages = wait(browser, lambda d: list((homes / student / ASSIGNMENT / "feedback").rglob(f"{ASSIGNMENT}.html")),
                     f"{student}'s feedback in their folder")
        assert len(pages) == 1, pages
        screenshots.take(f"feedback_fetched_{student}")
        browser.get(f"{url}/user/{student}/files/{pages[0].relative_to(homes / student).as_posix()}")
        text = wait(browser, lambda d: d.find_element(By.TAG_NAME, "body").text, f"{student}'s feedback page")
        screenshots.take(f"feedback_page_{student}")
        own = total if student == "ada" else total - sigmoid
        assert f"{ASSIGNMENT} (Score: {float(own)} / {float(total)})" in text, text[:2000]
        assert ("Graded outside the notebook: 0 / 2." in text) == (student == "bob"), text[:3000]

    # the gradebook holds what the pages showed
    for student in STUDENTS:
        earned = sum(score for s, _, _, score, _ in gradebook_grades(root, [ASSIGNMENT]) if s == student)
        assert earned == (total if student == "ada" else total - sigmoid), student
