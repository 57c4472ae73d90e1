"""Figures: pure functions from tidy DataFrames to plotly Figures that describe themselves.

Every figure has a title, axis titles, hover text and a source line, in a colour-blind-safe
palette with a second channel (marker shape or fill pattern) wherever colour tells categories
apart; nothing here calls ``show()`` or fetches anything. Every figure function returns a
:class:`DescribedFigure`: a plotly Figure whose ``description`` says in words what it draws,
written from the same data, and shown as a caption under the chart. :func:`describe` gives any
plotly figure (a student's own ``px`` chart too) a description. Pair each figure with the tidy
table it draws (the ``*_data`` functions and ``campaignkit.tables``), so a learner who cannot see
the chart can read the same information.
"""

from .base import PALETTE, PATTERNS, SOURCE_LINE, SYMBOLS, data_points
from .compare import bar, flow, matrix, reach_claims
from .described import DescribedFigure, caption_html, caption_output, describe, with_description
from .explorers import languages_chart, platforms_chart
from .output import display_output
from .time import counts_over_time, intervals, releases_and_events, timeline, timeline_by, timeline_data

__all__ = ["PALETTE", "SYMBOLS", "PATTERNS", "SOURCE_LINE", "timeline_data", "timeline", "timeline_by",
           "counts_over_time", "releases_and_events", "intervals", "matrix", "flow", "bar", "reach_claims",
           "data_points", "platforms_chart", "languages_chart", "display_output", "DescribedFigure",
           "describe", "with_description", "caption_html", "caption_output"]
