"""The course map and prev/next links, generated from the notebooks' own metadata.

Each notebook carries ``metadata.campaignkit = {title, order, minutes, objectives}``. From that,
``python -m campaignkit course --write`` rewrites the README's course map (between the
``course-map`` markers) and each notebook's navigation cell (the markdown cell tagged
``navigation``); ``--check`` reports drift instead (the test suite runs it).

>>> nbs = notebooks()
>>> nbs[0].order, nbs[0].path.name
(0, '00-start-here.ipynb')
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import nbformat

from .location import repo_root

__all__ = ["Notebook", "notebooks", "course_map", "navigation", "sync"]

START, END = "<!-- course-map:start -->", "<!-- course-map:end -->"
NAV_TAG = "navigation"


@dataclass(frozen=True)
class Notebook:
    path: Path
    title: str
    order: int
    minutes: int
    objectives: list[str]


def notebooks(root: Path | None = None) -> list[Notebook]:
    """The learning path's notebooks, in order, with their metadata."""
    root = root or repo_root()
    out = []
    for path in sorted((root / "notebooks").glob("[0-9][0-9]-*.ipynb")):
        meta = json.loads(path.read_text(encoding="utf-8"))["metadata"].get("campaignkit")
        if meta is None:
            raise ValueError(f"{path.name}: notebook metadata has no 'campaignkit' entry")
        out.append(Notebook(path, meta["title"], int(meta["order"]), int(meta["minutes"]),
                            list(meta["objectives"])))
    return sorted(out, key=lambda n: n.order)


def course_map(nbs: list[Notebook]) -> str:
    """The README's course map table."""
    lines = [START, "", "| # | Notebook | You will be able to | Time |", "|---|---|---|---|"]
    for nb in nbs:
        goals = "; ".join(o[0].lower() + o[1:] for o in nb.objectives)
        lines.append(f"| {nb.order:02d} | [{nb.title}](notebooks/{nb.path.name}) | {goals} | {nb.minutes} min |")
    total = sum(nb.minutes for nb in nbs)
    plural = "s" if len(nbs) != 1 else ""
    lines += ["", f"Total: {len(nbs)} notebook{plural}, about {total // 60} h {total % 60:02d} min.", "", END]
    return "\n".join(lines)


def navigation(nbs: list[Notebook], i: int) -> str:
    """The navigation cell's text for the i-th notebook."""
    parts = []
    if i > 0:
        parts.append(f"← Previous: [{nbs[i - 1].title}]({nbs[i - 1].path.name})")
    parts.append("[Course map](../README.md#course-map)")
    if i + 1 < len(nbs):
        parts.append(f"Next: [{nbs[i + 1].title}]({nbs[i + 1].path.name}) →")
    return " · ".join(parts)


def _nav_cell(nb: dict) -> dict | None:
    for cell in nb["cells"]:
        if NAV_TAG in cell.get("metadata", {}).get("tags", []):
            return cell
    return None


def sync(root: Path | None = None, write: bool = False) -> list[str]:
    """Compare (or, with ``write``, rewrite) the README course map and navigation cells.

    Returns one line per place that is (or was) out of date.
    """
    root = root or repo_root()
    nbs = notebooks(root)
    drift = []
    readme = root / "README.md"
    text = readme.read_text(encoding="utf-8")
    pattern = re.compile(re.escape(START) + ".*?" + re.escape(END), re.S)
    if not pattern.search(text):
        drift.append("README.md: no course-map markers")
    elif pattern.search(text).group(0) != course_map(nbs):
        drift.append("README.md: course map is out of date")
        if write:
            readme.write_text(pattern.sub(lambda _: course_map(nbs), text), encoding="utf-8")
    for i, nb in enumerate(nbs):
        data = nbformat.read(nb.path, as_version=4)
        cell = _nav_cell(data)
        want = navigation(nbs, i)
        if cell is None:
            drift.append(f"{nb.path.name}: no markdown cell tagged '{NAV_TAG}'")
        elif "".join(cell["source"]) != want:
            drift.append(f"{nb.path.name}: navigation links are out of date")
            if write:
                cell["source"] = want
                nbformat.write(data, nb.path)
    return drift
