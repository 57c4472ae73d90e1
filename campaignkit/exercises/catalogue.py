"""The exercise sets of ``exercises/``: which there are, their sources and student copies, points.

>>> [s.name for s in sets()][:2]
['01-campaign-atlas', '02-case-russia']
>>> sets()[0].title.startswith("Exercise")
True
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from ..repo import repo_root

__all__ = ["ExerciseSet", "sets", "overview", "exercises_dir", "graded_cells", "points"]

SET_NAME = re.compile(r"^\d\d-[a-z0-9-]+$")


@dataclass(frozen=True)
class ExerciseSet:
    """One exercise set: its source (solutions, hidden tests) and its generated student copy."""

    name: str
    source: Path        # exercises/source/<name>/<name>.ipynb
    student: Path       # exercises/<name>.ipynb

    @property
    def meta(self) -> dict:
        """The source notebook's ``metadata.campaignkit``: title, minutes, follows, set."""
        return json.loads(self.source.read_text(encoding="utf-8"))["metadata"].get("campaignkit") or {}

    @property
    def title(self) -> str:
        return self.meta.get("title") or self.student.name

    @property
    def minutes(self) -> int | None:
        return int(self.meta["minutes"]) if self.meta.get("minutes") else None


def exercises_dir(root: Path | None = None) -> Path:
    return (root or repo_root()) / "exercises"


def sets(root: Path | None = None) -> list[ExerciseSet]:
    """The exercise sets, in order, from ``exercises/source/``."""
    base = exercises_dir(root)
    found = []
    if not (base / "source").is_dir():
        return []
    for folder in sorted((base / "source").iterdir()):
        if folder.is_dir() and SET_NAME.match(folder.name):
            found.append(ExerciseSet(folder.name, folder / f"{folder.name}.ipynb", base / f"{folder.name}.ipynb"))
    return found


def graded_cells(path: Path) -> list[dict]:
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return [c for c in cells if c.get("metadata", {}).get("nbgrader", {}).get("grade")]


def overview(root: Path | None = None) -> str:
    """The instructor guide's table of the sets: time, tasks and points, from the source notebooks."""
    lines = ["| Set | Follows notebook | Time | Auto-checked tasks (points) | Open questions (points) |",
             "|---|---|---|---|---|"]
    totals = [0, 0, 0, 0, 0]
    for s in sets(root):
        meta = s.meta
        graded = graded_cells(s.source)
        auto = [float(c["metadata"]["nbgrader"]["points"]) for c in graded if c["cell_type"] == "code"]
        manual = [float(c["metadata"]["nbgrader"]["points"]) for c in graded if c["cell_type"] == "markdown"]
        lines.append(f"| [{meta['title']}]({s.student.name}) | [{meta['follows']}](../notebooks/{meta['follows']}) "
                     f"| {meta['minutes']} min | {len(auto)} ({sum(auto):g}) | {len(manual)} ({sum(manual):g}) |")
        for i, n in enumerate([int(meta["minutes"]), len(auto), sum(auto), len(manual), sum(manual)]):
            totals[i] += n
    lines.append(f"| **{len(sets(root))} sets** | | {totals[0] // 60} h {totals[0] % 60:02d} min "
                 f"| {totals[1]} ({totals[2]:g}) | {totals[3]} ({totals[4]:g}) |")
    return "\n".join(lines)


def points(source: Path) -> dict[str, float]:
    """{task id: points available}, in the order of the source notebook."""
    return {c["metadata"]["nbgrader"]["grade_id"]: float(c["metadata"]["nbgrader"]["points"])
            for c in graded_cells(source)}
