"""The shipped data package: it validates, and every table loads with the documented dtypes."""

from __future__ import annotations

import pandas as pd
import pytest
from conftest import DATA, run_cli

import campaignkit as ck

TABLES = ck.table_names()


def expected_dtype(field) -> str:
    if field.is_list:
        return "object"
    if field.type == "date":
        return "datetime64[ns]"
    if field.type == "integer":
        return "Int64"
    if field.type == "boolean":
        return "boolean"
    if field.enum is not None:
        return "category"
    return "str"


def test_package_lists_every_design_table():
    design = {"campaigns", "agencies", "campaign_languages", "campaign_platforms", "security_advice",
              "themes", "reach", "responses", "events", "platform_access", "sources"}
    assert design <= set(TABLES)


@pytest.mark.parametrize("name", TABLES)
def test_table_loads_with_documented_dtypes(name):
    frame = ck.load(name)
    table = ck.read_package().table(name)
    assert list(frame.columns) == table.columns
    assert len(frame) > 0, f"{name} is empty"
    for field in table.fields:
        assert str(frame[field.name].dtype) == expected_dtype(field), (name, field.name)
        if field.enum is not None:
            assert list(frame[field.name].cat.categories) == field.enum
        if field.is_list:
            assert all(isinstance(v, list) for v in frame[field.name]), (name, field.name)


def test_empty_optional_text_is_missing_not_the_word_none():
    campaigns = ck.load("campaigns")
    assert campaigns["title_original"].isna().any()
    assert not (campaigns["title_original"] == "None").any()


def test_load_returns_an_independent_copy():
    a = ck.load("campaigns")
    a.loc[0, "title_en"] = "changed"
    assert ck.load("campaigns").loc[0, "title_en"] != "changed"


def test_overview_has_one_row_per_campaign_with_lists():
    ov = ck.campaign_overview()
    campaigns = ck.load("campaigns")
    assert ov["campaign_id"].tolist() == campaigns["campaign_id"].tolist()
    langs = ck.load("campaign_languages")
    first = langs["campaign_id"].iloc[0]
    expected = sorted(langs.loc[langs["campaign_id"] == first, "language"].astype(str))
    assert ov.set_index("campaign_id").loc[first, "languages"] == expected
    assert ov["agency"].notna().all()


def test_shipped_package_validates_with_the_cli():
    result = run_cli("validate")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("VALID")


def test_shipped_package_validates_with_frictionless():
    frictionless = pytest.importorskip("frictionless")
    report = frictionless.Package(str(DATA / "datapackage.json")).validate()
    errors = [(t.name, e.type, e.note) for t in report.tasks for e in t.errors]
    assert report.valid, errors[:10]


def test_minimum_content_of_the_issue():
    c = ck.coverage()
    assert c["campaigns"] >= 25
    assert len(ck.load("events")) >= 30
    access = ck.load("platform_access")
    assert {"RUS", "CHN", "IRN", "PRK"} <= set(access["state"].astype(str))


def test_month_precision_dates_are_first_of_month():
    c = ck.load("campaigns")
    month = c[c["date_precision"] == "month"]
    assert len(month) > 0 and (month["first_published"].dt.day == 1).all()


def test_every_cited_source_exists():
    sources = set(ck.load("sources")["source_id"])
    for name in ck.coverage()["facts_by_table"]:
        frame = ck.load(name)
        cited = {s for ids in frame["source_ids"] for s in ids}
        assert cited <= sources, (name, sorted(cited - sources)[:5])


def test_dates_are_typed_and_plausible():
    c = ck.load("campaigns")
    assert c["first_published"].min() >= pd.Timestamp("1980-01-01")
    assert c["first_published"].max() <= pd.Timestamp.today()


# The releases issue #2 names as the minimum content: (agency, language or None, year-month).
REQUIRED_RELEASES = [
    ("cia", "ru", "2022-05"), ("cia", "ru", "2023-05"), ("cia", "ru", "2023-09"), ("cia", "ru", "2024-01"),
    ("cia", "zh", "2024-10"), ("cia", "ko", "2024-10"), ("cia", "fa", "2024-10"),
    ("cia", "zh", "2025-05"), ("cia", "zh", "2026-02"), ("cia", "fa", "2026-02"),
    ("mi6", None, "2023-07"), ("mi6", None, "2025-09"), ("mossad", "fa", "2025-06"),
    ("fbi", "ru", "2019-09"), ("us-state-rfj", None, "2020-08"), ("us-state-rfj", None, "2021-07"),
    ("ua-coordination-hq", "ru", "2022-09"), ("ua-coordination-hq", "ko", "2024-10"),
    ("ru-svr", "en", "2025-02"), ("de-bka", None, "2025-09"), ("cn-mss", None, "2023-07"),
]


@pytest.mark.parametrize("agency,language,month", REQUIRED_RELEASES)
def test_required_release_is_present(agency, language, month):
    ov = ck.campaign_overview()
    hits = ov[(ov["agency_id"] == agency) & (ov["first_published"].dt.strftime("%Y-%m") == month)]
    if language:
        hits = hits[hits["languages"].map(lambda langs: language in langs)]
    assert len(hits) >= 1, (agency, language, month)


def test_two_mandarin_films_of_may_2025():
    c = ck.load("campaigns")
    may = c[(c["agency_id"] == "cia") & (c["first_published"] == "2025-05-01")]
    assert len(may) == 2


def test_covert_activity_is_labelled():
    c = ck.load("campaigns")
    covert = c[c["kind"] == "covert_operation"]
    assert len(covert) >= 1
    assert set(covert["attribution"].astype(str)) <= {"third_party_attribution", "disputed"}


@pytest.mark.parametrize("state,actor_type", [
    ("RUS", "foreign_ministry"), ("RUS", "head_of_state_office"),
    ("CHN", "foreign_ministry"), ("CHN", "security_service"), ("IRN", None),
])
def test_targeted_states_responses_are_recorded(state, actor_type):
    r = ck.load("responses")
    hits = r[r["state"] == state]
    if actor_type:
        hits = hits[hits["actor_type"] == actor_type]
    assert len(hits) >= 1


def test_russian_laws_of_2022_and_2023():
    r = ck.load("responses")
    laws = r[(r["state"] == "RUS") & (r["response_type"] == "law") & r["date"].dt.year.isin([2022, 2023])]
    assert len(laws) >= 3
