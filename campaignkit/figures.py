"""Figures: pure functions from tidy DataFrames to plotly Figures.

Every figure has a title, axis titles, hover text and a source line; colours come from the
Okabe-Ito palette, which stays distinguishable with the common forms of colour blindness.
Nothing here calls ``show()`` or fetches anything. Each figure has a ``*_data`` function that
returns the tidy table it draws, so a learner who cannot see the chart can read the table.

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

__all__ = ["PALETTE", "SOURCE_LINE", "timeline_data", "timeline"]

#: Okabe-Ito colour-blind-safe palette (black last, for "other").
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
SOURCE_LINE = "Source: state-campaigns teaching kit, datasets/ (every row cites its sources)."
PRECISION_SYMBOL = {"day": "circle", "month": "circle-open", "year": "diamond-open"}


def _finish(fig: go.Figure, title: str, x: str, y: str, source: str = SOURCE_LINE) -> go.Figure:
    fig.update_layout(
        title={"text": title, "x": 0.01},
        xaxis_title=x,
        yaxis_title=y,
        template="plotly_white",
        font={"family": "Noto Sans, DejaVu Sans, Arial, sans-serif", "size": 13},
        margin={"l": 80, "r": 20, "t": 70, "b": 100},
        legend={"title": {"text": ""}},
    )
    fig.add_annotation(text=source, xref="paper", yref="paper", x=0, y=0, yanchor="top",
                       yshift=-55, showarrow=False, xanchor="left",
                       font={"size": 11, "color": "#555"})
    return fig


def _legend_entry(fig: go.Figure, name: str, color: str, symbol: str = "circle",
                  group: str | None = None) -> None:
    """A legend-only entry (no data), so the legend shows the intended colour and symbol."""
    fig.add_trace(go.Scatter(x=[None], y=[None], mode="markers", name=name, legendgroup=group,
                             marker={"size": 11, "color": color, "symbol": symbol,
                                     "line": {"width": 2, "color": color}},
                             hoverinfo="skip"))


def timeline_data(campaigns: pd.DataFrame) -> pd.DataFrame:
    """The rows the timeline draws: one per campaign, sorted by date.

    >>> import campaignkit as ck
    >>> list(timeline_data(ck.load("campaigns")).columns)
    ['first_published', 'date_precision', 'sponsor_state', 'kind', 'title_en', 'campaign_id']
    """
    cols = ["first_published", "date_precision", "sponsor_state", "kind", "title_en", "campaign_id"]
    return campaigns[cols].sort_values(["first_published", "campaign_id"]).reset_index(drop=True)


def timeline(data: pd.DataFrame, title: str = "Campaign releases by sponsor state, 2019-2026") -> go.Figure:
    """Each release as a marker at its date, one row per sponsor state, coloured by kind.

    Open markers mean the date is known only to the month (or year): they sit on the first
    day of that period, which is a convention, not a claimed day.
    """
    fig = go.Figure()
    kinds = [k for k in data["kind"].cat.categories if (data["kind"] == k).any()] \
        if hasattr(data["kind"], "cat") else sorted(data["kind"].unique())
    for i, kind in enumerate(kinds):
        part = data[data["kind"] == kind]
        precision = part["date_precision"].astype(str)
        color = PALETTE[i % len(PALETTE)]
        label = str(kind).replace("_", " ")
        _legend_entry(fig, label, color, group=str(kind))
        fig.add_trace(go.Scatter(
            x=part["first_published"], y=part["sponsor_state"].astype(str), mode="markers",
            name=label, legendgroup=str(kind), showlegend=False,
            marker={"size": 12, "color": color, "line": {"width": 2, "color": color},
                    "symbol": precision.map(PRECISION_SYMBOL).tolist()},
            customdata=list(zip(part["title_en"], precision, part["campaign_id"])),
            hovertemplate="<b>%{customdata[0]}</b><br>%{x|%Y-%m-%d} (precision: %{customdata[1]})"
                          "<br>%{customdata[2]}<extra></extra>",
        ))
    _legend_entry(fig, "date known to the day", "#777", "circle")
    _legend_entry(fig, "known to the month only", "#777", "circle-open")
    _legend_entry(fig, "known to the year only", "#777", "diamond-open")
    fig = _finish(fig, title, "Date of first publication", "Sponsor state")
    fig.update_xaxes(type="date")
    fig.update_yaxes(type="category", categoryorder="category descending")
    fig.update_layout(height=max(440, 180 + 50 * data["sponsor_state"].nunique()))
    return fig
