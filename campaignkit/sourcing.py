"""Coding, claims and source criticism: tables for notebooks 09-11.

Pure table functions (DataFrame in, tidy DataFrame out) for three questions: how the editors
coded the messages (themes, security advice) and how a reader's own coding compares; which
audience figures were claimed, by whom, and which ones contradict each other; and how well each
fact is sourced (independent publishers, republications, confidence). One small writer,
:func:`append_row` and :func:`update_row`, add or fix a row in a *copy* of the data package
with the ``csv`` module.

>>> import campaignkit as ck
>>> counts = coded_by_sponsor(ck.load("campaigns"), ck.load("themes"), "theme")
>>> list(counts.columns)
['sponsor_state', 'theme', 'releases']
>>> claims_table(ck.load("reach"), "ua-ru-2022-09-i-want-to-live")["claimant_type"].unique().tolist()
['sponsor']
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

import pandas as pd

from .citations import CAMPAIGN_FACT_TABLES
from .coverage import FACT_TABLES
from .data import load
from .schema import read_package

__all__ = ["coded_by_sponsor", "coding_agreement", "cohen_kappa", "claims_table", "reach_sentence",
           "cross_references", "sources_behind", "independence", "confidence_by_table",
           "confidence_by_sponsor", "fact_counts", "append_row", "update_row"]

LEVELS = ["confirmed", "single_source", "conflicting", "weak"]
QUALIFIER_WORDS = {"exact": "", "approx": "about ", "more_than": "more than ", "at_least": "at least "}
REACH_ID = re.compile(r"\breach-[a-z0-9]+(?:-[a-z0-9]+)*")


def coded_by_sponsor(campaigns: pd.DataFrame, facts: pd.DataFrame, column: str) -> pd.DataFrame:
    """How many releases of each sponsor state carry each coded value (``theme``, ``advice`` ...).

    One row per (sponsor_state, value) that occurs; a release counts once per value.

    >>> import campaignkit as ck
    >>> c, t = ck.load("campaigns"), ck.load("themes")
    >>> usa = coded_by_sponsor(c, t, "theme").query("sponsor_state == 'USA'")
    >>> int(usa.set_index("theme").loc["money_reward", "releases"]) >= 1
    True
    """
    m = facts[["campaign_id", column]].drop_duplicates().merge(
        campaigns[["campaign_id", "sponsor_state"]], on="campaign_id", how="inner")
    m = m.assign(sponsor_state=m["sponsor_state"].astype(str), **{column: m[column].astype(str)})
    out = m.groupby(["sponsor_state", column]).size().rename("releases").reset_index()
    return out.sort_values(["sponsor_state", "releases", column], ascending=[True, False, True],
                           ignore_index=True)


def cohen_kappa(a: Sequence, b: Sequence) -> float:
    """Cohen's kappa: agreement of two coders beyond what chance would give (1 = perfect, 0 = chance).

    ``a`` and ``b`` hold the two coders' labels for the same items, in the same order.

    >>> cohen_kappa([1, 1, 0, 0], [1, 0, 0, 0])
    0.5
    >>> cohen_kappa(["x", "y"], ["x", "y"])
    1.0
    """
    if len(a) != len(b) or not len(a):
        raise ValueError("both coders need labels for the same, non-empty list of items")
    n = len(a)
    observed = sum(x == y for x, y in zip(a, b)) / n
    labels = set(a) | set(b)
    expected = sum((list(a).count(k) / n) * (list(b).count(k) / n) for k in labels)
    if expected == 1:
        return 1.0
    return round((observed - expected) / (1 - expected), 3)


def coding_agreement(mine: Iterable[str], campaign_id: str, themes: pd.DataFrame,
                     vocabulary: Sequence[str]) -> tuple[pd.DataFrame, float]:
    """Compare a reader's theme codes for one release with the editors' codes.

    Returns a table of every theme that either coder chose (``you``, ``editors``, ``agree``)
    and Cohen's kappa over the whole vocabulary (each theme is a yes/no decision).
    Codes that are not in the vocabulary raise a clear error.

    >>> import campaignkit as ck
    >>> vocab = ck.read_package().table("themes").field("theme").enum
    >>> table, kappa = coding_agreement(["conscience"], "mi6-ru-2023-07-19-prague-speech", ck.load("themes"), vocab)
    >>> table.loc["conscience"].tolist()
    [True, True, True]
    """
    mine = set(mine)
    unknown = sorted(mine - set(vocabulary))
    if unknown:
        raise ValueError(f"not theme codes: {', '.join(unknown)}; choose from the vocabulary list")
    editors = set(themes.loc[themes["campaign_id"] == campaign_id, "theme"].astype(str))
    chosen = sorted(mine | editors)
    table = pd.DataFrame({"you": [t in mine for t in chosen], "editors": [t in editors for t in chosen]},
                         index=pd.Index(chosen, name="theme"))
    table["agree"] = table["you"] == table["editors"]
    kappa = cohen_kappa([t in mine for t in vocabulary], [t in editors for t in vocabulary])
    return table, kappa


def _figure(value, qualifier) -> str:
    return f"{QUALIFIER_WORDS.get(str(qualifier), '')}{int(value):,}"


def claims_table(reach: pd.DataFrame, campaign_id: str | Iterable[str] | None = None) -> pd.DataFrame:
    """Reported audience figures as readable claims: what, how many, as of when, claimed by whom.

    Sorted by metric, then date. ``campaign_id`` (one id, or several) keeps those releases' figures.

    >>> import campaignkit as ck
    >>> t = claims_table(ck.load("reach"), "cia-ru-2023-05-15-video-my-decision")
    >>> t.iloc[0]["figure"]
    'about 1,700'
    """
    ids = {campaign_id} if isinstance(campaign_id, str) else campaign_id
    r = reach if ids is None else reach[reach["campaign_id"].isin(set(ids))]
    out = pd.DataFrame({
        "reach_id": r["reach_id"], "campaign_id": r["campaign_id"], "metric": r["metric"].astype(str),
        "figure": [_figure(v, q) for v, q in zip(r["value"], r["value_qualifier"])],
        "value": r["value"], "as_of": r["as_of"].dt.strftime("%Y-%m-%d") + " (" + r["as_of_precision"].astype(str) + ")",
        "platform": r["platform"].astype(str), "claimed_by": r["claimed_by"],
        "claimant_type": r["claimant_type"].astype(str), "confidence": r["confidence"].astype(str),
        "note": r["note"],
    })
    return out.sort_values(["metric", "as_of", "value"], ignore_index=True)


def reach_sentence(reach: pd.DataFrame, campaign_id: str) -> str:
    """One sentence on a release's reported figures: how many, which metrics, who claimed them.

    >>> import campaignkit as ck
    >>> reach_sentence(ck.load("reach"), "ua-ru-2024-01-i-want-to-find")
    'Focus: ua-ru-2024-01-i-want-to-find. 6 reported figure(s), counting requests; claimed by: sponsor (6).'
    """
    t = claims_table(reach, campaign_id)
    if t.empty:
        return f"Focus: {campaign_id}. No reported figures in the data."
    who = ", ".join(f"{k.replace('_', ' ')} ({n})" for k, n in t["claimant_type"].value_counts().items())
    metrics = ", ".join(sorted(t["metric"].unique()))
    return f"Focus: {campaign_id}. {len(t)} reported figure(s), counting {metrics}; claimed by: {who}."



def cross_references(reach: pd.DataFrame) -> pd.DataFrame:
    """Pairs of reach figures whose ``note`` points at another figure (usually a conflict).

    >>> import campaignkit as ck
    >>> pairs = cross_references(ck.load("reach"))
    >>> "reach-cia-ru-2023-05-burns-first-week" in set(pairs["reach_id"])
    True
    """
    known = set(reach["reach_id"])
    rows = [(rid, ref) for rid, note in zip(reach["reach_id"], reach["note"])
            for ref in REACH_ID.findall(str(note)) if ref in known and ref != rid]
    return pd.DataFrame(rows, columns=["reach_id", "refers_to"]).drop_duplicates(ignore_index=True)


def sources_behind(source_ids: Iterable[str], sources: pd.DataFrame) -> pd.DataFrame:
    """The cited sources of one fact: original publisher, type, reliability, republication, via.

    >>> import campaignkit as ck
    >>> ids = ["ap-2025-05-03-cia-mandarin-videos-spill-secrets", "ap-2025-05-04-cia-mandarin-videos-taipei-times"]
    >>> sources_behind(ids, ck.load("sources"))["publisher"].tolist()
    ['AP', 'AP']
    """
    ids = list(source_ids)
    s = sources[sources["source_id"].isin(ids)]
    cols = ["source_id", "publisher", "source_type", "reliability", "republication", "via", "note"]
    return s[cols].reset_index(drop=True)


def independence(facts: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """For each fact row: sources cited, distinct original publishers, republications among them.

    A first check only: outlets that relay one report under their own name still count as
    several publishers; the ``note`` of the row and of its sources says when that happens.

    >>> import campaignkit as ck
    >>> r = ck.load("reach")
    >>> row = independence(r[r["reach_id"] == "reach-cia-zh-2025-05-ap-first-day-views"], ck.load("sources"))
    >>> row[["sources_cited", "publishers", "republications"]].iloc[0].tolist()
    [2, 1, 2]
    """
    s = sources.set_index("source_id")
    pubs = [len({s.at[i, "publisher"] for i in ids if i in s.index}) for ids in facts["source_ids"]]
    reps = [sum(bool(s.at[i, "republication"]) for i in ids if i in s.index) for ids in facts["source_ids"]]
    out = facts.assign(sources_cited=facts["source_ids"].map(len), publishers=pubs, republications=reps)
    return out.reset_index(drop=True)


def _by_confidence(frame: pd.DataFrame, key: str) -> pd.DataFrame:
    counts = pd.crosstab(frame[key], frame["confidence"].astype(str)).reindex(columns=LEVELS, fill_value=0)
    counts["facts"] = counts.sum(axis=1)
    counts["share_confirmed"] = (counts["confirmed"] / counts["facts"]).round(2)
    counts.columns.name = None
    return counts.sort_values("share_confirmed", ascending=False)


def confidence_by_table(directory: str | Path | None = None) -> pd.DataFrame:
    """Facts per table by confidence level, with the share confirmed by two independent sources.

    >>> t = confidence_by_table()
    >>> {"confirmed", "weak", "facts", "share_confirmed"} <= set(t.columns)
    True
    """
    frames = [load(name, directory).assign(table=name)[["table", "confidence"]] for name in FACT_TABLES]
    return _by_confidence(pd.concat(frames, ignore_index=True), "table")


def confidence_by_sponsor(directory: str | Path | None = None) -> pd.DataFrame:
    """Facts about each sponsor state's releases (the release rows and every fact tied to them).

    Responses not tied to one release (laws, for example) have no sponsor and are left out.

    >>> "USA" in confidence_by_sponsor().index
    True
    """
    sponsor = load("campaigns", directory).set_index("campaign_id")["sponsor_state"].astype(str)
    frames = [load(name, directory)[["campaign_id", "confidence"]] for name in CAMPAIGN_FACT_TABLES]
    facts = pd.concat(frames, ignore_index=True)
    facts = facts[facts["campaign_id"].notna()].assign(sponsor_state=lambda f: f["campaign_id"].map(sponsor))
    return _by_confidence(facts, "sponsor_state")


def fact_counts(campaign_id: str, directory: str | Path | None = None) -> pd.Series:
    """How many rows each table holds about one release (the release row itself included).

    >>> int(fact_counts("cia-ru-2023-05-15-video-my-decision")["campaigns"])
    1
    """
    return pd.Series({name: int((load(name, directory)["campaign_id"] == campaign_id).sum())
                      for name in CAMPAIGN_FACT_TABLES}, name="rows")


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
