"""Build the handout edition: one PDF per notebook, the exercise sets, the instructor guide, the chronology.

``campaignkit handouts [OUT]`` (or ``make handouts``) renders each notebook once to HTML exactly as
the static site does (executed, widgets replaced by their default table, one local plotly.js), adds
a print stylesheet (A4, code wrapped, tables whole, a page break before each section, the address
printed after each external link, fonts for Persian, Chinese, Korean and Russian), turns every chart
into a static SVG image with its title as a caption, and prints the page with Debian's Chromium
through Playwright (offline; never a downloaded browser). The exercise sets' student copies are
printed unexecuted, as worksheets.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path

import nbformat
from nbconvert import HTMLExporter
from nbconvert.filters.markdown_mistune import markdown2html_mistune

from ..repo import numbered, repo_root
from .learning_path import notebooks
from .site import EXTERNAL_TAG, PAGE, PLOTLY_JS, _render_notebook

__all__ = ["build_handouts", "PRINT_CSS"]

FONTS = '"DejaVu Sans", "Noto Sans", "Noto Sans Arabic", "WenQuanYi Micro Hei", "Noto Sans CJK SC", sans-serif'
PRINT_CSS = f"""<style id="kit-print">
@page {{ size: A4; margin: 15mm 14mm 16mm 14mm; }}
html, body {{ font-family: {FONTS} !important; font-size: 10.5pt; line-height: 1.45; }}
body {{ max-width: none !important; margin: 0 !important; padding: 0 !important; }}
.jp-Notebook, .jp-Cell, .jp-OutputArea-output, .jp-RenderedHTMLCommon {{ overflow: visible !important;
  max-width: 100% !important; padding-left: 0 !important; padding-right: 0 !important; }}
.jp-InputPrompt, .jp-OutputPrompt, .jp-Collapser {{ display: none !important; }}
pre, code, .jp-RenderedText pre {{ white-space: pre-wrap !important; overflow-wrap: anywhere;
  word-break: break-word; font-family: "DejaVu Sans Mono", "WenQuanYi Micro Hei Mono", monospace; }}
pre {{ font-size: 8.5pt !important; }}
table {{ border-collapse: collapse; max-width: 100%; font-size: 8.5pt; table-layout: auto; }}
td, th {{ overflow-wrap: break-word; vertical-align: top; }}
.anchor-link, .jp-InternalAnchorLink {{ display: none !important; }}
tr, img.kit-chart, figure {{ break-inside: avoid; }}
thead {{ display: table-header-group; }}
h1, h2, h3 {{ break-after: avoid; }}
h2 {{ break-before: page; }}
h2.kit-first, .kit-set h2 {{ break-before: auto; }}
.kit-chart {{ display: block; width: 100%; height: auto; margin: .3rem 0; }}
.kit-caption {{ font-size: 9pt; color: #333; margin: 0 0 .6rem; }}
a {{ color: #0645ad; }}
a[href^="http"]::after {{ content: " <" attr(href) ">"; font-size: 8pt; color: #333; overflow-wrap: anywhere; }}
.widget-area, .jupyter-widgets, .jp-OutputArea-output[data-mime-type*="widget"] {{ display: none !important; }}
</style>"""
# Every plotly chart becomes a static SVG image (a PNG at twice the size if it has pattern fills) as
# wide as the printed column, captioned with its title (or its accessible name, if it has one), so
# nothing is cut at the page's right edge; short
# table cells stay on one line; the first section follows the introduction without a page break.
CHARTS_TO_IMAGES = """async (width) => {
  const charts = typeof Plotly === 'undefined' ? [] : [...document.querySelectorAll('.js-plotly-plot')];
  for (const gd of charts) {
    const height = (gd._fullLayout && gd._fullLayout.height) || 450;
    // pattern fills print as one PDF pattern per bar: a 2x PNG is a fifth of their size
    const format = gd.querySelector('pattern') ? 'png' : 'svg';
    const url = await Plotly.toImage(gd, {format: format, width: width, height: height, scale: 2});
    const img = document.createElement('img');
    img.className = 'kit-chart';
    const title = (gd._fullLayout && gd._fullLayout.title && gd._fullLayout.title.text) || '';
    const label = gd.getAttribute('aria-label') || title.replace(/<[^>]+>/g, ' ') || 'Chart';
    img.alt = label;
    img.src = url;
    await img.decode();
    const cap = document.createElement('p');
    cap.className = 'kit-caption';
    cap.textContent = 'Chart: ' + label;
    gd.replaceWith(img);
    img.after(cap);
    img.parentElement.style.height = 'auto';   // plotly's wrapper keeps the live chart's fixed height
  }
  for (const cell of document.querySelectorAll('td, th'))   // keep short values (dates) on one line
    if (cell.textContent.trim().length <= 12) cell.style.whiteSpace = 'nowrap';
  const first = document.querySelector('h2');
  if (first) first.classList.add('kit-first');
  return charts.length;
}"""
CHART_WIDTH = 900


# The lab template's widget loader fetches its renderer from unpkg.com; a handout has no widgets
WIDGET_SCRIPTS = re.compile(r"<script>\s*\(function\(\) \{\s*function addWidgetsRenderer.*?</script>"
                            r'|<script type="application/vnd\.jupyter\.widget-state\+json">.*?</script>', re.S)


def _printable(html: str) -> str:
    """The page without the widget loader and with the print stylesheet last in its head, so it wins
    over the template's styles."""
    html = WIDGET_SCRIPTS.sub("", html)
    return html.replace("</head>", PRINT_CSS + "</head>", 1) if "</head>" in html else PRINT_CSS + html


def _body(html: str) -> str:
    found = re.search(r"<body[^>]*>(.*)</body>", html, re.S)
    return found.group(1) if found else html


def _exercise_sets(root: Path, exporter: HTMLExporter) -> str:
    """The student copies, unexecuted, one after another in one page (a page break between sets,
    none between a set's tasks)."""
    pages = [EXTERNAL_TAG.sub("", exporter.from_notebook_node(nbformat.read(p, as_version=4))[0])
             for p in numbered(root / "exercises")]   # without the template's CDN scripts, as the site
    if not pages:
        return PAGE.format(title="Exercise sets", body="<p>No exercise sets.</p>")
    bodies = "".join(f'<section class="kit-set" style="break-before:page">{_body(p)}</section>' for p in pages)
    cover = "<h1>Exercise sets: student copies</h1><p>One set per notebook, as students receive them.</p>"
    return re.sub(r"(<body[^>]*>).*</body>", lambda m: m.group(1) + cover + bodies + "</body>", pages[0],
                  count=1, flags=re.S)


def _markdown(path: Path, title: str) -> str:
    return PAGE.format(title=title, body=markdown2html_mistune(path.read_text(encoding="utf-8")))


def _documents(root: Path, exporter: HTMLExporter, timeout: int):
    """(pdf name, a function returning the page's HTML) for each handout, in the course's order."""
    for nb in notebooks(root):
        yield nb.path.stem, (lambda nb=nb: _render_notebook(nb.path, exporter, timeout))
    yield "exercise-sets", lambda: _exercise_sets(root, exporter)
    yield "instructor-guide", lambda: _markdown(root / "exercises" / "INSTRUCTORS.md", "Instructor guide")
    yield "chronology", lambda: _markdown(root / "notebooks" / "chronology.md", "Chronology")


def _chromium():
    from playwright.sync_api import sync_playwright

    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    if executable is None:
        raise RuntimeError("handouts need Chromium (Debian: apt-get install chromium)")
    return sync_playwright, executable


def build_handouts(out: str | Path = "handouts", only: list[str] | None = None, timeout: int = 300,
                   log=print) -> list[Path]:
    """Write one PDF per document into ``out`` and return their paths; ``only`` limits the documents
    to those names (e.g. ``["07-languages", "chronology"]``). ``log`` gets one line per document. A
    notebook that fails to run is reported and skipped; RuntimeError at the end names every one."""
    import plotly

    sync_playwright, executable = _chromium()
    root, out = repo_root(), Path(out)
    out.mkdir(parents=True, exist_ok=True)
    exporter = HTMLExporter(template_name="lab", exclude_input_prompt=True, exclude_output_prompt=True)
    docs = [(name, make) for name, make in _documents(root, exporter, timeout) if not only or name in only]
    written, failed = [], []
    with tempfile.TemporaryDirectory() as work, sync_playwright() as pw:
        work = Path(work)
        shutil.copy(Path(plotly.__file__).parent / "package_data" / PLOTLY_JS, work / PLOTLY_JS)
        browser = pw.chromium.launch(executable_path=executable, headless=True, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"])
        page = browser.new_page(viewport={"width": 800, "height": 1100})
        blocked = []   # offline: a request for anything but the local files is refused and counted
        page.route(re.compile(r"^https?://"), lambda route: (blocked.append(route.request.url), route.abort()))
        for i, (name, make) in enumerate(docs, start=1):
            html_path, pdf = work / f"{name}.html", out / f"{name}.pdf"
            try:
                html_path.write_text(_printable(make()), encoding="utf-8")
            except Exception as exc:   # a notebook that fails to run: print the others, then say so
                log(f"[{i}/{len(docs)}] {name}: NOT PRINTED, {type(exc).__name__}: {str(exc).strip()[-300:]}")
                failed.append(name)
                continue
            page.goto(html_path.as_uri(), wait_until="load")
            charts = page.evaluate(CHARTS_TO_IMAGES, CHART_WIDTH)
            page.emulate_media(media="print")
            # outline: the headings as the PDF's bookmarks (a table of contents in any reader);
            # tagged: the page structure kept for screen readers and text reflow
            page.pdf(path=str(pdf), format="A4", print_background=True, prefer_css_page_size=True,
                     outline=True, tagged=True,
                     display_header_footer=True, header_template="<span></span>",
                     footer_template='<div style="font-size:8px;width:100%;text-align:center">'
                                     f'{name} · <span class="pageNumber"></span>/<span class="totalPages">'
                                     '</span></div>')
            note = f", {len(blocked)} network requests refused ({blocked[0]} ...)" if blocked else ""
            log(f"[{i}/{len(docs)}] {pdf.name}: {charts} charts, {pdf.stat().st_size // 1024} KB{note}")
            blocked.clear()
            written.append(pdf)
        browser.close()
    if failed:
        raise RuntimeError(f"{len(failed)} of {len(docs)} documents not printed (see above): {', '.join(failed)}")
    return written
