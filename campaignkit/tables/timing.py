"""Timing: releases near context events, calendar patterns, and what chance alone would give.

A weekday is only known when the day is: :func:`calendar_counts` counts weekdays from
day-precision dates only, months from day- and month-precision dates (never from year-precision
dates stored on 1 January). Pairs that involve a date known only to the month or year are
flagged ``approximate``.

>>> import campaignkit as ck
>>> week = calendar_counts(ck.load("campaigns"), "weekday")
>>> list(week.columns), len(week)
(['weekday', 'releases'], 7)
"""

from __future__ import annotations

import pandas as pd

from ._common import exact

__all__ = ["releases_near_events", "calendar_counts", "window_coverage", "near_event_summary",
           "WEEKDAYS", "MONTHS"]

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
    near["approximate"] = ~exact(near["date_precision"], near["date_precision_event"])
    near = near.rename(columns={"title": "event", "date": "event_date"})
    cols = ["campaign_id", "title_en", "sponsor_state", "first_published", "event_id", "event",
            "category", "event_date", "days_from_event", "approximate", "target_in_region"]
    near["sponsor_state"] = near["sponsor_state"].astype(str)
    near["category"] = near["category"].astype(str)
    return near[cols].sort_values(["first_published", "event_date"], ignore_index=True)


WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]


def calendar_counts(campaigns: pd.DataFrame, by: str = "weekday") -> pd.DataFrame:
    """Releases per weekday or per month of the year, in calendar order, zeros included.

    ``by="weekday"`` counts only releases dated to the day; ``by="month"`` counts releases dated
    to the day or to the month. Releases whose date is less precise are left out, because the
    stored date (the first of the month, or 1 January) is a convention, not a claimed day.

    >>> rows = pd.DataFrame({"first_published": pd.to_datetime(["2024-01-01", "2024-01-02", "2024-03-01"]),
    ...                      "date_precision": ["day", "day", "month"]})
    >>> calendar_counts(rows, "weekday")["releases"].tolist()
    [1, 1, 0, 0, 0, 0, 0]
    >>> calendar_counts(rows, "month").head(3)["releases"].tolist()
    [2, 0, 1]
    """
    precision = campaigns["date_precision"].astype(str)
    if by == "weekday":
        dates = campaigns.loc[precision == "day", "first_published"]
        labels, order = dates.dt.day_name(), WEEKDAYS
    elif by == "month":
        dates = campaigns.loc[precision.isin(["day", "month"]), "first_published"]
        labels, order = dates.dt.month_name(), MONTHS
    else:
        raise ValueError(f"by must be 'weekday' or 'month', not {by!r}")
    counts = labels.value_counts().reindex(order, fill_value=0)
    return pd.DataFrame({by: order, "releases": counts.to_numpy()})


def window_coverage(event_dates: pd.Series, window_days: int, start, end) -> float:
    """Share of the calendar days from ``start`` to ``end`` that lie within ``window_days`` of an event.

    It answers "how often would a date picked at random fall near one of these events?": the
    chance benchmark for a count of releases near events.

    >>> window_coverage(pd.Series(pd.to_datetime(["2024-01-11"])), 5, "2024-01-01", "2024-01-20")
    0.55
    >>> window_coverage(pd.Series([], dtype="datetime64[ns]"), 5, "2024-01-01", "2024-01-20")
    0.0
    """
    days = pd.date_range(start, end, freq="D")
    near = pd.Series(False, index=days)
    window = pd.Timedelta(days=abs(int(window_days)))
    for date in pd.to_datetime(event_dates).dropna():
        near |= (days >= date - window) & (days <= date + window)
    return round(float(near.mean()), 4) if len(days) else 0.0


def near_event_summary(campaigns: pd.DataFrame, events: pd.DataFrame, category: str,
                       window_days: int = 30) -> pd.DataFrame:
    """How many releases fall within ``window_days`` of an event of ``category``, and how many chance predicts.

    One row: the number of events, of releases, of releases near at least one event, their share,
    and ``chance_share``: the share of days in the releases' period (first to last release) that lie
    that close to such an event. When the two shares are similar, closeness alone says nothing.

    >>> import campaignkit as ck
    >>> s = near_event_summary(ck.load("campaigns"), ck.load("events"), "war", 30)
    >>> list(s.columns)
    ['category', 'window_days', 'events', 'releases', 'releases_near', 'share_near', 'chance_share']
    """
    ev = events[events["category"].astype(str) == category]
    near = releases_near_events(campaigns, ev, window_days)
    n, k = len(campaigns), near["campaign_id"].nunique()
    start, end = campaigns["first_published"].min(), campaigns["first_published"].max()
    return pd.DataFrame([{
        "category": category, "window_days": abs(int(window_days)), "events": len(ev),
        "releases": n, "releases_near": k, "share_near": round(k / n, 4) if n else 0.0,
        "chance_share": window_coverage(ev["date"], window_days, start, end) if n else 0.0,
    }])
