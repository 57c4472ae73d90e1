"""The explorers' charts: platforms and languages over time (the timing explorer uses
:func:`campaignkit.figures.releases_and_events`). The explorers' views compute the marks as
tables and call these; nothing here filters data.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from ..names import language_label, state_name
from .base import PALETTE, finish, legend_entry

__all__ = ["platforms_chart", "languages_chart", "STATUS_SYMBOL"]

STATUS_SYMBOL = {"blocked": "x", "restricted": "triangle-down", "throttled": "triangle-down",
                 "no_public_internet": "x-open", "open or not recorded": "circle"}


def platforms_chart(marks: pd.DataFrame, title: str, target: str | None = None) -> go.Figure:
    """One marker per (release, platform): colour = sponsor state, shape = status in ``target``.

    ``marks`` has ``first_published``, ``platform``, ``sponsor_state``, ``title_en``, ``status``.
    """
    fig = go.Figure()
    for i, sponsor in enumerate(sorted(marks["sponsor_state"].astype(str).unique())):
        part = marks[marks["sponsor_state"].astype(str) == sponsor]
        color = PALETTE[i % len(PALETTE)]
        legend_entry(fig, state_name(sponsor), color, group=sponsor)
        fig.add_trace(go.Scatter(
            x=part["first_published"], y=part["platform"], mode="markers", name=sponsor, legendgroup=sponsor,
            showlegend=False,
            marker={"size": 13, "color": color, "line": {"width": 2, "color": color},
                    "symbol": [STATUS_SYMBOL.get(s, "circle") for s in part["status"]]},
            customdata=list(zip(part["title_en"], part["status"])),
            hovertemplate="<b>%{customdata[0]}</b><br>%{y}, %{x|%Y-%m-%d}<br>in the target state: "
                          "%{customdata[1]}<extra></extra>"))
    if target:
        legend_entry(fig, f"blocked in {target} at release", "#777", "x")
        legend_entry(fig, "restricted or throttled", "#777", "triangle-down")
    fig.update_xaxes(type="date")
    fig.update_yaxes(type="category", categoryorder="category descending")
    fig.update_layout(height=max(380, 170 + 30 * marks["platform"].nunique()))
    return finish(fig, title, "Date of first publication", "Platform")


def languages_chart(marks: pd.DataFrame, title: str) -> go.Figure:
    """One marker per (release, language), labelled in the language's own script.

    ``marks`` has ``first_published``, ``languages`` (one code per row), ``sponsor_state``,
    ``title_en`` and ``title_original``.
    """
    fig = go.Figure()
    for i, sponsor in enumerate(sorted(marks["sponsor_state"].astype(str).unique())):
        part = marks[marks["sponsor_state"].astype(str) == sponsor]
        fig.add_trace(go.Scatter(
            x=part["first_published"], y=part["languages"].map(lambda c: language_label(c, isolate=True)),
            mode="markers", name=state_name(sponsor), marker={"size": 13, "color": PALETTE[i % len(PALETTE)]},
            customdata=list(zip(part["title_en"], part["title_original"].fillna("(original title not recorded)"))),
            hovertemplate="<b>%{customdata[0]}</b><br>%{customdata[1]}<br>%{x|%Y-%m-%d}<extra></extra>"))
    fig.update_xaxes(type="date")
    fig.update_yaxes(type="category", categoryorder="category descending")
    fig.update_layout(height=max(380, 170 + 34 * marks["languages"].nunique()))
    return finish(fig, title, "Date of first publication", "Language (its own name)")
