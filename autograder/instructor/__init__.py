"""The instructor's commands: the command line, the class report, the demo's students."""
