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
    m["platform"] = m["platform"].astype(str)
    a = access.assign(platform=access["platform"].astype(str), state=access["state"].astype(str))
    rows = []
    for rec in m.itertuples(index=False):
        hits = a[(a["platform"] == rec.platform) & (a["state"] == rec.state)]
        hits = hits[(hits["since"].isna() | (hits["since"] <= rec.first_published))
                    & (hits["until"].isna() | (hits["until"] > rec.first_published))]
        if len(hits):
            latest = hits.sort_values("since", na_position="first").iloc[-1]
            rows.append((rec.campaign_id, rec.platform, rec.state, rec.first_published,
                         str(latest["status"]), pd.isna(latest["since"]), latest["access_id"]))
        else:
            rows.append((rec.campaign_id, rec.platform, rec.state, rec.first_published,
                         "open or not recorded", False, None))
    return pd.DataFrame(rows, columns=["campaign_id", "platform", "state", "released", "status",
                                       "since_unknown", "access_id"])
