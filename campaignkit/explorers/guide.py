"""What the explorers say to the people using them: how to read each chart, which notebook explains
it, the current selection in words, how to pick several items with the keyboard, and the focus ring.

Pure text, no widget: ``widgets.py`` shows these next to the controls and the chart.

>>> selection_words("platforms", {"sponsors": (), "target": "RUS", "years": (2019, 2026), "kinds": ()})
'Showing: releases by any sponsor addressed to Russia, 2019-2026.'
>>> selection_words("timing", {"category": "war", "window_days": 30, "sponsors": ("USA", "RUS"),
...                            "years": (2022, 2020)})
'Showing: releases by Russia or United States within 30 days of a war event, 2020-2022.'
>>> selection_words("languages", {"languages": ("fa",), "sponsors": (), "years": (2019, 2026)})
'Showing: releases in Persian (Farsi) by any sponsor, 2019-2026.'
"""

from __future__ import annotations

from ..figures.wording import label, listing
from ..names import language_name, state_name
from .views import year_range

__all__ = ["READ", "NOTEBOOK", "LIST_HINT", "STYLE", "selection_words", "notebook_link"]

#: One line per explorer: what a mark on the chart is.
READ = {
    "platforms": "How to read this: each row of the chart is a platform and each marker a release posted "
                 "on it, by date; a cross means the platform was blocked in the target state that day.",
    "languages": "How to read this: each row of the chart is a language and each marker a release in it, "
                 "by date; a release in several languages has a marker on each of their rows.",
    "timing": "How to read this: markers are releases and vertical lines the events they fall near; a "
              "release counts when it lies within the window of an event concerning its sponsor or target.",
}

#: The notebook that explains each explorer (a sibling of notebooks/dashboard.ipynb).
NOTEBOOK = {"platforms": ("06-platforms.ipynb", "Notebook 06: platforms and blocking"),
            "languages": ("07-languages.ipynb", "Notebook 07: languages and scripts"),
            "timing": ("08-timing.ipynb", "Notebook 08: timing around events")}

#: Next to every multi-select list. Checked in Debian's Chromium: arrows pick one item, Shift+arrows
#: extend, Ctrl+arrows move without changing the selection and (Ctrl+)Space then adds or removes the
#: item under the cursor (tests/test_browser.py drives the lists that way).
LIST_HINT = ("Select several with Ctrl (or Cmd) + click. Keyboard: Tab into the list, arrows pick one, "
             "Shift+arrows extend, Ctrl+arrows move and Ctrl+Space adds or removes an item; "
             "none selected means all.")

#: A visible focus ring on every control and on the dashboard's tabs (the widgets' own CSS removes
#: some outlines), and controls that wrap instead of scrolling sideways in a narrow window. Shown by
#: each explorer, so it applies in JupyterLab as in Voila.
STYLE = """<style>
.ck-explorer :focus-visible, .ck-dashboard :focus-visible, .ck-explorer select:focus,
.ck-explorer .noUi-handle:focus, .ck-dashboard .lm-TabBar-tab:focus {
  outline: 3px solid #0b57d0 !important; outline-offset: 2px; box-shadow: 0 0 0 5px #fff; }
.ck-explorer .ck-row { flex-wrap: wrap; gap: 8px 24px; }
.ck-explorer .ck-panel { flex: 0 1 370px; width: 370px; min-width: 0 !important; max-width: 100%; }
.ck-explorer .ck-right { flex: 1 1 420px; min-width: min(420px, 100%); max-width: 100%; }
.ck-explorer .widget-slider, .ck-explorer .widget-select-multiple, .ck-explorer .widget-dropdown
  { max-width: 100%; flex-wrap: wrap; }
.ck-explorer .ck-hint { font-size: 90%; line-height: 1.35 !important; color: #3b3b3b; margin: 0 0 8px; }
.ck-dashboard .ck-read { line-height: 1.4; margin: 0; }
.ck-dashboard .ck-guide a { color: #0b57d0; text-decoration: underline; }
/* Voila draws the other tabs' names grey on grey (4.45:1, under WCAG's 4.5:1) */
.ck-dashboard .lm-TabBar-tab, .ck-dashboard .lm-TabBar-tabLabel { color: #3b3b3b !important; }
.ck-explorer .ck-table { overflow-x: auto; max-width: 100%; }
.ck-explorer .ck-words { font-weight: 600; }
</style>"""


def _states(codes) -> str:
    return listing(sorted(state_name(c) for c in codes), "or")


def _years(years) -> str:
    lo, hi = year_range(years)
    return f"{lo}-{hi}" if lo != hi else str(lo)


def selection_words(name: str, values: dict) -> str:
    """The explorer's current control values as one sentence (``Showing: releases ...``)."""
    who = f"by {_states(values['sponsors'])}" if values.get("sponsors") else "by any sponsor"
    parts = ["releases"]
    if name == "platforms":
        if values.get("kinds"):
            parts = [listing(map(label, values["kinds"]), "or"), "releases"]
        parts.append(who)
        if values.get("target"):
            parts.append(f"addressed to {state_name(values['target'])}")
    elif name == "languages":
        langs = [language_name(c) for c in values.get("languages") or ()]
        parts.append(f"in {listing(langs, 'or')}" if langs else "in any language")
        parts.append(who)
    else:
        what = f"a {label(values['category'])} event" if values.get("category") else "any event"
        parts += [who, f"within {int(values['window_days'])} days of {what}"]
    return f"Showing: {' '.join(parts)}, {_years(values['years'])}."


def notebook_link(name: str) -> str:
    """A relative link to the explaining notebook: it opens beside the dashboard in JupyterLab and
    in Voila when Voila serves the folder (``voila notebooks/``, or /voila/render/ on a hub)."""
    path, label = NOTEBOOK[name]
    return f'<a href="{path}" target="_blank" rel="noopener">{label}</a>'
