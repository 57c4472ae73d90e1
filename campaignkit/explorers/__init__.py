"""Interactive explorers for platforms, languages and timing.

``views`` holds the pure functions (data and control values in, a View out); ``widgets`` wires
ipywidgets controls to them and returns the widget without displaying it.
"""

from .views import Tables, View, languages_view, platforms_view, timing_view

__all__ = ["Tables", "View", "platforms_view", "languages_view", "timing_view"]
