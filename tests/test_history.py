"""The historical precedents: enough of them, across enough decades, each sourced like the rest."""

from __future__ import annotations

import campaignkit as ck


def test_at_least_ten_appeals_from_four_decades_before_2019():
    h = ck.load("historical_appeals")
    assert len(h) >= 10
    assert (h["period_start"].dt.year < 2019).all()
    assert h["period_start"].dt.year.floordiv(10).nunique() >= 4


def test_every_appeal_is_sourced_and_two_sourced_where_confirmed():
    h, sources = ck.load("historical_appeals"), set(ck.load("sources")["source_id"])
    assert h["source_ids"].map(len).gt(0).all()
    assert all(set(ids) <= sources for ids in h["source_ids"])
    confirmed = h[h["confidence"] == "confirmed"]
    assert confirmed["source_ids"].map(lambda ids: len(set(ids)) >= 2).all()
    assert len(confirmed) >= len(h) / 2, "most appeals should have two independent sources"


def test_advice_is_stored_as_categories_only():
    h = ck.load("historical_appeals")
    vocab = set(ck.read_package().table("historical_appeals").field("security_advice").list_enum)
    assert all(set(a) <= vocab for a in h["security_advice"])


def test_every_notebook_has_two_to_five_readings_primary_first():
    from pathlib import Path

    r = ck.load("readings")
    notebooks = {p.stem for p in (Path(ck.data_dir()).parent / "notebooks").glob("[0-9][0-9]-*.ipynb")}
    assert notebooks <= set(r["notebook"].astype(str)), sorted(notebooks - set(r["notebook"].astype(str)))
    for name, group in r.groupby(r["notebook"].astype(str)):
        assert 2 <= len(group) <= 5, name
        kinds = group.sort_values("order")["kind"].astype(str).tolist()
        assert kinds == sorted(kinds, key=["primary", "overview"].index), f"{name}: primary documents first"
