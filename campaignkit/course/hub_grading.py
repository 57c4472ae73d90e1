"""The kit's gradebook CSV from an nbgrader course folder graded on a hub.

On a hub the instructor grades with nbgrader's own commands in their course folder (``release_assignment``,
``collect``, ``autograde``; exercises/INSTRUCTORS.md). ``course_gradebook`` then reads that
folder's ``gradebook.db`` and writes the same CSV as ``make grade`` (one row per student, set and
task; open questions left for grading by hand), so both paths feed the same spreadsheet. The
tests check that both give equal files for the same notebooks.
"""

from __future__ import annotations

import warnings
from pathlib import Path

from ..exercises.catalogue import sets
from ..exercises.grading import Row, gradebook_rows, write_csv, zero_rows

__all__ = ["course_gradebook"]


def course_gradebook(course: Path, out: Path, root: Path | None = None) -> list[Row]:
    """Rows for every student and set in ``course/gradebook.db``; writes them to ``out``."""
    course = Path(course)
    db = course / "gradebook.db"
    if not db.is_file():
        raise SystemExit(f"{course}: no gradebook.db; run `nbgrader autograde <set>` in this folder first")
    from nbgrader.api import Gradebook, MissingEntry

    kit_sets = {s.name: s for s in sets(root)}
    rows: list[Row] = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")      # SQLAlchemy's session warnings from inside nbgrader
        with Gradebook(f"sqlite:///{db}") as gb:
            names = [a.name for a in gb.assignments if a.name in kit_sets]
            students = sorted(s.id for s in gb.students)
            for name in names:
                source = kit_sets[name].source
                for student in students:
                    try:
                        gb.find_submission(name, student)
                    except MissingEntry:
                        if (course / "submitted" / student / name).is_dir():
                            rows += zero_rows(student, name, source, "error", "not graded: not autograded")
                        else:
                            rows += zero_rows(student, name, source, "not submitted")
                        continue
                    rows += gradebook_rows(gb, student, name, source)
    if not rows:
        raise SystemExit(f"{course}: the gradebook holds no graded exercise set of the kit")
    rows.sort(key=lambda r: (r.student, r.set))
    write_csv(rows, Path(out))
    return rows
