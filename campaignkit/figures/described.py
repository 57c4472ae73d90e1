"""Figures that say what they show: a plotly Figure with a plain-language description.

Every figure function of the kit returns a :class:`DescribedFigure`: a ``go.Figure`` whose
``description`` is written from the same data the chart draws. It lives in ``layout.meta``, so it
travels with the figure's JSON; shown in a notebook (JupyterLab, Voila, nbconvert), the figure
draws as usual and a caption with the description follows it. :func:`describe` gives any figure a
description, a generic one for plain plotly charts (a student's own ``px.bar``).

>>> fig = DescribedFigure(go.Bar(x=["a", "b"], y=[3, 5]), layout={"title": {"text": "Two bars"}})
>>> fig.description = "Two bars: b (5) is larger than a (3)."
>>> isinstance(fig.update_layout(height=300), go.Figure), fig.layout.meta["description"]
(True, 'Two bars: b (5) is larger than a (3).')
>>> describe(go.Figure(go.Bar(x=["a", "b"], y=[3, 5]), layout={"title": {"text": "Two bars"}}))
'Chart "Two bars": bars of 2 values; x axis with 2 categories; y axis from 3 to 5. Largest: b (5), a (3).'
>>> caption_html("1 < 2")
'<p class="ck-figure-description" role="note"><b>What the chart shows:</b> 1 &lt; 2</p>'
"""

from __future__ import annotations

from html import escape

import pandas as pd
import plotly.graph_objects as go

from .wording import count, number, span

__all__ = ["DescribedFigure", "describe", "with_description", "caption_html", "caption_output", "CAPTION_CLASS"]

CAPTION_CLASS = "ck-figure-description"
CAPTION_LEAD = "What the chart shows:"


def caption_html(text: str) -> str:
    """The visible caption that follows a figure: one paragraph, read as a note."""
    return f'<p class="{CAPTION_CLASS}" role="note"><b>{CAPTION_LEAD}</b> {escape(text)}</p>'


def caption_output(fig: go.Figure) -> dict:
    """A ``display_data`` output holding the caption of ``fig``, for ``Output.outputs``."""
    text = describe(fig)
    return {"output_type": "display_data", "metadata": {},
            "data": {"text/html": caption_html(text), "text/plain": f"{CAPTION_LEAD} {text}"}}


class DescribedFigure(go.Figure):
    """A plotly Figure that carries a text description of what it draws (``layout.meta``).

    Displayed in a notebook, it draws with the active renderer, then shows the description as a
    caption. It is a ``go.Figure`` in every other respect.
    """

    def __setattr__(self, prop, value):   # plotly refuses unknown attributes; this one is ours
        if prop == "description":
            object.__setattr__(self, prop, value)
        else:
            super().__setattr__(prop, value)

    @property
    def description(self) -> str:
        return describe(self)

    @description.setter
    def description(self, text: str) -> None:
        meta = self.layout.meta if isinstance(self.layout.meta, dict) else {}
        self.layout.meta = {**meta, "description": str(text)}

    def _ipython_display_(self):
        super()._ipython_display_()
        self._show_caption()

    def show(self, *args, **kwargs):
        """Draw the figure with plotly's ``show``, then its caption (in a notebook)."""
        super().show(*args, **kwargs)
        self._show_caption()

    def _show_caption(self) -> None:
        from IPython.core.interactiveshell import InteractiveShell
        from IPython.display import display

        if InteractiveShell.initialized():
            text = self.description
            display({"text/html": caption_html(text), "text/plain": f"{CAPTION_LEAD} {text}"}, raw=True)


def with_description(fig: go.Figure, text: str | None = None) -> DescribedFigure:
    """``fig`` as a :class:`DescribedFigure` (a copy), described by ``text`` or generically."""
    out = DescribedFigure(fig)
    out.description = text or describe(fig)
    return out


def describe(fig) -> str:
    """The description of ``fig`` (a figure or its dict): the one it carries, else a generic one
    built from its title, traces and axes."""
    if isinstance(fig, dict):
        fig = go.Figure(fig)
    meta = fig.layout.meta
    if isinstance(meta, dict) and meta.get("description"):
        return str(meta["description"])
    return _generic(fig)


def _values(v) -> list:
    """A trace's array as a list, also when plotly stored it typed (``{"dtype", "bdata"}``)."""
    if v is None:
        return []
    if isinstance(v, dict) and "bdata" in v:
        import base64

        import numpy as np

        return np.frombuffer(base64.b64decode(v["bdata"]), dtype=v["dtype"]).ravel().tolist()
    return list(v)


def _numeric(values) -> pd.Series | None:
    s = pd.to_numeric(pd.Series(values, dtype=object), errors="coerce")
    return s if len(s) and s.notna().all() else None


def _axis_words(fig: go.Figure, axis: str, values: list) -> str:
    title = getattr(fig.layout, f"{axis}axis").title.text
    name = f'{axis} axis "{title}"' if title else f"{axis} axis"
    nums = _numeric(values)
    if nums is not None:
        return f"{name} from {number(nums.min())} to {number(nums.max())}"
    if getattr(fig.layout, f"{axis}axis").type == "date" or _looks_like_dates(values):
        return f"{name} {span(values)}"
    return f"{name} with {count(len(set(map(str, values))), 'category', 'categories')}"


def _looks_like_dates(values) -> bool:
    parsed = pd.to_datetime(pd.Series(values, dtype=object).astype(str), errors="coerce", format="mixed")
    return bool(len(values)) and parsed.notna().all()


def _bars(trace) -> tuple[list, list]:
    """(labels, values) of a bar trace, whichever way it points."""
    x, y = _values(trace.x), _values(trace.y)
    labels, values = (y, x) if trace.orientation == "h" else (x, y)
    if not labels:
        labels = list(range(len(values)))
    return labels, values


def _generic(fig: go.Figure) -> str:
    title = fig.layout.title.text
    traces = [t for t in fig.data if getattr(t, "hoverinfo", None) != "skip"]
    types = sorted({t.type for t in traces})
    head = f'Chart "{title}"' if title else "A chart without a title"
    if not traces:
        return f"{head}: it draws no data."
    parts = []
    if types == ["bar"]:
        pairs = [(lab, val) for t in traces for lab, val in zip(*_bars(t)) if _numeric([val]) is not None]
        parts.append(f"bars of {count(len(pairs), 'value')}")
        top = sorted(pairs, key=lambda p: -float(p[1]))[:3]
        largest = ("Largest: " + ", ".join(f"{lab} ({number(val)})" for lab, val in top) + ".") if top else ""
    else:
        points = sum(len(_values(getattr(t, "x", None)) or _values(getattr(t, "y", None))
                         or _values(getattr(t, "z", None)) or _values(getattr(t, "values", None)))
                     for t in traces)
        parts.append(f"{' and '.join(types)} traces with {count(points, 'data point')}")
        largest = ""
    named = [t.name for t in traces if getattr(t, "name", None)]
    if len(named) > 1:
        parts.append(f"series {', '.join(named[:6])}" + (" ..." if len(named) > 6 else ""))
    for axis in ("x", "y"):
        values = [v for t in traces if t.type in ("bar", "scatter") for v in _values(getattr(t, axis))
                  if v is not None]
        if values:
            parts.append(_axis_words(fig, axis, values))
    notes = [a.text for a in fig.layout.annotations if a.text and not a.text.startswith("Source:")]
    text = f"{head}: {'; '.join(parts)}."
    if largest:
        text += f" {largest}"
    if notes:
        text += " Marked on the chart: " + "; ".join(notes) + "."
    return text
