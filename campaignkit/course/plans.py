"""Session plans whose times add up: the four-week unit and the eight-week course of the guide.

A plan lists, per session, the notebook sections done in class (by number; "core" means every core
section) and the minutes of briefing or discussion around them; per week, the notebooks and
exercise sets left for independent work. Minutes come from the notebooks' and sets' metadata, so
``campaignkit course --write`` regenerates the guide's tables whenever a notebook's time changes,
and :func:`problems` lists any session over 90 minutes (a test keeps it empty).

>>> plan_table(FOUR_WEEKS).count("| 90 min") == 0 and "notebook 00 core (" in plan_table(FOUR_WEEKS)
True
>>> problems(FOUR_WEEKS) + problems(EIGHT_WEEKS)
[]
"""

from __future__ import annotations

import json
from pathlib import Path

from ..exercises.catalogue import sets
from ..repo import repo_root
from .learning_path import notebooks

__all__ = ["FOUR_WEEKS", "EIGHT_WEEKS", "plan_table", "problems", "SESSION_MINUTES"]

SESSION_MINUTES = 90
Session = tuple[list[tuple[str, str]], int, str]          # ([(notebook, "core" | "1-3")], extra min, what)
Week = tuple[str, list[Session], list[str], list[str]]    # (theme, sessions, notebooks on one's own, sets)

FOUR_WEEKS: list[Week] = [
    ("Public recruitment as a phenomenon",
     [([("00", "core"), ("01", "1-3")], 30, "briefing (10), discussion of the atlas (20)"),
      ([("02", "core")], 10, "discussion of Russia's answers")],
     ["01"], ["01", "02"]),
    ("Cases and answers",
     [([("03", "core")], 20, "discussion: two vocabularies"),
      ([("04", "core")], 20, "discussion: what the data cannot show")],
     ["05"], ["03", "04", "05"]),
    ("Platforms, languages, timing",
     [([("06", "core")], 25, "the dashboard's explorers in pairs"),
      ([("08", "core")], 25, "debate: timing as evidence")],
     ["07"], ["06", "07", "08"]),
    ("Messages, claims and the data",
     [([("09", "core")], 15, "agreement of two students' coding"),
      ([("10", "core")], 30, "presentations: a release added to a copy of the data")],
     ["11"], ["09", "10", "11"]),
]

EIGHT_WEEKS: list[Week] = [
    ("Orientation", [([("00", "core")], 20, "briefing (10), discussion (10)"),
                     ([("01", "core")], 20, "discussion of the atlas")], [], ["01"]),
    ("Russia", [([("02", "core")], 10, "discussion")], [], ["02"]),
    ("China", [([("03", "core")], 20, "discussion: two vocabularies")], [], ["03"]),
    ("Iran, North Korea, mirror campaigns", [([("04", "core")], 20, "discussion"),
                                            ([("05", "core")], 20, "discussion")], [], ["04", "05"]),
    ("Platforms and languages", [([("06", "core")], 25, "explorers in pairs"),
                                 ([("07", "core")], 30, "explorers in pairs")], [], ["06", "07"]),
    ("Timing and chance", [([("08", "core")], 30, "debate: timing as evidence")], [], ["08"]),
    ("Messages and claims", [([("09", "core")], 20, "coding in pairs"),
                             ([("10", "core")], 30, "discussion")], [], ["09", "10"]),
    ("The data, then and now", [([("11", "core")], 30, "presentations"),
                                ([("12", "core")], 20, "discussion: what is new")], [], ["11", "12"]),
]


def _sections(root: Path) -> dict[str, list[dict]]:
    return {nb.path.name[:2]: json.loads(nb.path.read_text(encoding="utf-8"))["metadata"]["campaignkit"]["sections"]
            for nb in notebooks(root)}


def _minutes(sections: list[dict], part: str) -> int:
    if part == "core":
        return sum(s["minutes"] for s in sections if s["core"])
    first, last = (int(x) for x in part.split("-"))
    numbered = [s for s in sections if s["title"].split(".")[0].isdigit()]
    return sum(s["minutes"] for s in numbered if first <= int(s["title"].split(".")[0]) <= last)


def _session_minutes(session: Session, sections: dict[str, list[dict]]) -> int:
    parts, extra, _ = session
    return extra + sum(_minutes(sections[nb], part) for nb, part in parts)


def problems(plan: list[Week], root: Path | None = None) -> list[str]:
    """Sessions longer than :data:`SESSION_MINUTES` (empty when every session fits)."""
    sections = _sections(root or repo_root())
    return [f"week {w} session {s}: {_session_minutes(sess, sections)} min"
            for w, (_, sessions, _, _) in enumerate(plan, 1) for s, sess in enumerate(sessions, 1)
            if _session_minutes(sess, sections) > SESSION_MINUTES]


def plan_table(plan: list[Week], root: Path | None = None) -> str:
    """Markdown: week, session, what happens in class (minutes), independent work (minutes)."""
    root = root or repo_root()
    sections, set_minutes = _sections(root), {s.name[:2]: s.minutes or 0 for s in sets(root)}
    lines = ["| Week | Session | In class (90 min) | Independent work that week |", "|---|---|---|---|"]
    for w, (theme, sessions, own, exercise) in enumerate(plan, 1):
        alone = sum(_minutes(sections[nb], "core") for nb in own) + sum(set_minutes[s] for s in exercise)
        work = ", ".join([*(f"notebook {nb} (core, {_minutes(sections[nb], 'core')} min)" for nb in own),
                          *(f"exercises {s} ({set_minutes[s]} min)" for s in exercise)])
        for s, session in enumerate(sessions, 1):
            parts, extra, what = session
            done = " + ".join(f"notebook {nb} {'core' if part == 'core' else 'sections ' + part} "
                              f"({_minutes(sections[nb], part)} min)" for nb, part in parts)
            total = _session_minutes(session, sections)
            week = f"{w}. {theme}" if s == 1 else ""
            cell = f"{work}: about {alone // 60} h {alone % 60:02d} min" if s == 1 else ""
            what = what if "(" in what else f"{what} ({extra} min)"
            lines.append(f"| {week} | {s} | {done} + {what} = {total} min | {cell} |")
    return "\n".join(lines)
