"""Figures: pure functions from tidy DataFrames to plotly Figures.

Every figure has a title, axis titles, hover text and a source line, in a colour-blind-safe
palette; nothing here calls ``show()`` or fetches anything. Pair each figure with the tidy table
it draws (the ``*_data`` functions and ``campaignkit.tables``), so a learner who cannot see
the chart can read the same information.
"""

from .base import PALETTE, SOURCE_LINE, data_points
from .compare import bar, flow, matrix, reach_claims
from .explorers import languages_chart, platforms_chart
from .output import display_output
from .time import counts_over_time, intervals, releases_and_events, timeline, timeline_by, timeline_data

__all__ = ["PALETTE", "SOURCE_LINE", "timeline_data", "timeline", "timeline_by", "counts_over_time",
           "releases_and_events", "intervals", "matrix", "flow", "bar", "reach_claims", "data_points",
           "platforms_chart", "languages_chart", "display_output"]
