"""Plain-language pieces of the figures' descriptions: counts, lists of the largest, date spans.

>>> count(1, "release"), count(2, "release"), count(1200, "view")
('1 release', '2 releases', '1,200 views')
>>> largest({"Russia": 12, "China": 5, "Iran": 5, "Korea": 1}, 3)
'Russia (12), China (5) and Iran (5)'
>>> import pandas as pd
>>> span(pd.to_datetime(["2019-09-01", "2026-03-14"]))
'from September 2019 to March 2026'
>>> span(pd.to_datetime(["2023-05-15"]))
'in May 2023'
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import pandas as pd

__all__ = ["count", "number", "listing", "largest", "ranked", "span", "label"]


def number(value) -> str:
    """A number as a reader says it: thousands separated, whole numbers without decimals.

    >>> number(3000000.0), number(2.5), number(0.123456)
    ('3,000,000', '2.5', '0.123')
    """
    value = float(value)
    if value.is_integer():
        return f"{int(value):,}"
    return f"{value:,.3g}" if abs(value) < 1000 else f"{value:,.0f}"


def count(n: int, noun: str, plural: str | None = None) -> str:
    """``n`` and the noun, in the singular or the plural."""
    return f"{number(n)} {noun if n == 1 else plural or noun + 's'}"


def label(value) -> str:
    """A code or a vocabulary term as words: ``recruitment_appeal`` -> ``recruitment appeal``."""
    return str(value).replace("_", " ")


def listing(items: Iterable[str], conjunction: str = "and") -> str:
    """``a``, ``a and b``, ``a, b and c`` (or ``a, b or c`` with ``conjunction="or"``)."""
    items, last = list(items), f" {conjunction} "
    return last.join(items) if len(items) < 3 else ", ".join(items[:-1]) + last + items[-1]


def ranked(counts: Mapping) -> list[tuple[str, float]]:
    """(label, value) pairs, largest first; ties in the order of the labels."""
    return sorted(((str(k), v) for k, v in counts.items()), key=lambda kv: (-kv[1], kv[0]))


def largest(counts: Mapping, n: int = 3) -> str:
    """The ``n`` largest entries of ``counts`` as ``label (value)``, largest first."""
    return listing(f"{k} ({number(v)})" for k, v in ranked(counts)[:n])


def span(dates) -> str:
    """The months of the earliest and latest of ``dates``: 'from May 2023 to March 2026'."""
    dates = pd.to_datetime(pd.Series(list(dates), dtype=object), errors="coerce").dropna()
    if dates.empty:
        return "with no dates"
    first, last = dates.min().strftime("%B %Y"), dates.max().strftime("%B %Y")
    return f"in {first}" if first == last else f"from {first} to {last}"
