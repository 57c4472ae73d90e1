"""Show original titles in their own script, next to the English.

Persian is written right to left: the HTML marks each original title with its language and
direction (``lang``, ``dir``), so browsers, Voila and screen readers render and read it properly.

>>> import campaignkit as ck
>>> html = titles_html(ck.load("campaigns"))
>>> 'lang="ru"' in html and "<table" in html
True
"""

from __future__ import annotations

from html import escape

import pandas as pd

from .names import is_rtl, language_name, script_of

__all__ = ["titles", "titles_html", "show_titles"]


def titles(campaigns: pd.DataFrame) -> pd.DataFrame:
    """Releases with a known original title: English, original, language, script, direction."""
    rows = campaigns[campaigns["title_original"].notna()]
    lang = rows["title_original_language"].astype(str)
    return pd.DataFrame({
        "campaign_id": rows["campaign_id"], "title_en": rows["title_en"],
        "title_original": rows["title_original"], "language": lang.map(language_name),
        "script": lang.map(script_of), "direction": lang.map(lambda c: "rtl" if is_rtl(c) else "ltr"),
        "code": lang,
    }).reset_index(drop=True)


def titles_html(campaigns: pd.DataFrame) -> str:
    """An HTML table of :func:`titles`, each original title tagged with its language and direction."""
    t = titles(campaigns)
    if t.empty:
        return "<p><em>No original titles are recorded for these releases.</em></p>"
    rows = []
    for r in t.itertuples(index=False):
        align = "right" if r.direction == "rtl" else "left"
        rows.append(
            f"<tr><td>{escape(r.title_en)}</td>"
            f'<td lang="{r.code}" dir="{r.direction}" style="text-align:{align};font-size:1.1em">'
            f"{escape(r.title_original)}</td><td>{escape(r.language)}</td><td>{escape(r.script)}</td></tr>")
    head = "<tr><th>English title</th><th>Original title</th><th>Language</th><th>Script</th></tr>"
    return f"<table>{head}{''.join(rows)}</table>"


def show_titles(campaigns: pd.DataFrame):
    """:func:`titles_html` as a displayable object for a notebook cell."""
    from IPython.display import HTML

    return HTML(titles_html(campaigns))
