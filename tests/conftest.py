"""Test-session hooks: figures that a test records are printed at the end of the run."""


def pytest_terminal_summary(terminalreporter):
    for report in terminalreporter.stats.get("passed", []) + terminalreporter.stats.get("failed", []):
        for name, value in getattr(report, "user_properties", ()):
            if name == "real_mistakes_named":
                terminalreporter.write_line(f"real corpus: {value} of the real mistakes named (at least 80 % required)")
