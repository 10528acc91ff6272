"""The pieces nbgrader_config.py must register with nbgrader's Autograde: grading refuses to run without them."""

#: The package whose pieces are registered, as nbgrader_config.py names them.
PACKAGE = __name__.rpartition(".")[0]
#: The pieces, by the list of nbgrader's Autograde converter that must hold them.
REQUIRED = {"sanitize_preprocessors": ("CheckSubmission",),
            "autograde_preprocessors": ("SandboxedExecute", "JudgeRecords")}
#: The exporter nbgrader's Autograde must read submissions with, and why.
EXPORTER = "SubmissionExporter"
NO_EXPORTER = (f"nbgrader_config.py must set c.Autograde.exporter_class = '{PACKAGE}.{EXPORTER}': without it nbgrader "
               "would read linked, oversized and broken notebooks")


class ProtectionMissing(RuntimeError):
    """A protection cannot be had here (no bubblewrap, or the configuration lacks a piece): grading refuses."""


def _named(piece):
    """A piece as nbgrader_config.py names it: its dotted name, whether given as a string or a class."""
    return piece if isinstance(piece, str) else f"{piece.__module__}.{piece.__name__}"


def require(config):
    """Raise ProtectionMissing unless `config` registers every piece with nbgrader's Autograde."""
    if _named(config.Autograde.get("exporter_class", "")) != f"{PACKAGE}.{EXPORTER}":
        raise ProtectionMissing(NO_EXPORTER)
    for trait, names in REQUIRED.items():
        listed = [_named(p) for p in config.Autograde.get(trait, [])]
        for name in names:
            if f"{PACKAGE}.{name}" not in listed:
                raise ProtectionMissing(f"nbgrader_config.py must list {PACKAGE}.{name} in c.Autograde.{trait}: "
                                        "without it nbgrader would grade outside the sandbox")
