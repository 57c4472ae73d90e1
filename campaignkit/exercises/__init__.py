"""The exercise sets: students' checks, generation of the student copies, grading (nbgrader).

``exercises/`` is an nbgrader course directory. Instructors edit ``source/<set>/<set>.ipynb``
(solutions and hidden tests); the student copies ``exercises/<set>.ipynb`` are generated from
them. From the command line::

    campaignkit exercises generate            # rewrite the student copies
    campaignkit exercises check               # exit 1 if they differ from the sources
    campaignkit exercises grade SUBMISSIONS --out gradebook.csv

Students' check cells import only :mod:`campaignkit.exercises.checks` (``expect_*``).

>>> from campaignkit import exercises
>>> exercises.sets()[0].name
'01-campaign-atlas'
"""

from .checks import (expect_close, expect_columns, expect_equal, expect_figure, expect_rows, expect_same_items,
                     expect_type)
from .generation import check, generate
from .grading import CSV_FIELDS, Row, collect, grade, graded_count, summary, write_csv
from .catalogue import ExerciseSet, overview, sets

__all__ = ["ExerciseSet", "sets", "overview", "generate", "check", "grade", "collect", "Row", "summary",
           "graded_count", "write_csv", "CSV_FIELDS", "expect_type", "expect_columns", "expect_rows",
           "expect_equal", "expect_close", "expect_same_items", "expect_figure"]
