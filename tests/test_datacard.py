"""The data card (datasets/README.md) documents every table, field and vocabulary term,
and its coverage figures are those of the shipped data."""

from __future__ import annotations

import re

import pytest
from conftest import DATA

import campaignkit as ck

CARD = (DATA / "README.md").read_text(encoding="utf-8")
PKG = ck.read_package()


@pytest.mark.parametrize("table", PKG.tables, ids=lambda t: t.name)
def test_every_table_and_field_is_documented(table):
    assert f"`{table.path}`" in CARD, f"{table.path} has no section in the data card"
    missing = [f.name for f in table.fields if f"`{f.name}`" not in CARD]
    assert not missing, f"{table.path}: undocumented fields {missing}"


def test_every_vocabulary_term_is_defined():
    missing = set()
    for table in PKG.tables:
        for field in table.fields:
            for term in (field.enum or []) + (field.list_enum or []):
                if len(term) == 3 and term.isupper():  # ISO state codes are a standard, not ours
                    continue
                if len(term) == 2 and term.islower():  # ISO 639-1 language codes likewise
                    continue
                if f"`{term}`" not in CARD:
                    missing.add(f"{table.name}.{field.name}: {term}")
    assert not missing, sorted(missing)


def test_no_placeholders_left():
    assert not re.search(r"\b[A-Z]+_(LINE|SECTION|COUNTS)\b", CARD)


def test_coverage_line_matches_the_data():
    c = ck.coverage()
    m = re.search(r"\*\*Coverage \(this version\):\*\* (\d+) campaign releases from (\d+) sponsor "
                  r"states; (\d+) sourced facts; (\d+) sources; (\d+)% of facts confirmed", CARD)
    assert m, "coverage line not found"
    assert [int(x) for x in m.groups()] == [c["campaigns"], len(c["sponsor_states"]), c["facts"],
                                            c["sources"], round(100 * c["share_confirmed"])]


def test_card_version_matches_descriptor():
    assert f"**Version:** {PKG.version}" in CARD
