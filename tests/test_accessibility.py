"""Automated accessibility audits (issue 13.3): axe-core's WCAG 2 A and AA rules, run in Debian's
Chromium against every page of the static site, the Voila dashboard, and one notebook of each kind
(orientation, case, theme, data) open and run in JupyterLab.

axe comes from PyPI's ``axe-playwright-python`` (requirements-dev.txt), which bundles axe-core's
``axe.min.js``; the file is injected into each page and run there. Every page's violations are
printed (and written to tests/artifacts/accessibility.txt) as counts of failing elements by impact
(critical, serious, moderate, minor) with the rule ids. The kit's own pages must have no serious or
critical violation. In JupyterLab only what lies inside the notebook's cells (``.jp-Notebook
.jp-Cell``: the kit's Markdown, code and outputs) counts; JupyterLab's own chrome (menus, side bars,
status bar) is reported on a separate line and not counted against the kit.

Nothing is left out of the audit silently: the few findings inside the cells that come from
JupyterLab or ipywidgets themselves, and that no file of the kit can change, are listed in
``NOT_THE_KITS_IN_LAB`` with the reason, matched narrowly (rule and element), and still printed, as
"excluded". The static site and the dashboard have no exclusions. Every page must also load
nothing from other hosts (requests to them are blocked and fail the test).
"""

from __future__ import annotations

import os
import re
from collections import Counter
from pathlib import Path

import pytest
from servers import ALL_DRAWN, CHROMIUM, REPO, TOKEN, chromium_context, lab, voila

from campaignkit.course import notebooks

if not CHROMIUM:
    if os.environ.get("CI") == "true":
        pytest.fail("CI=true but Chromium is missing: .ci/run must install Debian's chromium", pytrace=False)
    pytest.skip("Chromium is not installed (apt-get install chromium)", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api")
axe_package = pytest.importorskip("axe_playwright_python", reason="pip install -r requirements-dev.txt")

AXE_JS = Path(axe_package.__file__).parent / "axe.min.js"
ARTIFACTS = REPO / "tests" / "artifacts"
REPORT = ARTIFACTS / "accessibility.txt"
IMPACTS = ("critical", "serious", "moderate", "minor")
BLOCKING = ("critical", "serious")

#: Run axe (WCAG 2.0 A and AA rules) on the whole document; one row per failing element, marked
#: ``kit`` when it lies inside ``scope`` (every element when scope is null) and ``excluded`` when it
#: matches one of the known findings of JupyterLab or Voila themselves.
RUN_AXE = """async ([scope, notTheKits]) => {
  const result = await axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa']},
                                          resultTypes: ['violations']});
  // the element (or, in a shadow DOM, its host); one that cannot be found counts as the kit's
  const find = t => { try { return document.querySelector(Array.isArray(t) ? t[0] : t); } catch (e) { return null; } };
  return result.violations.flatMap(v => v.nodes.map(n => {
    const el = n.target.length === 1 ? find(n.target[0]) : null;
    const why = notTheKits.find(([rule, sel]) => rule === v.id && el && el.closest(sel));
    return {rule: v.id, impact: n.impact || v.impact, target: JSON.stringify(n.target),
            html: n.html.slice(0, 200), summary: n.failureSummary,
            kit: !scope || !el || !!el.closest(scope), excluded: why ? why[2] : null};
  }));
}"""

#: Findings inside JupyterLab's cells that come from JupyterLab or ipywidgets and that no file of the
#: kit can change: (axe rule, CSS selector the element must match or lie in, why). Each is matched
#: on rule AND element; they are printed as "excluded", never dropped.
NOT_THE_KITS_IN_LAB = [
    # every code cell's editor: CodeMirror 6 as JupyterLab 4.6 sets it up, a role="textbox" with no
    # name, in a scroller that is not focusable itself (the editor inside it is)
    ("aria-input-field-name", ".jp-InputArea-editor .cm-content", "JupyterLab's code editor has no accessible name"),
    ("scrollable-region-focusable", ".jp-InputArea-editor .cm-scroller",
     "JupyterLab's code editor scroller is not itself focusable"),
    # ipywidgets 8.1.9's slider view creates the noUiSlider handles (role="slider") and never ties
    # its description label to them; Python sets no DOM attribute. The Voila template names them
    # (share/jupyter/voila/templates/campaignkit), so the dashboard is audited without this.
    ("aria-input-field-name", ".widget-slider .noUi-handle", "ipywidgets' slider handles have no accessible name"),
]

SITE_PAGES = ["index", *(nb.path.stem for nb in notebooks()), "glossary", "chronology", "actors", "datacard"]
#: one notebook of each kind: orientation, case study, theme, working with the data
LAB_NOTEBOOKS = ["00-start-here", "02-case-russia", "08-timing", "11-working-with-the-data"]


def audit(page, name: str, scope: str | None = None, not_the_kits=()) -> list[dict]:
    """Run axe on ``page``; print and record its counts; return the kit's blocking findings."""
    page.add_script_tag(path=str(AXE_JS))
    rows = page.evaluate(RUN_AXE, [scope, [list(x) for x in not_the_kits]])
    kit = [r for r in rows if r["kit"] and not r["excluded"]]
    lines = [_line(f"{name}, the kit's cells" if scope else name, kit)]
    if scope:
        lines.append(_line(f"{name}, JupyterLab's own chrome (not counted)", [r for r in rows if not r["kit"]]))
    excluded = [r for r in rows if r["kit"] and r["excluded"]]
    if excluded:
        why = "; ".join(sorted({r["excluded"] for r in excluded}))
        lines.append(_line(f"{name}, in the cells but excluded ({why})", excluded))
    print("\n" + "\n".join(lines))
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with open(REPORT, "a", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    return [r for r in kit if r["impact"] in BLOCKING]


def _line(name: str, rows: list[dict]) -> str:
    by_impact = Counter(r["impact"] for r in rows)
    rules = Counter(f"{r['rule']} ({r['impact']})" for r in rows)
    counts = ", ".join(f"{i} {by_impact[i]}" for i in IMPACTS)
    return f"{name}: {counts}" + (f"; rules: {', '.join(f'{k} x{n}' for k, n in sorted(rules.items()))}"
                                  if rules else "")


def _explain(blocking: list[dict]) -> str:
    return "\n".join(f"- {r['rule']} ({r['impact']}) at {r['target']}: {r['html']}\n  {r['summary']}"
                     for r in blocking[:15])


@pytest.fixture(scope="module")
def playwright():
    REPORT.unlink(missing_ok=True)
    with sync_api.sync_playwright() as p:
        yield p


@pytest.fixture(scope="module")
def context(playwright):
    ctx = chromium_context(playwright, viewport={"width": 1280, "height": 900})
    ctx.external = []   # requests to other hosts: blocked, and each fails the test that made it
    ctx.route(re.compile(r"^https?://(?!127\.0\.0\.1[:/]|localhost[:/])"),
              lambda route: (ctx.external.append(route.request.url), route.abort()))
    yield ctx
    ctx.close()


@pytest.fixture
def browser(context):
    """The module's browser context, checked after each test for requests to other hosts."""
    context.external.clear()
    yield context
    assert not context.external, f"requests to other hosts: {context.external}"


# --- the static site ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def site(tmp_path_factory):
    from campaignkit.course.site import build_site

    out = tmp_path_factory.mktemp("site")
    build_site(out, log=lambda _: None)
    return out


@pytest.mark.parametrize("name", SITE_PAGES)
def test_static_site_page_has_no_serious_violation(site, browser, name):
    page = browser.new_page()
    try:
        page.goto((site / f"{name}.html").as_uri())
        if page.locator(".plotly-graph-div").count():   # audit the charts as drawn, not their empty boxes
            page.wait_for_function("() => [...document.querySelectorAll('.plotly-graph-div')]"
                                   ".every(d => d.querySelector('.main-svg'))", timeout=30_000)
        blocking = audit(page, f"site {name}.html")
    finally:
        page.close()
    assert not blocking, f"{name}.html:\n{_explain(blocking)}"


# --- the Voila dashboard -----------------------------------------------------------------------



def test_dashboard_has_no_serious_violation(browser, tmp_path):
    with voila(tmp_path) as url:
        page = browser.new_page()
        try:
            page.goto(url, wait_until="commit")
            page.wait_for_function(ALL_DRAWN, timeout=60_000, polling=200)
            blocking = []
            for tab in ("Platforms", "Languages", "Timing"):   # axe skips what is hidden: each tab shown
                page.locator(".ck-dashboard .lm-TabBar-tab", has_text=tab).click()
                page.locator(f".ck-explorer-{tab.lower()} .ck-row").wait_for(state="visible", timeout=10_000)
                page.wait_for_timeout(300)   # the chart takes its width
                blocking += audit(page, f"dashboard (Voila), {tab} tab")
        finally:
            page.close()
    assert not blocking, f"dashboard:\n{_explain(blocking)}"


# --- notebooks in JupyterLab -------------------------------------------------------------------

@pytest.fixture(scope="module")
def jupyterlab(tmp_path_factory):
    with lab(tmp_path_factory.mktemp("lab")) as base:
        yield base


KERNEL_IDLE = """() => { const w = window.jupyterapp && window.jupyterapp.shell.currentWidget;
    const k = w && w.sessionContext && w.sessionContext.session && w.sessionContext.session.kernel;
    return k && k.connectionStatus === 'connected' && k.status === 'idle'; }"""
#: every code cell of the notebook has run (read from the model: see TOOLCHAIN.md on windowing)
ALL_RUN = """() => { const w = window.jupyterapp.shell.currentWidget;
    const k = w.sessionContext.session.kernel;
    const cells = [...w.content.model.cells].filter(c => c.type === 'code');
    return k.status === 'idle' && cells.every(c => c.executionCount !== null); }"""


@pytest.mark.parametrize("stem", LAB_NOTEBOOKS)
def test_notebook_in_jupyterlab_has_no_serious_violation_in_its_cells(jupyterlab, browser, stem):
    page = browser.new_page()
    try:
        page.goto(f"{jupyterlab}/lab/tree/notebooks/{stem}.ipynb?token={TOKEN}&reset")
        page.wait_for_selector(".jp-NotebookPanel .jp-Cell .jp-RenderedMarkdown", timeout=60_000)
        page.wait_for_function(KERNEL_IDLE, timeout=60_000)
        for _ in range(3):   # Run All can race the kernel's start: retry until every cell has run
            page.evaluate("window.jupyterapp.commands.execute('notebook:run-all-cells')")
            try:
                page.wait_for_function(ALL_RUN, timeout=120_000, polling=500)
                break
            except sync_api.TimeoutError:
                continue
        else:
            raise AssertionError(f"{stem}: the cells did not all run in JupyterLab")
        if page.locator(".jp-Notebook .js-plotly-plot").count():
            page.wait_for_function("() => [...document.querySelectorAll('.jp-Notebook .js-plotly-plot')]"
                                   ".every(d => d.querySelector('.main-svg'))", timeout=30_000)
        blocking = audit(page, f"JupyterLab {stem}.ipynb", scope=".jp-Notebook .jp-Cell",
                         not_the_kits=NOT_THE_KITS_IN_LAB)
    finally:
        page.close()
    assert not blocking, f"{stem}.ipynb:\n{_explain(blocking)}"
