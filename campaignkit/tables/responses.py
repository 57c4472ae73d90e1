"""The targeted states' side: how long answers took, which releases went unanswered, profiles.

>>> import campaignkit as ck
>>> t = response_intervals(ck.load("campaigns"), ck.load("responses"))
>>> bool((t.loc[~t["approximate"], "days"] >= 0).all())   # a month-precision date can give a negative gap
True
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from ..names import state_label
from ._common import addressed_to, exact

__all__ = ["response_intervals", "unanswered", "target_profile"]


def response_intervals(campaigns: pd.DataFrame, responses: pd.DataFrame) -> pd.DataFrame:
    """Days from each release to each response tied to it.

    ``approximate`` is True when either date is known only to the month or year.
    """
    r = responses[responses["campaign_id"].notna()]
    c = campaigns[["campaign_id", "sponsor_state", "title_en", "first_published", "date_precision"]]
    m = r.merge(c, on="campaign_id", how="inner", suffixes=("", "_campaign"))
    out = pd.DataFrame({
        "campaign_id": m["campaign_id"], "sponsor_state": m["sponsor_state"].astype(str),
        "released": m["first_published"], "responding_state": m["state"].astype(str),
        "actor": m["actor"], "response_type": m["response_type"].astype(str),
        "responded": m["date"], "days": (m["date"] - m["first_published"]).dt.days,
        "approximate": ~exact(m["date_precision"], m["date_precision_campaign"]),
        "response_id": m["response_id"],
    })
    return out.sort_values(["released", "responded"], ignore_index=True)


def unanswered(campaigns: pd.DataFrame, responses: pd.DataFrame, state: str) -> pd.DataFrame:
    """Releases addressed to ``state`` with no response by ``state`` tied to them in the data.

    "Not in the data" means no source reporting an answer was found, not that none was given.

    >>> import campaignkit as ck
    >>> t = unanswered(ck.load("campaigns"), ck.load("responses"), "IRN")
    >>> "cia-fa-2024-10-02-text-video" in set(t["campaign_id"])
    True
    """
    mine = campaigns[addressed_to(campaigns, state)]
    answered = set(responses.loc[responses["state"].astype(str) == state, "campaign_id"].dropna())
    rows = mine[~mine["campaign_id"].isin(answered)]
    return pd.DataFrame({
        "campaign_id": rows["campaign_id"], "first_published": rows["first_published"],
        "sponsor_state": rows["sponsor_state"].astype(str), "title_en": rows["title_en"],
    }).reset_index(drop=True)


def target_profile(overview: pd.DataFrame, responses: pd.DataFrame, access: pd.DataFrame,
                   targets: Iterable[str]) -> pd.DataFrame:
    """One column per target state, side by side: releases, sponsors, languages, dates, answers.

    ``overview`` is :func:`campaignkit.campaign_overview`; ``access`` is
    :func:`campaignkit.tables.access_at_release`. ``posted where restricted`` counts releases
    posted on at least one platform that was blocked, restricted or unreachable in that state.

    >>> import campaignkit as ck
    >>> from campaignkit import tables
    >>> acc = tables.access_at_release(ck.load("campaigns"), ck.load("campaign_platforms"),
    ...                                ck.load("platform_access"))
    >>> t = target_profile(ck.campaign_overview(), ck.load("responses"), acc, ["IRN", "PRK"])
    >>> list(t.columns)
    ['Iran (IRN)', 'North Korea (PRK)']
    """
    rows = {}
    for state in dict.fromkeys(targets):
        mine = overview[addressed_to(overview, state)]
        answers = responses[responses["state"].astype(str) == state]
        a = access[(access["state"] == state) & (access["status"] != "open or not recorded")]
        dates = mine["first_published"]
        rows[state_label(state)] = {
            "releases": len(mine),
            "sponsor states": ", ".join(sorted(mine["sponsor_state"].astype(str).unique())) or "none",
            "languages": ", ".join(sorted({x for ls in mine["languages"] for x in ls})) or "none recorded",
            "first release": dates.min().strftime("%Y-%m-%d") if len(mine) else "",
            "latest release": dates.max().strftime("%Y-%m-%d") if len(mine) else "",
            "posted where restricted": a["campaign_id"].nunique(),
            "responses recorded": len(answers),
            "responses tied to a release": int(answers["campaign_id"].notna().sum()),
            "response types": ", ".join(sorted(answers["response_type"].astype(str).unique())) or "none",
        }
    return pd.DataFrame(rows)
