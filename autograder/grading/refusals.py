"""Why a submitted file is not graded: each reason worded once, whichever path grading takes.

The batch path (`grade`) finds these while staging, nbgrader's own path (`nbgrader autograde`) in
CheckSubmission; the student reads the same words in grades.csv and the instructor in the notes.
"""

#: A notebook that is a symbolic link: it could point at the instructor's notebook or another student's.
LINK = "not graded: a symbolic link, not a notebook file (links are never followed)"
#: A student's folder that is a symbolic link: nothing in it is graded.
LINKED_FOLDER = "not graded: the student's folder is a symbolic link (links are never followed)"


def too_large(size, limit):
    """A notebook over c.Grading.max_notebook_size (it is never read)."""
    return (f"not graded: the file is {size / 1e6:.1f} MB, over the limit of {limit / 1e6:.1f} MB for a notebook "
            "(large outputs or data saved in it? clear the outputs and submit again)")


def unreadable(why):
    """A file that is not a notebook nbformat can read: empty, not JSON, an unknown format."""
    return f"not a readable notebook ({why})"
