"""Fixtures of the browser tests: Debian's Chromium checked for, started, and screenshots of each step."""

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

from tests.end_to_end.browser import CHROMEDRIVER, CHROMIUM, CHROMIUM_FLAGS, OFFLINE_FLAG, SCREENSHOTS, Screenshots


@pytest.fixture(scope="module")
def chromium_installed():
    """Fail, with what to do, when Debian's Chromium or its driver is missing (never skip), before any set-up.

    A browser test module asks for it first: `pytestmark = [..., pytest.mark.usefixtures("chromium_installed")]`.
    """
    missing = [str(path) for path in (CHROMIUM, CHROMEDRIVER) if not path.exists()]
    if missing:
        pytest.fail(f"{' and '.join(missing)} missing: the browser tests need Debian's chromium and chromium-driver; "
                    "`make test` installs them with apt", pytrace=False)


def _chromium(profile, *flags):
    """Headless Chromium with a new, empty profile, driven by Debian's chromedriver."""
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in [*CHROMIUM_FLAGS, *flags, f"--user-data-dir={profile}"]:
        options.add_argument(flag)
    return webdriver.Chrome(options=options, service=Service(str(CHROMEDRIVER)))


@pytest.fixture
def browser(tmp_path):
    """Headless Chromium with a new, empty profile, driven by Debian's chromedriver."""
    driver = _chromium(tmp_path / "chromium-profile")
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture(scope="module")
def offline_browser(tmp_path_factory):
    """The same, with no network but this machine's own servers (a student offline, a campus that blocks CDNs);
    one for the module's tests."""
    driver = _chromium(tmp_path_factory.mktemp("chromium-profile"), OFFLINE_FLAG)
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture
def screenshots(request, browser):
    """The test's screenshots; one named `failed` is added when the test fails."""
    shots = Screenshots(browser, SCREENSHOTS / request.node.name)
    yield shots
    report = getattr(request.node, "report_call", None)  # kept by the hook in tests/conftest.py
    if report is not None and report.failed:
        shots.take("failed")
