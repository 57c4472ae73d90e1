"""Timing helpers for the learning path: calendar patterns, chance benchmarks, timelines by any column.

The questions of notebooks 06-08 that ``campaignkit.analysis`` does not answer in one call. All are
pure functions: typed DataFrames in (from :func:`campaignkit.load`), a tidy DataFrame or a plotly
Figure out; nothing prints, reads files or changes a global setting.

A weekday is only known when the day is: :func:`calendar_counts` counts weekdays from
day-precision dates only, months from day- and month-precision dates (never from year-precision
dates stored on 1 January).

>>> import campaignkit as ck
>>> week = calendar_counts(ck.load("campaigns"), "weekday")
>>> list(week.columns), len(week)
(['weekday', 'releases'], 7)
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from . import analysis, figures

__all__ = ["WEEKDAYS", "MONTHS", "calendar_counts", "window_coverage", "near_event_summary", "timeline_by"]

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
    near = analysis.releases_near_events(campaigns, ev, window_days)
    n, k = len(campaigns), near["campaign_id"].nunique()
    start, end = campaigns["first_published"].min(), campaigns["first_published"].max()
    return pd.DataFrame([{
        "category": category, "window_days": abs(int(window_days)), "events": len(ev),
        "releases": n, "releases_near": k, "share_near": round(k / n, 4) if n else 0.0,
        "chance_share": window_coverage(ev["date"], window_days, start, end) if n else 0.0,
    }])


def timeline_by(rows: pd.DataFrame, column: str, title: str, label: str) -> go.Figure:
    """The kit's release timeline with one row per value of ``column`` (a platform, a language ...).

    ``rows`` has the columns of :func:`campaignkit.figures.timeline_data` plus ``column``; a release
    with two values appears on two rows. Markers and legend are those of the timeline (colour = kind,
    open marker = date known only to the month or year).

    >>> import campaignkit as ck
    >>> c = ck.load("campaigns")
    >>> rows = c.merge(ck.load("campaign_languages")[["campaign_id", "language"]], on="campaign_id")
    >>> timeline_by(rows, "language", "Releases by language", "Language").layout.yaxis.title.text
    'Language'
    """
    cols = ["first_published", "date_precision", "kind", "title_en", "campaign_id"]
    data = rows[cols].assign(sponsor_state=rows[column].astype(str))
    fig = figures.timeline(data.sort_values(["first_published", "campaign_id"], ignore_index=True), title)
    return fig.update_yaxes(title_text=label)
