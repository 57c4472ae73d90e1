"""Analysis functions against hand-checked facts; every figure carries title, axes and source."""

from __future__ import annotations

import pytest

import campaignkit as ck
from campaignkit import figures, tables


@pytest.fixture(scope="module")
def t():
    return {name: ck.load(name) for name in ck.table_names()}


def test_pairs_count_every_target_once(t):
    pairs = tables.sponsor_target_pairs(t["campaigns"])
    assert pairs["releases"].sum() == t["campaigns"]["target_states"].map(len).sum()
    usa_rus = pairs[(pairs.sponsor_state == "USA") & (pairs.target_state == "RUS")]["releases"].item()
    c = t["campaigns"]
    assert usa_rus == ((c.sponsor_state == "USA") & c.target_states.map(lambda s: "RUS" in s)).sum()


def test_peskov_answered_the_may_2023_video_one_day_later(t):
    iv = tables.response_intervals(t["campaigns"], t["responses"])
    row = iv[(iv.campaign_id == "cia-ru-2023-05-15-video-my-decision") & iv.actor.str.contains("Peskov")]
    assert row["days"].tolist() == [1] and not row["approximate"].any()


def test_month_precision_makes_intervals_approximate(t):
    iv = tables.response_intervals(t["campaigns"], t["responses"])
    assert iv[iv.campaign_id == "ua-ru-2022-09-i-want-to-live"]["approximate"].all()


def test_prague_speech_came_25_days_after_the_wagner_mutiny(t):
    near = tables.releases_near_events(t["campaigns"], t["events"], 30, categories=["mutiny"])
    row = near[near.campaign_id == "mi6-ru-2023-07-19-prague-speech"]
    assert row["days_from_event"].tolist() == [25]


def test_window_zero_and_negative_windows(t):
    zero = tables.releases_near_events(t["campaigns"], t["events"], 0)
    assert (zero["days_from_event"] == 0).all()
    assert tables.releases_near_events(t["campaigns"], t["events"], -30).equals(
        tables.releases_near_events(t["campaigns"], t["events"], 30))


def test_access_at_release(t):
    acc = tables.access_at_release(t["campaigns"], t["campaign_platforms"], t["platform_access"])
    def status(cid, platform, state):
        return acc[(acc.campaign_id == cid) & (acc.platform == platform) & (acc.state == state)]
    assert status("cia-fa-2024-10-02-text-video", "instagram", "IRN")["status"].item() == "blocked"
    assert status("cia-ru-2023-05-15-video-my-decision", "facebook", "RUS")["status"].item() == "blocked"
    assert status("cia-ru-2023-05-15-video-my-decision", "telegram", "RUS")["status"].item() == "open or not recorded"
    prk = status("cia-ko-2024-10-02-text-video", "youtube", "PRK")
    assert prk["status"].item() == "no_public_internet" and prk["since_unknown"].item()


def _figures(t):
    c, ev = t["campaigns"], t["events"]
    pl = t["campaign_platforms"].merge(c[["campaign_id", "sponsor_state"]], on="campaign_id")
    counts = pl.groupby(["sponsor_state", "platform"], observed=True).size().rename("releases").reset_index()
    return [
        figures.timeline(figures.timeline_data(c)),
        figures.counts_over_time(tables.by_year(c, "kind"), "kind", "Releases per year by kind"),
        figures.releases_and_events(c, ev),
        figures.intervals(tables.response_intervals(c, t["responses"])),
        figures.matrix(counts, "sponsor_state", "platform", "Platforms", "Sponsor state", "Platform"),
        figures.flow(tables.sponsor_target_pairs(c)),
        figures.bar(counts.head(5), "releases", "platform", "Bars", "Releases", "Platform"),
        figures.reach_claims(t["reach"]),
    ]


def test_every_figure_has_title_axes_and_source(t):
    for fig in _figures(t):
        assert fig.layout.title.text
        assert any("Source:" in a.text for a in fig.layout.annotations)
        if fig.data[0].type != "sankey":
            assert fig.layout.xaxis.title.text and fig.layout.yaxis.title.text
        assert all(getattr(tr, "hovertemplate", None) or tr.hoverinfo == "skip" or tr.type == "sankey"
                   for tr in fig.data)


def test_figures_load_nothing_from_the_network(t):
    for fig in _figures(t):
        assert "http" not in fig.to_json().replace("https://plotly.com", "")
