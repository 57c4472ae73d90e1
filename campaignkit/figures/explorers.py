"""The explorers' charts: platforms and languages over time (the timing explorer uses
:func:`campaignkit.figures.releases_and_events`). The explorers' views compute the marks as
tables and call these; nothing here filters data. Each sponsor state has its own colour and
marker shape.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from ..names import language_label, language_name, state_name
from .base import PALETTE, finish, legend_entry, symbol
from .described import DescribedFigure
from .wording import count, largest, span

__all__ = ["platforms_chart", "languages_chart", "STATUS_MARK"]

#: the status of a platform in the target state on the release date, drawn over the sponsor's marker
STATUS_MARK = {"blocked": "x-thin-open", "no_public_internet": "x-thin-open",
               "restricted": "circle-open", "throttled": "circle-open"}


def _sponsor_traces(fig: go.Figure, marks: pd.DataFrame, y, customdata, hovertemplate: str) -> None:
    for i, sponsor in enumerate(sorted(marks["sponsor_state"].astype(str).unique())):
        part = marks[marks["sponsor_state"].astype(str) == sponsor]
        color = PALETTE[i % len(PALETTE)]
        fig.add_trace(go.Scatter(
            x=part["first_published"], y=y(part), mode="markers", name=state_name(sponsor),
            legendgroup=sponsor, marker={"size": 13, "color": color, "symbol": symbol(i),
                                         "line": {"width": 1, "color": "#fff"}},
            customdata=customdata(part), hovertemplate=hovertemplate))


def platforms_chart(marks: pd.DataFrame, title: str, target: str | None = None) -> DescribedFigure:
    """One marker per (release, platform): colour and shape = sponsor state; a black cross over it
    where the platform was blocked in ``target`` on the release date, a ring where restricted.

    ``marks`` has ``first_published``, ``platform``, ``sponsor_state``, ``title_en``, ``status``.
    """
    fig = DescribedFigure()
    # customdata as one 2-column array, not a list of tuples: plotly checks a list item by item
    _sponsor_traces(fig, marks, lambda p: p["platform"], lambda p: p[["title_en", "status"]].to_numpy(),
                    "<b>%{customdata[0]}</b><br>%{y}, %{x|%Y-%m-%d}<br>in the target state: "
                    "%{customdata[1]}<extra></extra>")
    if target:
        for status, name in (("x-thin-open", f"blocked in {target} at release"),
                             ("circle-open", "restricted or throttled")):
            part = marks[marks["status"].map(STATUS_MARK) == status]
            legend_entry(fig, name, "#000", status)
            fig.add_trace(go.Scatter(x=part["first_published"], y=part["platform"], mode="markers",
                                     name=name, showlegend=False, hoverinfo="skip",
                                     marker={"size": 22, "symbol": status, "color": "#000",
                                             "line": {"width": 2, "color": "#000"}}))
    fig.update_xaxes(type="date")
    fig.update_yaxes(type="category", categoryorder="category descending")
    fig.update_layout(height=max(380, 170 + 30 * marks["platform"].nunique()))
    fig = finish(fig, title, "Date of first publication", "Platform")
    fig.description = _marks_words(marks, "platform use", "platform", marks["platform"].astype(str), "Most used")
    if target and not marks.empty:
        status = marks["status"].map(STATUS_MARK)
        fig.description += (f" In {state_name(target)} on the release date: "
                            f"{count(int((status == 'x-thin-open').sum()), 'platform use')} blocked (crossed), "
                            f"{int((status == 'circle-open').sum())} restricted or throttled (ringed).")
    return fig


def languages_chart(marks: pd.DataFrame, title: str) -> DescribedFigure:
    """One marker per (release, language), labelled in the language's own script; colour and
    shape = sponsor state.

    ``marks`` has ``first_published``, ``languages`` (one code per row), ``sponsor_state``,
    ``title_en`` and ``title_original``.
    """
    fig = DescribedFigure()
    _sponsor_traces(fig, marks, lambda p: p["languages"].map(lambda c: language_label(c, isolate=True)),
                    lambda p: p[["title_en", "title_original"]]
                    .fillna({"title_original": "(original title not recorded)"}).to_numpy(),
                    "<b>%{customdata[0]}</b><br>%{customdata[1]}<br>%{x|%Y-%m-%d}<extra></extra>")
    fig.update_xaxes(type="date")
    fig.update_yaxes(type="category", categoryorder="category descending")
    fig.update_layout(height=max(380, 170 + 34 * marks["languages"].nunique()))
    fig = finish(fig, title, "Date of first publication", "Language (its own name)")
    fig.description = _marks_words(marks, "release-language mark", "language",
                                   marks["languages"].astype(str).map(language_name), "Most frequent")
    return fig


def _marks_words(marks: pd.DataFrame, mark: str, what: str, rows: pd.Series, most: str) -> str:
    if marks.empty:
        return "Chart with nothing to show."
    sponsors = marks.drop_duplicates("campaign_id") if "campaign_id" in marks else marks
    by_sponsor = sponsors["sponsor_state"].astype(str).map(state_name).value_counts()
    releases = marks["campaign_id"].nunique() if "campaign_id" in marks else len(marks)
    return (f"{count(len(marks), mark)} of {count(releases, 'release')} across "
            f"{count(rows.nunique(), what)}, {span(marks['first_published'])}. {most}: "
            f"{largest(rows.value_counts().to_dict())}. Releases by sponsor state, each with its own colour "
            f"and marker shape: {largest(by_sponsor.to_dict(), len(by_sponsor))}.")
