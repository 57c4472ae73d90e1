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
from .base import PALETTE, finish, pattern, rgba, symbol
from .described import DescribedFigure
from .wording import count, label, largest, number

__all__ = ["matrix", "flow", "bar", "reach_claims"]


def matrix(counts: pd.DataFrame, row: str, col: str, title: str, row_label: str,
           col_label: str, value: str = "releases") -> DescribedFigure:
    """A heatmap of ``value`` by ``row`` and ``col``, with the number written in each cell."""
    table = counts.pivot_table(index=row, columns=col, values=value, aggfunc="sum", fill_value=0,
                               observed=True)
    z = table.to_numpy()
    fig = DescribedFigure(go.Heatmap(
        z=z, x=[str(c) for c in table.columns], y=[str(i) for i in table.index],
        colorscale="Blues", zmin=0, text=z, texttemplate="%{text}", showscale=False,
        hovertemplate=f"{row_label}: %{{y}}<br>{col_label}: %{{x}}<br>{value}: %{{z}}<extra></extra>"))
    fig.update_xaxes(side="bottom", tickangle=-35)
    fig.update_yaxes(autorange="reversed")
    fig.update_layout(height=max(360, 170 + 30 * len(table.index)))
    fig = finish(fig, title, col_label, row_label)
    fig.update_layout(margin={"b": 150})
    fig.update_annotations(yshift=-110)
    fig.description = _matrix_words(table, row_label, col_label, value)
    return fig


def _matrix_words(table: pd.DataFrame, row_label: str, col_label: str, value: str) -> str:
    if table.empty:
        return "Grid with no cells to show."
    cells = table.stack()
    top = {f"{r} and {c}": n for (r, c), n in cells.items() if n > 0}
    zero = int((cells == 0).sum())
    return (f"Grid of {value} by {row_label.lower()} ({count(len(table.index), 'row')}) and "
            f"{col_label.lower()} ({count(len(table.columns), 'column')}); each cell shows its number and "
            f"darker cells hold more. Total: {number(cells.sum())}. Largest cells: {largest(top) or 'none'}. "
            f"{number(zero)} of {number(cells.size)} cells are zero.")


def flow(pairs: pd.DataFrame, title: str = "Who addresses whom: sponsor state to target state") -> DescribedFigure:
    """A Sankey diagram of releases from sponsor states (left) to target states (right)."""
    sponsors = list(dict.fromkeys(pairs["sponsor_state"]))
    targets = list(dict.fromkeys(pairs["target_state"]))
    labels = [f"{state_name(s)} (sponsor)" for s in sponsors] + [f"{state_name(t)} (target)" for t in targets]
    colors = [PALETTE[i % len(PALETTE)] for i in range(len(sponsors))]
    fig = DescribedFigure(go.Sankey(
        node={"label": labels, "pad": 14, "color": colors + ["#bbb"] * len(targets)},
        link={"source": [sponsors.index(s) for s in pairs["sponsor_state"]],
              "target": [len(sponsors) + targets.index(t) for t in pairs["target_state"]],
              "value": pairs["releases"].tolist(),
              "color": [rgba(colors[sponsors.index(s)], 0.45) for s in pairs["sponsor_state"]],
              "hovertemplate": "%{source.label} → %{target.label}: %{value} release(s)<extra></extra>"}))
    fig.update_layout(height=max(420, 40 * len(labels)))
    fig = finish(fig, title, "", "")
    fig.description = _flow_words(pairs)
    return fig


def _flow_words(pairs: pd.DataFrame) -> str:
    if pairs.empty:
        return "Flow diagram with nothing to show."
    links = {f"{state_name(s)} to {state_name(t)}": n
             for s, t, n in zip(pairs["sponsor_state"], pairs["target_state"], pairs["releases"])}
    targets = pairs.groupby(pairs["target_state"].map(state_name))["releases"].sum()
    return (f"Flow diagram, every node labelled by name: {count(pairs['sponsor_state'].nunique(), 'sponsor state')} "
            f"(left) to {count(pairs['target_state'].nunique(), 'target state')} (right), "
            f"{count(pairs['releases'].sum(), 'link')} of release to target in all (a release addressed to "
            f"two states counts for each); each band is as thick as its number of releases. Largest flows: "
            f"{largest(links)}. Most addressed: {largest(targets.to_dict())}.")


def bar(data: pd.DataFrame, x: str, y: str, title: str, x_label: str, y_label: str,
        color: str | None = None) -> DescribedFigure:
    """Horizontal bars of ``x`` for each ``y`` (optionally split by ``color``: a colour and a fill
    pattern per group)."""
    fig = DescribedFigure()
    groups = [(None, data)] if color is None else list(data.groupby(color, observed=True))
    for i, (name, part) in enumerate(groups):
        fig.add_trace(go.Bar(x=part[x], y=part[y].astype(str), orientation="h",
                             name=str(name).replace("_", " ") if name is not None else x_label,
                             marker={"color": PALETTE[i % len(PALETTE)],
                                     "pattern": pattern(i) if color is not None else {}},
                             showlegend=color is not None,
                             hovertemplate="%{y}: %{x}<extra></extra>"))
    fig.update_layout(barmode="stack", height=max(340, 160 + 26 * data[y].nunique()))
    fig.update_yaxes(autorange="reversed")
    fig = finish(fig, title, x_label, y_label)
    fig.description = _bar_words(data, x, y, x_label, y_label, color)
    return fig


def _bar_words(data: pd.DataFrame, x: str, y: str, x_label: str, y_label: str, color: str | None) -> str:
    if data.empty:
        return "Bar chart with no bars to show."
    sums = data.groupby(data[y].astype(str), sort=False)[x].sum()
    text = (f"Horizontal bars of {x_label.lower()} for {count(len(sums), 'value')} of {y_label.lower()}; "
            f"total {number(sums.sum())}. Largest: {largest(sums.to_dict())}.")
    if len(sums) > 3:
        low = sums.sort_values(kind="stable").index[0]
        text += f" Smallest: {low} ({number(sums[low])})."
    if color is not None:
        groups = data.groupby(data[color].astype(str), observed=True)[x].sum()
        text += (f" Each bar is split by {label(color)}, each part with its own colour and fill pattern: "
                 f"{largest({label(k): n for k, n in groups.items()}, len(groups))}.")
    return text


def reach_claims(reach: pd.DataFrame, title: str = "Reported reach: claims, and who made them") -> DescribedFigure:
    """Every reported figure on a log scale, one row per release; colour and shape = who claimed it."""
    fig = DescribedFigure()
    order = {"sponsor": 0, "target_state": 1, "media": 2, "independent": 3}
    for claimant, part in reach.groupby(reach["claimant_type"].astype(str)):
        i = order.get(claimant, 4)
        fig.add_trace(go.Scatter(
            x=part["value"].astype(float), y=part["campaign_id"] + " · " + part["metric"].astype(str),
            mode="markers",
            name=f"claimed by: {claimant.replace('_', ' ')}",
            marker={"size": 12, "color": PALETTE[i], "symbol": symbol(i)},
            customdata=list(zip(part["metric"].astype(str), part["value_qualifier"].astype(str),
                                part["claimed_by"], part["as_of"].dt.strftime("%Y-%m-%d"),
                                part["platform"].astype(str))),
            hovertemplate="%{customdata[1]} %{x:,} %{customdata[0]} (%{customdata[4]})"
                          "<br>claimed by %{customdata[2]}, as of %{customdata[3]}<extra></extra>"))
    fig.update_xaxes(type="log")
    fig.update_yaxes(type="category")
    rows = (reach["campaign_id"] + reach["metric"].astype(str)).nunique()
    fig.update_layout(height=max(380, 160 + 34 * rows))
    fig = finish(fig, title, "Reported figure (log scale: each step is ten times more)",
                 "Release · what was counted")
    fig.description = _reach_words(reach)
    return fig


def _reach_words(reach: pd.DataFrame) -> str:
    if reach.empty:
        return "Chart with no reported figures to show."
    top = reach.sort_values("value", ascending=False, kind="stable").iloc[0]
    qualifier = {"approx": "about ", "more_than": "more than ", "at_least": "at least "}.get(
        str(top["value_qualifier"]), "")
    who = reach["claimant_type"].astype(str).value_counts()
    return (f"{count(len(reach), 'reported figure')} for {count(reach['campaign_id'].nunique(), 'release')} "
            f"on a log scale, from {number(reach['value'].min())} to {number(reach['value'].max())}. Largest: "
            f"{qualifier}{number(top['value'])} {label(top['metric'])} of {top['campaign_id']} "
            f"({label(top['platform'])}), claimed by {top['claimed_by']}. Who claimed them, each with its "
            f"own colour and marker shape: {largest({label(k): n for k, n in who.items()}, len(who))}. These are "
            "claims, often by an interested party, not measurements.")
