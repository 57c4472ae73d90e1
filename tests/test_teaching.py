"""How the notebooks teach (issue 11): skills before assessment, visible pandas first, answers for
self-learners, times that add up, and tables that can be read whole."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from test_notebooks import NOTEBOOKS, cells, tags, text

from campaignkit.exercises import skills

REPO = Path(__file__).resolve().parent.parent
#: case notebooks (02-05) and theme notebooks (06-10): the central results are computed in pandas
ANALYSIS_NOTEBOOKS = [p for p in NOTEBOOKS if 2 <= int(p.name[:2]) <= 10]
VISIBLE_SHARE = 0.6

PANDAS_HINT = re.compile(skills.OPERATIONS.pattern + r"|\[\s*[\"'\[]|\[[a-z_]+\[|\]\s*==|\.columns\b")


def analysis_cells(path: Path) -> list[str]:
    """Code cells that analyse: not setup, parameters, focus, sources, guesses or feedback."""
    out = []
    for c in cells(path):
        src = text(c)
        if c["cell_type"] != "code" or {"parameters", "focus"} & set(tags(c)):
            continue
        if "import campaignkit" in src or "ck.cite(" in src or re.fullmatch(r"\s*(my_guess|answer)\s*=.*", src):
            continue
        if re.search(r"display\.(compare_guess|self_check)\(", src) and len(src.splitlines()) <= 2:
            continue
        out.append(src)
    return out


def shows_pandas(src: str) -> bool:
    return bool(PANDAS_HINT.search(src))


def share(path: Path) -> float:
    work = analysis_cells(path)
    return sum(shows_pandas(s) for s in work) / len(work) if work else 0.0


@pytest.mark.parametrize("path", ANALYSIS_NOTEBOOKS, ids=lambda p: p.stem)
def test_central_results_are_computed_in_visible_pandas(path):
    assert share(path) >= VISIBLE_SHARE, f"{path.name}: {share(path):.0%} of analysis cells show pandas"


def test_skills_are_taught_before_they_are_assessed():
    assert not skills.untaught(REPO), f"operations assessed before a notebook shows them: {skills.untaught(REPO)}"


def test_the_instructor_guide_has_the_current_skills_table():
    guide = (REPO / "exercises" / "INSTRUCTORS.md").read_text(encoding="utf-8")
    assert skills.skills_table(REPO) in guide, "run `campaignkit course --write`"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_check_question_has_an_answer_block(path):
    check = next(text(c) for c in cells(path) if text(c).startswith("## Check your understanding"))
    questions = re.findall(r"^\d+\. ", check, re.M)
    blocks = re.findall(r"<details>\s*<summary>[^<]+</summary>(.*?)</details>", check, re.S)
    assert len(blocks) == len(questions), f"{len(questions)} questions, {len(blocks)} answer blocks"
    assert all(b.strip() for b in blocks), "an empty answer block"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_section_times_add_up(path):
    meta = json.loads(path.read_text(encoding="utf-8"))["metadata"]["campaignkit"]
    sections = meta.get("sections")
    assert sections, "metadata.campaignkit.sections is missing"
    assert sum(s["minutes"] for s in sections) == meta["minutes"]
    headings = [ln for c in cells(path) if c["cell_type"] == "markdown" for ln in text(c).splitlines()
                if re.match(r"## \d+\. ", ln)]
    for h in headings:
        m = re.search(r"\((optional, )?(\d+) min\)\s*$", h)
        assert m, f"no time in {h!r}"
        title = re.sub(r"\s*\((optional, )?\d+ min\)\s*$", "", h[3:])
        match = [s for s in sections if s["title"] == title]
        assert match, f"{title!r} not in metadata sections"
        assert match[0]["minutes"] == int(m.group(2)) and match[0]["core"] == (not m.group(1))
