"""Chance: what random dates would give, and agreement between coders beyond chance.

Shortcuts for the simulations that notebooks 08 and 09 first write out in pandas: a calendar of the
days that lie near an event, many draws of random release days from it, and Cohen's kappa for each
group of coding decisions (per theme, per release).

>>> import campaignkit as ck
>>> sims = simulate_near_counts(ck.load("campaigns"), ck.load("events"), "war", 30, draws=200)
>>> list(sims.columns), len(sims)
(['draw', 'releases_near'], 200)
"""

from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = ["near_calendar", "simulate_near_counts"]


def near_calendar(events: pd.DataFrame, window_days: int, start, end) -> pd.DataFrame:
    """One row per calendar day from ``start`` to ``end``; ``near`` is True within ``window_days`` of an event.

    The share of True rows is :func:`campaignkit.tables.window_coverage` (the chance share).

    >>> ev = pd.DataFrame({"date": pd.to_datetime(["2024-01-11"])})
    >>> float(near_calendar(ev, 5, "2024-01-01", "2024-01-20")["near"].mean())
    0.55
    """
    days = pd.date_range(start, end, freq="D")
    event_days = pd.to_datetime(events["date"]).dropna().to_numpy()
    gaps = np.abs(days.to_numpy()[:, None] - event_days[None, :])
    near = (gaps <= np.timedelta64(abs(int(window_days)), "D")).any(axis=1)
    return pd.DataFrame({"day": days, "near": near})


def simulate_near_counts(campaigns: pd.DataFrame, events: pd.DataFrame, category: str,
                         window_days: int = 30, draws: int = 1000, seed: int = 2026) -> pd.DataFrame:
    """How many releases fall near an event of ``category`` when their days are drawn at random.

    Only releases dated to the day take part (a month- or year-precision date cannot say whether a
    release came within a few days of an event). Each draw gives every one of them a random day
    between the first and the last of their dates (with replacement: two releases may share a day)
    and counts those within ``window_days`` of an event. One row per draw. The draws are the same
    as the notebook's: ``numpy.random.default_rng(seed).integers(0, days, size=(draws, releases))``.

    >>> import campaignkit as ck
    >>> c, e = ck.load("campaigns"), ck.load("events")
    >>> a = simulate_near_counts(c, e, "purge", 30, draws=50, seed=1)
    >>> b = simulate_near_counts(c, e, "purge", 30, draws=50, seed=1)
    >>> a.equals(b), int(a["releases_near"].max()) <= int((c["date_precision"] == "day").sum())
    (True, True)
    """
    dated = campaigns[campaigns["date_precision"].astype(str) == "day"]
    chosen = events[events["category"].astype(str) == category]
    calendar = near_calendar(chosen, window_days, dated["first_published"].min(), dated["first_published"].max())
    picks = np.random.default_rng(seed).integers(0, len(calendar), size=(draws, len(dated)))
    counts = calendar["near"].to_numpy()[picks].sum(axis=1)
    return pd.DataFrame({"draw": np.arange(1, draws + 1), "releases_near": counts})
