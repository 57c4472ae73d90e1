"""Figures along a time axis: releases, events, intervals.

>>> import campaignkit as ck
>>> fig = timeline(timeline_data(ck.load("campaigns")))
>>> fig.layout.title.text
'Campaign releases by sponsor state, 2019-2026'
>>> fig.layout.xaxis.title.text, fig.layout.yaxis.title.text
('Date of first publication', 'Sponsor state')
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from ..names import state_name
from .base import PALETTE, finish, legend_entry, pattern, precision_symbol, symbol
from .described import DescribedFigure
from .time_words import counts_words, events_words, intervals_words, timeline_words
from .wording import label

__all__ = ["timeline_data", "timeline", "timeline_by", "counts_over_time", "releases_and_events", "intervals"]

def timeline_data(campaigns: pd.DataFrame) -> pd.DataFrame:
    """The rows the timeline draws: one per campaign, sorted by date.

    >>> import campaignkit as ck
    >>> list(timeline_data(ck.load("campaigns")).columns)
    ['first_published', 'date_precision', 'sponsor_state', 'kind', 'title_en', 'campaign_id']
    """
    cols = ["first_published", "date_precision", "sponsor_state", "kind", "title_en", "campaign_id"]
    return campaigns[cols].sort_values(["first_published", "campaign_id"]).reset_index(drop=True)


def timeline(data: pd.DataFrame, title: str = "Campaign releases by sponsor state, 2019-2026") -> DescribedFigure:
    """Each release as a marker at its date, one row per sponsor state; colour and shape = kind.

    Open markers mean the date is known only to the month (open with a dot: the year): they sit
    on the first day of that period, which is a convention, not a claimed day.
    """
    return _timeline(data, title, "sponsor state", state_name)


def _timeline(data: pd.DataFrame, title: str, row: str, name=str) -> DescribedFigure:
    fig = DescribedFigure()
    kinds = [k for k in data["kind"].cat.categories if (data["kind"] == k).any()] \
        if hasattr(data["kind"], "cat") else sorted(data["kind"].unique())
    for i, kind in enumerate(kinds):
        part = data[data["kind"] == kind]
        precision = part["date_precision"].astype(str)
        color = PALETTE[i % len(PALETTE)]
        legend_entry(fig, label(kind), color, symbol(i), group=str(kind))
        fig.add_trace(go.Scatter(
            x=part["first_published"], y=part["sponsor_state"].astype(str), mode="markers",
            name=label(kind), legendgroup=str(kind), showlegend=False,
            marker={"size": 12, "color": color, "line": {"width": 2, "color": color},
                    "symbol": [precision_symbol(symbol(i), p) for p in precision]},
            customdata=list(zip(part["title_en"], precision, part["campaign_id"])),
            hovertemplate="<b>%{customdata[0]}</b><br>%{x|%Y-%m-%d} (precision: %{customdata[1]})"
                          "<br>%{customdata[2]}<extra></extra>",
        ))
    legend_entry(fig, "date known to the day", "#777", "circle")
    legend_entry(fig, "known to the month only", "#777", "circle-open")
    legend_entry(fig, "known to the year only", "#777", "circle-open-dot")
    fig = finish(fig, title, "Date of first publication", "Sponsor state")
    fig.update_xaxes(type="date")
    fig.update_yaxes(type="category", categoryorder="category descending")
    fig.update_layout(height=max(440, 180 + 50 * data["sponsor_state"].nunique()))
    fig.description = timeline_words(data, row, name)
    return fig


def counts_over_time(counts: pd.DataFrame, column: str, title: str) -> DescribedFigure:
    """Stacked bars: releases per year, split by ``column`` (from ``tables.by_year``); each value
    of ``column`` has its own colour and fill pattern."""
    fig = DescribedFigure()
    for i, value in enumerate(sorted(counts[column].unique())):
        part = counts[counts[column] == value]
        fig.add_trace(go.Bar(x=part["year"], y=part["releases"], name=label(value),
                             marker={"color": PALETTE[i % len(PALETTE)], "pattern": pattern(i)},
                             hovertemplate="%{x}: %{y} release(s)<extra>" + str(value) + "</extra>"))
    fig.update_layout(barmode="stack")
    fig.update_xaxes(type="category", categoryorder="category ascending")
    fig = finish(fig, title, "Year of first publication", "Releases")
    fig.description = counts_words(counts, column)
    return fig


def releases_and_events(campaigns: pd.DataFrame, events: pd.DataFrame,
                        title: str = "Releases and context events") -> DescribedFigure:
    """Releases on one row per sponsor state, context events on one row per category."""
    fig = timeline(timeline_data(campaigns), title)
    for cat in sorted(events["category"].astype(str).unique()):
        part = events[events["category"].astype(str) == cat]
        fig.add_trace(go.Scatter(
            x=part["date"], y=[f"event: {cat.replace('_', ' ')}"] * len(part), mode="markers",
            name=f"event: {cat.replace('_', ' ')}", showlegend=False,
            marker={"size": 10, "symbol": "diamond", "color": "#999", "line": {"width": 1, "color": "#333"}},
            customdata=list(zip(part["title"], part["date_precision"].astype(str))),
            hovertemplate="<b>%{customdata[0]}</b><br>%{x|%Y-%m-%d} (precision: %{customdata[1]})<extra></extra>"))
    fig.update_layout(height=max(500, 200 + 32 * (campaigns["sponsor_state"].nunique()
                                                   + events["category"].nunique())))
    fig.update_yaxes(title_text="Sponsor state (releases) or event category")
    fig.description = f"{fig.description} {events_words(events)}"
    return fig


def intervals(data: pd.DataFrame, title: str = "Days from release to response") -> DescribedFigure:
    """One marker per response (from ``tables.response_intervals``): colour and shape = type of
    response; open when the interval is approximate."""
    fig = DescribedFigure()
    data = data.sort_values("released")
    labels = data["campaign_id"]
    for i, rtype in enumerate(sorted(data["response_type"].unique())):
        part = data[data["response_type"] == rtype]
        legend_entry(fig, label(rtype), PALETTE[i % len(PALETTE)], symbol(i), group=rtype)
        fig.add_trace(go.Scatter(
            x=part["days"], y=labels[part.index], mode="markers", name=label(rtype),
            legendgroup=rtype, showlegend=False,
            marker={"size": 11, "color": PALETTE[i % len(PALETTE)],
                    "line": {"width": 2, "color": PALETTE[i % len(PALETTE)]},
                    "symbol": [symbol(i) + ("-open" if a else "") for a in part["approximate"]]},
            customdata=list(zip(part["actor"], part["responding_state"], part["approximate"])),
            hovertemplate="%{customdata[0]} (%{customdata[1]})<br>%{x} days after the release"
                          "<br>approximate: %{customdata[2]}<extra></extra>"))
    legend_entry(fig, "exact dates", "#777", "circle")
    legend_entry(fig, "a date known only to the month or year", "#777", "circle-open")
    fig.update_xaxes(type="linear")
    fig.update_yaxes(type="category", categoryorder="array", categoryarray=list(dict.fromkeys(labels)))
    fig.update_layout(height=max(380, 160 + 28 * labels.nunique()))
    fig = finish(fig, title, "Days after the release", "Release")
    fig.description = intervals_words(data)
    return fig


def timeline_by(rows: pd.DataFrame, column: str, title: str, label: str) -> DescribedFigure:
    """The kit's release timeline with one row per value of ``column`` (a platform, a language ...).

    ``rows`` has the columns of :func:`campaignkit.figures.timeline_data` plus ``column``; a release
    with two values appears on two rows. Markers and legend are those of the timeline (colour and
    shape = kind, open marker = date known only to the month or year).

    >>> import campaignkit as ck
    >>> c = ck.load("campaigns")
    >>> rows = c.merge(ck.load("campaign_languages")[["campaign_id", "language"]], on="campaign_id")
    >>> timeline_by(rows, "language", "Releases by language", "Language").layout.yaxis.title.text
    'Language'
    """
    cols = ["first_published", "date_precision", "kind", "title_en", "campaign_id"]
    data = rows[cols].assign(sponsor_state=rows[column].astype(str))
    fig = _timeline(data.sort_values(["first_published", "campaign_id"], ignore_index=True), title,
                    label.lower())
    return fig.update_yaxes(title_text=label)
