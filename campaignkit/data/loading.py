"""Load the kit's tables by name, as typed pandas DataFrames.

Dates become ``datetime64`` columns, controlled vocabularies become categoricals (with every
allowed term as a category, so counts show zeros too), id lists such as ``source_ids`` become
Python lists. The package is validated once per change of its files; any problem raises a
:class:`campaignkit.DataError` that names the file, line and column.

>>> import campaignkit as ck
>>> campaigns = ck.load("campaigns")
>>> str(campaigns["first_published"].dtype)
'datetime64[ns]'
>>> str(campaigns["kind"].dtype)
'category'
>>> isinstance(campaigns["source_ids"].iloc[0], list)
True
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pandas as pd

from ..repo import data_dir
from ..validation import DataError, Problem, Table, check_package, read_package

__all__ = ["load", "load_all", "table_names", "describe", "resolve"]


def _fingerprint(directory: Path) -> tuple:
    pkg = read_package(directory)
    stamp = []
    for name in ["datapackage.json", *(t.path for t in pkg.tables)]:
        p = directory / name
        st = p.stat() if p.is_file() else None
        stamp.append((name, st.st_mtime_ns if st else None, st.st_size if st else None))
    return tuple(stamp)


@lru_cache(maxsize=8)
def _typed_tables(directory: Path, fingerprint: tuple) -> dict[str, pd.DataFrame]:
    rows, problems = check_package(directory)
    if problems:
        raise DataError(problems)
    pkg = read_package(directory)
    return {t.name: _typed(rows[t.name], t) for t in pkg.tables}


def _typed(rows: list[dict], table: Table) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=table.columns)
    out = {}
    for fld in table.fields:
        col = frame[fld.name].fillna("") if len(frame) else frame[fld.name].astype("str")
        if fld.is_list:
            out[fld.name] = col.map(lambda v, s=fld.list_separator: [x.strip() for x in v.split(s) if x.strip()])
        elif fld.type == "date":
            out[fld.name] = pd.to_datetime(col.replace("", None), format="%Y-%m-%d").astype("datetime64[ns]")
        elif fld.type == "integer":
            out[fld.name] = pd.to_numeric(col.replace("", None)).astype("Int64")
        elif fld.type == "boolean":
            out[fld.name] = col.map({"true": True, "false": False}).astype("boolean")
        elif fld.enum is not None:   # codes renamed since an older package version load as their new name
            col = col.replace(fld.renamed) if fld.renamed else col
            out[fld.name] = pd.Categorical(col.replace("", None), categories=fld.enum)
        else:
            out[fld.name] = col.replace("", None).astype("str")
    return pd.DataFrame(out, index=pd.RangeIndex(len(frame)))


def resolve(directory: str | Path | None) -> Path:
    d = Path(directory) if directory is not None else data_dir()
    return d.resolve()


def table_names(directory: str | Path | None = None) -> list[str]:
    """Names of the tables in the data package.

    >>> table_names()[:3]
    ['campaigns', 'agencies', 'campaign_languages']
    """
    return read_package(resolve(directory)).table_names


def load(name: str, directory: str | Path | None = None) -> pd.DataFrame:
    """One table of the data package, typed. ``directory`` loads a copy of the package instead.

    The result is a fresh copy: changing it never changes what the next call returns.

    >>> load("agencies").columns[:3].tolist()
    ['agency_id', 'name', 'short_name']
    >>> load("campaing")
    Traceback (most recent call last):
    ...
    campaignkit.validation.problems.DataError: the data package has 1 problem:
    datapackage.json: no table named 'campaing'; the tables are: campaigns, agencies, campaign_languages, campaign_platforms, security_advice, themes, reach, responses, response_frames, events, platform_access, historical_appeals, background_facts, readings, sources
    """
    d = resolve(directory)
    pkg = read_package(d)
    if name not in pkg.table_names:
        known = ", ".join(pkg.table_names)
        raise DataError([Problem("datapackage.json", None, None,
                                 f"no table named {name!r}; the tables are: {known}", code="unknown-table")])
    return _typed_tables(d, _fingerprint(d))[name].copy()


def load_all(directory: str | Path | None = None) -> dict[str, pd.DataFrame]:
    """Every table of the data package, typed, in a dict keyed by table name."""
    return {name: load(name, directory) for name in table_names(directory)}


def describe(name: str, directory: str | Path | None = None) -> pd.DataFrame:
    """The documented columns of a table: name, type, whether required, and description.

    >>> describe("reach").loc[0, "column"]
    'reach_id'
    """
    table = read_package(resolve(directory)).table(name)
    return pd.DataFrame(
        [(f.name, f.type, f.required, f.description) for f in table.fields],
        columns=["column", "type", "required", "description"],
    )
