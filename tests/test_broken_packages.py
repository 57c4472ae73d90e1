"""A corpus of broken copies of the real data package.

Each case breaks one thing in a fresh copy, then checks that ``campaignkit validate`` exits
non-zero and prints the problem with its code, prints no traceback, that the loaders raise a
DataError holding the same (file, line, column, code), and that the shipped files are untouched.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import DATA, fingerprint, read_csv, run_cli, write_csv

import campaignkit as ck
from campaignkit.validation import CODES


def _col(rows, name):
    return rows[0].index(name)


def _first(rows, col, value):
    """Index of the first data row whose ``col`` equals ``value``."""
    i = _col(rows, col)
    return next(n for n, r in enumerate(rows[1:], start=1) if r[i] == value)


def _set(d: Path, table: str, col: str, value: str, row: int = 1, where=None) -> str:
    rows = read_csv(d / f"{table}.csv")
    if where is not None:
        row = _first(rows, *where)
    rows[row][_col(rows, col)] = value
    write_csv(d / f"{table}.csv", rows)
    return f"line {row + 1}"


def missing_file(d):
    (d / "events.csv").unlink()
    return "events.csv: file not found"


def empty_file(d):
    (d / "sources.csv").write_text("", encoding="utf-8")
    return "sources.csv: file is empty"


def missing_column(d):
    rows = read_csv(d / "campaigns.csv")
    i = _col(rows, "date_precision")
    write_csv(d / "campaigns.csv", [r[:i] + r[i + 1:] for r in rows])
    return "campaigns.csv, line 1, column date_precision: column is missing from the header"


def duplicate_primary_key(d):
    rows = read_csv(d / "campaigns.csv")
    write_csv(d / "campaigns.csv", rows + [rows[1]])
    return f"campaigns.csv, line {len(rows) + 1} [{rows[1][0]}], column campaign_id: duplicate primary key"


def dangling_foreign_key(d):
    line = _set(d, "campaign_languages", "campaign_id", "no-such-campaign")
    return f"campaign_languages.csv, {line} [no-such-campaign/"


def unknown_platform(d):
    line = _set(d, "campaign_platforms", "platform", "myspace")
    return f"campaign_platforms.csv, {line}"  # and the vocabulary message below


def unknown_language(d):
    line = _set(d, "campaign_languages", "language", "xx")
    return f"campaign_languages.csv, {line}"


def unknown_state(d):
    line = _set(d, "campaigns", "target_states", "RUS;XYZ")
    return f"campaigns.csv, {line}"


def impossible_date(d):
    line = _set(d, "campaigns", "first_published", "2023-02-30")
    return f"campaigns.csv, {line}"


def month_precision_not_first(d):
    rows = read_csv(d / "campaigns.csv")
    n = _first(rows, "date_precision", "month")
    rows[n][_col(rows, "first_published")] = rows[n][_col(rows, "first_published")][:8] + "15"
    write_csv(d / "campaigns.csv", rows)
    return f"campaigns.csv, line {n + 1}"


def fact_without_source(d):
    line = _set(d, "themes", "source_ids", "")
    return f"themes.csv, {line}"


def unknown_source(d):
    line = _set(d, "reach", "source_ids", "nobody-2020-01-01-made-up")
    return f"reach.csv, {line}"


def undecodable_bytes(d):
    path = d / "campaigns.csv"
    path.write_bytes(path.read_bytes().replace(b"CIA", "CIA \xe9t\xe9".encode("latin-1"), 1))
    return "campaigns.csv, line"


def wrong_delimiter(d):
    write_csv(d / "responses.csv", read_csv(d / "responses.csv"), delimiter=";")
    return "responses.csv, line 1: the header uses semicolons"


def ragged_row(d):
    path = d / "events.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[1] = lines[1].rstrip("\n") + ",extra cell\n"
    path.write_text("".join(lines), encoding="utf-8")
    return "events.csv, line 2: has"


def onion_in_summary(d):
    fake = "a" * 16 + ".onion"  # built here so that no address appears in the repository
    line = _set(d, "campaigns", "summary", f"Contact the agency at {fake} today.")
    return f"campaigns.csv, {line}"


def phone_in_note(d):
    fictional = "+1 202" + " 555 0100"  # built here: no phone number is stored in the repository
    line = _set(d, "responses", "note", f"Call {fictional} for details.")
    return f"responses.csv, {line}"


def future_date(d):
    line = _set(d, "events", "date", "2099-01-01")
    return f"events.csv, {line}"


def confirmed_with_one_source(d):
    rows = read_csv(d / "campaign_platforms.csv")
    n = _first(rows, "confidence", "confirmed")
    rows[n][_col(rows, "source_ids")] = rows[n][_col(rows, "source_ids")].split(";")[0]
    write_csv(d / "campaign_platforms.csv", rows)
    return f"campaign_platforms.csv, line {n + 1}"


def response_before_campaign(d):
    rows = read_csv(d / "responses.csv")
    n = next(i for i, r in enumerate(rows[1:], 1) if r[_col(rows, "campaign_id")])
    rows[n][_col(rows, "date")] = "2019-01-01"
    rows[n][_col(rows, "date_precision")] = "day"
    write_csv(d / "responses.csv", rows)
    return f"responses.csv, line {n + 1}"


def quote_too_long(d):
    line = _set(d, "responses", "quote", " ".join(["word"] * 30))
    return f"responses.csv, {line}"


def not_a_number(d):
    line = _set(d, "reach", "value", "2.5 million")
    return f"reach.csv, {line}"


def negative_count(d):
    line = _set(d, "reach", "value", "-5")
    return f"reach.csv, {line}"


# (breaker, column or None, the problem's code). Tests compare (file, line, column, code), never the
# wording, so messages for students can be rewritten freely.
CASES = {
    "missing file": (missing_file, None, "file-missing"),
    "empty file": (empty_file, None, "file-empty"),
    "missing column": (missing_column, "date_precision", "header-error"),
    "duplicate primary key": (duplicate_primary_key, "campaign_id", "duplicate-key"),
    "dangling foreign key": (dangling_foreign_key, "campaign_id", "dangling-reference"),
    "unknown platform code": (unknown_platform, "platform", "not-in-vocabulary"),
    "unknown language code": (unknown_language, "language", "not-in-vocabulary"),
    "unknown state code": (unknown_state, "target_states", "list-error"),
    "impossible date": (impossible_date, "first_published", "date-invalid"),
    "month precision not first of month": (month_precision_not_first, "first_published", "date-precision"),
    "fact without a source": (fact_without_source, "source_ids", "source-missing"),
    "source that does not exist": (unknown_source, "source_ids", "unknown-source"),
    "undecodable bytes": (undecodable_bytes, None, "encoding-error"),
    "wrong delimiter": (wrong_delimiter, None, "delimiter-error"),
    "ragged row": (ragged_row, None, "row-length"),
    "onion address in a summary": (onion_in_summary, "summary", "contact-detail"),
    "phone number in a note": (phone_in_note, "note", "contact-detail"),
    "date in the future": (future_date, "date", "date-out-of-range"),
    "confirmed with one source": (confirmed_with_one_source, "confidence", "confidence-mismatch"),
    "response before its campaign": (response_before_campaign, "date", "date-sequence"),
    "quote of 25 words or more": (quote_too_long, "quote", "quote-too-long"),
    "number with words": (not_a_number, "value", "not-a-number"),
    "count below zero": (negative_count, "value", "number-out-of-range"),
}


def _expected(where: str, column: str | None, code: str) -> tuple:
    """(file, line or None when the case does not fix it, column, code) from a breaker's ``where``."""
    file = re.split(r"[,:]", where, maxsplit=1)[0]
    line = re.search(r"line (\d+)", where)
    return file, int(line.group(1)) if line else None, column, code


@pytest.fixture(scope="module", autouse=True)
def shipped_files_untouched():
    before = fingerprint(DATA)
    yield
    assert fingerprint(DATA) == before, "a test modified the shipped data package"


@pytest.mark.parametrize("case", list(CASES))
def test_broken_copy_gives_a_located_coded_problem(case, data_copy):
    breaker, column, code = CASES[case]
    file, line, column, code = _expected(breaker(data_copy), column, code)
    result = run_cli("validate", str(data_copy))
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "Traceback" not in output
    printed = [ln for ln in output.splitlines() if f"/{file}" in ln and ln.endswith(f"[{code}]")]
    assert printed, f"no line for {file} ending in [{code}] in:\n{output}"
    with pytest.raises(ck.DataError) as info:
        ck.load("campaigns", data_copy)
    found = {p.where for p in info.value.problems}
    if line is None:
        found = {(f, None, c, k) for f, _, c, k in found}
    assert (file, line, column, code) in found, sorted(found)


def test_every_code_is_in_the_data_card():
    card = (DATA / "README.md").read_text(encoding="utf-8")
    missing = [code for code in CODES if f"`{code}`" not in card]
    assert not missing, f"datasets/README.md does not list: {missing}"


def test_every_number_field_states_its_range():
    for table in ck.read_package().tables:
        for fld in table.fields:
            if fld.type in ("integer", "number"):
                assert fld.minimum is not None, f"{table.path} {fld.name}: add constraints.minimum"


def test_at_least_twelve_kinds_of_breakage():
    assert len(CASES) >= 12


def test_validate_on_a_folder_without_a_package(tmp_path):
    result = run_cli("validate", str(tmp_path))
    assert result.returncode == 2 and "Traceback" not in result.stdout + result.stderr
    assert "datapackage.json: not found" in result.stdout


def test_validate_on_a_missing_folder(tmp_path):
    result = run_cli("validate", str(tmp_path / "nope"))
    assert result.returncode == 2 and "is not a folder" in result.stderr
