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
