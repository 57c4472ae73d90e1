"""Read one CSV file of the package as text rows, turning file-level faults into problems.

Missing or empty files, bytes that are not UTF-8, a wrong delimiter, missing or unexpected
columns and rows with the wrong number of cells are each reported with a specific message;
nothing here raises a pandas or csv traceback, and the file is only ever read.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from .descriptor import Table
from .problems import Problem

__all__ = ["read_rows"]


def _decode(raw: bytes, name: str) -> tuple[str | None, list[Problem]]:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        msg = (
            f"byte {exc.start} is not valid UTF-8 (0x{raw[exc.start]:02x}); "
            "save the file as UTF-8 (spreadsheet programs: 'CSV UTF-8')"
        )
        return None, [Problem(name, line, None, msg, code="encoding-error")]
    return text.removeprefix("\ufeff"), []


def _header_problems(header: list[str], table: Table) -> list[Problem]:
    name = table.path
    expected = table.columns
    if len(header) == 1 and len(expected) > 1:
        for sep, label in ((";", "semicolons"), ("\t", "tabs"), ("|", "vertical bars")):
            if sep in header[0]:
                return [Problem(name, 1, None,
                                f"the header uses {label} between columns; the kit's CSV files "
                                "use commas", code="delimiter-error")]
    problems = []
    for col in expected:
        if col not in header:
            problems.append(Problem(name, 1, col, "column is missing from the header",
                                    code="header-error"))
    for col in header:
        if col not in expected:
            problems.append(Problem(name, 1, col or "(empty name)",
                                    f"unexpected column; {name} has: {', '.join(expected)}",
                                    code="header-error"))
    if len(set(header)) != len(header):
        dupes = sorted({c for c in header if header.count(c) > 1})
        problems.append(Problem(name, 1, None, f"duplicate column names: {', '.join(dupes)}",
                                code="header-error"))
    return problems


def read_rows(directory: Path, table: Table) -> tuple[list[dict[str, str]], list[Problem]]:
    """Read ``table`` from ``directory``: rows as dicts of text (``""`` for empty cells).

    Each row dict also carries its file line number under the key ``"__line__"``.
    On a file-level problem the rows are empty and the problems say why.
    """
    name = table.path
    path = directory / name
    if not path.is_file():
        return [], [Problem(name, None, None, f"file not found in {directory}", code="file-missing")]
    raw = path.read_bytes()
    if not raw.strip():
        return [], [Problem(name, None, None, "file is empty (it needs at least the header line)",
                            code="file-empty")]
    text, problems = _decode(raw, name)
    if text is None:
        return [], problems
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader)
        problems = _header_problems(header, table)
        if problems:
            return [], problems
        rows = []
        for record in reader:
            line = reader.line_num
            if not record or (len(record) == 1 and not record[0].strip()):
                continue
            if len(record) != len(header):
                problems.append(Problem(
                    name, line, None,
                    f"has {len(record)} cells but the header has {len(header)} columns "
                    "(an unquoted comma in a text cell?)", code="row-length"))
                continue
            row = {col: cell.strip() for col, cell in zip(header, record)}
            row["__line__"] = line
            rows.append(row)
    except csv.Error as exc:
        problems.append(Problem(name, reader.line_num, None, f"is not well-formed CSV: {exc}",
                                code="csv-syntax"))
        return [], problems
    return rows, problems
