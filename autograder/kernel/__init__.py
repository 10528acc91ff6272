"""What runs in the student's kernel: capturing outputs on the probe inputs, and leaving records.

This folder is the sandbox boundary: the grader copies it, and only it, into
each sandboxed kernel (with the probe inputs as data). It imports NumPy and
the standard library, never `solutions` nor any other part of `autograder`.
"""
