"""Reported audience figures as claims: what, how many, as of when, and who claimed them.

>>> import campaignkit as ck
>>> claims_table(ck.load("reach"), "ua-ru-2022-09-i-want-to-live")["claimant_type"].unique().tolist()
['sponsor']
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import pandas as pd

from ._common import date_label

__all__ = ["claims_table", "reach_sentence", "cross_references", "QUALIFIER_WORDS"]

QUALIFIER_WORDS = {"exact": "", "approx": "about ", "more_than": "more than ", "at_least": "at least "}
REACH_ID = re.compile(r"\breach-[a-z0-9]+(?:-[a-z0-9]+)*")


def _figure(value, qualifier) -> str:
    return f"{QUALIFIER_WORDS.get(str(qualifier), '')}{int(value):,}"


def claims_table(reach: pd.DataFrame, campaign_id: str | Iterable[str] | None = None) -> pd.DataFrame:
    """Reported audience figures as readable claims: what, how many, as of when, claimed by whom.

    Sorted by metric, then date. ``campaign_id`` (one id, or several) keeps those releases' figures.

    >>> import campaignkit as ck
    >>> t = claims_table(ck.load("reach"), "cia-ru-2023-05-15-video-my-decision")
    >>> t.iloc[0]["figure"]
    'about 1,700'
    """
    ids = {campaign_id} if isinstance(campaign_id, str) else campaign_id
    r = reach if ids is None else reach[reach["campaign_id"].isin(set(ids))]
    out = pd.DataFrame({
        "reach_id": r["reach_id"], "campaign_id": r["campaign_id"], "metric": r["metric"].astype(str),
        "figure": [_figure(v, q) for v, q in zip(r["value"], r["value_qualifier"])],
        "value": r["value"], "as_of": date_label(r["as_of"], r["as_of_precision"]),
        "platform": r["platform"].astype(str), "claimed_by": r["claimed_by"],
        "claimant_type": r["claimant_type"].astype(str), "confidence": r["confidence"].astype(str),
        "note": r["note"],
    })
    return out.sort_values(["metric", "as_of", "value"], ignore_index=True)


def reach_sentence(reach: pd.DataFrame, campaign_id: str) -> str:
    """One sentence on a release's reported figures: how many, which metrics, who claimed them.

    >>> import campaignkit as ck
    >>> reach_sentence(ck.load("reach"), "ua-ru-2024-01-i-want-to-find")
    'Focus: ua-ru-2024-01-i-want-to-find. 6 reported figure(s), counting requests; claimed by: sponsor (6).'
    """
    t = claims_table(reach, campaign_id)
    if t.empty:
        return f"Focus: {campaign_id}. No reported figures in the data."
    who = ", ".join(f"{k.replace('_', ' ')} ({n})" for k, n in t["claimant_type"].value_counts().items())
    metrics = ", ".join(sorted(t["metric"].unique()))
    return f"Focus: {campaign_id}. {len(t)} reported figure(s), counting {metrics}; claimed by: {who}."



def cross_references(reach: pd.DataFrame) -> pd.DataFrame:
    """Pairs of reach figures whose ``note`` points at another figure (usually a conflict).

    >>> import campaignkit as ck
    >>> pairs = cross_references(ck.load("reach"))
    >>> "reach-cia-ru-2023-05-burns-first-week" in set(pairs["reach_id"])
    True
    """
    known = set(reach["reach_id"])
    rows = [(rid, ref) for rid, note in zip(reach["reach_id"], reach["note"])
            for ref in REACH_ID.findall(str(note)) if ref in known and ref != rid]
    return pd.DataFrame(rows, columns=["reach_id", "refers_to"]).drop_duplicates(ignore_index=True)
