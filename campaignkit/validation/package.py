"""Check a whole data package: every table's file and rows, then references across tables.

One engine serves the loaders and ``campaignkit validate``, so both report the same problems in
the same words (see :class:`.problems.Problem`). The files are only ever read.

>>> rows, problems = check_package()
>>> problems
[]
>>> len(rows["campaigns"]) >= 25
True
"""

from __future__ import annotations

from pathlib import Path

from .descriptor import Package, read_package
from .files import read_rows
from .problems import Problem
from .rules import Rows, check_dates, check_table, check_text, parse_date, period, row_key

__all__ = ["check_package"]


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
                        f"{value!r} is not a {ref_fields[0]} in {ref_table}.csv", row_key(row, table),
                        "dangling-reference"))
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
                            f"cites source {v!r}, which is not in {ref_table}.csv", row_key(row, table),
                            "unknown-source"))
                if row.get("confidence") == "confirmed" and len(set(ids)) < 2:
                    problems.append(Problem(
                        table.path, row["__line__"], "confidence",
                        "is 'confirmed' but fewer than two sources are cited", row_key(row, table),
                        "confidence-mismatch"))
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
                    row.get("response_id") or row.get("reach_id"), "date-sequence"))
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
        problems += check_table(rows, table)
        problems += check_dates(table, rows)
        problems += check_text(table, rows)
    if not broken:
        problems += _check_references(pkg, data)
        problems += _check_sequence(data)
    order = {t.path: i for i, t in enumerate(pkg.tables)}
    problems.sort(key=lambda p: (order.get(p.file, -1), p.line or 0, p.column or ""))
    return data, problems
