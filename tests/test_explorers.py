"""Explorers: pure views against hand-checked expectations, a property test over random
controls, and the widgets' wiring (change a control, reset)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from campaignkit.explorers import Tables, languages_view, platforms_view, timing_view
from campaignkit.explorers.widgets import build_languages, build_platforms, build_timing

T = Tables.load()
SPONSORS = sorted(T.overview["sponsor_state"].astype(str).unique())
TARGETS = sorted({s for ts in T.overview["target_states"] for s in ts})
KINDS = sorted(T.overview["kind"].astype(str).unique())
LANGS = sorted({lang for ls in T.overview["languages"] for lang in ls})
CATS = sorted(T.events["category"].astype(str).unique())


def test_us_releases_to_russia_in_2023():
    v = platforms_view(T, sponsors=["USA"], target="RUS", years=(2023, 2023))
    assert v.table["campaign_id"].tolist() == ["fbi-ru-2023-02-24-anniversary-video",
                                               "cia-ru-2023-05-15-video-my-decision",
                                               "cia-ru-2023-09-video-for-myself"]
    trace_platforms = {p for tr in v.figure.data if tr.y is not None for p in tr.y if p}
    assert {"facebook", "telegram", "youtube"} <= trace_platforms


def test_facebook_was_blocked_in_russia_for_the_may_2023_film():
    v = platforms_view(T, sponsors=["USA"], target="RUS", years=(2023, 2023))
    marks = [(y, c[1]) for tr in v.figure.data if tr.customdata is not None
             for y, c in zip(tr.y, tr.customdata) if c[0].startswith("Why I made contact with the CIA: My")]
    assert ("facebook", "blocked") in marks and ("telegram", "open or not recorded") in marks


def test_korean_releases():
    assert languages_view(T, ["ko"]).table["campaign_id"].tolist() == [
        "cia-ko-2024-10-02-text-video", "ua-ko-2024-10-23-i-want-to-live-korean"]


def test_language_labels_carry_the_languages_own_script():
    labels = {y for tr in languages_view(T, ["fa", "zh"]).figure.data for y in tr.y}
    assert any("中文" in y for y in labels) and any("فارسی" in y for y in labels)


def test_prague_speech_25_days_after_the_mutiny():
    v = timing_view(T, "mutiny", 30)
    assert v.table[["campaign_id", "days_from_event"]].values.tolist() == [["mi6-ru-2023-07-19-prague-speech", 25]]


def test_nothing_matches_states_are_explicit():
    for v in (platforms_view(T, sponsors=["DEU"], target="PRK"), languages_view(T, ["no-such"]),
              timing_view(T, "mutiny", 0)):
        assert v.count == 0 and v.table.empty and v.figure is None
        assert v.message.startswith("Nothing matches") and "Reset" in v.message


years = st.tuples(st.integers(2015, 2030), st.integers(2015, 2030))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sponsors=st.lists(st.sampled_from(SPONSORS), unique=True, max_size=3),
       target=st.one_of(st.none(), st.sampled_from(TARGETS + ["XYZ"])),
       years=years, kinds=st.lists(st.sampled_from(KINDS), unique=True, max_size=3),
       languages=st.lists(st.sampled_from(LANGS + ["xx"]), unique=True, max_size=3),
       category=st.one_of(st.none(), st.sampled_from(CATS)), window=st.integers(-400, 400))
def test_any_controls_give_a_consistent_view(sponsors, target, years, kinds, languages, category, window):
    for v in (platforms_view(T, sponsors, target, years, kinds),
              languages_view(T, languages, sponsors, years),
              timing_view(T, category, window, sponsors, target, years)):
        assert v.count == len(v.table)
        assert (v.count == 0) == v.message.startswith("Nothing matches")
        assert (v.figure is None) == (v.count == 0)


@pytest.mark.parametrize("build,control,value", [
    (build_platforms, "target", "CHN"), (build_languages, "languages", ("fa",)),
    (build_timing, "window_days", 90)])
def test_widgets_follow_their_controls_and_reset(build, control, value):
    ex = build(T)
    before = ex.view.count
    ex.controls[control].value = value
    assert ex.view.count != before and f"<b>{ex.view.count} release(s) match</b>" in ex.count.value
    assert ex.view.table.empty or "ck-matches" in ex.table.value
    ex.reset()
    assert ex.controls[control].value == ex.defaults[control] and ex.view.count == before


@pytest.mark.parametrize("build,control,value", [
    (build_platforms, "target", "CHN"), (build_languages, "languages", ("fa",)),
    (build_timing, "window_days", 90)])
def test_the_chart_is_followed_by_its_description(build, control, value):
    """The explorer's Output holds the chart and then its caption, both from the current view, so
    the words change with the chart; the chart's text form carries the same description."""
    from campaignkit.figures.described import CAPTION_CLASS
    from campaignkit.figures.output import PLOTLY_MIME
    ex = build(T)
    for change in (None, value):
        if change is not None:
            ex.controls[control].value = change
        chart, caption = ex.figure.outputs
        assert PLOTLY_MIME in chart["data"] and ex.view.description in chart["data"]["text/plain"]
        assert CAPTION_CLASS in caption["data"]["text/html"]
        assert caption["data"]["text/plain"].endswith(ex.view.description) and ex.view.description
    assert ex.figure.outputs[1]["data"]["text/plain"] != build(T).figure.outputs[1]["data"]["text/plain"]
