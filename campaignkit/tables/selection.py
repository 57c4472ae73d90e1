"""Select releases: by target state, sponsor, language, years, kind; and say what was selected.

Every notebook has a papermill ``parameters`` cell; these functions turn its value into the
rows and the sentence the notebook shows.

>>> import campaignkit as ck
>>> c = ck.load("campaigns")
>>> len(addressing(c, "RUS")) > 5
True
>>> focus_sentence(c, ck.load("responses"), target="RUS").startswith("Focus: Russia (RUS).")
True
"""

from __future__ import annotations

import pandas as pd

from ..names import state_name
from ._common import addressed_to

__all__ = ["addressing", "sponsored_by", "in_language", "select", "focus_sentence"]


def addressing(campaigns: pd.DataFrame, target: str) -> pd.DataFrame:
    """Releases whose ``target_states`` include ``target``."""
    return campaigns[addressed_to(campaigns, target)]


def sponsored_by(campaigns: pd.DataFrame, sponsor: str) -> pd.DataFrame:
    """Releases whose sponsor state is ``sponsor``."""
    return campaigns[campaigns["sponsor_state"].astype(str) == sponsor]


def in_language(overview: pd.DataFrame, language: str) -> pd.DataFrame:
    """Releases (from :func:`campaign_overview`) that used ``language``."""
    return overview[overview["languages"].map(lambda ls: language in ls)]


def focus_sentence(campaigns: pd.DataFrame, responses: pd.DataFrame, *, target: str | None = None,
                   sponsor: str | None = None) -> str:
    """One sentence saying what the current parameter selects, with counts."""
    if target is not None:
        rows = addressing(campaigns, target)
        sponsors = sorted(rows["sponsor_state"].astype(str).unique())
        answered = responses[responses["state"].astype(str) == target]
        return (f"Focus: {state_name(target)} ({target}). {len(rows)} release(s) in the data address it, "
                f"from {len(sponsors)} sponsor state(s) ({', '.join(map(state_name, sponsors)) or 'none'}); "
                f"{len(answered)} response(s) by {state_name(target)} are recorded.")
    if sponsor is not None:
        rows = sponsored_by(campaigns, sponsor)
        targets = sorted({t for ts in rows["target_states"] for t in ts})
        return (f"Focus: {state_name(sponsor)} ({sponsor}) as sponsor. {len(rows)} release(s), addressed to "
                f"{', '.join(map(state_name, targets)) or 'no one'}.")
    raise ValueError("focus_sentence needs target= or sponsor=")


def select(ov: pd.DataFrame, sponsors=(), target=None, years=None, kinds=(), languages=()) -> pd.DataFrame:
    """Releases (from :func:`campaignkit.campaign_overview`) matching every non-empty criterion.

    An empty criterion means "any"; ``years`` is an inclusive ``(first, last)`` pair in either order.

    >>> import campaignkit as ck
    >>> rows = select(ck.campaign_overview(), sponsors=["GBR"], years=(2026, 2019))
    >>> set(rows["sponsor_state"].astype(str))
    {'GBR'}
    """
    keep = pd.Series(True, index=ov.index)
    if years:
        lo, hi = sorted((int(years[0]), int(years[1])))
        keep &= ov["first_published"].dt.year.between(lo, hi)
    if sponsors:
        keep &= ov["sponsor_state"].astype(str).isin(list(sponsors))
    if target:
        keep &= addressed_to(ov, target)
    if kinds:
        keep &= ov["kind"].astype(str).isin(list(kinds))
    if languages:
        keep &= ov["languages"].map(lambda ls: bool(set(ls) & set(languages)))
    return ov[keep].sort_values(["first_published", "campaign_id"])
