"""Counts that describe the data package: campaigns, facts, sources, confirmation share.

>>> c = coverage()
>>> c["campaigns"] >= 25 and c["sources"] > 0
True
>>> 0 <= c["share_confirmed"] <= 1
True
"""

from __future__ import annotations

from pathlib import Path

from .data import load, table_names

__all__ = ["coverage", "FACT_TABLES"]

#: Tables whose every row is a sourced fact (the campaign rows themselves included).
FACT_TABLES = ["campaigns", "campaign_languages", "campaign_platforms", "security_advice",
               "themes", "reach", "responses", "events", "platform_access", "background_facts"]


def coverage(directory: str | Path | None = None) -> dict:
    """Campaign, fact and source counts, facts by confidence, and the share confirmed."""
    facts = {name: load(name, directory) for name in FACT_TABLES if name in table_names(directory)}
    confidence = {}
    for frame in facts.values():
        for level, n in frame["confidence"].value_counts().items():
            confidence[str(level)] = confidence.get(str(level), 0) + int(n)
    n_facts = sum(len(f) for f in facts.values())
    return {
        "campaigns": len(facts["campaigns"]),
        "facts": n_facts,
        "facts_by_table": {k: len(v) for k, v in facts.items()},
        "facts_by_confidence": dict(sorted(confidence.items())),
        "share_confirmed": confidence.get("confirmed", 0) / n_facts if n_facts else 0.0,
        "sources": len(load("sources", directory)),
        "sponsor_states": sorted(facts["campaigns"]["sponsor_state"].dropna().astype(str).unique()),
    }
