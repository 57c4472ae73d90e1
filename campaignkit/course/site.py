"""Build a static HTML version of the learning path that works with no network.

``campaignkit site [OUT]`` (or ``make site``) executes every notebook, renders its
figures as HTML that loads one shared local copy of plotly.js (each followed by its description:
the kit's figures show their own; a plain plotly chart gets a generic one from
:func:`campaignkit.figures.describe`), drops the template's CDN scripts
(MathJax and require.js, which the pages do not need), and rewrites links between notebooks, the
glossary, the data card and the README to the built pages. Open ``OUT/index.html``.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbconvert import HTMLExporter
from nbconvert.filters.markdown_mistune import markdown2html_mistune

from ..figures import caption_html, describe
from ..repo import repo_root
from .learning_path import notebooks

__all__ = ["build_site", "SITE_RENDERER_SETUP", "site_renderer"]

PLOTLY_JS = "plotly.min.js"
SITE_RENDERER_SETUP = (
    "import plotly.io as _pio\n"
    "from campaignkit.course.site import site_renderer as _site_renderer\n"
    "_pio.renderers['kit_site'] = _site_renderer()\n"
    "_pio.renderers.default = 'kit_site'"
)
#: nbconvert's loader for mermaid diagrams (from cdnjs, only if a page has one; the kit has none)
MERMAID_LOADER = re.compile(r'<script type="module">\s*document\.addEventListener\("DOMContentLoaded".{0,300}?'
                            r'\.jp-Mermaid.*?</script>', re.S)
EXTERNAL_TAG = re.compile(r'<script[^>]+src="https?://[^"]*"[^>]*>\s*</script>|<link[^>]+href="https?://[^"]*"[^>]*>')
PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<style>body{{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.5}}
table{{border-collapse:collapse}}td,th{{border:1px solid #ccc;padding:.3rem .5rem;vertical-align:top}}</style>
</head><body>{body}</body></html>"""
#: Added to every notebook page (tests/test_accessibility.py runs axe's WCAG 2 A/AA rules on each):
#: links underlined, not told from the text by colour alone; code colours of JupyterLab's light
#: theme that fall short of 4.5:1 on the cells' #f5f5f5 (comments 4.17, `in`/`and` 4.39, numbers
#: 4.26, ...) replaced by darker shades of the same hues.
SITE_CSS = """<style>
.jp-RenderedHTMLCommon a:any-link {text-decoration: underline}
:root {--jp-mirror-editor-comment-color: #3b7575; --jp-mirror-editor-operator-color: #9a1fe6;
  --jp-mirror-editor-meta-color: #9a1fe6; --jp-mirror-editor-number-color: #007a00;
  --jp-mirror-editor-quote-color: #007a00; --jp-mirror-editor-atom-color: #5555dd;
  --jp-mirror-editor-bracket-color: #6b6b52; --jp-mirror-editor-error-color: #d00000}
</style>
"""


def site_renderer():
    """plotly's HTML renderer loading the local plotly.js; a figure that carries no description of
    its own (a plain plotly chart) gets a generic caption after it."""
    from plotly.io.base_renderers import HtmlRenderer

    class SiteRenderer(HtmlRenderer):
        def to_mimebundle(self, fig_dict):
            bundle = super().to_mimebundle(fig_dict)
            meta = fig_dict.get("layout", {}).get("meta")
            if not (isinstance(meta, dict) and meta.get("description")):
                bundle["text/html"] += caption_html(describe(fig_dict))
            return bundle

    return SiteRenderer(include_plotlyjs=PLOTLY_JS)


def _local_links(html: str) -> str:
    html = re.sub(r'href="(\d\d-[\w-]+)\.ipynb', r'href="\1.html', html)
    html = re.sub(r'href="(?:\.\./notebooks/|notebooks/)?(glossary|chronology|actors)\.md', r'href="\1.html', html)
    html = re.sub(r'href="(?:\.\./)?datasets/README\.md', 'href="datacard.html', html)
    html = re.sub(r'href="(?:\.\./)?README\.md', 'href="index.html', html)
    return html


def _render_notebook(path: Path, exporter: HTMLExporter, timeout: int) -> str:
    nb = nbformat.read(path, as_version=4)
    nb.cells.insert(0, nbformat.v4.new_code_cell(SITE_RENDERER_SETUP))
    # no widget state: a static page has no kernel, and the template would load a widget renderer from
    # unpkg.com for it (the explorers show their HTML fallback instead)
    NotebookClient(nb, timeout=timeout, kernel_name="python3", store_widget_state=False,
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    nb.cells.pop(0)
    for cell in nb.cells:   # a static page has no kernel: show widgets' HTML fallback instead
        for out in cell.get("outputs", []):
            if "text/html" in out.get("data", {}):
                out["data"].pop("application/vnd.jupyter.widget-view+json", None)
    body, _ = exporter.from_notebook_node(nb)
    return _local_links(MERMAID_LOADER.sub("", EXTERNAL_TAG.sub("", body)).replace("</head>", SITE_CSS + "</head>", 1))


def _markdown_page(path: Path, title: str) -> str:
    return _local_links(PAGE.format(title=title, body=markdown2html_mistune(path.read_text(encoding="utf-8"))))


def build_site(out: str | Path = "site", timeout: int = 300, log=print) -> list[Path]:
    """Build the site into ``out``; return the pages written. ``log`` gets one line per step."""
    root, out = repo_root(), Path(out)
    out.mkdir(parents=True, exist_ok=True)
    import plotly

    shutil.copy(Path(plotly.__file__).parent / "package_data" / PLOTLY_JS, out / PLOTLY_JS)
    exporter = HTMLExporter(template_name="lab", exclude_input_prompt=True, exclude_output_prompt=True)
    pages = []
    rows = []
    nbs = notebooks(root)
    for i, nb in enumerate(nbs, start=1):
        log(f"[{i}/{len(nbs)}] running and rendering {nb.path.name}")
        page = out / f"{nb.path.stem}.html"
        page.write_text(_render_notebook(nb.path, exporter, timeout), encoding="utf-8")
        pages.append(page)
        rows.append(f"<tr><td>{nb.order:02d}</td><td><a href=\"{page.name}\">{nb.title}</a></td>"
                    f"<td>{nb.minutes} min</td></tr>")
    for src, name, title in ((root / "notebooks" / "glossary.md", "glossary.html", "Glossary"),
                             (root / "notebooks" / "chronology.md", "chronology.html", "Chronology"),
                             (root / "notebooks" / "actors.md", "actors.html", "Actors"),
                             (root / "datasets" / "README.md", "datacard.html", "Data card")):
        if src.is_file():
            (out / name).write_text(_markdown_page(src, title), encoding="utf-8")
            pages.append(out / name)
    index = ("<h1>State information campaigns: the learning path</h1><p>A static copy of the kit's "
             "notebooks, built with their outputs. To run and change them, use JupyterLab or Binder "
             "(see the repository's README).</p><table><tr><th>#</th><th>Notebook</th><th>Time</th></tr>"
             + "".join(rows) + "</table><p><a href=\"glossary.html\">Glossary</a> · "
             "<a href=\"chronology.html\">Chronology</a> · <a href=\"actors.html\">Actors</a> · "
             "<a href=\"datacard.html\">Data card</a></p>")
    (out / "index.html").write_text(PAGE.format(title="Learning path", body=index), encoding="utf-8")
    return [out / "index.html", *pages]

