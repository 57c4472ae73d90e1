"""HTML for notebook cells: text in its own script and direction, tables shown whole.

Persian is written right to left: the HTML marks each original title with its language and
direction (``lang``, ``dir``), so browsers, Voila and screen readers render and read it properly.
Nothing here changes a pandas option: each function returns HTML, or an object a cell displays.

>>> import campaignkit as ck
>>> html = titles_html(ck.load("campaigns"))
>>> 'lang="ru"' in html and "<table" in html
True
>>> in_script("فارسی", "fa")
'<span lang="fa" dir="rtl">فارسی</span>'
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

import pandas as pd

from .names import direction, endonym, language_name, script_of
from .tables import titles

__all__ = ["titles_html", "show_titles", "in_script", "show_in_script", "languages_html", "show_languages",
           "full_text_html", "show_full_text", "self_check", "compare_guess"]


def _html(markup: str):
    from IPython.display import HTML

    return HTML(markup)


def _own_script_cell(text: str, code: str) -> str:
    align = "right" if direction(code) == "rtl" else "left"
    return (f'<td lang="{escape(code)}" dir="{direction(code)}" style="text-align:{align};font-size:1.1em">'
            f"{escape(text)}</td>")


def titles_html(campaigns: pd.DataFrame) -> str:
    """An HTML table of :func:`campaignkit.tables.titles`, each original title tagged with its
    language and direction."""
    t = titles(campaigns)
    if t.empty:
        return "<p><em>No original titles are recorded for these releases.</em></p>"
    rows = [f"<tr><td>{escape(r.title_en)}</td>{_own_script_cell(r.title_original, r.code)}"
            f"<td>{escape(r.language)}</td><td>{escape(r.script)}</td></tr>" for r in t.itertuples(index=False)]
    head = "<tr><th>English title</th><th>Original title</th><th>Language</th><th>Script</th></tr>"
    return f"<table>{head}{''.join(rows)}</table>"


def show_titles(campaigns: pd.DataFrame):
    """:func:`titles_html` as a displayable object for a notebook cell."""
    return _html(titles_html(campaigns))


def in_script(text: str, code: str) -> str:
    """``text`` as an HTML span marked with its language and writing direction.

    >>> in_script("中文", "zh")
    '<span lang="zh" dir="ltr">中文</span>'
    """
    return f'<span lang="{escape(code)}" dir="{direction(code)}">{escape(text)}</span>'


def show_in_script(sentence: str, text: str, code: str):
    """A displayable HTML paragraph: ``sentence`` followed by ``text`` in its own script."""
    return _html(f"<p>{escape(sentence)} {in_script(text, code)}</p>")


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
        rows.append(f"<tr><td>{escape(c)}</td><td>{escape(language_name(c))}</td>"
                    f"{_own_script_cell(endonym(c), c)}<td>{escape(script_of(c))}</td></tr>")
    head = "<tr><th>Code</th><th>Language</th><th>Its own name</th><th>Script</th></tr>"
    return f"<table>{head}{''.join(rows)}</table>"


def show_languages(codes: Iterable[str]):
    """:func:`languages_html` as a displayable object for a notebook cell."""
    return _html(languages_html(codes))


def full_text_html(frame: pd.DataFrame) -> str:
    """An HTML table of ``frame`` with no text cut short (a notebook's table view truncates long
    cells). Each cell detects its own writing direction (``dir="auto"``), so a Hebrew or Persian
    quote reads right to left inside an English table; missing values show as empty cells. A table
    wider than the page scrolls sideways in its own named region that the keyboard can reach
    (Tab, then the arrow keys), not in the notebook's output area, which takes no focus.

    >>> html = full_text_html(pd.DataFrame({"quote": ["x" * 80, None]}))
    >>> "x" * 80 in html and 'dir="auto"' in html and "NaN" not in html
    True
    >>> html.startswith('<div role="region" tabindex="0" aria-label="Table: quote (2 rows)"')
    True
    """
    html = frame.to_html(index=False, na_rep="", escape=True, border=0)
    name = escape(f"Table: {', '.join(map(str, frame.columns))} ({len(frame)} rows)")
    return (f'<div role="region" tabindex="0" aria-label="{name}" style="overflow-x:auto;max-width:100%">'
            + html.replace("<td>", '<td dir="auto" style="text-align:start">') + "</div>")


def show_full_text(frame: pd.DataFrame):
    """:func:`full_text_html` as a displayable object for a notebook cell."""
    return _html(full_text_html(frame))


def self_check(answer, expected, *, what: str = "your answer", why: str = "", tolerance: float = 0) -> str:
    """A friendly verdict for a self-learner's answer; never raises, so a notebook runs unanswered.

    Numbers match within ``tolerance``; text matches ignoring case and surrounding spaces. Prints
    the verdict (and ``why``, the explanation) and returns it.

    >>> _ = self_check(None, 3)
    No answer yet: write your answer in the cell above (replace None) and run both cells.
    >>> _ = self_check("b", "B", why="Only B counts releases, not facts.")
    Right: b. Only B counts releases, not facts.
    >>> _ = self_check(4, 3, what="the number of sponsor states")
    Not quite: the number of sponsor states is 3, not 4. Look again at the output above.
    """
    if answer is None or answer is ...:
        verdict = "No answer yet: write your answer in the cell above (replace None) and run both cells."
    else:
        if isinstance(expected, (int, float)) and isinstance(answer, (int, float)):
            right = abs(answer - expected) <= tolerance
        else:
            right = str(answer).strip().lower() == str(expected).strip().lower()
        verdict = (f"Right: {answer}." if right else
                   f"Not quite: {what} is {expected}, not {answer}. Look again at the output above.")
        if right and why:
            verdict += f" {why}"
    print(verdict)
    return verdict


def compare_guess(guess, actual, *, what: str = "the result") -> str:
    """After a prediction: what you guessed, what the data say (no right or wrong), never raises.

    >>> _ = compare_guess(10, 12, what="releases addressed to Russia")
    You guessed 10; the data say 12 releases addressed to Russia (you were 2 below).
    >>> _ = compare_guess(None, 12)
    You wrote no guess. The data say 12. Next time, guess first: it shows what surprised you.
    """
    if guess is None or guess is ...:
        text = f"You wrote no guess. The data say {actual}. Next time, guess first: it shows what surprised you."
    elif isinstance(guess, (int, float)) and isinstance(actual, (int, float)) and guess != actual:
        gap = actual - guess
        side = "below" if gap > 0 else "above"
        text = f"You guessed {guess}; the data say {actual} {what} (you were {abs(gap):g} {side})."
    else:
        text = f"You guessed {guess}; the data say {actual} {what}."
    print(text)
    return text
