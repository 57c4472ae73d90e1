"""Counts that describe the data package: campaigns, facts, sources, confirmation share.

These read the package from its folder (default: the kit's own), so they live in the data
layer; the analysis tables in ``campaignkit.tables`` take DataFrames instead.

>>> c = coverage()
>>> c["campaigns"] >= 25 and c["sources"] > 0
True
>>> 0 <= c["share_confirmed"] <= 1
True
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .loading import load, table_names

__all__ = ["coverage", "FACT_TABLES", "CAMPAIGN_FACT_TABLES", "LEVELS", "confidence_by_table",
           "confidence_by_sponsor", "fact_counts"]

#: Tables whose rows are facts about one campaign (they have a campaign_id column).
CAMPAIGN_FACT_TABLES = ["campaigns", "campaign_languages", "campaign_platforms", "security_advice",
                        "themes", "reach", "responses"]
#: The confidence levels, strongest first.
LEVELS = ["confirmed", "single_source", "conflicting", "weak"]

#: Tables whose every row is a sourced fact (the campaign rows themselves included).
FACT_TABLES = ["campaigns", "campaign_languages", "campaign_platforms", "security_advice",
               "themes", "reach", "responses", "events", "platform_access", "background_facts",
               "historical_appeals"]


def coverage(directory: str | Path | None = None) -> dict:
    """Campaign, fact and source counts, facts by confidence, and the share confirmed."""
    facts = {name: load(name, directory) for name in FACT_TABLES if name in table_names(directory)}
    confidence = {}
    for frame in facts.values():
        for level, n in frame["confidence"].value_counts().items():
            confidence[str(level)] = confidence.get(str(level), 0) + int(n)
    n_facts = sum(len(f) for f in facts.values())
    return {
        "campaigns": len(facts["campaigns"]),
        "facts": n_facts,
        "facts_by_table": {k: len(v) for k, v in facts.items()},
        "facts_by_confidence": dict(sorted(confidence.items())),
        "share_confirmed": confidence.get("confirmed", 0) / n_facts if n_facts else 0.0,
        "sources": len(load("sources", directory)),
        "sponsor_states": sorted(facts["campaigns"]["sponsor_state"].dropna().astype(str).unique()),
    }


def _by_confidence(frame: pd.DataFrame, key: str) -> pd.DataFrame:
    counts = pd.crosstab(frame[key], frame["confidence"].astype(str)).reindex(columns=LEVELS, fill_value=0)
    counts["facts"] = counts.sum(axis=1)
    counts["share_confirmed"] = (counts["confirmed"] / counts["facts"]).round(2)
    counts.columns.name = None
    return counts.sort_values("share_confirmed", ascending=False)


def confidence_by_table(directory: str | Path | None = None) -> pd.DataFrame:
    """Facts per table by confidence level, with the share confirmed by two independent sources.

    >>> t = confidence_by_table()
    >>> {"confirmed", "weak", "facts", "share_confirmed"} <= set(t.columns)
    True
    """
    frames = [load(name, directory).assign(table=name)[["table", "confidence"]] for name in FACT_TABLES]
    return _by_confidence(pd.concat(frames, ignore_index=True), "table")


def confidence_by_sponsor(directory: str | Path | None = None) -> pd.DataFrame:
    """Facts about each sponsor state's releases (the release rows and every fact tied to them).

    Responses not tied to one release (laws, for example) have no sponsor and are left out.

    >>> "USA" in confidence_by_sponsor().index
    True
    """
    sponsor = load("campaigns", directory).set_index("campaign_id")["sponsor_state"].astype(str)
    frames = [load(name, directory)[["campaign_id", "confidence"]] for name in CAMPAIGN_FACT_TABLES]
    facts = pd.concat(frames, ignore_index=True)
    facts = facts[facts["campaign_id"].notna()].assign(sponsor_state=lambda f: f["campaign_id"].map(sponsor))
    return _by_confidence(facts, "sponsor_state")


def fact_counts(campaign_id: str, directory: str | Path | None = None) -> pd.Series:
    """How many rows each table holds about one release (the release row itself included).

    >>> int(fact_counts("cia-ru-2023-05-15-video-my-decision")["campaigns"])
    1
    """
    return pd.Series({name: int((load(name, directory)["campaign_id"] == campaign_id).sum())
                      for name in CAMPAIGN_FACT_TABLES}, name="rows")
