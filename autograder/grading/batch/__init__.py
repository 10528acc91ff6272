"""The batch path: `python -m autograder grade` and `rejudge`.

`pipeline.grade` from the top: `submissions` finds each student's notebooks in a folder of any layout;
`tasks` stages each student into an independent Task (and reuses what has not changed) and runs it in a
private copy of the course (`template`) through nbgrader's autograde with this course's pieces; `runners`
run the tasks in processes here or on a Dask cluster; `store` keeps each result in the course and the
gradebook, and grades.GradesWriter in OUT/. `rejudge` judges a graded class again from what grading kept.
"""
