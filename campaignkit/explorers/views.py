"""Pure view functions of the explorers: data and control values in, a :class:`View` out.

No widget, no display, no file access: the ``build_*`` functions in this package wire
controls to these functions, and the tests call them directly with any combination of
values (including empty selections and inverted ranges).

>>> import campaignkit as ck
>>> data = Tables.load()
>>> v = platforms_view(data, target="RUS")
>>> v.count == len(v.table) and v.count > 0
True
>>> v.description == v.figure.description and "platform uses" in v.description
True
>>> platforms_view(data, sponsors=["DEU"], target="PRK").message
'Nothing matches: no release by DEU addressed to PRK between 2019 and 2026. Widen the selection or press Reset.'
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

from .. import figures, tables
from ..data import campaign_overview, load
from ..names import state_name

__all__ = ["Tables", "View", "platforms_view", "languages_view", "timing_view", "YEARS"]

YEARS = (2019, 2026)


@dataclass(frozen=True)
class Tables:
    """The tables the explorers read, loaded once."""

    overview: pd.DataFrame
    platforms: pd.DataFrame
    access: pd.DataFrame
    events: pd.DataFrame
    responses: pd.DataFrame
    sources: pd.DataFrame

    @classmethod
    def load(cls, directory=None) -> Tables:
        return cls(campaign_overview(directory), load("campaign_platforms", directory),
                   load("platform_access", directory), load("events", directory),
                   load("responses", directory), load("sources", directory))


@dataclass
class View:
    """What an explorer shows: how many releases match, their table, a figure, a message, and the
    figure's description in words (empty when there is no figure)."""

    count: int
    table: pd.DataFrame
    figure: Any | None     # a plotly Figure from campaignkit.figures, or None when nothing matches
    message: str
    description: str = ""

    def __post_init__(self):
        if self.figure is not None and not self.description:
            self.description = self.figure.description


def year_range(years) -> tuple[int, int]:
    """The slider's (from, to) years in order; the full range when empty."""
    lo, hi = (int(years[0]), int(years[1])) if years else YEARS
    return (lo, hi) if lo <= hi else (hi, lo)


def _describe(sponsors, target, years, extra="") -> str:
    who = f"by {', '.join(sponsors)}" if sponsors else "by any sponsor"
    to = f" addressed to {target}" if target else ""
    return f"no release {who}{to}{extra} between {years[0]} and {years[1]}"


def select(ov: pd.DataFrame, sponsors=(), target=None, years=YEARS, kinds=(), languages=()) -> pd.DataFrame:
    """Releases matching every non-empty control (:func:`campaignkit.tables.select`)."""
    return tables.select(ov, sponsors, target, year_range(years), kinds, languages)


def _with_sources(rows: pd.DataFrame, data: Tables, columns: list[str]) -> pd.DataFrame:
    # a dict (from plain lists): a Series' .get per id cost seconds at 100 times today's data
    publishers = dict(zip(data.sources["source_id"].tolist(), data.sources["publisher"].tolist()))
    out = rows[columns].copy()
    out["sources"] = rows["source_ids"].map(lambda ids: "; ".join(dict.fromkeys(publishers.get(i, i) for i in ids)))
    out.insert(0, "date", tables.date_label(rows["first_published"], rows["date_precision"]))
    return out.reset_index(drop=True)


def platforms_view(data: Tables, sponsors=(), target=None, years=YEARS, kinds=()) -> View:
    """Platforms of the matching releases over time, marked where blocked in the target state."""
    yrs = year_range(years)
    rows = select(data.overview, sponsors, target, yrs, kinds)
    if rows.empty:
        return View(0, pd.DataFrame(), None,
                    f"Nothing matches: {_describe(sponsors, target, yrs)}. Widen the selection or press Reset.")
    table = _with_sources(rows, data, ["campaign_id", "sponsor_state", "title_en", "platforms"])
    table["platforms"] = table["platforms"].map(", ".join)
    posted = data.platforms[data.platforms["campaign_id"].isin(rows["campaign_id"])
                            & (data.platforms["role"].astype(str) != "recirculated")]
    status = tables.access_at_release(rows, posted, data.access)
    if target:
        status = status[status["state"] == target]
    marks = posted.assign(platform=posted["platform"].astype(str)).merge(
        rows[["campaign_id", "first_published", "sponsor_state", "title_en"]], on="campaign_id")
    marks = marks.merge(status[["campaign_id", "platform", "status"]].drop_duplicates(["campaign_id", "platform"]),
                        on=["campaign_id", "platform"], how="left")
    marks["status"] = marks["status"].fillna("not checked (no single target)" if not target else "open or not recorded")
    title = f"Platforms of {len(rows)} release(s)" + (f" addressed to {state_name(target)}" if target else "")
    fig = figures.platforms_chart(marks, title, target)
    blocked = int((status["status"] == "blocked").sum()) if target else 0
    extra = f"; {blocked} platform use(s) were blocked in {target} on the release date" if target else ""
    return View(len(rows), table, fig, f"{len(rows)} release(s) match{extra}.")


def languages_view(data: Tables, languages=(), sponsors=(), years=YEARS) -> View:
    """Releases by language over time (labels in each language's own script)."""
    yrs = year_range(years)
    rows = select(data.overview, sponsors, None, yrs, (), languages)
    unknown = int((rows["languages"].map(len) == 0).sum())
    rows = rows[rows["languages"].map(len) > 0]
    if rows.empty:
        extra = f" in {', '.join(languages)}" if languages else ""
        return View(0, pd.DataFrame(), None,
                    f"Nothing matches: {_describe(sponsors, None, yrs, extra)}. Widen the selection or press Reset.")
    table = _with_sources(rows, data, ["campaign_id", "sponsor_state", "title_en", "title_original", "languages"])
    table["languages"] = table["languages"].map(", ".join)
    marks = rows.explode("languages").dropna(subset=["languages"])
    if languages:
        marks = marks[marks["languages"].isin(list(languages))]
    fig = figures.languages_chart(marks, f"Languages of {len(rows)} release(s)")
    left_out = f" ({unknown} more have no recorded language and are left out)" if unknown else ""
    return View(len(rows), table, fig, f"{len(rows)} release(s) match{left_out}.")


def timing_view(data: Tables, category=None, window_days=30, sponsors=(), target=None, years=YEARS,
                related_only: bool = True) -> View:
    """Releases within ``window_days`` of context events (of one category, or any).

    By default only events concerning the release's sponsor or target states count.
    """
    yrs = year_range(years)
    rows = select(data.overview, sponsors, target, yrs)
    cats = [category] if category else None
    near = (tables.releases_near_events(rows, data.events, window_days, cats, related_only)
            if not rows.empty else pd.DataFrame())
    if near.empty:
        what = f"{category.replace('_', ' ')} event" if category else "event"
        return View(0, pd.DataFrame(), None,
                    f"Nothing matches: no release within {abs(int(window_days))} days of a {what} "
                    f"({_describe(sponsors, target, yrs).removeprefix('no release ')}). "
                    "Widen the window or press Reset.")
    matched = rows[rows["campaign_id"].isin(near["campaign_id"])]
    events = data.events[data.events["event_id"].isin(near["event_id"])]
    fig = figures.releases_and_events(matched, events,
                                      f"{matched['campaign_id'].nunique()} release(s) within "
                                      f"{abs(int(window_days))} days of an event")
    nearest = near.assign(gap=near["days_from_event"].abs()).sort_values(["gap", "event_date"])
    nearest = nearest.drop_duplicates("campaign_id").set_index("campaign_id")
    table = _with_sources(matched, data, ["campaign_id", "sponsor_state", "title_en"])
    table["nearest_event"] = table["campaign_id"].map(nearest["event"])
    table["days_from_event"] = table["campaign_id"].map(nearest["days_from_event"]).astype(int)
    table["approximate"] = table["campaign_id"].map(nearest["approximate"]).astype(bool)
    n = len(matched)
    return View(n, table, fig,
                f"{n} release(s) match ({len(near)} release-event pair(s)); closeness in time is not a cause.")
