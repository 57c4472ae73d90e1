"""Checks for the exercise sets: each failing check says what was expected and what to try.

The check cells of ``exercises/NN-*.ipynb`` call these functions. A check that passes prints a
line starting with ✓; one that fails raises ``AssertionError`` with a message written for a
student, never a bare pandas error. The graders (nbgrader) count a check cell as passed when it
raises nothing.

>>> import pandas as pd
>>> answer = pd.Series([3, 1], index=["USA", "GBR"])
>>> expect_type(answer, pd.Series, "answer")
>>> expect_equal(len(answer), 3, "the number of states", hint="did you drop a state?")
Traceback (most recent call last):
...
AssertionError: the number of states: expected 3, got 2. Hint: did you drop a state?
>>> expect_type(None, pd.Series, "answer")
Traceback (most recent call last):
...
AssertionError: `answer` is still None: write your answer in the cell above and run it first.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Iterable

__all__ = ["expect_type", "expect_columns", "expect_rows", "expect_equal", "expect_close",
           "expect_same_items", "expect_figure", "passed"]


def _fail(message: str, hint: str = "") -> None:
    raise AssertionError(message + (f" Hint: {hint}" if hint else ""))


def expect_type(value, kind, name: str, hint: str = "") -> None:
    """``value`` (the student's variable called ``name``) must be an instance of ``kind``.

    >>> expect_type("12", int, "days")
    Traceback (most recent call last):
    ...
    AssertionError: `days` should be a int, but it is a str ('12').
    >>> import numpy as np
    >>> expect_type(np.int64(12), int, "days")
    """
    if value is None or value is Ellipsis:
        _fail(f"`{name}` is still {value!r}: write your answer in the cell above and run it first.")
    kinds = kind if isinstance(kind, tuple) else (kind,)
    # a whole number from pandas (numpy.int64) is a whole number for a student too
    accepted = tuple({int: numbers.Integral, float: numbers.Real}.get(k, k) for k in kinds)
    if isinstance(value, bool) and bool not in kinds or not isinstance(value, accepted):
        wanted = " or ".join(k.__name__ for k in kinds)
        shown = repr(value) if len(repr(value)) <= 40 else repr(value)[:37] + "..."
        _fail(f"`{name}` should be a {wanted}, but it is a {type(value).__name__} ({shown}).", hint)


def expect_columns(frame, columns: Iterable[str], name: str, hint: str = "") -> None:
    """The table ``name`` must have these columns (others may be there too).

    >>> import pandas as pd
    >>> expect_columns(pd.DataFrame({"a": [1]}), ["a", "days"], "table")
    Traceback (most recent call last):
    ...
    AssertionError: `table` has no column 'days' (its columns: 'a').
    """
    have = [str(c) for c in frame.columns]
    for column in columns:
        if column not in have:
            _fail(f"`{name}` has no column {column!r} (its columns: {', '.join(map(repr, have))}).", hint)


def expect_rows(frame, count: int, name: str, hint: str = "") -> None:
    """The table (or list) ``name`` must have ``count`` rows."""
    got = len(frame)
    if got != count:
        _fail(f"expected {count} rows in `{name}`, got {got}.", hint)


def _plain(value):
    """numpy scalars (and lists of them) as plain Python values, for readable messages."""
    if isinstance(value, (list, tuple)):
        return type(value)(_plain(v) for v in value)
    return value.item() if hasattr(value, "item") and getattr(value, "ndim", None) == 0 else value


def expect_equal(value, expected, what: str, hint: str = "") -> None:
    """``value`` must equal ``expected``; ``what`` names it in the message.

    >>> import numpy as np
    >>> expect_equal([np.int64(13)], [12], "the counts")
    Traceback (most recent call last):
    ...
    AssertionError: the counts: expected [12], got [13].
    """
    if value != expected:
        _fail(f"{what}: expected {_plain(expected)!r}, got {_plain(value)!r}.", hint)


def expect_close(value, expected: float, what: str, tolerance: float = 0.01, hint: str = "") -> None:
    """A number must be within ``tolerance`` of ``expected``.

    >>> expect_close(0.4251, 0.42, "kappa", tolerance=0.01)
    >>> expect_close("0.4", 0.42, "kappa")
    Traceback (most recent call last):
    ...
    AssertionError: kappa should be a number, but it is a str ('0.4').
    """
    try:
        number = float(value)
    except (TypeError, ValueError):
        number = None
    if number is None or isinstance(value, str):
        _fail(f"{what} should be a number, but it is a {type(value).__name__} ({value!r}).", hint)
    if math.isnan(number) or abs(number - expected) > tolerance:
        _fail(f"{what}: expected about {expected} (within {tolerance}), got {number:g}.", hint)


def expect_same_items(values: Iterable, expected: Iterable, what: str, hint: str = "") -> None:
    """The same items, in any order; the message lists what is missing and what is extra.

    >>> expect_same_items(["a", "b", "x"], ["a", "b", "c"], "release ids")
    Traceback (most recent call last):
    ...
    AssertionError: release ids: 1 missing ('c'); 1 that should not be there ('x').
    """
    got, want = set(values), set(expected)
    missing, extra = sorted(want - got, key=str), sorted(got - want, key=str)
    if missing or extra:
        parts = []
        if missing:
            parts.append(f"{len(missing)} missing ({', '.join(map(repr, missing[:6]))}"
                         + (", ..." if len(missing) > 6 else "") + ")")
        if extra:
            parts.append(f"{len(extra)} that should not be there ({', '.join(map(repr, extra[:6]))}"
                         + (", ..." if len(extra) > 6 else "") + ")")
        _fail(f"{what}: " + "; ".join(parts) + ".", hint)


def expect_figure(fig, name: str, points: int | None = None, title: bool = True, hint: str = "") -> None:
    """A plotly figure, with a title when ``title``, and ``points`` data points in all when given."""
    import plotly.graph_objects as go

    expect_type(fig, go.Figure, name, hint="build it with a campaignkit.figures function or plotly.")
    if title and not (fig.layout.title.text or "").strip():
        _fail(f"`{name}` has no title: a reader needs one to know what the chart shows.", hint)
    if points is not None:
        from ..figures import data_points

        got = data_points(fig)
        if got != points:
            _fail(f"`{name}` draws {got} data points, expected {points}.", hint)


def passed(task: str) -> None:
    """Print the line a student sees when all visible checks of a task pass."""
    print(f"✓ {task}: the visible checks pass.")
