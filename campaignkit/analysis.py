"""Pure table functions for the questions the notebooks and explorers ask.

Each takes typed DataFrames (from :func:`campaignkit.load`) and returns a tidy DataFrame; none
draws, prints or reads files. Dates known only to the month or year are kept, but results that
depend on them are flagged ``approximate`` so that no chart presents them as exact.

>>> import campaignkit as ck
>>> pairs = sponsor_target_pairs(ck.load("campaigns"))
>>> set(pairs.columns) == {"sponsor_state", "target_state", "releases"}
True
"""

from __future__ import annotations

import pandas as pd

__all__ = ["sponsor_target_pairs", "response_intervals", "releases_near_events",
           "access_at_release", "by_year"]


def _exact(*precisions: pd.Series) -> pd.Series:
    out = pd.Series(True, index=precisions[0].index)
    for p in precisions:
        out &= p.astype(str).eq("day")
    return out


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
        "approximate": ~_exact(m["date_precision"], m["date_precision_campaign"]),
        "response_id": m["response_id"],
    })
    return out.sort_values(["released", "responded"], ignore_index=True)


def releases_near_events(campaigns: pd.DataFrame, events: pd.DataFrame, window_days: int = 30,
                         categories: list[str] | None = None, related_only: bool = False) -> pd.DataFrame:
    """Pairs of a release and a context event at most ``window_days`` apart.

    ``days_from_event`` is release date minus event date: positive when the release came after.
    A negative ``window_days`` is treated as its absolute value. ``target_in_region`` says
    whether one of the release's target states is among the states the event mainly concerns;
    ``related_only`` keeps only pairs where that holds or the event concerns the sponsor.

    >>> import campaignkit as ck
    >>> near = releases_near_events(ck.load("campaigns"), ck.load("events"), 30, ["war"])
    >>> flags = near.set_index("campaign_id")["target_in_region"]
    >>> bool(flags["cia-fa-2026-02-24-instructions"]), bool(flags["cia-zh-2026-02-12-pla-video"])
    (True, False)
    """
    window = abs(int(window_days))
    ev = events if categories is None else events[events["category"].astype(str).isin(categories)]
    c = campaigns[["campaign_id", "title_en", "sponsor_state", "target_states", "first_published",
                   "date_precision"]]
    e = ev[["event_id", "title", "category", "date", "date_precision", "region"]]
    pairs = c.merge(e, how="cross", suffixes=("", "_event"))
    pairs["days_from_event"] = (pairs["first_published"] - pairs["date"]).dt.days
    near = pairs[pairs["days_from_event"].abs() <= window].copy()
    near["target_in_region"] = pd.Series(
        [bool(set(t) & set(r)) for t, r in zip(near["target_states"], near["region"])],
        index=near.index, dtype=bool)
    if related_only:
        sponsor = pd.Series([str(s) in r for s, r in zip(near["sponsor_state"], near["region"])],
                            index=near.index, dtype=bool)
        near = near[near["target_in_region"] | sponsor]
    near["approximate"] = ~_exact(near["date_precision"], near["date_precision_event"])
    near = near.rename(columns={"title": "event", "date": "event_date"})
    cols = ["campaign_id", "title_en", "sponsor_state", "first_published", "event_id", "event",
            "category", "event_date", "days_from_event", "approximate", "target_in_region"]
    near["sponsor_state"] = near["sponsor_state"].astype(str)
    near["category"] = near["category"].astype(str)
    return near[cols].sort_values(["first_published", "event_date"], ignore_index=True)


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
