"""Answers for self-learners are collapsed until asked for: a `<details>` block in a notebook's
check-your-understanding cell is closed when the page opens and opens on a click, in JupyterLab
(this file) and in the static site (tests/test_site.py)."""

from __future__ import annotations

import os

import pytest
from servers import CHROMIUM, TOKEN, chromium_context, lab

if not CHROMIUM:
    if os.environ.get("CI") == "true":
        pytest.fail("CI=true but Chromium is missing: .ci/run must install Debian's chromium", pytrace=False)
    pytest.skip("Chromium is not installed (apt-get install chromium)", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api")

NOTEBOOK = "notebooks/01-campaign-atlas.ipynb"


def check_a_details_block(page) -> None:
    """The first answer block is closed, its summary is visible, and a click opens it."""
    details = page.locator("details").first
    details.scroll_into_view_if_needed()
    assert details.evaluate("d => d.open") is False, "the answer is shown before the student asks"
    body = details.evaluate("d => d.textContent.replace(d.querySelector('summary').textContent, '').trim()")
    assert body, "an empty answer block"
    details.locator("summary").click()
    page.wait_for_function("() => document.querySelector('details').open === true", timeout=5_000)


def test_an_answer_opens_on_click_in_jupyterlab(tmp_path):
    with lab(tmp_path) as base, sync_api.sync_playwright() as p:
        ctx = chromium_context(p, viewport={"width": 1300, "height": 1000})
        page = ctx.pages[0]
        page.goto(f"{base}/lab/tree/{NOTEBOOK}?token={TOKEN}&reset")
        page.wait_for_selector(".jp-MarkdownCell .jp-RenderedMarkdown details", timeout=90_000)
        summary = page.locator(".jp-RenderedMarkdown details summary").first
        assert summary.text_content().strip() == "Answer"
        check_a_details_block(page)
        ctx.close()
