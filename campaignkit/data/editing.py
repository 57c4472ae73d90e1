"""The one place that writes CSV: add or change a row in a *copy* of the data package.

Students practise on a copy (exercise 11 and notebook 11); the shipped ``datasets/`` is never
written by the kit. Both functions use the ``csv`` module and check nothing else: run
:func:`campaignkit.check_package` on the folder afterwards.
"""

from __future__ import annotations

import csv
from pathlib import Path

from ..validation import read_package

__all__ = ["append_row", "update_row"]


def _table_file(directory: str | Path, table: str, columns) -> tuple:
    """The table's schema and file in ``directory``, refusing column names it does not have."""
    spec = read_package(directory).table(table)
    extra = [k for k in columns if k not in spec.columns]
    if extra:
        raise ValueError(f"{spec.path} has no column {extra[0]!r}; its columns are: {', '.join(spec.columns)}")
    return spec, Path(directory) / spec.path


def append_row(directory: str | Path, table: str, row: dict[str, str]) -> int:
    """Add one row at the end of ``table``'s CSV file in ``directory`` (a copy of the package).

    Uses the ``csv`` module: columns you leave out stay empty; a column the table does not
    have is refused with a clear message. Returns the line number of the new row, as the
    validator counts lines (the header is line 1). Nothing is checked here: run
    :func:`campaignkit.check_package` on the folder afterwards.

    >>> import shutil, tempfile, campaignkit as ck
    >>> copy = Path(shutil.copytree(ck.data_dir(), Path(tempfile.mkdtemp()) / "copy"))
    >>> append_row(copy, "sources", {"source_id": "x", "colour": "red"})
    Traceback (most recent call last):
    ...
    ValueError: sources.csv has no column 'colour'; its columns are: source_id, publisher, title, url, published, language, source_type, reliability, republication, via, note
    >>> append_row(copy, "agencies", {"agency_id": "practice"}) == len(ck.load("agencies")) + 2
    True
    >>> shutil.rmtree(copy.parent)
    """
    spec, path = _table_file(directory, table, row)
    text = path.read_text(encoding="utf-8")
    with path.open("a", newline="", encoding="utf-8") as f:
        if text and not text.endswith("\n"):
            f.write("\n")
        csv.DictWriter(f, fieldnames=spec.columns, restval="", lineterminator="\n").writerow(row)
    with path.open(newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        for _ in reader:
            pass
        return reader.line_num


def update_row(directory: str | Path, table: str, key: str, **changes: str) -> int:
    """Change cells of the row whose primary key is ``key`` in a copy of the package; return its line.

    The file is rewritten with the ``csv`` module; other rows keep their values. Like
    :func:`append_row`, it checks nothing: validate the folder afterwards.

    >>> import shutil, tempfile, campaignkit as ck
    >>> copy = Path(shutil.copytree(ck.data_dir(), Path(tempfile.mkdtemp()) / "copy"))
    >>> update_row(copy, "agencies", "cia", short_name="CIA (practice)")
    2
    >>> ck.load("agencies", copy).set_index("agency_id").loc["cia", "short_name"]
    'CIA (practice)'
    >>> update_row(copy, "agencies", "no-such-agency", name="x")
    Traceback (most recent call last):
    ...
    ValueError: agencies.csv has no row with agency_id 'no-such-agency'
    >>> shutil.rmtree(copy.parent)
    """
    spec, path = _table_file(directory, table, changes)
    with path.open(newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        rows, found = [], None
        for row in reader:
            if found is None and "/".join(row[c] for c in spec.primary_key) == key:
                row.update(changes)
                found = reader.line_num
            rows.append(row)
    if found is None:
        raise ValueError(f"{spec.path} has no row with {'+'.join(spec.primary_key)} {key!r}")
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=spec.columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return found
