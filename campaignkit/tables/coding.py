"""Coding of messages: what the editors coded, and how a reader's own coding compares.

>>> import campaignkit as ck
>>> counts = coded_by_sponsor(ck.load("campaigns"), ck.load("themes"), "theme")
>>> list(counts.columns)
['sponsor_state', 'theme', 'releases']
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import pandas as pd

__all__ = ["coded_by_sponsor", "cohen_kappa", "coding_agreement"]


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
