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

__all__ = ["sources_for", "sources_markdown", "cite"]


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


def cite(campaign_ids: Iterable[str], directory: str | Path | None = None,
         extra_tables: Iterable[str] = (), topics: Iterable[str] = ()):
    """The sources section of a notebook, as rendered Markdown (for the last cell)."""
    from IPython.display import Markdown

    return Markdown(sources_markdown(sources_for(campaign_ids, directory, extra_tables, topics)))
