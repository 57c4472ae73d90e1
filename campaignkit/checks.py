"""Validate a data package: schema, keys, vocabularies, sourcing, dates and safety.

One engine serves the loaders and ``python -m campaignkit validate``, so both report the
same problems in the same words (see :class:`campaignkit.errors.Problem`).

>>> rows, problems = check_package()
>>> problems
[]
>>> len(rows["campaigns"]) >= 25
True
"""

from __future__ import annotations

import calendar
import re
from datetime import date
from pathlib import Path

from .errors import Problem
from .reading import read_rows
from .safety import PATTERNS, find_contact_details
from .schema import Field, Package, Table, read_package

__all__ = ["check_package", "parse_date", "period", "EARLIEST_DATE", "MAX_QUOTE_WORDS"]

EARLIEST_DATE = date(1980, 1, 1)
MAX_QUOTE_WORDS = 25
DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")
PRECISION_OF = {"first_published": "date_precision", "date": "date_precision",
                "as_of": "as_of_precision", "since": "since_precision"}
URL_RE = re.compile(r"https?://|www\.", re.IGNORECASE)
Rows = list[dict[str, str]]


def parse_date(text: str) -> date | None:
    """``date`` for an ISO ``YYYY-MM-DD`` text, else ``None``.

    >>> parse_date("2024-02-29"), parse_date("2023-02-29"), parse_date("5/2/2023")
    (datetime.date(2024, 2, 29), None, None)
    """
    if not DATE_RE.fullmatch(text):
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def period(d: date, precision: str) -> tuple[date, date]:
    """First and last day of the period a date with this precision stands for.

    >>> period(date(2022, 9, 1), "month")
    (datetime.date(2022, 9, 1), datetime.date(2022, 9, 30))
    """
    if precision == "month":
        return d, d.replace(day=calendar.monthrange(d.year, d.month)[1])
    if precision == "year":
        return d, d.replace(month=12, day=31)
    return d, d


def _key(row: dict, table: Table) -> str:
    return "/".join(str(row.get(c, "")) for c in table.primary_key)


def _cell_problems(value: str, fld: Field) -> list[str]:
    if value == "":
        if fld.required:
            if fld.name == "source_ids":
                return ["is empty: every fact must cite at least one source from sources.csv"]
            return ["is empty but required"]
        return []
    msgs = []
    if fld.type == "date":
        d = parse_date(value)
        if d is None:
            msgs.append(f"{value!r} is not a real date (expected YYYY-MM-DD)")
        elif d < EARLIEST_DATE:
            msgs.append(f"{value!r} is implausibly early for this kit (before {EARLIEST_DATE})")
        elif d > date.today():
            msgs.append(f"{value!r} is in the future")
    elif fld.type == "integer" and not re.fullmatch(r"-?\d+", value):
        msgs.append(f"{value!r} is not a whole number (write digits only, no separators)")
    elif fld.type == "boolean" and value not in ("true", "false"):
        msgs.append(f"{value!r} is not true or false")
    if fld.enum is not None and value not in fld.enum:
        msgs.append(f"{value!r} is not an allowed value; allowed: {', '.join(fld.enum)}")
    if fld.is_list:
        items = [v.strip() for v in value.split(fld.list_separator)]
        if any(not v for v in items):
            msgs.append(f"{value!r} has an empty item between '{fld.list_separator}' separators")
        if fld.list_enum is not None:
            bad = [v for v in items if v and v not in fld.list_enum]
            if bad:
                vocab = fld.list_vocabulary or "vocabulary"
                msgs.append(f"unknown {vocab} code {', '.join(map(repr, bad))}; see the data card")
    elif fld.pattern is not None and not re.fullmatch(fld.pattern.strip("^$"), value):
        msgs.append(f"{value!r} does not have the required form ({fld.pattern})")
    return msgs


def _check_table(rows: Rows, table: Table) -> list[Problem]:
    problems = []
    seen: dict[str, int] = {}
    for row in rows:
        line, key = row["__line__"], _key(row, table)
        for fld in table.fields:
            for msg in _cell_problems(row[fld.name], fld):
                problems.append(Problem(table.path, line, fld.name, msg, key))
        if key in seen:
            cols = "+".join(table.primary_key)
            problems.append(Problem(table.path, line, cols,
                                    f"duplicate primary key {key!r} (first on line {seen[key]})", key))
        else:
            seen[key] = line
    return problems


def _check_references(pkg: Package, data: dict[str, Rows]) -> list[Problem]:
    problems = []
    for table in pkg.tables:
        for fields, ref_table, ref_fields in table.foreign_keys:
            known = {r[ref_fields[0]] for r in data.get(ref_table, [])}
            for row in data[table.name]:
                value = row[fields[0]]
                if value and value not in known:
                    problems.append(Problem(
                        table.path, row["__line__"], fields[0],
                        f"{value!r} is not a {ref_fields[0]} in {ref_table}.csv", _key(row, table)))
        for fld in table.fields:
            if not fld.list_foreign_key:
                continue
            ref_table, ref_col = fld.list_foreign_key.split(".")
            known = {r[ref_col] for r in data.get(ref_table, [])}
            for row in data[table.name]:
                ids = [v.strip() for v in row[fld.name].split(fld.list_separator) if v.strip()]
                for v in ids:
                    if v not in known:
                        problems.append(Problem(
                            table.path, row["__line__"], fld.name,
                            f"cites source {v!r}, which is not in {ref_table}.csv", _key(row, table)))
                if row.get("confidence") == "confirmed" and len(set(ids)) < 2:
                    problems.append(Problem(
                        table.path, row["__line__"], "confidence",
                        "is 'confirmed' but fewer than two sources are cited", _key(row, table)))
    return problems


def _check_dates(table: Table, rows: Rows) -> list[Problem]:
    problems = []
    for row in rows:
        for col, pcol in PRECISION_OF.items():
            if col not in row or pcol not in row:
                continue
            d, precision = parse_date(row[col]), row[pcol]
            where = (table.path, row["__line__"])
            if row[col] == "" and precision:
                problems.append(Problem(*where, pcol, f"is {precision!r} but {col} is empty",
                                        _key(row, table)))
            if d is None:
                continue
            if not precision:
                problems.append(Problem(*where, pcol, f"is empty but {col} is set", _key(row, table)))
            elif precision == "month" and d.day != 1:
                problems.append(Problem(*where, col,
                    f"{row[col]!r} has {pcol} 'month', so it must be the first of the month "
                    f"({d.replace(day=1)}); never store a guessed day", _key(row, table)))
            elif precision == "year" and (d.month, d.day) != (1, 1):
                problems.append(Problem(*where, col,
                    f"{row[col]!r} has {pcol} 'year', so it must be {d.year}-01-01",
                    _key(row, table)))
    return problems


def _check_sequence(data: dict[str, Rows]) -> list[Problem]:
    """A response or a reach figure cannot come before the release it is about."""
    starts = {}
    for c in data.get("campaigns", []):
        d = parse_date(c["first_published"])
        if d and c["date_precision"]:
            starts[c["campaign_id"]] = period(d, c["date_precision"])[0]
    problems = []
    for name, col, pcol, what in (("responses", "date", "date_precision", "response"),
                                  ("reach", "as_of", "as_of_precision", "figure")):
        for row in data.get(name, []):
            d, start = parse_date(row[col]), starts.get(row["campaign_id"])
            if d and start and row[pcol] and period(d, row[pcol])[1] < start:
                problems.append(Problem(
                    f"{name}.csv", row["__line__"], col,
                    f"the {what} ({row[col]}) is dated before its campaign "
                    f"{row['campaign_id']} was published ({start})",
                    row.get("response_id") or row.get("reach_id")))
    return problems


def _check_text(table: Table, rows: Rows) -> list[Problem]:
    problems = []
    text_fields = [f for f in table.fields if f.type == "string" and not f.enum]
    for row in rows:
        for fld in text_fields:
            value = row[fld.name]
            if not value:
                continue
            where = (table.path, row["__line__"], fld.name)
            if fld.name == "url":
                hits = [(k, m.group(0)) for k in ("onion address", "messenger link")
                        for m in PATTERNS[k].finditer(value)]
            else:
                hits = find_contact_details(value)
                if URL_RE.search(value):
                    hits.append(("web address outside the url column", URL_RE.search(value).group(0)))
            for kind, match in hits:
                problems.append(Problem(*where,
                    f"contains an operational contact detail ({kind}: {match!r}); the kit never "
                    "carries contact details, only categories", _key(row, table)))
            if fld.name == "quote" and len(value.split()) > MAX_QUOTE_WORDS:
                problems.append(Problem(*where,
                    f"quote has {len(value.split())} words; quotes must be under "
                    f"{MAX_QUOTE_WORDS} words (paraphrase the rest)", _key(row, table)))
    return problems


def check_package(directory: str | Path | None = None) -> tuple[dict[str, Rows], list[Problem]]:
    """Check the data package in ``directory``; return its rows (as text) and every problem.

    The files are only read, never modified.
    """
    pkg = read_package(directory)
    data: dict[str, Rows] = {}
    problems: list[Problem] = []
    broken = set()
    for table in pkg.tables:
        rows, file_problems = read_rows(pkg.directory, table)
        data[table.name] = rows
        problems += file_problems
        if file_problems and not rows:
            broken.add(table.name)
        problems += _check_table(rows, table)
        problems += _check_dates(table, rows)
        problems += _check_text(table, rows)
    if not broken:
        problems += _check_references(pkg, data)
        problems += _check_sequence(data)
    order = {t.path: i for i, t in enumerate(pkg.tables)}
    problems.sort(key=lambda p: (order.get(p.file, -1), p.line or 0, p.column or ""))
    return data, problems
