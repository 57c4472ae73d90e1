"""Row-level rules: every cell against its field, keys, dates and their precision, text safety.

Each function takes one table's rows (as read by :mod:`.files`) and returns :class:`Problem`
objects with a code from :data:`.problems.CODES`; :func:`.package.check_package` runs them all.

>>> from campaignkit.validation.descriptor import Field
>>> cell_problems("-3", Field("value", "integer", minimum=0))
[('number-out-of-range', '-3 is below the smallest allowed value, 0')]
"""

from __future__ import annotations

import calendar
import re
from datetime import date

from .contacts import PATTERNS, find_contact_details
from .descriptor import Field, Table
from .problems import Problem

__all__ = ["parse_date", "period", "row_key", "cell_problems", "check_table", "check_dates",
           "check_text", "EARLIEST_DATE", "MAX_QUOTE_WORDS"]

EARLIEST_DATE = date(1980, 1, 1)
MAX_QUOTE_WORDS = 25
DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")
PRECISION_OF = {"first_published": "date_precision", "date": "date_precision", "period_start": "date_precision",
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


def row_key(row: dict, table: Table) -> str:
    return "/".join(str(row.get(c, "")) for c in table.primary_key)


def _number(value: str, fld: Field) -> list[tuple[str, str]]:
    if not re.fullmatch(r"-?\d+", value):
        return [("not-a-number", f"{value!r} is not a whole number (write digits only, no separators)")]
    n = int(value)
    if fld.minimum is not None and n < fld.minimum:
        return [("number-out-of-range", f"{n} is below the smallest allowed value, {fld.minimum:g}")]
    if fld.maximum is not None and n > fld.maximum:
        return [("number-out-of-range", f"{n} is above the largest allowed value, {fld.maximum:g}")]
    return []


def _date(value: str, fld: Field) -> list[tuple[str, str]]:
    d = parse_date(value)
    if d is None:
        return [("date-invalid", f"{value!r} is not a real date (expected YYYY-MM-DD)")]
    earliest = date.fromisoformat(str(fld.minimum)) if fld.minimum else EARLIEST_DATE
    if d < earliest:
        return [("date-out-of-range", f"{value!r} is implausibly early for this column (before {earliest})")]
    if d > date.today():
        return [("date-out-of-range", f"{value!r} is in the future")]
    return []


def _list(value: str, fld: Field) -> list[tuple[str, str]]:
    items = [v.strip() for v in value.split(fld.list_separator)]
    msgs = []
    if any(not v for v in items):
        msgs.append(("list-error", f"{value!r} has an empty item between '{fld.list_separator}' separators"))
    if fld.list_enum is not None:
        bad = [v for v in items if v and v not in fld.list_enum]
        if bad:
            vocab = fld.list_vocabulary or "vocabulary"
            msgs.append(("list-error", f"unknown {vocab} code {', '.join(map(repr, bad))}; see the data card"))
    return msgs


def cell_problems(value: str, fld: Field) -> list[tuple[str, str]]:
    """``(code, message)`` for everything wrong with one cell's text (a renamed code counts as its new name)."""
    value = (fld.renamed or {}).get(value, value)
    if value == "":
        if not fld.required:
            return []
        if fld.name == "source_ids":
            return [("source-missing", "is empty: every fact must cite at least one source from sources.csv")]
        return [("required-missing", "is empty but required")]
    msgs = []
    if fld.type == "date":
        msgs += _date(value, fld)
    elif fld.type == "integer":
        msgs += _number(value, fld)
    elif fld.type == "boolean" and value not in ("true", "false"):
        msgs.append(("not-a-boolean", f"{value!r} is not true or false"))
    if fld.enum is not None and value not in fld.enum:
        msgs.append(("not-in-vocabulary", f"{value!r} is not an allowed value; allowed: {', '.join(fld.enum)}"))
    if fld.is_list:
        msgs += _list(value, fld)
    elif fld.pattern is not None and not re.fullmatch(fld.pattern.strip("^$"), value):
        msgs.append(("pattern-mismatch", f"{value!r} does not have the required form ({fld.pattern})"))
    return msgs


def check_table(rows: Rows, table: Table) -> list[Problem]:
    problems = []
    seen: dict[str, int] = {}
    for row in rows:
        line, key = row["__line__"], row_key(row, table)
        for fld in table.fields:
            for code, msg in cell_problems(row[fld.name], fld):
                problems.append(Problem(table.path, line, fld.name, msg, key, code))
        if key in seen:
            cols = "+".join(table.primary_key)
            problems.append(Problem(table.path, line, cols,
                                    f"duplicate primary key {key!r} (first on line {seen[key]})", key,
                                    "duplicate-key"))
        else:
            seen[key] = line
    return problems


def check_dates(table: Table, rows: Rows) -> list[Problem]:
    problems = []
    for row in rows:
        for col, pcol in PRECISION_OF.items():
            if col not in row or pcol not in row:
                continue
            d, precision = parse_date(row[col]), row[pcol]
            where = (table.path, row["__line__"])
            if row[col] == "" and precision:
                problems.append(Problem(*where, pcol, f"is {precision!r} but {col} is empty",
                                        row_key(row, table), "date-precision"))
            if d is None:
                continue
            if not precision:
                problems.append(Problem(*where, pcol, f"is empty but {col} is set", row_key(row, table),
                                        "date-precision"))
            elif precision == "month" and d.day != 1:
                problems.append(Problem(*where, col,
                    f"{row[col]!r} has {pcol} 'month', so it must be the first of the month "
                    f"({d.replace(day=1)}); never store a guessed day", row_key(row, table),
                    "date-precision"))
            elif precision == "year" and (d.month, d.day) != (1, 1):
                problems.append(Problem(*where, col,
                    f"{row[col]!r} has {pcol} 'year', so it must be {d.year}-01-01",
                    row_key(row, table), "date-precision"))
    return problems


def check_text(table: Table, rows: Rows) -> list[Problem]:
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
                    "carries contact details, only categories", row_key(row, table),
                    "contact-detail"))
            if fld.name == "quote" and len(value.split()) > MAX_QUOTE_WORDS:
                problems.append(Problem(*where,
                    f"quote has {len(value.split())} words; quotes must be under "
                    f"{MAX_QUOTE_WORDS} words (paraphrase the rest)", row_key(row, table),
                    "quote-too-long"))
    return problems


