"""The learning path's notebooks: skeleton, metadata, cell sizes, links (they run under nbval)."""

from __future__ import annotations

import json
import re
import statistics
from pathlib import Path

import pytest
from conftest import REPO

NB_DIR = REPO / "notebooks"
NOTEBOOKS = sorted(NB_DIR.glob("[0-9][0-9]-*.ipynb"))
MAX_CODE_LINES = 15          # STYLE.md: "rarely over 15"; the hard limit is 20
MAX_MEDIAN_CODE_LINES = 6    # "median about 5"
LINK = re.compile(r"(?<!\!)\[[^\]]+\]\(([^)\s]+)\)")


def cells(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def text(cell: dict) -> str:
    return "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]


def tags(cell: dict) -> list[str]:
    return cell.get("metadata", {}).get("tags", [])


def code_lines(cell: dict) -> int:
    return len([ln for ln in text(cell).splitlines() if ln.strip()])


def slug(heading: str) -> str:
    """GitHub's anchor for a markdown heading."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def anchors_of_markdown(markdown: str) -> set[str]:
    return {slug(m) for m in re.findall(r"^#{1,6}\s+(.+?)\s*$", markdown, re.M)}


def anchors_of(path: Path) -> set[str]:
    if path.suffix == ".ipynb":
        return anchors_of_markdown("\n".join(text(c) for c in cells(path) if c["cell_type"] == "markdown"))
    return anchors_of_markdown(path.read_text(encoding="utf-8"))


def broken_links(markdown: str, base: Path, own_anchors: set[str]) -> list[str]:
    broken = []
    for target in LINK.findall(markdown):
        if target.startswith(("http://", "https://", "mailto:")):
            continue
        path_part, _, anchor = target.partition("#")
        dest = (base / path_part).resolve() if path_part else None
        if dest is not None and not dest.exists():
            broken.append(target)
        elif anchor:
            known = anchors_of(dest) if dest is not None else own_anchors
            if anchor not in known:
                broken.append(target)
    return broken


def test_the_path_has_thirteen_notebooks_in_order():
    orders = [json.loads(p.read_text())["metadata"]["campaignkit"]["order"] for p in NOTEBOOKS]
    assert orders == list(range(13)), [p.name for p in NOTEBOOKS]
    assert all(p.name.startswith(f"{o:02d}-") for p, o in zip(NOTEBOOKS, orders))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_metadata(path):
    meta = json.loads(path.read_text())["metadata"]["campaignkit"]
    assert meta["title"] and 5 <= meta["minutes"] <= 120
    assert 3 <= len(meta["objectives"]) <= 5
    assert meta["parameter"]["name"].isupper() and meta["parameter"]["domain"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_skeleton(path):
    cs = cells(path)
    meta = json.loads(path.read_text())["metadata"]["campaignkit"]
    head = text(cs[0])
    assert head.startswith(f"# {meta['order']:02d} · {meta['title']}")
    for part in ("**Why it matters.**", "**Learning objectives.**", "**Prerequisites:**", "**Time needed:**"):
        assert part in head, part
    for i, objective in enumerate(meta["objectives"], 1):
        assert f"{i}. {objective}" in head
    headings = [ln for c in cs if c["cell_type"] == "markdown" for ln in text(c).splitlines()
                if ln.startswith("## ")]
    numbered = [h for h in headings if re.match(r"## \d+\. ", h)]
    assert len(numbered) >= 2
    assert [int(re.match(r"## (\d+)\.", h).group(1)) for h in numbered] == list(range(1, len(numbered) + 1))
    fixed = ["## About this data", "## Check your understanding", "## Key points", "## Next steps",
             "## Further reading", "## Sources"]
    positions = [next(i for i, h in enumerate(headings) if h.startswith(f)) for f in fixed]
    assert positions == sorted(positions), headings
    questions = next(text(c) for c in cs if text(c).startswith("## Check your understanding"))
    assert len(re.findall(r"^\d+\. ", questions, re.M)) >= 3
    reading_at = next(i for i, c in enumerate(cs) if text(c).startswith("## Further reading"))
    assert f'ck.further_reading("{path.stem}")' in text(cs[reading_at + 1])
    sources_at = next(i for i, c in enumerate(cs) if text(c).startswith("## Sources"))
    assert "ck.cite(" in text(cs[sources_at + 1])
    assert "navigation" in tags(cs[-1])


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_setup_parameters_and_focus(path):
    cs = [c for c in cells(path) if c["cell_type"] == "code"]
    name = json.loads(path.read_text())["metadata"]["campaignkit"]["parameter"]["name"]
    setups = [c for c in cs if "import campaignkit as ck" in text(c)]
    assert len(setups) == 1 and cs[0] is setups[0], "exactly one setup cell, and it comes first"
    params = [c for c in cs if "parameters" in tags(c)]
    assert len(params) == 1 and re.search(rf"^{name} = ", text(params[0]), re.M)
    focus = [c for c in cs if "focus" in tags(c)]
    assert len(focus) == 1 and "check_parameter" in text(focus[0])


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_prose_first_and_short_cells(path):
    cs = cells(path)
    for prev, cell in zip(cs, cs[1:]):
        if cell["cell_type"] == "code" and not {"parameters", "focus"} & set(tags(cell)):
            assert prev["cell_type"] == "markdown", f"code without prose before it: {text(cell)[:60]!r}"
    for cell in cs:
        if cell["cell_type"] == "code":
            assert code_lines(cell) <= MAX_CODE_LINES, text(cell)[:80]
            src = text(cell)
            assert ".csv" not in src and "sys.path" not in src and "import *" not in src
            assert ".show()" not in src


def test_code_cells_are_short_on_the_whole():
    lengths = [code_lines(c) for p in NOTEBOOKS for c in cells(p) if c["cell_type"] == "code"]
    assert statistics.median(lengths) <= MAX_MEDIAN_CODE_LINES, statistics.median(lengths)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_links_resolve(path):
    markdown = "\n".join(text(c) for c in cells(path) if c["cell_type"] == "markdown")
    assert not broken_links(markdown, path.parent, anchors_of(path))


@pytest.mark.parametrize("doc", ["README.md", "datasets/README.md", "notebooks/glossary.md",
                                 "exercises/README.md"])
def test_document_links_resolve(doc):
    path = REPO / doc
    assert not broken_links(path.read_text(encoding="utf-8"), path.parent, anchors_of(path))


def test_glossary_headings_are_unique():
    headings = re.findall(r"^## (.+)$", (NB_DIR / "glossary.md").read_text(encoding="utf-8"), re.M)
    assert len(headings) >= 20 and len(headings) == len(set(headings))
