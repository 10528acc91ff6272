"""Where everything of a course lives: the one place that builds a path.

Three areas, each described once:

- **The course's own files**, in the repository (the course root): the notebooks under
  `notebooks/logistic_regression/`, and `nbgrader_config.py`.
- **nbgrader's folders**, as nbgrader_config.py declares them (`c.CourseDirectory.source_directory`, ...)
  and nbgrader's own `CourseDirectory.format_path` builds them:
  `<step>/<student>/<assignment>/` for the steps submitted, autograded and feedback, `<step>/./<assignment>/`
  for source and release; beside a submission, nbgrader's `timestamp.txt` and `submission_secret.txt`.
  Change a folder in nbgrader_config.py and nbgrader and this package follow it alike.
- **The work folder** (`c.Grading.work_directory`, `course/` by default): what grading keeps besides nbgrader's
  folders. Made once: `template/` (the course as a worker gets it, with its `version`), `kernel_lib/` (what each
  sandbox mounts), `jupyter/kernels/` (the sandbox's kernelspec). Per notebook graded, what re-judging and
  reuse need: `records/<student>/<notebook>/` (the hidden tests' records), `fates/<student>/<notebook>.json`
  (what became of its kernel), `verdicts/<student>/<notebook>.json` (its rows and notes) and `.key` (the content
  key of its grading).

And **OUT/**, the folder `grade --out` writes for the instructor (`Out`).
"""

from dataclasses import dataclass
from pathlib import Path

from nbgrader.coursedir import CourseDirectory

from autograder.grading.settings import Grading

#: The repository, which is this course's root.
ROOT = Path(__file__).resolve().parents[2]
#: nbgrader's configuration file, at a course's root.
CONFIG_FILE = "nbgrader_config.py"
#: The folder holding the course's notebook folder (copied whole into the workers' template).
NOTEBOOKS = "notebooks"
#: The notebook folder, below NOTEBOOKS: where the notebooks are written, and nbval and the tests read them.
COURSE_NOTEBOOKS = "logistic_regression"
#: What a course notebook's file is called: two digits, then its topic.
NOTEBOOK_PATTERN = "[0-9][0-9]_*.ipynb"
#: Beside the notebooks, for students: how to work on an assignment, what counts as correct (ships with each).
STUDENT_README = "README.md"
#: The gradebook of a course root that has no nbgrader_config.py of its own (a copy of the notebooks alone).
DEFAULT_GRADEBOOK = Path("course") / "gradebook.db"
#: Files nbgrader keeps beside a submission: when it was handed in, and the secret nbgrader's exchange names feedback by.
TIMESTAMP, SECRET = "timestamp.txt", "submission_secret.txt"
#: The work folder's folders of what grading keeps per student and notebook.
RECORDS, FATES, VERDICTS = "records", "fates", "verdicts"
#: The grader's code, at the repository's root: any change to it is a new version of grading.
CODE = ("autograder", "solutions")


def notebooks_tree(root=ROOT):
    """The folder of the course's notebook folders: `notebooks/` (the workers' template copies it whole)."""
    return Path(root) / NOTEBOOKS


def notebook_folder(root=ROOT):
    """Where the notebooks are written: notebooks/logistic_regression/."""
    return notebooks_tree(root) / COURSE_NOTEBOOKS


def notebook_file(name, root=ROOT):
    """A course notebook's file, by name (without .ipynb)."""
    return notebook_folder(root) / f"{name}.ipynb"


def config_file(root=ROOT):
    """A course's nbgrader_config.py."""
    return Path(root) / CONFIG_FILE


def demo_folder(root=ROOT):
    """The demo's own course, apart from the instructor's (`python -m autograder demo`): a copy of the notebooks and
    nbgrader_config.py, so its release, gradebook and work folder are its own, with its sample submissions and OUT/."""
    return Path(root) / "build" / "demo"


def demo_submissions(root=ROOT):
    return demo_folder(root) / "submissions"


def demo_out(root=ROOT):
    return demo_folder(root) / "out"


def code_files():
    """Every Python file of the grader's code (autograder/ and solutions/), in a fixed order."""
    return [path for package in CODE for path in sorted((ROOT / package).rglob("*.py"))]


class Layout:
    """Every folder and file of one course: nbgrader's, and the work folder's.

    Parameters
    ----------
    config : traitlets.config.Config
        The course's configuration (nbgrader_config.py): nbgrader's folders and c.Grading.work_directory.
    """

    def __init__(self, config):
        self._nbgrader = CourseDirectory(config=config)
        self.root = Path(self._nbgrader.root)
        self.work = self.root / Grading(config=config).work_directory

    # --- nbgrader's folders ------------------------------------------------------------------------

    def _step(self, directory, student, assignment):
        return Path(self._nbgrader.format_path(directory, student, assignment))

    def source(self, assignment):
        """nbgrader's source folder of an assignment (made by `release` from the notebooks)."""
        return self._step(self._nbgrader.source_directory, ".", assignment)

    def release(self, assignment):
        """The student copies of an assignment."""
        return self._step(self._nbgrader.release_directory, ".", assignment)

    def submitted(self, student=".", assignment="."):
        """A student's handed-in assignment (by default the submitted folder itself)."""
        return self._step(self._nbgrader.submitted_directory, student, assignment)

    def autograded(self, student, assignment):
        """A student's graded copies of an assignment."""
        return self._step(self._nbgrader.autograded_directory, student, assignment)

    def feedback(self, student, assignment):
        """A student's feedback pages of an assignment."""
        return self._step(self._nbgrader.feedback_directory, student, assignment)

    def steps(self, student, assignment):
        """The folders of a student's assignment at each grading step: submitted, autograded, feedback."""
        return [self.submitted(student, assignment), self.autograded(student, assignment),
                self.feedback(student, assignment)]

    def source_notebook(self, assignment, notebook):
        return self.source(assignment) / f"{notebook}.ipynb"

    def released_notebook(self, assignment, notebook):
        return self.release(assignment) / f"{notebook}.ipynb"

    def submission(self, student, assignment, notebook):
        """A handed-in notebook, as nbgrader keeps it."""
        return self.submitted(student, assignment) / f"{notebook}.ipynb"

    def graded_copy(self, student, assignment, notebook):
        return self.autograded(student, assignment) / f"{notebook}.ipynb"

    def feedback_page(self, student, assignment, notebook):
        return self.feedback(student, assignment) / f"{notebook}.html"

    # --- the work folder -----------------------------------------------------------------------------

    @property
    def template(self):
        """The course as a worker gets it (autograder.grading.batch.template)."""
        return self.work / "template"

    @property
    def template_version(self):
        """The digest of the course files the template was made from."""
        return self.template / "version"

    @property
    def kernel_library(self):
        """What every sandbox mounts read-only: the kernel layer and the probes (autograder.grading.sandbox)."""
        return self.work / "kernel_lib"

    @property
    def kernelspecs(self):
        """The folder of kernelspecs (as in a Jupyter data folder) that holds the sandbox's."""
        return self.work / "jupyter" / "kernels"

    def records(self, student, notebook):
        """Where a notebook's hidden tests leave their records (the one folder its kernel may write outside its own)."""
        return self.work / RECORDS / student / notebook

    def fate(self, student, notebook):
        """Where the sandbox writes what became of a notebook's kernel."""
        return self.work / FATES / student / f"{notebook}.json"

    def verdicts(self, student, notebook):
        """The rows and notes judged for a notebook (autograder.grading.autograde.judge_records)."""
        return self.work / VERDICTS / student / f"{notebook}.json"

    def of_student(self, student):
        """Every folder that holds something of a student's: nbgrader's (submitted, autograded, feedback) and the
        work folder's (records, fates, verdicts)."""
        return [*self.steps(student, "."), *(self.work / kind / student for kind in (RECORDS, FATES, VERDICTS))]

    def students_with_folders(self):
        """The students that any folder of `of_student` exists for."""
        return sorted({path.name for folder in self.of_student("*") for path in folder.parent.glob("*")
                       if path.is_dir()})

    def key(self, student, notebook):
        """The content key of a notebook's last grading, beside its verdicts."""
        return self.verdicts(student, notebook).with_suffix(".key")

    def handed_in_digest(self, student, notebook):
        """The SHA-256 of the notebook as last handed in, beside its verdicts: a grader's hand-given score is
        flagged for review when the notebook handed in next differs."""
        return self.verdicts(student, notebook).with_suffix(".sha256")

    def judged(self):
        """(student, notebook) of every notebook whose verdicts are kept."""
        return {(path.parent.name, path.stem) for path in (self.work / VERDICTS).glob("*/*.json")}


#: The files of OUT/ that grading writes student by student, and (under .partial/ only) a student's rows of the
#: notebooks a run does not grade, kept from OUT's grades.csv.
GRADES, SUMMARY, NOTES, KEPT = "grades.csv", "summary.csv", "notes.txt", "kept.csv"


@dataclass(frozen=True)
class Out:
    """OUT/, what `grade --out OUT` writes for the instructor, and every file in it."""

    folder: Path

    def __post_init__(self):
        object.__setattr__(self, "folder", Path(self.folder))

    @property
    def grades(self):
        """One row per student and test (autograder.grading.grades)."""
        return self.folder / GRADES

    @property
    def summary(self):
        """One row per student: each notebook's points, total, max, late penalty."""
        return self.folder / SUMMARY

    @property
    def notes(self):
        """What the instructor should know: renamed, stray, repaired or refused files."""
        return self.folder / NOTES

    @property
    def log(self):
        """What kernels and nbgrader wrote to stderr while grading."""
        return self.folder / "grading.log"

    @property
    def feedback(self):
        return self.folder / "feedback"

    def feedback_page(self, student, notebook):
        return self.feedback / student / f"{notebook}.html"

    @property
    def partial(self):
        """Where a run writes until it finishes (a run stopped half-way leaves the last finished run as it was)."""
        return self.folder / ".partial"

    @property
    def partial_students(self):
        """Each student's part of grades.csv and notes.txt, written as the student is graded."""
        return self.partial / "students"

    def partial_file(self, student, name):
        """One student's part of an OUT file: `name` is GRADES, NOTES or KEPT."""
        return self.partial_students / f"{student}.{name}"

    @property
    def replaced_feedback(self):
        """Where OUT's feedback/ goes while the new one takes its place (with .partial/, removed after)."""
        return self.partial / "replaced_feedback"

    @property
    def partial_feedback(self):
        """The feedback pages of a run, put in place of `feedback` when it finishes."""
        return self.partial / "feedback"

    @property
    def report(self):
        """The class report (autograder.instructor.report), with its two plots beside it."""
        return self.folder / "report.md"

    @property
    def score_plot(self):
        return self.folder / "score_distribution.png"

    @property
    def pass_rate_plot(self):
        return self.folder / "pass_rates.png"

    def lms(self, name):
        """An LMS's gradebook import file: canvas.csv, moodle.csv."""
        return self.folder / f"{name}.csv"

    @property
    def similarity_csv(self):
        """Every pair of students per assignment with the similarity of their code (autograder.instructor.similarity)."""
        return self.folder / "similarity.csv"

    @property
    def similarity_page(self):
        """The same, ranked, with the closest pairs' code side by side."""
        return self.folder / "similarity.html"
