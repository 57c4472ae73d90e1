"""Shared look of every figure: palette, fonts, source line, legend entries.

Every figure has a title, axis titles, hover text and a source line; colours come from the
Okabe-Ito palette, which stays distinguishable with the common forms of colour blindness.
"""

from __future__ import annotations

import plotly.graph_objects as go

__all__ = ["PALETTE", "SYMBOLS", "PATTERNS", "SOURCE_LINE", "PRECISION_SYMBOL", "finish", "legend_entry",
           "data_points", "color_map", "rgba", "symbol", "pattern", "precision_symbol"]

#: Okabe-Ito colour-blind-safe palette; its yellow, weak on white, comes last.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#000000", "#F0E442"]
SOURCE_LINE = "Source: state-campaigns teaching kit, datasets/ (every row cites its sources)."
#: the second channel besides colour: the i-th category gets PALETTE[i] and SYMBOLS[i] (markers)
#: or a pattern (bars); each symbol has a clearly different open variant. Past eight categories the
#: colours repeat, never together with the same symbol or pattern.
SYMBOLS = ["circle", "square", "diamond", "triangle-up", "star", "hexagon", "triangle-down", "pentagon",
           "cross", "hourglass", "star-diamond", "bowtie"]
PATTERNS = ["", "/", ".", "x", "-", "\\", "|", "+"]
#: date precision as a variant of a category's symbol: filled, open, open with a dot
PRECISION_SYMBOL = {"day": "", "month": "-open", "year": "-open-dot"}


def finish(fig: go.Figure, title: str, x: str, y: str, source: str = SOURCE_LINE) -> go.Figure:
    fig.update_layout(
        title={"text": title, "x": 0.01},
        xaxis_title=x,
        yaxis_title=y,
        template="plotly_white",
        font={"family": "Noto Sans, DejaVu Sans, Arial, sans-serif", "size": 13},
        margin={"l": 80, "r": 20, "t": 70, "b": 100},
        height=fig.layout.height or 460,
        legend={"title": {"text": ""}},
    )
    fig.add_annotation(text=source, xref="paper", yref="paper", x=0, y=0, yanchor="top",
                       yshift=-55, showarrow=False, xanchor="left",
                       font={"size": 11, "color": "#555"})
    return fig


def legend_entry(fig: go.Figure, name: str, color: str, symbol: str = "circle",
                  group: str | None = None) -> None:
    """A legend-only entry (no data), so the legend shows the intended colour and symbol."""
    fig.add_trace(go.Scatter(x=[None], y=[None], mode="markers", name=name, legendgroup=group,
                             marker={"size": 11, "color": color, "symbol": symbol,
                                     "line": {"width": 2, "color": color}},
                             hoverinfo="skip"))


def data_points(fig: go.Figure) -> int:
    """How many data points a figure draws (legend-only entries do not count)."""
    return sum(len(t.x) for t in fig.data if t.hoverinfo != "skip" and getattr(t, "x", None) is not None)


def symbol(i: int) -> str:
    """The marker symbol of the ``i``-th category (the partner of ``PALETTE[i]``)."""
    return SYMBOLS[i % len(SYMBOLS)]


def pattern(i: int) -> dict:
    """A bar's fill pattern for the ``i``-th category, drawn over its colour in a contrasting ink."""
    color = PALETTE[i % len(PALETTE)]
    r, g, b = (int(color[k:k + 2], 16) for k in (1, 3, 5))
    ink = "#000" if 0.299 * r + 0.587 * g + 0.114 * b > 140 else "#fff"
    shape = PATTERNS[(i + i // len(PALETTE)) % len(PATTERNS)]   # a repeated colour gets a new pattern
    return {"shape": shape, "fillmode": "overlay", "fgcolor": ink, "solidity": 0.35}


def precision_symbol(base: str, precision: str) -> str:
    """``base`` filled for a date known to the day, open for the month, open with a dot for the year.

    >>> precision_symbol("square", "day"), precision_symbol("square", "month"), precision_symbol("star", "year")
    ('square', 'square-open', 'star-open-dot')
    """
    return base + PRECISION_SYMBOL.get(str(precision), "")


def color_map(values) -> dict:
    """A stable colour for each value, in order of first appearance."""
    return {v: PALETTE[i % len(PALETTE)] for i, v in enumerate(dict.fromkeys(values))}


def rgba(hex_color: str, alpha: float) -> str:
    """``#RRGGBB`` as a CSS ``rgba()`` string with the given opacity.

    >>> rgba("#0072B2", 0.5)
    'rgba(0, 114, 178, 0.5)'
    """
    r, g, b = (int(hex_color[i:i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r}, {g}, {b}, {alpha})"
