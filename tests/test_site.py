"""`make site`: a static HTML copy of the path that renders its figures with no network."""

from __future__ import annotations

import os
import re
import subprocess

import pytest
from servers import CHROMIUM, CHROMIUM_ARGS

from campaignkit.course import notebooks
from campaignkit.course.site import build_site


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    out = tmp_path_factory.mktemp("site")
    build_site(out)
    return out


def test_every_notebook_has_a_page(site):
    for nb in notebooks():
        assert (site / f"{nb.path.stem}.html").is_file()
    for page in ("index.html", "glossary.html", "datacard.html", "plotly.min.js"):
        assert (site / page).is_file()


def test_pages_load_nothing_from_the_network(site):
    for page in site.glob("*.html"):
        html = page.read_text(encoding="utf-8")
        remote = r'<script[^>]+src="https?:|<link[^>]+href="https?:|@import\s+url\(["\']?https?:'
        assert not re.search(remote, html), page.name
        # nor a script that builds such a tag at run time (nbconvert's widget-renderer loader)
        assert not re.search(r"['\"]https?://(unpkg\.com|cdn\.jsdelivr\.net|cdnjs\.)", html), page.name


def test_local_links_between_pages_resolve(site):
    for page in site.glob("*.html"):
        for target in re.findall(r'href="([^"#:]+\.html)', page.read_text(encoding="utf-8")):
            assert (site / target).is_file(), f"{page.name} -> {target}"


def test_figures_use_the_one_local_plotly(site):
    for nb in notebooks():
        html = (site / f"{nb.path.stem}.html").read_text(encoding="utf-8")
        if "figures." in nb.path.read_text(encoding="utf-8"):
            assert 'src="plotly.min.js"' in html and "Plotly.newPlot" in html, nb.path.name


@pytest.mark.skipif(not CHROMIUM and os.environ.get("CI") != "true",
                    reason="Chromium is not installed (apt-get install chromium); required under CI=true")
def test_a_browser_draws_the_figures_offline(site):
    assert CHROMIUM, "CI=true but Chromium is missing: .ci/run must install Debian's chromium"
    page = site / "02-case-russia.html"
    dom = subprocess.run([CHROMIUM, *CHROMIUM_ARGS, "--virtual-time-budget=8000", "--dump-dom",
                          page.as_uri()], capture_output=True, text=True, timeout=120).stdout
    assert dom.count('class="main-svg"') >= 2, "plotly did not draw in the static page"


#: a table cell or a text line cut short by pandas' display (50 characters, then "...")
TRUNCATED = re.compile(r"\w[^<>\n]{20,}\.\.\.</td>|\w[^<>\n]{20,}\.\.\.\s*$", re.M)


def test_no_text_is_cut_short_in_any_executed_notebook(site):
    """Every notebook ran for the site; no table cell or printed line ends in pandas' '...' cut."""
    cut = {}
    for nb in notebooks():
        html = (site / f"{nb.path.stem}.html").read_text(encoding="utf-8")
        outputs = "\n".join(re.findall(r'<div class="[^"]*jp-OutputArea-output[^"]*"[^>]*>(.*?)</div>', html, re.S))
        assert outputs, f"{nb.path.name}: no outputs found on its page (has the template changed?)"
        hits = TRUNCATED.findall(outputs)
        if hits:
            cut[nb.path.name] = hits[:3]
    assert not cut, f"text cut short (show it with display.show_full_text): {cut}"


def test_the_truncation_check_catches_a_cut_cell():
    assert TRUNCATED.search("<td>agency_mission, dignity, empowerment, family, ...</td>")
    assert not TRUNCATED.search("<td>...</td>")


@pytest.mark.skipif(not CHROMIUM and os.environ.get("CI") != "true",
                    reason="Chromium is not installed (apt-get install chromium); required under CI=true")
def test_an_answer_opens_on_click_in_the_static_site(site):
    from playwright.sync_api import sync_playwright
    from servers import chromium_context
    from test_answers_in_browser import check_a_details_block

    with sync_playwright() as p:
        ctx = chromium_context(p)
        page = ctx.pages[0]
        page.goto((site / "01-campaign-atlas.html").as_uri())
        check_a_details_block(page)
        ctx.close()


def test_every_figure_on_the_site_is_followed_by_its_description(site):
    """Each chart is followed by a caption that says in words what it shows, before the next chart."""
    undescribed, drawn = {}, 0
    for nb in notebooks():
        html = (site / f"{nb.path.stem}.html").read_text(encoding="utf-8")
        marks = sorted([(m.start(), "figure") for m in re.finditer(r'class="plotly-graph-div"', html)]
                       + [(m.start(), "caption") for m in re.finditer(r'class="ck-figure-description"', html)])
        kinds = [kind for _, kind in marks]
        drawn += kinds.count("figure")
        missing = sum(1 for i, kind in enumerate(kinds)
                      if kind == "figure" and (i + 1 == len(kinds) or kinds[i + 1] != "caption"))
        if missing:
            undescribed[nb.path.name] = f"{missing} of {kinds.count('figure')} figures"
        for caption in re.findall(r'class="ck-figure-description"[^>]*>(.*?)</p>', html, re.S):
            assert "What the chart shows:</b> " in caption and len(caption) > 80, (nb.path.name, caption)
            assert not re.search(r"\b0 (values|data points|releases)\b", caption), (nb.path.name, caption)
    assert drawn >= 20, f"only {drawn} figures on the whole site"
    assert not undescribed, f"figures without a description: {undescribed}"
