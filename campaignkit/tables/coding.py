"""Coding of messages: what the editors coded, and how a reader's own coding compares.

>>> import campaignkit as ck
>>> counts = coded_by_sponsor(ck.load("campaigns"), ck.load("themes"), "theme")
>>> list(counts.columns)
['sponsor_state', 'theme', 'releases']
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import pandas as pd

__all__ = ["coded_by_sponsor", "cohen_kappa", "coding_agreement", "kappa_by", "agreement_by_label"]


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
    >>> table, kappa = coding_agreement(["appeal_to_conscience"], "mi6-ru-2023-07-19-prague-speech",
    ...                                 ck.load("themes"), vocab)
    >>> table.loc["appeal_to_conscience"].tolist()
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


def kappa_by(sheet: pd.DataFrame, by: str, first: str = "you", second: str = "editors") -> pd.DataFrame:
    """Cohen's kappa between two coders' True/False columns, for each group of rows of ``sheet``.

    ``sheet`` has one row per coding decision (e.g. one release and one theme) and a boolean column
    per coder. Per group: the number of decisions, how often each coder said yes, how many
    decisions agree, and kappa. Kappa is missing (NaN) where both coders gave every decision of the
    group the same answer: with no variation there is nothing to correct for chance.

    >>> sheet = pd.DataFrame({"theme": ["a", "a", "a", "a", "b", "b"],
    ...                       "you": [True, True, False, False, False, False],
    ...                       "editors": [True, False, False, False, False, False]})
    >>> kappa_by(sheet, "theme")[["theme", "agree", "kappa"]].to_dict("list")
    {'theme': ['a', 'b'], 'agree': [3, 2], 'kappa': [0.5, nan]}
    """
    rows = []
    for key, group in sheet.groupby(by, sort=True, observed=True):
        a, b = group[first].astype(bool).tolist(), group[second].astype(bool).tolist()
        constant = len(set(a) | set(b)) == 1
        rows.append({by: key, "decisions": len(group), first: sum(a), second: sum(b),
                     "agree": sum(x == y for x, y in zip(a, b)),
                     "kappa": float("nan") if constant else cohen_kappa(a, b)})
    return pd.DataFrame(rows, columns=[by, "decisions", first, second, "agree", "kappa"])


def agreement_by_label(first: pd.DataFrame, second: pd.DataFrame, units: Iterable[str], unit: str,
                       label: str) -> pd.DataFrame:
    """Two coders' agreement per label across many units (releases, responses ...).

    ``first`` and ``second`` hold one row per (unit, label) a coder assigned; ``units`` lists every
    unit both coded (a unit with no label counts as "no" for every label). For each label: how many
    units each coder gave it, how many both did, the share of units on which they agree, and
    Cohen's kappa (:func:`kappa_by` on the yes/no sheet of every unit and label).

    >>> a = pd.DataFrame({"r": ["x", "y"], "f": ["p", "p"]})
    >>> b = pd.DataFrame({"r": ["x", "z"], "f": ["p", "p"]})
    >>> agreement_by_label(a, b, ["x", "y", "z", "w"], "r", "f").to_dict("records")
    [{'f': 'p', 'first': 2, 'second': 2, 'both': 1, 'agreement': 0.5, 'kappa': 0.0}]
    """
    units = list(dict.fromkeys(units))
    pairs_a = set(zip(first[unit], first[label].astype(str)))
    pairs_b = set(zip(second[unit], second[label].astype(str)))
    labels = sorted({lab for _, lab in pairs_a | pairs_b})
    sheet = pd.DataFrame([(u, lab) for lab in labels for u in units], columns=[unit, label])
    keys = list(zip(sheet[unit], sheet[label]))
    sheet["first"] = [k in pairs_a for k in keys]
    sheet["second"] = [k in pairs_b for k in keys]
    out = kappa_by(sheet, label, "first", "second")
    both = (sheet["first"] & sheet["second"]).groupby(sheet[label]).sum()
    out.insert(3, "both", out[label].map(both).astype(int))
    out["agreement"] = (out["agree"] / out["decisions"]).round(3)
    return out[[label, "first", "second", "both", "agreement", "kappa"]]
