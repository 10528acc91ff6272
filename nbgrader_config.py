# nbgrader's configuration of this course: read by nbgrader's own commands run from this
# folder and by `python -m autograder`. The repository is the course directory.
import os

c = get_config()  # noqa: F821 (provided by nbgrader when it loads this file)
here = os.path.dirname(os.path.abspath(__file__))

c.CourseDirectory.root = here
c.CourseDirectory.source_directory = "notebooks"   # notebooks/logistic_regression/
c.CourseDirectory.release_directory = "release"
# What grading produces stays under course/ (ignored by git).
c.CourseDirectory.submitted_directory = "course/submitted"
c.CourseDirectory.autograded_directory = "course/autograded"
c.CourseDirectory.feedback_directory = "course/feedback"
c.CourseDirectory.db_url = "sqlite:///" + os.path.join(here, "course", "gradebook.db")  # any SQLAlchemy URL

c.Execute.timeout = 60  # seconds per cell during autograding
c.Execute.interrupt_on_timeout = True

# `python -m autograder grade` runs every kernel in a sandbox (autograder/grading/sandbox.py), whatever
# kernel a submitted notebook names. Its settings, with their defaults and help, are the traits of
# autograder/grading/settings.py; set any of them here, for instance:
# c.Sandbox.notebook_timeout = 300   # seconds for a whole notebook, then its kernel is killed
# c.Sandbox.memory_limit = 4 * 1024**3   # bytes per kernel process (default 2 GiB)
# c.Sandbox.max_output = 20_000   # characters of one output kept in graded copies and feedback
