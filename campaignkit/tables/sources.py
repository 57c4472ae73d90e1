"""Source criticism: who stands behind a fact, and how independent its sources are."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

__all__ = ["sources_behind", "independence"]


def sources_behind(source_ids: Iterable[str], sources: pd.DataFrame) -> pd.DataFrame:
    """The cited sources of one fact: original publisher, type, reliability, republication, via.

    >>> import campaignkit as ck
    >>> ids = ["ap-2025-05-03-cia-mandarin-videos-spill-secrets", "ap-2025-05-04-cia-mandarin-videos-taipei-times"]
    >>> sources_behind(ids, ck.load("sources"))["publisher"].tolist()
    ['AP', 'AP']
    """
    ids = list(source_ids)
    s = sources[sources["source_id"].isin(ids)]
    cols = ["source_id", "publisher", "source_type", "reliability", "republication", "via", "note"]
    return s[cols].reset_index(drop=True)


def independence(facts: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """For each fact row: sources cited, distinct original publishers, republications among them.

    A first check only: outlets that relay one report under their own name still count as
    several publishers; the ``note`` of the row and of its sources says when that happens.

    >>> import campaignkit as ck
    >>> r = ck.load("reach")
    >>> row = independence(r[r["reach_id"] == "reach-cia-zh-2025-05-ap-first-day-views"], ck.load("sources"))
    >>> row[["sources_cited", "publishers", "republications"]].iloc[0].tolist()
    [2, 1, 2]
    """
    s = sources.set_index("source_id")
    pubs = [len({s.at[i, "publisher"] for i in ids if i in s.index}) for ids in facts["source_ids"]]
    reps = [sum(bool(s.at[i, "republication"]) for i in ids if i in s.index) for ids in facts["source_ids"]]
    out = facts.assign(sources_cited=facts["source_ids"].map(len), publishers=pubs, republications=reps)
    return out.reset_index(drop=True)
