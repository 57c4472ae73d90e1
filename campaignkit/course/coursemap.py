"""The README's course map and each notebook's prev/next links, generated from notebook metadata.

Each notebook carries ``metadata.campaignkit = {title, order, minutes, objectives}``. From that,
``campaignkit course --write`` rewrites the README's course map (between the ``course-map``
markers) and each notebook's navigation cell (the markdown cell tagged ``navigation``);
``campaignkit course`` reports drift instead (the test suite runs it). The map also lists the
exercise sets and, once ``pyproject.toml [tool.campaignkit] repository`` is set, a Binder launch
link for each notebook and exercise set (see :mod:`.links`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import nbformat

from ..exercises.catalogue import ExerciseSet, sets
from ..repo import find_block, replace_block, repo_root
from . import launch
from .learning_path import Notebook, notebooks

__all__ = ["course_map", "readme_block", "navigation", "sync", "START", "END", "NAV_TAG"]

START, END = "<!-- course-map:start -->", "<!-- course-map:end -->"
NAV_TAG = "navigation"
SKILLS_START, SKILLS_END = "<!-- skills:start -->", "<!-- skills:end -->"


NO_ADDRESS = ("Launch links (Binder, in the browser, nothing to install) appear here once the kit's "
              "public address is set in `pyproject.toml` under `[tool.campaignkit] repository` and this "
              "map is regenerated with `campaignkit course --write`.")
BINDER_NOTE = ("**Binder** opens a notebook in JupyterLab in your browser, with nothing to install. It "
               "can take a minute to start, and the copy is temporary: download your work "
               "(File > Download) before you close the tab.")
HUB_NOTE = ("**On your institution's JupyterHub.** If it has nbgitpuller, an instructor can make links "
            "that copy the kit into each student's account (or update their copy) and open a notebook: "
            "`campaignkit links --hub https://your-hub.example.edu` prints one per notebook "
            "and exercise set.")


def course_map(nbs: list[Notebook], sets: Sequence[ExerciseSet] = (),
               binder: Callable[[str], str] | None = None) -> str:
    """The README's generated block: the course map, the exercise sets and how to launch them.

    ``binder`` maps a repository path to its Binder link; without it (no public address yet)
    the block says how to get launch links instead of showing broken ones.
    """
    launch = " Launch |" if binder else ""
    rule = "---|" if binder else ""

    def link(path: str) -> str:
        return f" [Binder]({binder(path)}) |" if binder else ""

    lines = [START, "", "| # | Notebook | You will be able to | Time |" + launch, "|---|---|---|---|" + rule]
    for nb in nbs:
        path = f"notebooks/{nb.path.name}"
        goals = "; ".join(o[0].lower() + o[1:] for o in nb.objectives)
        lines.append(f"| {nb.order:02d} | [{nb.title}]({path}) | {goals} | {nb.minutes} min |" + link(path))
    total = sum(nb.minutes for nb in nbs)
    plural = "s" if len(nbs) != 1 else ""
    lines += ["", f"Total: {len(nbs)} notebook{plural}, about {total // 60} h {total % 60:02d} min.", ""]
    if sets:
        lines += ["| # | Exercise set (after the notebook with the same number) | Time |" + launch,
                  "|---|---|---|" + rule]
        for s in sets:
            path = f"exercises/{s.student.name}"
            time = f"{s.minutes} min" if s.minutes else ""
            lines.append(f"| {s.name[:2]} | [{s.title.replace('|', '/')}]({path}) | {time} |" + link(path))
        lines += ["", "Instructors: [the instructor guide](exercises/INSTRUCTORS.md) has the rubrics, session "
                      "plans and grading (`make grade`).", ""]
    lines += [BINDER_NOTE if binder else NO_ADDRESS, "", HUB_NOTE, "", END]
    return "\n".join(lines)


def readme_block(root: Path | None = None) -> str:
    """``course_map`` for the repository at ``root``, with Binder links when its address is set."""
    root = root or repo_root()
    cfg = launch.settings(root)
    binder = None
    if cfg["repository"]:
        def binder(path: str) -> str:
            return launch.binder_url(path, cfg["repository"], cfg["branch"], root)
    return course_map(notebooks(root), sets(root), binder)


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


def _sync_block(path: Path, start: str, end: str, content: str, what: str, write: bool) -> list[str]:
    """Compare the generated block between two markers of ``path`` with ``content``."""
    text = path.read_text(encoding="utf-8")
    current = find_block(text, start, end)
    if current is None:
        return [f"{path.name}: no {what} markers"]
    if current == f"{start}\n{content}\n{end}":
        return []
    if write:
        path.write_text(replace_block(text, start, end, content), encoding="utf-8")
    return [f"{path.name}: {what} is out of date"]


def _sync_pages(root: Path, write: bool) -> list[str]:
    """The chronology and actors pages, generated from the data package (when there is one)."""
    from .reference import reference_pages

    if not (root / "datasets" / "datapackage.json").is_file():
        return []
    drift = []
    for path, want in reference_pages(root).items():
        if not path.is_file() or path.read_text(encoding="utf-8") != want:
            drift.append(f"{path.relative_to(root)}: out of date (generated from datasets/)")
            if write:
                path.write_text(want, encoding="utf-8")
    return drift


def _sync_navigation(nbs: list[Notebook], write: bool) -> list[str]:
    drift = []
    for i, nb in enumerate(nbs):
        data = nbformat.read(nb.path, as_version=4)
        cell, want = _nav_cell(data), navigation(nbs, i)
        if cell is None:
            drift.append(f"{nb.path.name}: no markdown cell tagged '{NAV_TAG}'")
        elif "".join(cell["source"]) != want:
            drift.append(f"{nb.path.name}: navigation links are out of date")
            if write:
                cell["source"] = want
                nbformat.write(data, nb.path)
    return drift


def sync(root: Path | None = None, write: bool = False) -> list[str]:
    """Compare (or, with ``write``, rewrite) everything generated in the repository's files: the
    README course map, the chronology and actors pages, the guide's skills table, the navigation
    cells. Returns one line per place that is (or was) out of date."""
    root = root or repo_root()
    block = readme_block(root).removeprefix(START + "\n").removesuffix("\n" + END)
    drift = _sync_block(root / "README.md", START, END, block, "course map", write)
    drift += _sync_pages(root, write)
    guide = root / "exercises" / "INSTRUCTORS.md"
    if guide.is_file() and (root / "exercises" / "source").is_dir():
        from ..exercises.skills import skills_table
        from .plans import EIGHT_WEEKS, FOUR_WEEKS, plan_table

        drift += _sync_block(guide, SKILLS_START, SKILLS_END, skills_table(root), "skills table", write)
        for weeks, plan in (("4", FOUR_WEEKS), ("8", EIGHT_WEEKS)):
            drift += _sync_block(guide, f"<!-- plan-{weeks}:start -->", f"<!-- plan-{weeks}:end -->",
                                 plan_table(plan, root), f"{weeks}-week plan", write)
    return drift + _sync_navigation(notebooks(root), write)
