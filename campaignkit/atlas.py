"""Overview tables for the atlas and case-study notebooks (01, 03, 04).

Pure functions: typed DataFrames in (from :func:`campaignkit.load`), a tidy DataFrame or an
HTML string out; nothing is drawn, printed or read from a path.

>>> import campaignkit as ck
>>> caveats = caveats_by_sponsor(ck.load("campaigns"))
>>> int(caveats["releases"].sum()) == len(ck.load("campaigns"))
True
>>> in_script("فارسی", "fa")
'<span lang="fa" dir="rtl">فارسی</span>'
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

import pandas as pd

from .cases import addressing
from .names import endonym, is_rtl, language_name, script_of, state_name

__all__ = ["caveats_by_sponsor", "background", "unanswered", "target_profile",
           "in_script", "show_in_script", "languages_html", "show_languages", "full_text_html",
           "show_full_text"]


def caveats_by_sponsor(campaigns: pd.DataFrame) -> pd.DataFrame:
    """Per sponsor state: releases, and how many are self-declared, covert, or dated only roughly.

    ``self_declared`` counts releases the agency published under its own name; ``covert_exposed``
    counts ``kind == covert_operation`` (known only because others exposed it); ``disputed``
    counts attribution ``disputed``; ``month_or_year_only`` counts dates without a documented day.

    >>> import campaignkit as ck
    >>> t = caveats_by_sponsor(ck.load("campaigns"))
    >>> list(t.columns)
    ['sponsor', 'sponsor_state', 'releases', 'self_declared', 'disputed', 'covert_exposed', 'month_or_year_only']
    """
    c = campaigns.assign(sponsor_state=campaigns["sponsor_state"].astype(str))
    g = c.groupby("sponsor_state")
    out = pd.DataFrame({
        "releases": g.size(),
        "self_declared": g["attribution"].agg(lambda s: int((s.astype(str) == "self_declared").sum())),
        "disputed": g["attribution"].agg(lambda s: int((s.astype(str) == "disputed").sum())),
        "covert_exposed": g["kind"].agg(lambda s: int((s.astype(str) == "covert_operation").sum())),
        "month_or_year_only": g["date_precision"].agg(lambda s: int((s.astype(str) != "day").sum())),
    }).reset_index()
    out.insert(0, "sponsor", out["sponsor_state"].map(state_name))
    return out.sort_values(["releases", "sponsor_state"], ascending=[False, True], ignore_index=True)


def background(facts: pd.DataFrame, topic: str) -> pd.DataFrame:
    """The background facts on ``topic``, readable: state name, statement, confidence, sources.

    >>> import campaignkit as ck
    >>> t = background(ck.load("background_facts"), "traditional-recruitment")
    >>> list(t.columns)
    ['fact_id', 'state', 'statement', 'confidence', 'sources']
    >>> len(background(ck.load("background_facts"), "no-such-topic"))
    0
    """
    rows = facts[facts["topic"].astype(str) == topic]
    return pd.DataFrame({
        "fact_id": rows["fact_id"],
        "state": rows["state"].map(lambda s: state_name(s) if pd.notna(s) else "(general)"),
        "statement": rows["statement"],
        "confidence": rows["confidence"].astype(str),
        "sources": rows["source_ids"].map(len),
    }).reset_index(drop=True)


def unanswered(campaigns: pd.DataFrame, responses: pd.DataFrame, state: str) -> pd.DataFrame:
    """Releases addressed to ``state`` with no response by ``state`` tied to them in the data.

    "Not in the data" means no source reporting an answer was found, not that none was given.

    >>> import campaignkit as ck
    >>> t = unanswered(ck.load("campaigns"), ck.load("responses"), "IRN")
    >>> "cia-fa-2024-10-02-text-video" in set(t["campaign_id"])
    True
    """
    mine = addressing(campaigns, state)
    answered = set(responses.loc[responses["state"].astype(str) == state, "campaign_id"].dropna())
    rows = mine[~mine["campaign_id"].isin(answered)]
    return pd.DataFrame({
        "campaign_id": rows["campaign_id"], "first_published": rows["first_published"],
        "sponsor_state": rows["sponsor_state"].astype(str), "title_en": rows["title_en"],
    }).reset_index(drop=True)


def target_profile(overview: pd.DataFrame, responses: pd.DataFrame, access: pd.DataFrame,
                   targets: Iterable[str]) -> pd.DataFrame:
    """One column per target state, side by side: releases, sponsors, languages, dates, answers.

    ``overview`` is :func:`campaignkit.campaign_overview`; ``access`` is
    :func:`campaignkit.analysis.access_at_release`. ``posted where restricted`` counts releases
    posted on at least one platform that was blocked, restricted or unreachable in that state.

    >>> import campaignkit as ck
    >>> from campaignkit import analysis
    >>> acc = analysis.access_at_release(ck.load("campaigns"), ck.load("campaign_platforms"),
    ...                                  ck.load("platform_access"))
    >>> t = target_profile(ck.campaign_overview(), ck.load("responses"), acc, ["IRN", "PRK"])
    >>> list(t.columns)
    ['Iran (IRN)', 'North Korea (PRK)']
    """
    rows = {}
    for state in dict.fromkeys(targets):
        mine = addressing(overview, state)
        answers = responses[responses["state"].astype(str) == state]
        a = access[(access["state"] == state) & (access["status"] != "open or not recorded")]
        dates = mine["first_published"]
        rows[f"{state_name(state)} ({state})"] = {
            "releases": len(mine),
            "sponsor states": ", ".join(sorted(mine["sponsor_state"].astype(str).unique())) or "none",
            "languages": ", ".join(sorted({x for ls in mine["languages"] for x in ls})) or "none recorded",
            "first release": dates.min().strftime("%Y-%m-%d") if len(mine) else "",
            "latest release": dates.max().strftime("%Y-%m-%d") if len(mine) else "",
            "posted where restricted": a["campaign_id"].nunique(),
            "responses recorded": len(answers),
            "responses tied to a release": int(answers["campaign_id"].notna().sum()),
            "response types": ", ".join(sorted(answers["response_type"].astype(str).unique())) or "none",
        }
    return pd.DataFrame(rows)


def in_script(text: str, code: str) -> str:
    """``text`` as an HTML span marked with its language and writing direction.

    >>> in_script("中文", "zh")
    '<span lang="zh" dir="ltr">中文</span>'
    """
    direction = "rtl" if is_rtl(code) else "ltr"
    return f'<span lang="{escape(code)}" dir="{direction}">{escape(text)}</span>'


def show_in_script(sentence: str, text: str, code: str):
    """A displayable HTML paragraph: ``sentence`` followed by ``text`` in its own script."""
    from IPython.display import HTML

    return HTML(f"<p>{escape(sentence)} {in_script(text, code)}</p>")


def languages_html(codes: Iterable[str]) -> str:
    """An HTML table of languages: code, English name, own name in its script, writing system.

    Each own name is marked with its language and direction, so Persian reads right to left.

    >>> html = languages_html(["fa", "ko"])
    >>> '<td lang="fa" dir="rtl"' in html and "Korean" in html
    True
    >>> languages_html([])
    '<p><em>No language is recorded for these releases.</em></p>'
    """
    codes = sorted(set(map(str, codes)))
    if not codes:
        return "<p><em>No language is recorded for these releases.</em></p>"
    rows = []
    for c in codes:
        direction = "rtl" if is_rtl(c) else "ltr"
        rows.append(f"<tr><td>{escape(c)}</td><td>{escape(language_name(c))}</td>"
                    f'<td lang="{escape(c)}" dir="{direction}" style="text-align:'
                    f'{"right" if direction == "rtl" else "left"};font-size:1.1em">{escape(endonym(c))}</td>'
                    f"<td>{escape(script_of(c))}</td></tr>")
    head = "<tr><th>Code</th><th>Language</th><th>Its own name</th><th>Script</th></tr>"
    return f"<table>{head}{''.join(rows)}</table>"


def show_languages(codes: Iterable[str]):
    """:func:`languages_html` as a displayable object for a notebook cell."""
    from IPython.display import HTML

    return HTML(languages_html(codes))


def full_text_html(frame: pd.DataFrame) -> str:
    """An HTML table of ``frame`` with no text cut short (a notebook's table view truncates long
    cells). Each cell detects its own writing direction (``dir="auto"``), so a Hebrew or Persian
    quote reads right to left inside an English table; missing values show as empty cells.

    >>> html = full_text_html(pd.DataFrame({"quote": ["x" * 80, None]}))
    >>> "x" * 80 in html and 'dir="auto"' in html and "NaN" not in html
    True
    """
    html = frame.to_html(index=False, na_rep="", escape=True, border=0)
    return html.replace("<td>", '<td dir="auto" style="text-align:start">')


def show_full_text(frame: pd.DataFrame):
    """:func:`full_text_html` as a displayable object for a notebook cell."""
    from IPython.display import HTML

    return HTML(full_text_html(frame))
