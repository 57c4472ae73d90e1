"""The descriptions of the figures along a time axis, written from the data they draw.

>>> import campaignkit as ck
>>> from campaignkit.figures.time import timeline_data
>>> print(timeline_words(timeline_data(ck.load("campaigns")).head(3), "sponsor state"))  # doctest: +ELLIPSIS
Timeline of 3 releases on 2 rows, one per sponsor state, from ... Most releases: ...
"""

from __future__ import annotations

import pandas as pd

from .wording import count, label, largest, number, span

__all__ = ["timeline_words", "events_words", "counts_words", "intervals_words"]


def _kinds(data: pd.DataFrame) -> dict:
    kinds = data.drop_duplicates("campaign_id")["kind"].astype(str).value_counts()
    return {label(k): n for k, n in kinds.items()}


def timeline_words(data: pd.DataFrame, row: str, name=str) -> str:
    """Releases, rows, dates, the rows with most releases, the kinds, the imprecise dates."""
    if data.empty:
        return "Timeline with no releases to show."
    releases, marks = data["campaign_id"].nunique(), len(data)
    rows = data["sponsor_state"].astype(str).value_counts()
    drawn = f" as {count(marks, 'marker')}" if marks != releases else ""
    text = (f"Timeline of {count(releases, 'release')}{drawn} on {count(len(rows), 'row')}, one per {row}, "
            f"{span(data['first_published'])}. Most releases: "
            f"{largest({name(k): n for k, n in rows.items()})}. "
            f"Kinds of release, each with its own colour and marker shape: {largest(_kinds(data), len(data))}.")
    vague = data[data["date_precision"].astype(str) != "day"]
    if len(vague):
        text += (f" Open markers: {count(vague['campaign_id'].nunique(), 'release')} dated only to the month "
                 "or year, drawn on the first day of that period.")
    return text


def events_words(events: pd.DataFrame) -> str:
    """The context events drawn on their own rows, by category."""
    if events.empty:
        return "No context events."
    cats = events["category"].astype(str).value_counts()
    cats = cats[cats > 0]
    return (f"Context events (grey diamonds, one row per category): {count(len(events), 'event')} in "
            f"{count(len(cats), 'category', 'categories')}, {span(events['date'])}; most: "
            f"{largest({label(k): n for k, n in cats.items()})}.")


def counts_words(counts: pd.DataFrame, column: str) -> str:
    """Stacked bars per year: total, years, the busiest year, the largest groups and bar."""
    if counts.empty or counts["releases"].sum() == 0:
        return "Bar chart with no releases to show."
    per_year = counts.groupby(counts["year"].astype(str))["releases"].sum()
    per_value = counts.groupby(counts[column].astype(str))["releases"].sum()
    top = counts.sort_values(["releases", "year"], ascending=[False, True]).iloc[0]
    busiest = per_year.sort_values(ascending=False, kind="stable")
    years = f"{per_year.index.min()} to {per_year.index.max()}" if len(per_year) > 1 else per_year.index[0]
    return (f"Stacked bars of {count(per_year.sum(), 'release')} per year, {years}, split by "
            f"{label(column)} into {count(len(per_value), 'group')}, each with its own colour and fill "
            f"pattern. Busiest year: {busiest.index[0]} ({count(busiest.iloc[0], 'release')}). Largest groups: "
            f"{largest({label(k): n for k, n in per_value.items()})}. Largest single bar: "
            f"{label(top[column])} in {top['year']} ({number(top['releases'])}).")


def intervals_words(data: pd.DataFrame) -> str:
    """Responses, releases, the range and median of days, the longest wait, the types."""
    if data.empty:
        return "Chart with no responses to show."
    longest = data.sort_values(["days", "campaign_id"], ascending=[False, True]).iloc[0]
    types = data["response_type"].astype(str).value_counts()
    text = (f"Days from release to response: {count(len(data), 'response')} to "
            f"{count(data['campaign_id'].nunique(), 'release')}, from {number(data['days'].min())} to "
            f"{number(data['days'].max())} days after the release (median {number(data['days'].median())}). "
            f"Longest: {longest['actor']} ({longest['responding_state']}) answered {longest['campaign_id']} "
            f"after {count(longest['days'], 'day')}. Types of response, each with its own colour and marker "
            f"shape: {largest({label(k): n for k, n in types.items()}, len(types))}.")
    approximate = int(data["approximate"].sum())
    if approximate:
        text += (f" Open markers: {count(approximate, 'response')} with an approximate interval (a date "
                 "known only to the month or year).")
    return text
