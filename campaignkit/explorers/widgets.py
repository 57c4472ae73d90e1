"""ipywidgets explorers: controls wired to the pure views; ``build_*`` return the widget.

Nothing here displays itself: a notebook cell shows the widget by ending with it, tests set
control values and read ``explorer.view`` (the last :class:`View`) and the widgets' values.
The figure is redrawn in an ``ipywidgets.Output`` (no FigureWidget: it works in JupyterLab and
Voila alike and needs no extra frontend package; see TOOLCHAIN notes).

>>> ex = build_platforms()
>>> ex.view.count == len(ex.view.table)
True
>>> ex.controls["target"].value = "PRK"; ex.controls["sponsors"].value = ("DEU",)
>>> ex.view.message.startswith("Nothing matches")
True
>>> ex.reset(); ex.controls["sponsors"].value
()
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

import ipywidgets as w

from ..figures import caption_output, display_output
from ..names import language_label, state_label
from .guide import LIST_HINT, READ, STYLE, notebook_link, selection_words
from .keys import KEYS_CLASS, KeyboardScope
from .views import YEARS, Tables, View, languages_view, platforms_view, timing_view

__all__ = ["Explorer", "Dashboard", "build_platforms", "build_languages", "build_timing", "build_dashboard"]

LAYOUT = {"width": "auto"}


#: The matches table shows at most this many rows (today's data match at most 49; a data package 100
#: times larger would write thousands of rows into the page on every change).
TABLE_ROWS = 200


def table_html(table) -> str:
    """The matching releases as an HTML table, with a note when only the first ``TABLE_ROWS`` show.

    >>> import pandas as pd
    >>> html = table_html(pd.DataFrame({"campaign_id": [f"r{i}" for i in range(TABLE_ROWS + 1)]}))
    >>> html.count("<tr>"), "the first 200 of 201" in html   # body rows (the header row has a style)
    (200, True)
    """
    if table.empty:
        return ""
    html = table.head(TABLE_ROWS).to_html(index=False, escape=True, classes="ck-matches", border=0, na_rep="")
    if len(table) > TABLE_ROWS:
        html += (f'<p class="ck-table-note">Showing the first {TABLE_ROWS} of {len(table)} matching releases, '
                 "in the order above; narrow the selection to see the others.</p>")
    return html


class Explorer(w.VBox):
    """A titled box of controls, a live count, the figure and the matching campaigns' table."""

    def __init__(self, name: str, title: str, controls: dict[str, w.ValueWidget],
                 compute: Callable[..., View], help_text: str):
        self.name, self.controls, self.compute = name, controls, compute
        self.defaults = {k: c.value for k, c in controls.items()}
        self.count = w.HTML().add_class("ck-count")
        self.words = w.HTML().add_class("ck-words")   # the selection in words, next to the chart
        self.figure = w.Output().add_class("ck-figure")
        self.table = w.HTML().add_class("ck-table")
        self.reset_button = w.Button(description="Reset", tooltip="Back to the default selection",
                                     icon="undo").add_class("ck-reset")
        self.reset_button.on_click(lambda _: self.reset())
        self.view: View | None = None
        header = w.HTML(f"<h3>{escape(title)}</h3><p>{escape(help_text)}</p>")
        items = []
        for control in controls.values():   # each multi-select list says how to pick several
            items += [control, w.HTML(f'<p class="ck-hint">{escape(LIST_HINT)}</p>')] \
                if isinstance(control, w.SelectMultiple) else [control]
        panel = w.VBox([*items, self.reset_button], layout={"min_width": "300px"}).add_class("ck-panel")
        right = w.VBox([self.count, self.words, self.figure], layout={"flex": "1"}).add_class("ck-right")
        super().__init__([w.HTML(STYLE), KeyboardScope(), header, w.HBox([panel, right]).add_class("ck-row"),
                          w.HTML("<h4>Matching releases, with their sources</h4>"), self.table])
        self.add_class("ck-explorer").add_class(f"ck-explorer-{name}").add_class(KEYS_CLASS)
        for control in controls.values():
            control.observe(self.refresh, names="value")
        self.refresh()

    def refresh(self, _change=None) -> None:
        values = {k: c.value for k, c in self.controls.items()}
        self.view = view = self.compute(**values)
        # The figure goes into the Output widget's state as one update (a plotly mime bundle),
        # not through `with out: display(...)`: that capture raced Voila's server-side execution
        # and left the dashboard stuck at "Executing" on about one load in four.
        # The caption (the chart's description in words) follows the chart in the same Output.
        self.figure.outputs = () if view.figure is None else (display_output(view.figure),
                                                              caption_output(view.figure))
        self.table.value = table_html(view.table)
        self.words.value = f"<p>{escape(selection_words(self.name, values))}</p>"
        # The count comes last: it is the live region a screen reader announces, and the sign for
        # people and tests that the chart and the table below it are up to date.
        status = "nothing" if view.count == 0 else "some"
        text = escape(view.message)
        if view.count:    # bold the leading "N release(s) match"
            head, _, rest = view.message.partition(" match")
            text = f"<b>{escape(head)} match</b>{escape(rest)}"
        self.count.value = f'<div role="status" aria-live="polite" class="ck-count-{status}">{text}</div>'

    def _repr_mimebundle_(self, **kwargs):
        """The live widget, plus a static HTML fallback for pages without a kernel (make site)."""
        bundle = super()._repr_mimebundle_(**kwargs) or {}
        note = ("<p><em>An interactive explorer: open this notebook in JupyterLab or on Binder to "
                "change the selection. Below: the default selection.</em></p>")
        bundle["text/html"] = f"{note}{self.count.value}{self.table.value}"
        return bundle

    def reset(self) -> None:
        for key, control in self.controls.items():   # one refresh at the end, not one per control
            control.unobserve(self.refresh, names="value")
            control.value = self.defaults[key]
            control.observe(self.refresh, names="value")
        self.refresh()


def _states(codes) -> list[tuple[str, str]]:
    return [(state_label(c), c) for c in sorted(codes)]


def _years() -> w.IntRangeSlider:
    return w.IntRangeSlider(value=YEARS, min=YEARS[0], max=YEARS[1], step=1, description="Years",
                            continuous_update=False, layout={"width": "330px"},
                            style={"description_width": "initial"}).add_class("ck-years")


def build_platforms(tables: Tables | None = None) -> Explorer:
    """Which platforms each sponsor used, and whether they were blocked in the target state."""
    t = tables or Tables.load()
    ov = t.overview
    targets = sorted({s for ts in ov["target_states"] for s in ts})
    controls = {
        "sponsors": w.SelectMultiple(options=_states(ov["sponsor_state"].astype(str).unique()), rows=6,
                                     description="Sponsor", layout=LAYOUT).add_class("ck-sponsors"),
        "target": w.Dropdown(options=[("any state", "")] + _states(targets), value="RUS",
                             description="Target", layout=LAYOUT).add_class("ck-target"),
        "years": _years(),
        "kinds": w.SelectMultiple(options=[(k.replace("_", " "), k) for k in sorted(ov["kind"].astype(str).unique())],
                                  rows=5, description="Kind", layout=LAYOUT).add_class("ck-kinds"),
    }
    return Explorer("platforms", "Platforms explorer", controls,
                    lambda sponsors, target, years, kinds: platforms_view(t, sponsors, target or None, years, kinds),
                    "No sponsor or kind selected means all. Markers: a cross where the platform was "
                    "blocked in the target state on the release date.")


def build_languages(tables: Tables | None = None) -> Explorer:
    """Releases by language over time, with original titles in their own script."""
    t = tables or Tables.load()
    langs = sorted({lang for ls in t.overview["languages"] for lang in ls})
    controls = {
        "languages": w.SelectMultiple(options=[(language_label(c, say_direction=True), c) for c in langs], rows=7,
                                      description="Language", layout=LAYOUT).add_class("ck-languages"),
        "sponsors": w.SelectMultiple(options=_states(t.overview["sponsor_state"].astype(str).unique()), rows=6,
                                     description="Sponsor", layout=LAYOUT).add_class("ck-sponsors"),
        "years": _years(),
    }
    return Explorer("languages", "Languages explorer", controls,
                    lambda languages, sponsors, years: languages_view(t, languages, sponsors, years),
                    "No language or sponsor selected means all. Each language is labelled with its own "
                    "name in its script; original titles appear in the table where a source shows them.")


def build_timing(tables: Tables | None = None) -> Explorer:
    """Releases near context events of a category, within a window of days."""
    t = tables or Tables.load()
    cats = sorted(t.events["category"].astype(str).unique())
    controls = {
        "category": w.Dropdown(options=[("any event", "")] + [(c.replace("_", " "), c) for c in cats],
                               value="war", description="Event", layout=LAYOUT).add_class("ck-category"),
        "window_days": w.IntSlider(value=30, min=0, max=180, step=5, description="Window (days)",
                                   continuous_update=False, layout=LAYOUT).add_class("ck-window"),
        "sponsors": w.SelectMultiple(options=_states(t.overview["sponsor_state"].astype(str).unique()), rows=6,
                                     description="Sponsor", layout=LAYOUT).add_class("ck-sponsors"),
        "years": _years(),
    }
    return Explorer("timing", "Timing explorer", controls,
                    lambda category, window_days, sponsors, years: timing_view(t, category or None, window_days,
                                                                             sponsors, None, years),
                    "Releases within the window of an event that concerns their sponsor or target "
                    "states. Closeness in time is not a cause; with a handful of releases, patterns are fragile.")


class Dashboard(w.Tab):
    """The three explorers as the tabs of one widget (the Voila dashboard), each under a line on
    how to read it and a link to the notebook that explains it.

    One displayed widget, not three: Voila renders every widget output of the page as soon as its
    frontend starts, while the widget models are still arriving from the kernel, and a view whose
    model is not there yet waits at most 2 s of wall-clock time (``get_model`` in
    @jupyter-widgets/base-manager). With three outputs, drawing the first explorer kept the
    browser busy for longer than that on a loaded machine, and the other two gave up for good
    ("Error displaying widget: model not found"). With one output only this widget is looked up;
    its explorers are reached through its ``children``, which never wait on that deadline.
    """

    def __init__(self, explorers: dict[str, Explorer]):
        self.explorers = explorers
        pages = [w.VBox([w.HTML(f'<p class="ck-read">{escape(READ[name])} Explained in '
                                f'{notebook_link(name)}.</p>').add_class("ck-guide"), explorer],
                        layout={"max_width": "100%"}).add_class(f"ck-tab-{name}")
                 for name, explorer in explorers.items()]
        super().__init__(pages, titles=[name.capitalize() for name in explorers])
        self.add_class("ck-dashboard").add_class(KEYS_CLASS)   # its tabs too (explorers/keys.py)

    def _repr_mimebundle_(self, **kwargs):
        """The live widget, plus the explorers' static fallbacks (pages without a kernel)."""
        bundle = super()._repr_mimebundle_(**kwargs) or {}
        bundle["text/html"] = "".join(f"<h2>{escape(name.capitalize())}</h2>" +
                                      ex._repr_mimebundle_().get("text/html", "")
                                      for name, ex in self.explorers.items())
        return bundle


def build_dashboard(tables: Tables | None = None) -> Dashboard:
    """The platforms, languages and timing explorers as tabs of one widget (notebooks/dashboard.ipynb)."""
    t = tables or Tables.load()
    return Dashboard({"platforms": build_platforms(t), "languages": build_languages(t),
                      "timing": build_timing(t)})
