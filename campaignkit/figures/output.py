"""A figure as a notebook output, without drawing it: for widgets that redraw a chart.

>>> import plotly.graph_objects as go
>>> out = display_output(go.Figure(layout={"title": {"text": "T"}}))
>>> out["output_type"], sorted(out["data"])
('display_data', ['application/vnd.plotly.v1+json', 'text/plain'])
"""

from __future__ import annotations

import json

import plotly.graph_objects as go
import plotly.io as pio

from .described import CAPTION_LEAD, describe

__all__ = ["display_output", "PLOTLY_MIME"]

PLOTLY_MIME = "application/vnd.plotly.v1+json"


def display_output(fig: go.Figure) -> dict:
    """A ``display_data`` output holding ``fig`` in plotly's own mime type (rendered by the plotly
    extension of JupyterLab and Voila; no plotly.js travels with it), for ``Output.outputs``. Its
    plain-text form names the figure and says what it shows; the visible caption is
    :func:`campaignkit.figures.caption_output`, a second output after this one."""
    spec = json.loads(pio.to_json(fig, validate=False))
    spec.setdefault("config", {})
    text = f"Figure: {fig.layout.title.text}" if fig.layout.title.text else "Figure"
    text += f"\n{CAPTION_LEAD} {describe(fig)}"
    return {"output_type": "display_data", "data": {PLOTLY_MIME: spec, "text/plain": text}, "metadata": {}}
