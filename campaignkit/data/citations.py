"""Sources sections, rendered from ``sources.csv``, never typed by hand.

>>> import campaignkit as ck
>>> some = ck.load("campaigns")["campaign_id"].iloc[:2].tolist()
>>> table = sources_for(some)
>>> {"source_id", "publisher", "url"} <= set(table.columns) and len(table) > 0
True
>>> sources_markdown(table.iloc[:1]).startswith("1. ")
True
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from .counts import CAMPAIGN_FACT_TABLES
from .loading import load

__all__ = ["sources_for", "sources_markdown", "sources_section", "cite"]


def sources_for(campaign_ids: Iterable[str], directory: str | Path | None = None,
                extra_tables: Iterable[str] = (), topics: Iterable[str] = ()) -> pd.DataFrame:
    """The sources cited by these campaigns' rows and by every fact row about them.

    ``extra_tables`` adds all sources of whole tables (e.g. ``["events"]``) for notebooks that
    use them; ``topics`` adds the sources of the background facts on those topics.
    Sorted by publisher, then date.
    """
    wanted = set(campaign_ids)
    cited: set[str] = set()
    for name in CAMPAIGN_FACT_TABLES:
        frame = load(name, directory)
        rows = frame[frame["campaign_id"].isin(wanted)]
        cited.update(s for ids in rows["source_ids"] for s in ids)
    for name in extra_tables:
        cited.update(s for ids in load(name, directory)["source_ids"] for s in ids)
    wanted_topics = set(topics)
    if wanted_topics:
        bg = load("background_facts", directory)
        cited.update(s for ids in bg[bg["topic"].isin(wanted_topics)]["source_ids"] for s in ids)
    sources = load("sources", directory)
    out = sources[sources["source_id"].isin(cited)]
    return out.sort_values(["publisher", "published", "source_id"]).reset_index(drop=True)


def _entry(row: pd.Series) -> str:
    date = row["published"].strftime("%Y-%m-%d") if pd.notna(row["published"]) else "n.d."
    title = f"“{row['title']}”" if pd.notna(row["title"]) else "(title not recorded)"
    text = f"{row['publisher']} ({date}). {title}."
    if bool(row["republication"]):
        text += f" Read as a republication on {row['via'] if pd.notna(row['via']) else 'another site'}."
    if str(row["reliability"]) != "reputable":
        text += f" Reliability: {str(row['reliability']).replace('_', ' ')}."
    return f"{text} <{row['url']}>"


def sources_markdown(sources: pd.DataFrame) -> str:
    """A numbered Markdown list of sources: publisher, date, title, republication, address."""
    if sources.empty:
        return "_No sources: nothing was selected._"
    return "\n".join(f"{i}. {_entry(row)}" for i, (_, row) in enumerate(sources.iterrows(), start=1))


def sources_section(all_sources: pd.DataFrame, first: pd.DataFrame | None = None, fold_over: int = 15) -> str:
    """Markdown for a notebook's sources: the sources behind its focus first (when given), then the
    full list, folded into a collapsed ``<details>`` block when it is long.

    >>> import campaignkit as ck
    >>> all_ = sources_for(ck.load("campaigns")["campaign_id"])
    >>> text = sources_section(all_, all_.iloc[:2])
    >>> text.startswith("**Behind this notebook's focus (2 sources):**") and "<details>" in text
    True
    """
    parts = []
    if first is not None and not first.empty:
        parts += [f"**Behind this notebook's focus ({len(first)} source{'s' if len(first) != 1 else ''}):**",
                  "", sources_markdown(first), ""]
    full = sources_markdown(all_sources)
    if len(all_sources) > fold_over or parts:
        parts += [f"<details><summary>All {len(all_sources)} sources of the data this notebook uses</summary>",
                  "", full, "", "</details>"]
    else:
        parts.append(full)
    return "\n".join(parts)


def cite(campaign_ids: Iterable[str], directory: str | Path | None = None,
         extra_tables: Iterable[str] = (), topics: Iterable[str] = (), first: Iterable[str] | None = None):
    """The sources section of a notebook, as rendered Markdown (for the last cell).

    ``first`` (campaign ids, e.g. the releases of the notebook's focus) puts the sources behind
    them first; the full list follows, folded when it is long.
    """
    from IPython.display import Markdown

    everything = sources_for(campaign_ids, directory, extra_tables, topics)
    focus = sources_for(first, directory) if first is not None else None
    return Markdown(sources_section(everything, focus))
