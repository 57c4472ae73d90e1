"""Focus a notebook on one case: a target state, a sponsor, a language.

Every notebook has a papermill ``parameters`` cell; these functions turn its value into the
rows and the sentence the notebook shows, and list the values each parameter can take in the
shipped data (the test suite runs every notebook for every one of them).

>>> import campaignkit as ck
>>> c = ck.load("campaigns")
>>> len(addressing(c, "RUS")) > 5
True
>>> focus_sentence(c, ck.load("responses"), target="RUS").startswith("Focus: Russia (RUS).")
True
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .data import campaign_overview, load
from .errors import DataError, Problem
from .names import state_name

__all__ = ["addressing", "sponsored_by", "in_language", "focus_sentence", "compare_releases",
           "parameter_values", "check_parameter"]


def addressing(campaigns: pd.DataFrame, target: str) -> pd.DataFrame:
    """Releases whose ``target_states`` include ``target``."""
    return campaigns[campaigns["target_states"].map(lambda ts: target in ts)]


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


def compare_releases(campaign_ids: list[str], directory: str | Path | None = None) -> pd.DataFrame:
    """One row per release, side by side: date, format, languages, platforms, themes, advice."""
    ov = campaign_overview(directory)
    ov = ov[ov["campaign_id"].isin(campaign_ids)].sort_values("first_published")
    out = pd.DataFrame({
        "date": ov["first_published"].dt.strftime("%Y-%m-%d") + " (" + ov["date_precision"].astype(str) + ")",
        "title": ov["title_en"], "format": ov["format"].astype(str),
        "languages": ov["languages"].map(", ".join), "platforms": ov["platforms"].map(", ".join),
        "themes": ov["themes"].map(", ".join), "advice": ov["advice"].map(", ".join),
    })
    out.index = ov["campaign_id"].tolist()
    return out


def parameter_values(domain: str, directory: str | Path | None = None) -> list[str]:
    """Every value a notebook parameter can take in the data.

    ``domain`` is one of: ``target_state``, ``sponsor_state``, ``language``, ``event_category``,
    ``campaign_with_reach``.

    >>> "RUS" in parameter_values("target_state")
    True
    """
    if domain == "target_state":
        return sorted({t for ts in load("campaigns", directory)["target_states"] for t in ts})
    if domain == "sponsor_state":
        return sorted(load("campaigns", directory)["sponsor_state"].astype(str).unique())
    if domain == "language":
        return sorted(load("campaign_languages", directory)["language"].astype(str).unique())
    if domain == "event_category":
        return sorted(load("events", directory)["category"].astype(str).unique())
    if domain == "campaign_with_reach":
        return sorted(load("reach", directory)["campaign_id"].unique())
    raise ValueError(f"unknown parameter domain {domain!r}")


def check_parameter(name: str, value: str, domain: str, directory: str | Path | None = None) -> str:
    """Return ``value`` if the data has it; otherwise raise a clear error listing the choices.

    >>> check_parameter("TARGET", "Russia", "target_state")
    Traceback (most recent call last):
    ...
    campaignkit.errors.DataError: the data package has 1 problem:
    parameter TARGET: 'Russia' is not in the data; choose one of: BLR, CHN, DEU, GBR, IRN, ISR, POL, PRK, RUS, TWN, UKR, USA, WLD
    """
    choices = parameter_values(domain, directory)
    if value not in choices:
        raise DataError([Problem(f"parameter {name}", None, None,
                                 f"{value!r} is not in the data; choose one of: {', '.join(choices)}")])
    return value

