"""Figures that compare categories: matrices, flows, bars and reported reach.

>>> import campaignkit as ck
>>> from campaignkit import tables
>>> fig = flow(tables.sponsor_target_pairs(ck.load("campaigns")))
>>> fig.data[0].type
'sankey'
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from ..names import state_name
from .base import PALETTE, finish, rgba

__all__ = ["matrix", "flow", "bar", "reach_claims"]


def matrix(counts: pd.DataFrame, row: str, col: str, title: str, row_label: str,
           col_label: str, value: str = "releases") -> go.Figure:
    """A heatmap of ``value`` by ``row`` and ``col``, with the number written in each cell."""
    table = counts.pivot_table(index=row, columns=col, values=value, aggfunc="sum", fill_value=0,
                               observed=True)
    z = table.to_numpy()
    fig = go.Figure(go.Heatmap(
        z=z, x=[str(c) for c in table.columns], y=[str(i) for i in table.index],
        colorscale="Blues", zmin=0, text=z, texttemplate="%{text}", showscale=False,
        hovertemplate=f"{row_label}: %{{y}}<br>{col_label}: %{{x}}<br>{value}: %{{z}}<extra></extra>"))
    fig.update_xaxes(side="bottom", tickangle=-35)
    fig.update_yaxes(autorange="reversed")
    fig.update_layout(height=max(360, 170 + 30 * len(table.index)))
    fig = finish(fig, title, col_label, row_label)
    fig.update_layout(margin={"b": 150})
    fig.update_annotations(yshift=-110)
    return fig


def flow(pairs: pd.DataFrame, title: str = "Who addresses whom: sponsor state to target state") -> go.Figure:
    """A Sankey diagram of releases from sponsor states (left) to target states (right)."""
    sponsors = list(dict.fromkeys(pairs["sponsor_state"]))
    targets = list(dict.fromkeys(pairs["target_state"]))
    labels = [f"{state_name(s)} (sponsor)" for s in sponsors] + [f"{state_name(t)} (target)" for t in targets]
    colors = [PALETTE[i % len(PALETTE)] for i in range(len(sponsors))]
    fig = go.Figure(go.Sankey(
        node={"label": labels, "pad": 14, "color": colors + ["#bbb"] * len(targets)},
        link={"source": [sponsors.index(s) for s in pairs["sponsor_state"]],
              "target": [len(sponsors) + targets.index(t) for t in pairs["target_state"]],
              "value": pairs["releases"].tolist(),
              "color": [rgba(colors[sponsors.index(s)], 0.45) for s in pairs["sponsor_state"]],
              "hovertemplate": "%{source.label} → %{target.label}: %{value} release(s)<extra></extra>"}))
    fig.update_layout(height=max(420, 40 * len(labels)))
    return finish(fig, title, "", "")


def bar(data: pd.DataFrame, x: str, y: str, title: str, x_label: str, y_label: str,
        color: str | None = None) -> go.Figure:
    """Horizontal bars of ``x`` for each ``y`` (optionally split and coloured by ``color``)."""
    fig = go.Figure()
    groups = [(None, data)] if color is None else list(data.groupby(color, observed=True))
    for i, (name, part) in enumerate(groups):
        fig.add_trace(go.Bar(x=part[x], y=part[y].astype(str), orientation="h",
                             name=str(name).replace("_", " ") if name is not None else x_label,
                             marker_color=PALETTE[i % len(PALETTE)], showlegend=color is not None,
                             hovertemplate="%{y}: %{x}<extra></extra>"))
    fig.update_layout(barmode="stack", height=max(340, 160 + 26 * data[y].nunique()))
    fig.update_yaxes(autorange="reversed")
    return finish(fig, title, x_label, y_label)


def reach_claims(reach: pd.DataFrame, title: str = "Reported reach: claims, and who made them") -> go.Figure:
    """Every reported figure on a log scale, one row per release, coloured by who claimed it."""
    fig = go.Figure()
    order = {"sponsor": 0, "target_state": 1, "media": 2, "independent": 3}
    for claimant, part in reach.groupby(reach["claimant_type"].astype(str)):
        i = order.get(claimant, 4)
        fig.add_trace(go.Scatter(
            x=part["value"].astype(float), y=part["campaign_id"] + " · " + part["metric"].astype(str),
            mode="markers",
            name=f"claimed by: {claimant.replace('_', ' ')}",
            marker={"size": 12, "color": PALETTE[i], "symbol": i},
            customdata=list(zip(part["metric"].astype(str), part["value_qualifier"].astype(str),
                                part["claimed_by"], part["as_of"].dt.strftime("%Y-%m-%d"),
                                part["platform"].astype(str))),
            hovertemplate="%{customdata[1]} %{x:,} %{customdata[0]} (%{customdata[4]})"
                          "<br>claimed by %{customdata[2]}, as of %{customdata[3]}<extra></extra>"))
    fig.update_xaxes(type="log")
    fig.update_yaxes(type="category")
    rows = (reach["campaign_id"] + reach["metric"].astype(str)).nunique()
    fig.update_layout(height=max(380, 160 + 34 * rows))
    return finish(fig, title, "Reported figure (log scale: each step is ten times more)",
                  "Release · what was counted")
