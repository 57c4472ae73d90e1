"""Analysis tables: typed DataFrames in (from ``campaignkit.load``), a tidy DataFrame out.

One flat namespace, grouped by data concept in small modules (selection, releases, responses,
timing, chance, platforms, coding, claims, sources). No function here reads a file, draws or prints:
notebooks compute a result in plain pandas first, then name the function here as the shortcut.

>>> import campaignkit as ck
>>> from campaignkit import tables
>>> len(tables.addressing(ck.load("campaigns"), "CHN")) > 0
True
"""

from ._common import addressed_to, date_label
from .chance import near_calendar, simulate_near_counts
from .claims import QUALIFIER_WORDS, claims_table, cross_references, reach_sentence
from .coding import agreement_by_label, coded_by_sponsor, coding_agreement, cohen_kappa, kappa_by
from .platforms import access_at_release
from .releases import background, by_year, caveats_by_sponsor, compare_releases, sponsor_target_pairs, titles
from .responses import response_intervals, target_profile, unanswered
from .selection import addressing, focus_sentence, in_language, select, sponsored_by
from .sources import independence, sources_behind
from .timing import MONTHS, WEEKDAYS, calendar_counts, near_event_summary, releases_near_events, window_coverage

__all__ = [
    "addressing", "sponsored_by", "in_language", "select", "focus_sentence",
    "sponsor_target_pairs", "by_year", "caveats_by_sponsor", "background", "compare_releases", "titles",
    "response_intervals", "unanswered", "target_profile",
    "releases_near_events", "calendar_counts", "window_coverage", "near_event_summary", "WEEKDAYS", "MONTHS",
    "near_calendar", "simulate_near_counts", "kappa_by",
    "access_at_release",
    "coded_by_sponsor", "cohen_kappa", "coding_agreement", "agreement_by_label",
    "claims_table", "reach_sentence", "cross_references", "QUALIFIER_WORDS",
    "sources_behind", "independence", "addressed_to", "date_label",
]
