"""The values each notebook parameter can take in the data, and a clear check of a chosen value.

The test suite runs every notebook for every value (papermill); a student who types a value
that is not in the data gets a message listing the choices, not a traceback.
"""

from __future__ import annotations

from pathlib import Path

from ..validation import DataError, Problem
from .loading import load

__all__ = ["parameter_values", "check_parameter"]


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
    campaignkit.validation.problems.DataError: the data package has 1 problem:
    parameter TARGET: 'Russia' is not in the data; choose one of: BLR, CHN, DEU, GBR, IRN, ISR, POL, PRK, RUS, TWN, UKR, USA, WLD
    """
    choices = parameter_values(domain, directory)
    if value not in choices:
        raise DataError([Problem(f"parameter {name}", None, None,
                                 f"{value!r} is not in the data; choose one of: {', '.join(choices)}",
                                 code="bad-parameter")])
    return value
