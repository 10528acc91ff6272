"""The pieces nbgrader_config.py must register with nbgrader's Autograde: grading refuses to run without them."""

#: The package whose pieces are registered, as nbgrader_config.py names them.
PACKAGE = __name__.rpartition(".")[0]
#: The pieces, by the list of nbgrader's Autograde converter that must hold them.
REQUIRED = {"sanitize_preprocessors": ("CheckSubmission",),
            "autograde_preprocessors": ("SandboxedExecute", "JudgeRecords")}


class ProtectionMissing(RuntimeError):
    """A protection cannot be had here (no bubblewrap, or the configuration lacks a piece): grading refuses."""


def require(config):
    """Raise ProtectionMissing unless `config` registers every piece with nbgrader's Autograde."""
    for trait, names in REQUIRED.items():
        listed = [p if isinstance(p, str) else f"{p.__module__}.{p.__name__}"
                  for p in config.Autograde.get(trait, [])]
        for name in names:
            if f"{PACKAGE}.{name}" not in listed:
                raise ProtectionMissing(f"nbgrader_config.py must list {PACKAGE}.{name} in c.Autograde.{trait}: "
                                        "without it nbgrader would grade outside the sandbox")
