"""Read the data package descriptor (``datasets/datapackage.json``).

The descriptor is the single description of every table: fields, types, vocabularies, keys.
Both the loaders and the validator read it through this module.

>>> pkg = read_package()
>>> pkg.table("campaigns").primary_key
['campaign_id']
>>> pkg.table("campaigns").field("kind").enum[:2]
['recruitment_appeal', 'surrender_appeal']
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..repo import data_dir as default_data_dir
from .problems import DataError, Problem

__all__ = ["Field", "Table", "Package", "read_package", "DESCRIPTOR"]

DESCRIPTOR = "datapackage.json"


@dataclass(frozen=True)
class Field:
    """One column of a table, as the descriptor defines it."""

    name: str
    type: str
    description: str = ""
    required: bool = False
    enum: list[str] | None = None
    pattern: str | None = None
    list_separator: str | None = None
    list_enum: list[str] | None = None
    list_vocabulary: str | None = None
    list_foreign_key: str | None = None
    renamed: dict[str, str] | None = None    # old code -> new code (old codes still load)
    minimum: float | str | None = None     # a number, or an ISO date for date fields
    maximum: float | str | None = None

    @property
    def is_list(self) -> bool:
        return self.list_separator is not None


@dataclass(frozen=True)
class Table:
    """One resource (CSV file) of the package."""

    name: str
    path: str
    title: str
    description: str
    fields: list[Field]
    primary_key: list[str]
    foreign_keys: list[tuple[list[str], str, list[str]]] = field(default_factory=list)

    def field(self, name: str) -> Field:
        for f in self.fields:
            if f.name == name:
                return f
        raise KeyError(f"{self.path} has no column {name!r}")

    @property
    def columns(self) -> list[str]:
        return [f.name for f in self.fields]


@dataclass(frozen=True)
class Package:
    """The whole data package: its folder, version and tables."""

    directory: Path
    name: str
    version: str
    tables: list[Table]

    def table(self, name: str) -> Table:
        for t in self.tables:
            if t.name == name:
                return t
        known = ", ".join(t.name for t in self.tables)
        raise KeyError(f"no table named {name!r}; the tables are: {known}")

    @property
    def table_names(self) -> list[str]:
        return [t.name for t in self.tables]


def _field(d: dict) -> Field:
    c = d.get("constraints", {})
    lst = d.get("campaignkit:list") or {}
    return Field(
        name=d["name"],
        type=d.get("type", "string"),
        description=d.get("description", ""),
        required=bool(c.get("required", False)),
        enum=c.get("enum"),
        pattern=c.get("pattern"),
        list_separator=lst.get("separator"),
        list_enum=lst.get("enum"),
        list_vocabulary=lst.get("vocabulary"),
        list_foreign_key=lst.get("foreign_key"),
        renamed=d.get("campaignkit:renamed"),
        minimum=c.get("minimum"),
        maximum=c.get("maximum"),
    )


def _table(d: dict) -> Table:
    s = d["schema"]
    pk = s.get("primaryKey", [])
    fks = [
        (fk["fields"], fk["reference"]["resource"], fk["reference"]["fields"])
        for fk in s.get("foreignKeys", [])
    ]
    return Table(
        name=d["name"],
        path=d["path"],
        title=d.get("title", d["name"]),
        description=d.get("description", ""),
        fields=[_field(f) for f in s["fields"]],
        primary_key=[pk] if isinstance(pk, str) else list(pk),
        foreign_keys=fks,
    )


@lru_cache(maxsize=16)
def _read(path: Path, mtime: float) -> Package:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return Package(
            directory=path.parent,
            name=raw.get("name", ""),
            version=raw.get("version", ""),
            tables=[_table(r) for r in raw["resources"]],
        )
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        problem = Problem(DESCRIPTOR, None, None, f"is not valid JSON: {exc}", code="descriptor-error")
        raise DataError([problem]) from None
    except (KeyError, TypeError) as exc:
        raise DataError(
            [Problem(DESCRIPTOR, None, None, f"is not a data package descriptor (missing {exc})",
                     code="descriptor-error")]
        ) from None


def read_package(directory: str | Path | None = None) -> Package:
    """Read the descriptor of the data package in ``directory`` (default: the kit's datasets)."""
    d = Path(directory) if directory is not None else default_data_dir()
    path = d / DESCRIPTOR
    if not path.is_file():
        raise DataError([Problem(DESCRIPTOR, None, None, f"not found in {d}", code="descriptor-error")])
    return _read(path.resolve(), path.stat().st_mtime)
