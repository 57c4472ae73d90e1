"""Further reading for each notebook, rendered from ``readings.csv`` (primary documents first).

>>> text = readings_markdown(load("readings"), "02-case-russia")
>>> text.startswith("1. **Primary document.**")
True
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .loading import load

__all__ = ["readings_markdown", "further_reading"]


def _when(row) -> str:
    if pd.isna(row.published):
        return "n.d."
    return row.published.strftime("%B %Y" if str(row.published_precision) == "month" else "%-d %B %Y")


def readings_markdown(readings: pd.DataFrame, notebook: str) -> str:
    """A numbered Markdown list of one notebook's readings: kind, who, title, date, why, address."""
    rows = readings[readings["notebook"].astype(str) == notebook].sort_values("order")
    if rows.empty:
        return "_No further reading is listed for this notebook yet._"
    lines = []
    for i, r in enumerate(rows.itertuples(), start=1):
        kind = "Primary document" if str(r.kind) == "primary" else "Overview"
        who = f"{r.author}, " if pd.notna(r.author) else ""
        text = f"{i}. **{kind}.** {who}{r.publisher}: *{r.title}* ({_when(r)}). {r.annotation} <{r.url}>"
        if not bool(r.opened):
            text += f" (Not opened itself: {r.how_known}.)"
        lines.append(text)
    return "\n".join(lines)


def further_reading(notebook: str, directory: str | Path | None = None):
    """The further-reading list of a notebook (``"02-case-russia"``), as rendered Markdown."""
    from IPython.display import Markdown

    return Markdown(readings_markdown(load("readings", directory), notebook))
