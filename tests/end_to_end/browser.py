"""What the browser tests share: Debian's Chromium, Jupyter servers in folders of their own, screenshots, and the
formgrader's pages (its tables and the dialog each of its buttons opens).

The fixtures that use these (`browser`, `screenshots`, `chromium_installed`) are in conftest.py beside this file.
"""

import collections
import contextlib
import os
import secrets
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from tests.helpers import REPO, free_port  # noqa: F401 (the browser tests take it from here)

CHROMIUM, CHROMEDRIVER = Path("/usr/bin/chromium"), Path("/usr/bin/chromedriver")
SCREENSHOTS = REPO / "build" / "screenshots"
#: Seconds for anything the page waits for: a kernel starting or a validation run on two busy cores.
TIMEOUT = 180
#: Without the background-networking flags Chromium's own connections are refused on a closed network.
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--window-size=1400,1000"]
#: JupyterLab settings: every cell in the page (not only those scrolled into view), no news prompt over it.
LAB_SETTINGS = {
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": '{"windowingMode": "none"}',
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings":
        '{"fetchNews": "false", "checkForUpdates": false}',
}


def jupyter_folders(home):
    """Every Jupyter user folder in `home` (made, with LAB_SETTINGS written), as environment variables.

    A server with these reads none of the user's configuration; the venv's own (sys.prefix/etc/jupyter, which
    enables nbgrader's server extensions) and its lab extensions (sys.prefix/share/jupyter) are still found.

    Returns
    -------
    dict of str to str
    """
    folders = {"HOME": home, "JUPYTER_CONFIG_DIR": home / "config", "JUPYTER_DATA_DIR": home / "data",
               "JUPYTER_RUNTIME_DIR": home / "runtime", "JUPYTERLAB_SETTINGS_DIR": home / "settings",
               "JUPYTERLAB_WORKSPACES_DIR": home / "workspaces", "IPYTHONDIR": home / "ipython"}
    for folder in folders.values():
        folder.mkdir(parents=True, exist_ok=True)
    for name, text in LAB_SETTINGS.items():
        (home / "settings" / name).parent.mkdir(parents=True, exist_ok=True)
        (home / "settings" / name).write_text(text, encoding="utf-8")
    return {k: str(v) for k, v in folders.items()}


def wait_until_serving(process, url, log, what):
    """Wait until `process` answers `url` with 200; fail with the end of its `log` if it exits or never does."""
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            break
        with contextlib.suppress(OSError):
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        time.sleep(0.5)
    pytest.fail(f"{what} did not start (exit code {process.poll()}):\n{log.read_text()[-3000:]}")


def stop(process, grace=30):
    """SIGTERM (a Jupyter server then shuts its kernels down), and SIGKILL if it is still there after `grace` s."""
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(grace)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


class Screenshots:
    """Numbered screenshots of one test: build/screenshots/<test>/NN_step.png."""

    def __init__(self, driver, folder):
        self.driver, self.folder, self.count = driver, folder, 0
        shutil.rmtree(folder, ignore_errors=True)  # only this run's steps
        folder.mkdir(parents=True)

    def take(self, step):
        """Save what the browser shows now as the next numbered step."""
        self.count += 1
        self.driver.save_screenshot(str(self.folder / f"{self.count:02d}_{step}.png"))


def wait(driver, condition, what, timeout=TIMEOUT):
    """Wait until `condition(driver)` is truthy and return it; the failure says what was awaited."""
    return WebDriverWait(driver, timeout).until(condition, f"waited {timeout} s for {what}")


def formgrader_dialog(driver, what, screenshots, step, timeout=2 * TIMEOUT):
    """Wait for the dialog a formgrader button opens when the server has answered; take a screenshot, close it.

    Returns
    -------
    (bool, str)
        Whether the page says it succeeded (its success dialog), and the log or message it shows.
    """
    modal = wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#success-modal, #error-modal"), what,
                 timeout=timeout)[0]
    wait(driver, lambda d: modal.value_of_css_property("opacity") == "1", "the dialog to fade in")
    screenshots.take(step)
    text = modal.find_element(By.CSS_SELECTOR, ".modal-body").get_attribute("textContent")  # scrolled out too
    succeeded = modal.get_attribute("id") == "success-modal"
    modal.find_element(By.CSS_SELECTOR, ".modal-footer button.close").click()
    # the dialog is removed when it has faded out; until then its backdrop takes the clicks
    wait(driver, lambda d: not d.find_elements(By.CSS_SELECTOR, ".modal, .modal-backdrop"), "the dialog to close")
    return succeeded, text


def submission_rows(driver):
    """{student id: row} of the formgrader's table of an assignment's submissions (none while it loads)."""
    return {cells[0].text: row for row in driver.find_elements(By.CSS_SELECTOR, "#main-table tr")
            if (cells := row.find_elements(By.CSS_SELECTOR, "td.student-id"))}


def autograde(driver, student, screenshots):
    """Press the Autograde button (the lightning) of `student`'s row in the formgrader; wait for its result.

    Asserts that it succeeded and that nbgrader ran the course's own pieces (its log names them).
    """
    submission_rows(driver)[student].find_element(By.CSS_SELECTOR, "td.autograde a").click()
    succeeded, log = formgrader_dialog(driver, f"Autograde's result for {student}", screenshots,
                                       f"autograded_{student}")
    assert succeeded, log[-3000:]
    for piece in ("CheckSubmission", "SandboxedExecute", "JudgeRecords"):  # the course's, in nbgrader's log
        assert f"Applying preprocessor: {piece}" in log, log[-3000:]
    wait(driver, lambda d: submission_rows(d)[student].find_element(By.CSS_SELECTOR, "td.status").text == "graded",
         f"{student}'s row to say graded")


@contextlib.contextmanager
def jupyter_lab(folder, home):
    """Run `jupyter lab` on `folder` (its working directory and root_dir, where nbgrader reads its config).

    Yields
    ------
    (str, str)
        The server's URL and its token.
    """
    port, token, log = free_port(), secrets.token_hex(16), home / "jupyter.log"
    env = {**os.environ, **jupyter_folders(home),
           "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    with open(log, "wb") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "jupyter", "lab", "--no-browser", f"--port={port}", "--ServerApp.port_retries=0",
             "--ServerApp.ip=127.0.0.1", f"--ServerApp.root_dir={folder}", f"--IdentityProvider.token={token}",
             # the page's JupyterLab object, to run commands and read the kernel's status
             "--LabApp.expose_app_in_browser=True",
             "--allow-root"],  # these tests run as root on CI (harmless otherwise)
            cwd=folder, env=env, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_serving(server, f"{url}/api/status?token={token}", log, "jupyter lab")
        yield url, token
    finally:
        stop(server)


# --- accessibility ----------------------------------------------------------------------------------

#: Deque's axe-core, from npm (`make test` installs it: the Makefile's `axe` target, version pinned there).
AXE = REPO / "build" / "axe" / "node_modules" / "axe-core" / "axe.min.js"
#: Chromium with no network: every host name fails to resolve but the tests' own servers on this machine.
OFFLINE_FLAG = "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1"
#: axe's rules for WCAG 2.0 and 2.1, levels A and AA (its other tags are best practices, not the standard).
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
#: Runs axe on the page; each violation's nodes say whether they are in the content the selector argument marks.
AXE_RUN_JS = """
const [own, tags, done] = arguments;
const ours = node => {
    const element = document.querySelector(node.target[0]);
    return !!(element && element.closest(own));
};
axe.run(document, {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]})
   .then(result => done(result.violations.map(v => ({
       rule: v.id, impact: v.impact, help: v.help,
       nodes: v.nodes.map(n => ({target: n.target, html: n.html.slice(0, 300), own: ours(n)}))}))))
   .catch(error => done({error: String(error)}));
"""


def axe_violations(driver, own):
    """The critical and serious WCAG 2.1 AA violations axe-core finds on the page open in `driver`.

    Parameters
    ----------
    own : str
        A CSS selector of the project's own content: a node inside it is ours, any other the front end's.

    Returns
    -------
    (list of str, collections.Counter)
        Ours, one line per node (rule, what it means, the element); the front end's, counted by rule.
    """
    driver.set_script_timeout(TIMEOUT)
    driver.execute_script(AXE.read_text(encoding="utf-8"))
    found = driver.execute_async_script(AXE_RUN_JS, own, WCAG_21_AA)
    assert "error" not in found, found
    serious = [v for v in found if v["impact"] in ("critical", "serious")]
    ours = [f"{v['rule']} ({v['impact']}: {v['help']}): {n['html']}" for v in serious for n in v["nodes"] if n["own"]]
    theirs = collections.Counter(v["rule"] for v in serious for n in v["nodes"] if not n["own"])
    return ours, theirs
