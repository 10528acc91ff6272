"""python -m autograder: see autograder.instructor.cli."""

import sys

from autograder.instructor.cli import main

sys.exit(main())
