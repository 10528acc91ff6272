"""Grading with nbgrader: the course, submissions and their repair, the sandbox, tasks and runners, storing results.

Files and processes live here; what is decided about an answer is `autograder.judging`.
"""
