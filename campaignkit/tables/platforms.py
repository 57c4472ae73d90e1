"""Platforms: where a release was posted, and whether that platform was open in the target state.

>>> import campaignkit as ck
>>> t = access_at_release(ck.load("campaigns"), ck.load("campaign_platforms"), ck.load("platform_access"))
>>> sorted(t.columns)[:3]
['access_id', 'campaign_id', 'platform']
"""

from __future__ import annotations

import pandas as pd

__all__ = ["access_at_release"]


def access_at_release(campaigns: pd.DataFrame, platforms: pd.DataFrame,
                      access: pd.DataFrame) -> pd.DataFrame:
    """For each platform a release was posted on and each target state: was it blocked there?

    ``status`` is the platform's recorded status in that state on the release date, ``open or
    not recorded`` when no row applies, and ``since_unknown`` is True when the status comes from
    a row with no start date (e.g. North Korea, which has no public internet).
    """
    posted = platforms[platforms["role"].astype(str) == "posted"][["campaign_id", "platform"]]
    c = campaigns[["campaign_id", "first_published", "target_states"]].explode("target_states")
    m = posted.merge(c, on="campaign_id").rename(columns={"target_states": "state"})
    m = m.assign(platform=m["platform"].astype(str), row=range(len(m)))
    a = access[["access_id", "platform", "state", "since", "until", "status"]]
    a = a.assign(platform=a["platform"].astype(str), state=a["state"].astype(str), status=a["status"].astype(str))
    # every access row for the same platform and state that was in force on the release date
    hits = m.merge(a, on=["platform", "state"])
    day = hits["first_published"]
    hits = hits[(hits["since"].isna() | (hits["since"] <= day)) & (hits["until"].isna() | (hits["until"] > day))]
    # the latest of them (rows with no start date count as the earliest)
    latest = hits.sort_values(["row", "since"], na_position="first", kind="stable").drop_duplicates("row", keep="last")
    out = m.merge(latest[["row", "status", "since", "access_id"]], on="row", how="left")
    found = out["status"].notna()
    return pd.DataFrame({
        "campaign_id": out["campaign_id"], "platform": out["platform"], "state": out["state"],
        "released": out["first_published"], "status": out["status"].where(found, "open or not recorded"),
        "since_unknown": (found & out["since"].isna()).astype(bool),
        "access_id": out["access_id"],
    })
