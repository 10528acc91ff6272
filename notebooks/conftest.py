"""nbval runs the instructor notebooks as the instructor's variant: their stored outputs show its numbers
(solutions.concepts.EXAMPLE_STUDENT; the notebooks' variant.py reads the id from ID_VARIABLE)."""

import os

from solutions.concepts import EXAMPLE_STUDENT, variant

os.environ[variant.ID_VARIABLE] = EXAMPLE_STUDENT
