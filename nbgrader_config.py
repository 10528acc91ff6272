# nbgrader's configuration of this course: read by nbgrader's own commands run from this
# folder and by `python -m autograder`. The repository is the course directory.
import os

c = get_config()  # noqa: F821 (provided by nbgrader when it loads this file)
here = os.path.dirname(os.path.abspath(__file__))

c.CourseDirectory.root = here
# The course's id: nbgrader's gradebook files every assignment under it (a database that checks its keys, such as
# PostgreSQL, refuses an empty one) and its exchange keeps the course's files under it. Change it to your course's.
c.CourseDirectory.course_id = "logistic_regression"
# nbgrader's source folder is made by `python -m autograder release` from the notebooks, one folder per
# assignment below (each with the files its notebooks use): the notebooks themselves live in
# notebooks/logistic_regression/, where they are written and tested.
c.CourseDirectory.source_directory = "course/source"
c.CourseDirectory.release_directory = "release"
# What grading produces stays under course/ (ignored by git).
c.CourseDirectory.submitted_directory = "course/submitted"
c.CourseDirectory.autograded_directory = "course/autograded"
c.CourseDirectory.feedback_directory = "course/feedback"
# Any SQLAlchemy URL: SQLite by default; PostgreSQL is tested too ("postgresql+psycopg://user@host/database").
c.CourseDirectory.db_url = "sqlite:///" + os.path.join(here, "course", "gradebook.db")

c.Execute.timeout = 60  # seconds per cell during autograding
c.Execute.interrupt_on_timeout = True

# The assignments, in course order: one notebook each, a week apart. Each opens when the previous one is due,
# because it gives as code what the previous ones asked for (02 gives 01's sigmoid, 06 gives 05's gradients).
_WEEKS = ["2026-09-07", "2026-09-14", "2026-09-21", "2026-09-28", "2026-10-05", "2026-10-12", "2026-10-19",
          "2026-10-26", "2026-11-02"]
_NOTEBOOKS = ["01_model_and_loss", "02_chain_rule", "03_two_features", "04_update_rule", "05_vectorized",
              "06_minibatches", "07_momentum", "08_backpropagation"]
c.Course.assignments = [
    {"name": name, "notebooks": [name], "release": f"{opens}T09:00+00:00", "due": f"{due}T09:00+00:00"}
    for name, opens, due in zip(_NOTEBOOKS, _WEEKS, _WEEKS[1:])
]

# Late work: nbgrader's late-penalty plugin, used by `python -m autograder grade` on the trusted scores.
# A notebook loses this share of its score per started day past its due date.
c.AssignLatePenalties.plugin_class = "autograder.grading.autograde.late.PerDayPenalty"
c.PerDayPenalty.per_day = 0.1

# nbgrader's autograde, however it is started (`python -m autograder grade`, `nbgrader autograde`, the
# formgrader's Autograde button), with this course's pieces (autograder/grading/autograde/): a linked, oversized
# or broken notebook never read but refused, its tests 0 with the reason in its graded copy and feedback, and the
# rest repaired against the release; each notebook run in a fresh kernel
# inside the sandbox; scores judged from the hidden tests' records outside the kernel, not from what the cells
# printed; graded copies with outputs bounded and inert. `python -m autograder grade` refuses to run without them.
c.Autograde.exporter_class = "autograder.grading.autograde.SubmissionExporter"
c.Autograde.sanitize_preprocessors = [
    "autograder.grading.autograde.CheckSubmission",
    "nbgrader.preprocessors.ClearOutput", "nbgrader.preprocessors.DeduplicateIds",
    "nbgrader.preprocessors.OverwriteKernelspec", "nbgrader.preprocessors.OverwriteCells",
    "nbgrader.preprocessors.CheckCellMetadata",
]
c.Autograde.autograde_preprocessors = [
    "autograder.grading.autograde.SandboxedExecute",
    "nbgrader.preprocessors.IgnorePattern", "nbconvert.preprocessors.ClearMetadataPreprocessor",
    "nbgrader.preprocessors.LimitOutput",
    "autograder.grading.autograde.JudgeRecords",
    "nbgrader.preprocessors.AssignLatePenalties", "nbgrader.preprocessors.CheckCellMetadata",
]

# Feedback pages (nbgrader generate_feedback, the formgrader's button, and `grade`'s) use this course's template
# (autograder/grading/templates/feedback): nbgrader's, with the page's language, headings from h1, contrast and
# wrapping for WCAG 2.1 AA, and the maths as MathML, readable offline with no script from a CDN. It has the name of
# nbgrader's own because nbgrader's API asks for "feedback" by name; it is set for the exporter of GenerateFeedback
# alone, so that the formgrader's own pages keep nbgrader's templates.
import autograder.grading as _grading  # noqa: E402

c.GenerateFeedback.HTMLExporter.template_name = "feedback"
c.GenerateFeedback.HTMLExporter.extra_template_basedirs = [os.path.join(os.path.dirname(_grading.__file__), "templates")]
c.GenerateFeedback.HTMLExporter.filters = {"tex_to_mathml": "autograder.grading.mathml.tex_to_mathml",
                                           "grader_verdict": "autograder.grading.autograde.graded_copy.verdict"}

# Every kernel runs in a sandbox (autograder/grading/sandbox/), whatever kernel a submitted notebook names.
# Grading's settings, with their defaults and help, are the traits of autograder/grading/settings.py; set any of
# them here, for instance:
# c.Sandbox.notebook_timeout = 300   # seconds for a whole notebook, then its kernel is killed
# c.Sandbox.memory_limit = 4 * 1024**3   # bytes per kernel process (default 2 GiB)
# c.GradedCopy.max_output = 20_000   # characters of one output kept in graded copies and feedback
