"""Test-session hooks: figures that a test records are printed at the end of the run; each test's reports are kept."""

import pytest


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """Keep each phase's report on the test (item.report_call, ...): a fixture's teardown can see a failure."""
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


def pytest_terminal_summary(terminalreporter):
    for report in terminalreporter.stats.get("passed", []) + terminalreporter.stats.get("failed", []):
        for name, value in getattr(report, "user_properties", ()):
            if name == "real_mistakes_named":
                terminalreporter.write_line(f"real corpus: {value} of the real mistakes named (at least 80 % required)")
