"""Releases: who addressed whom, when, with which caveats; background facts; side-by-side views.

>>> import campaignkit as ck
>>> pairs = sponsor_target_pairs(ck.load("campaigns"))
>>> set(pairs.columns) == {"sponsor_state", "target_state", "releases"}
True
"""

from __future__ import annotations

import pandas as pd

from ..names import direction, language_name, script_of, state_name
from ._common import date_label

__all__ = ["sponsor_target_pairs", "by_year", "caveats_by_sponsor", "background", "compare_releases",
           "titles"]


def sponsor_target_pairs(campaigns: pd.DataFrame) -> pd.DataFrame:
    """How many releases each sponsor state addressed to each target state (one row per pair)."""
    rows = campaigns[["sponsor_state", "target_states"]].explode("target_states")
    rows = rows.rename(columns={"target_states": "target_state"})
    rows["sponsor_state"] = rows["sponsor_state"].astype(str)
    out = rows.groupby(["sponsor_state", "target_state"]).size().rename("releases").reset_index()
    return out.sort_values(["releases", "sponsor_state"], ascending=[False, True], ignore_index=True)


def by_year(campaigns: pd.DataFrame, column: str) -> pd.DataFrame:
    """Releases counted by year of first publication and by ``column`` (e.g. ``kind``)."""
    years = campaigns["first_published"].dt.year.rename("year")
    values = campaigns[column].astype(str)
    return values.groupby([years, values]).size().rename("releases").reset_index()


def caveats_by_sponsor(campaigns: pd.DataFrame) -> pd.DataFrame:
    """Per sponsor state: releases, and how many are self-declared, covert, or dated only roughly.

    ``self_declared`` counts releases the agency published under its own name; ``covert_exposed``
    counts ``kind == covert_operation`` (known only because others exposed it); ``disputed``
    counts attribution ``disputed``; ``month_or_year_only`` counts dates without a documented day.

    >>> import campaignkit as ck
    >>> t = caveats_by_sponsor(ck.load("campaigns"))
    >>> list(t.columns)
    ['sponsor', 'sponsor_state', 'releases', 'self_declared', 'disputed', 'covert_exposed', 'month_or_year_only']
    """
    c = campaigns.assign(sponsor_state=campaigns["sponsor_state"].astype(str))
    g = c.groupby("sponsor_state")
    out = pd.DataFrame({
        "releases": g.size(),
        "self_declared": g["attribution"].agg(lambda s: int((s.astype(str) == "self_declared").sum())),
        "disputed": g["attribution"].agg(lambda s: int((s.astype(str) == "disputed").sum())),
        "covert_exposed": g["kind"].agg(lambda s: int((s.astype(str) == "covert_operation").sum())),
        "month_or_year_only": g["date_precision"].agg(lambda s: int((s.astype(str) != "day").sum())),
    }).reset_index()
    out.insert(0, "sponsor", out["sponsor_state"].map(state_name))
    return out.sort_values(["releases", "sponsor_state"], ascending=[False, True], ignore_index=True)


def background(facts: pd.DataFrame, topic: str) -> pd.DataFrame:
    """The background facts on ``topic``, readable: state name, statement, confidence, sources.

    >>> import campaignkit as ck
    >>> t = background(ck.load("background_facts"), "traditional-recruitment")
    >>> list(t.columns)
    ['fact_id', 'state', 'statement', 'confidence', 'sources']
    >>> len(background(ck.load("background_facts"), "no-such-topic"))
    0
    """
    rows = facts[facts["topic"].astype(str) == topic]
    return pd.DataFrame({
        "fact_id": rows["fact_id"],
        "state": rows["state"].map(lambda s: state_name(s) if pd.notna(s) else "(general)"),
        "statement": rows["statement"],
        "confidence": rows["confidence"].astype(str),
        "sources": rows["source_ids"].map(len),
    }).reset_index(drop=True)


def compare_releases(overview: pd.DataFrame, campaign_ids: list[str]) -> pd.DataFrame:
    """One row per release, side by side: date, format, languages, platforms, themes, advice.

    ``overview`` is :func:`campaignkit.campaign_overview`.

    >>> import campaignkit as ck
    >>> compare_releases(ck.campaign_overview(), ["mi6-ru-2023-07-19-prague-speech"]).loc[
    ...     "mi6-ru-2023-07-19-prague-speech", "date"]
    '2023-07-19 (day)'
    """
    ov = overview[overview["campaign_id"].isin(campaign_ids)].sort_values("first_published")
    out = pd.DataFrame({
        "date": date_label(ov["first_published"], ov["date_precision"]),
        "title": ov["title_en"], "format": ov["format"].astype(str),
        "languages": ov["languages"].map(", ".join), "platforms": ov["platforms"].map(", ".join),
        "themes": ov["themes"].map(", ".join), "advice": ov["advice"].map(", ".join),
    })
    out.index = ov["campaign_id"].tolist()
    return out


def titles(campaigns: pd.DataFrame) -> pd.DataFrame:
    """Releases with a known original title: English, original, language, script, direction."""
    rows = campaigns[campaigns["title_original"].notna()]
    lang = rows["title_original_language"].astype(str)
    return pd.DataFrame({
        "campaign_id": rows["campaign_id"], "title_en": rows["title_en"],
        "title_original": rows["title_original"], "language": lang.map(language_name),
        "script": lang.map(script_of), "direction": lang.map(direction),
        "code": lang,
    }).reset_index(drop=True)
