"""One row per release with its agency and its coded facts as lists: the table most notebooks start from.

>>> ov = campaign_overview()
>>> {"agency", "languages", "platforms", "themes"} <= set(ov.columns)
True
>>> len(ov) == len(load("campaigns"))
True
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .loading import load

__all__ = ["campaign_overview"]


def _joined(fact: pd.DataFrame, col: str) -> pd.Series:
    return fact.groupby("campaign_id", observed=True)[col].agg(lambda s: sorted(map(str, s)))


def campaign_overview(directory: str | Path | None = None) -> pd.DataFrame:
    """One row per campaign with its agency and its languages, platforms, themes and advice as lists.

    ``platforms`` lists where the sponsor published or sent people (role ``posted``, ``destination``
    or ``venue``), not where others recirculated a release.
    """
    c = load("campaigns", directory)
    agencies = load("agencies", directory).set_index("agency_id")["short_name"]
    names = load("agencies", directory).set_index("agency_id")["name"]
    c.insert(c.columns.get_loc("agency_id") + 1, "agency",
             c["agency_id"].map(agencies.fillna(names)))
    platforms = load("campaign_platforms", directory)
    facts = {"languages": (load("campaign_languages", directory), "language"),
             # where the sponsor published or sent people; recirculation by others is left out
             "platforms": (platforms[platforms["role"] != "recirculated"], "platform"),
             "themes": (load("themes", directory), "theme"),
             "advice": (load("security_advice", directory), "advice")}
    for out, (fact, col) in facts.items():
        lists = _joined(fact, col)
        c[out] = c["campaign_id"].map(lists).map(lambda v: v if isinstance(v, list) else [])
    return c
