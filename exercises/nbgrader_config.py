"""nbgrader settings for the kit's exercise sets (this folder is the nbgrader course directory).

source/<set>/<set>.ipynb  the instructor's notebooks: solutions and hidden tests (edit these)
<set>.ipynb               the student copies, generated from source/ (never edit by hand):
                          campaignkit exercises generate
See INSTRUCTORS.md for grading (make grade) and for nbgrader's exchange on a JupyterHub.
"""

c = get_config()  # noqa: F821 (nbgrader provides it)

c.CourseDirectory.course_id = "campaignkit"
c.CourseDirectory.source_directory = "source"
# Student copies of a code task: the answer line stays, the solution becomes this stub.
c.ClearSolutions.code_stub = {"python": "# YOUR CODE HERE\nraise NotImplementedError()"}
c.ClearSolutions.text_stub = "YOUR ANSWER HERE"
# Each notebook runs in a few seconds; a stuck submission must not hold up a class's grading.
c.ExecutePreprocessor.timeout = 120
