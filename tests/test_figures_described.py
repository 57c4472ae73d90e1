"""Every chart is described, and the description agrees with what the chart draws.

The expected numbers are read back from each figure's traces (points, largest values and their
labels, dates), never from the code that writes the descriptions. Categories told apart by colour
are also told apart by marker shape or fill pattern.
"""

from __future__ import annotations

import inspect
from collections import Counter

import pandas as pd
import plotly.express as px
import plotly.graph_objects as go
import plotly.io as pio
import pytest

import campaignkit as ck
from campaignkit import figures, tables
from campaignkit.explorers import Tables, languages_view, platforms_view, timing_view
from campaignkit.names import state_name

T = {name: ck.load(name) for name in ck.table_names()}
C = T["campaigns"]
NOT_FIGURES = {"timeline_data", "data_points", "display_output", "describe", "with_description", "caption_html",
               "caption_output", "DescribedFigure"}


def _platform_counts():
    pl = T["campaign_platforms"].merge(C[["campaign_id", "sponsor_state"]], on="campaign_id")
    return pl.groupby(["sponsor_state", "platform"], observed=True).size().rename("releases").reset_index()


def _language_rows():
    return C.merge(T["campaign_languages"][["campaign_id", "language"]], on="campaign_id")


EXPLORERS = Tables.load()
BUILT = {
    "timeline": lambda: figures.timeline(figures.timeline_data(C)),
    "timeline_by": lambda: figures.timeline_by(_language_rows(), "language", "By language", "Language"),
    "counts_over_time": lambda: figures.counts_over_time(tables.by_year(C, "kind"), "kind", "Per year"),
    "releases_and_events": lambda: figures.releases_and_events(C, T["events"]),
    "intervals": lambda: figures.intervals(tables.response_intervals(C, T["responses"])),
    "matrix": lambda: figures.matrix(_platform_counts(), "sponsor_state", "platform", "Platforms",
                                     "Sponsor state", "Platform"),
    "flow": lambda: figures.flow(tables.sponsor_target_pairs(C)),
    "bar": lambda: figures.bar(_platform_counts(), "releases", "platform", "Bars", "Releases", "Platform",
                               color="sponsor_state"),
    "reach_claims": lambda: figures.reach_claims(T["reach"]),
    "platforms_chart": lambda: platforms_view(EXPLORERS, target="RUS").figure,
    "languages_chart": lambda: languages_view(EXPLORERS).figure,
}


def drawn(fig) -> list:
    """The traces that draw data (legend-only entries and overlays skip hover)."""
    return [t for t in fig.data if t.hoverinfo != "skip"]


def month(value) -> str:
    return pd.Timestamp(value).strftime("%B %Y")


def n(value) -> str:
    return f"{int(value):,}"


def test_every_public_figure_function_is_checked_here():
    public = {name for name in figures.__all__ if callable(getattr(figures, name)) and name not in NOT_FIGURES}
    assert public == set(BUILT), "add the new figure function to BUILT (and its checks) in this file"


@pytest.mark.parametrize("name", sorted(BUILT))
def test_each_figure_is_a_described_plotly_figure(name):
    fig = BUILT[name]()
    assert isinstance(fig, figures.DescribedFigure) and isinstance(fig, go.Figure)
    assert len(fig.description) > 60 and fig.description == figures.describe(fig)
    assert isinstance(fig.update_layout(height=500), figures.DescribedFigure)
    again = pio.from_json(pio.to_json(fig))           # the description travels with the JSON
    assert figures.describe(again) == fig.description


def _dates_in(fig, traces) -> None:
    xs = pd.to_datetime(pd.Series([x for t in traces for x in t.x]))
    assert month(xs.min()) in fig.description and month(xs.max()) in fig.description


def _top(counter: dict, rename=str) -> list[str]:
    """Each 'label (value)' among the largest: ties allowed, any one of them may be named."""
    best = max(counter.values())
    return [f"{rename(k)} ({n(v)})" for k, v in counter.items() if v == best]


def _timeline_checks(fig, releases_noun: str, rename=str):
    data = [t for t in drawn(fig) if not t.name.startswith("event:")]
    marks = sum(len(t.x) for t in data)
    releases = len({c[2] for t in data for c in t.customdata})
    assert f"{n(releases)} {releases_noun}" in fig.description
    if marks != releases:
        assert f"as {n(marks)} markers" in fig.description
    rows = Counter(y for t in data for y in t.y)
    assert any(top in fig.description for top in _top(rows, rename))
    _dates_in(fig, data)
    open_ids = {c[2] for t in data for c, s in zip(t.customdata, t.marker.symbol) if "open" in s}
    assert f"Open markers: {n(len(open_ids))} release" in fig.description
    return data


def test_timeline_numbers_agree_with_the_chart():
    fig = BUILT["timeline"]()
    for t in _timeline_checks(fig, "releases", state_name):
        assert f"{t.name} ({len(t.x)})" in fig.description    # markers per kind = releases per kind


def test_timeline_by_counts_releases_and_markers():
    _timeline_checks(BUILT["timeline_by"](), "releases")


def test_releases_and_events_describes_the_events_too():
    fig = BUILT["releases_and_events"]()
    _timeline_checks(fig, "releases", state_name)
    events = [t for t in drawn(fig) if t.name.startswith("event:")]
    assert f"{n(sum(len(t.x) for t in events))} events in {len(events)} categories" in fig.description
    assert any(top in fig.description for top in _top({t.name.removeprefix("event: "): len(t.x) for t in events}))
    _dates_in(fig, events)


def test_counts_over_time_numbers_agree_with_the_bars():
    fig = BUILT["counts_over_time"]()
    years, groups, bars = Counter(), {}, {}
    for t in fig.data:
        years.update(dict(zip(map(str, t.x), t.y)))
        groups[t.name] = sum(t.y)
        bars.update({f"{t.name} in {x} ({n(y)})": y for x, y in zip(t.x, t.y)})
    assert f"{n(sum(years.values()))} releases per year" in fig.description
    assert any(f"Busiest year: {y.split(' (')[0]} ({y.split('(')[1][:-1]} releases)" in fig.description
               for y in _top(years))
    assert any(top in fig.description for top in _top(groups))
    assert any(bar in fig.description for bar, y in bars.items() if y == max(bars.values()))


def test_intervals_numbers_agree_with_the_markers():
    fig = BUILT["intervals"]()
    days = [d for t in drawn(fig) for d in t.x]
    assert f"{n(len(days))} responses" in fig.description
    assert f"from {n(min(days))} to {n(max(days))} days" in fig.description
    assert f"after {n(max(days))} days" in fig.description
    opened = sum(s.endswith("-open") for t in drawn(fig) for s in t.marker.symbol)
    assert f"Open markers: {n(opened)} responses" in fig.description


def test_matrix_numbers_agree_with_the_cells():
    fig = BUILT["matrix"]()
    h = fig.data[0]
    cells = {f"{y} and {x}": v for y, row in zip(h.y, h.z) for x, v in zip(h.x, row)}
    assert f"Total: {n(sum(cells.values()))}" in fig.description
    assert any(top in fig.description for top in _top(cells))
    assert f"{n(sum(v == 0 for v in cells.values()))} of {len(cells)} cells are zero" in fig.description


def test_flow_numbers_agree_with_the_links():
    fig = BUILT["flow"]()
    s = fig.data[0]
    names = [lab.rsplit(" (", 1)[0] for lab in s.node.label]
    links = {f"{names[a]} to {names[b]}": v for a, b, v in zip(s.link.source, s.link.target, s.link.value)}
    assert f"{n(sum(links.values()))} links" in fig.description
    assert any(top in fig.description for top in _top(links))


def test_bar_numbers_agree_with_the_bars():
    fig = BUILT["bar"]()
    sums = Counter()
    for t in fig.data:
        sums.update(dict(zip(t.y, t.x)))
    assert f"total {n(sum(sums.values()))}" in fig.description
    assert any(top in fig.description for top in _top(sums))
    assert f"for {len(sums)} values" in fig.description


def test_reach_claims_numbers_agree_with_the_markers():
    fig = BUILT["reach_claims"]()
    values = [v for t in drawn(fig) for v in t.x]
    assert f"{n(len(values))} reported figures" in fig.description
    assert f"from {n(min(values))} to {n(max(values))}" in fig.description


@pytest.mark.parametrize("name", ["platforms_chart", "languages_chart"])
def test_explorer_charts_numbers_agree_with_the_markers(name):
    fig = BUILT[name]()
    traces = drawn(fig)
    assert fig.description.startswith(f"{n(sum(len(t.x) for t in traces))} ")
    _dates_in(fig, traces)
    rows = Counter(y for t in traces for y in t.y)
    english = (lambda y: y.split(" · ")[0]) if name == "languages_chart" else str   # 'Persian (Farsi) · ...'
    assert any(top in fig.description for top in _top(rows, english))
    if name == "platforms_chart":
        crossed = sum(len(t.x) for t in fig.data if t.showlegend is False and t.hoverinfo == "skip"
                      and t.marker.symbol == "x-thin-open")   # the crosses drawn over blocked uses
        assert f"{n(crossed)} platform use" in fig.description and "blocked (crossed)" in fig.description


def test_views_carry_their_figures_description():
    for view in (platforms_view(EXPLORERS, target="RUS"), languages_view(EXPLORERS, ["fa"]),
                 timing_view(EXPLORERS, "mutiny", 30)):
        assert view.description and view.description == view.figure.description
    assert platforms_view(EXPLORERS, sponsors=["DEU"], target="PRK").description == ""


def _legend(fig) -> list[tuple[str, str, str]]:
    """(name, colour, second channel) of every legend entry."""
    out = []
    for t in fig.data:
        if t.showlegend is False or not t.name:
            continue
        second = t.marker.pattern.shape if t.type == "bar" else t.marker.symbol
        out.append((t.name, t.marker.color, second if second is not None else ""))
    return out


@pytest.mark.parametrize("name", sorted(set(BUILT) - {"matrix", "flow"}))
def test_colour_is_never_the_only_channel(name):
    """Legend entries in the palette's colours differ in symbol or pattern too, not only in colour:
    the second channel alone tells up to eight categories apart, and no two entries share both."""
    entries = [e for e in _legend(BUILT[name]()) if e[1] in figures.PALETTE]
    assert len(entries) >= 2, entries
    seconds = [e[2] for e in entries[:len(figures.PATTERNS)]]
    assert len(set(seconds)) == len(seconds), f"two categories share a marker shape or pattern: {entries}"
    keys = [(e[1], e[2]) for e in _legend(BUILT[name]())]
    assert len(set(keys)) == len(keys), f"two legend entries share colour and shape or pattern: {entries}"


def test_timeline_markers_keep_their_kinds_shape_with_precision_as_fill():
    fig = BUILT["timeline"]()
    shape_of = {t.name: t.marker.symbol for t in fig.data
                if t.hoverinfo == "skip" and t.marker.color in figures.PALETTE}
    for t in drawn(fig):
        for symbol, c in zip(t.marker.symbol, t.customdata):
            base = symbol.removesuffix("-open-dot").removesuffix("-open")
            assert base == shape_of[t.name]
            assert symbol.endswith({"day": shape_of[t.name], "month": "-open", "year": "-open-dot"}[c[1]])


def test_a_plain_plotly_chart_gets_a_generic_description():
    dist = pd.DataFrame({"releases_near": [0, 1, 2, 3], "worlds": [120, 480, 300, 100]})
    fig = px.bar(dist, x="releases_near", y="worlds", title="Chance worlds",
                 labels={"releases_near": "Releases near an event", "worlds": "Worlds"})
    fig.add_vline(x=2, line_dash="dash", annotation_text="observed: 2")
    text = figures.describe(fig)
    assert text.startswith('Chart "Chance worlds": bars of 4 values')
    assert 'x axis "Releases near an event" from 0 to 3' in text and "Largest: 1 (480)" in text
    assert "observed: 2" in text
    assert figures.describe(fig.to_dict()) == text     # as a renderer sees it: typed arrays in the dict
    scatter = go.Figure(go.Scatter(x=pd.to_datetime(["2022-02-24", "2023-06-24"]), y=[1, 2]))
    assert "A chart without a title" in figures.describe(scatter) and "February 2022" in figures.describe(scatter)
    assert figures.with_description(fig).description == text


def test_shown_in_a_notebook_the_figure_is_followed_by_its_caption():
    from IPython.core.interactiveshell import InteractiveShell
    from IPython.display import display
    from IPython.utils.capture import capture_output

    InteractiveShell.instance()
    fig, before = BUILT["flow"](), pio.renderers.default
    try:
        for renderer in ("plotly_mimetype", "notebook"):
            pio.renderers.default = renderer
            with capture_output() as cap:
                display(fig)
            *chart, caption = cap.outputs
            assert chart and "ck-figure-description" not in str(chart[-1].data)
            assert caption.data["text/html"].startswith('<p class="ck-figure-description" role="note">')
            assert fig.description.split(":")[0] in caption.data["text/plain"]
            with capture_output() as cap:
                fig.show()
            assert "ck-figure-description" in cap.outputs[-1].data["text/html"]
    finally:
        pio.renderers.default = before


def test_figures_stay_pure_functions():
    for name in BUILT:
        source = inspect.getsource(getattr(figures, name))
        assert ".show(" not in source and "pio.renderers" not in source
