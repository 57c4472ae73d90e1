"""Small pieces that several table functions share (not part of the public namespace).

>>> import pandas as pd
>>> date_label(pd.Series(pd.to_datetime(["2022-09-01"])), pd.Series(["month"])).tolist()
['2022-09-01 (month)']
>>> addressed_to(pd.DataFrame({"target_states": [["RUS"], ["CHN", "RUS"], []]}), "CHN").tolist()
[False, True, False]
"""

from __future__ import annotations

import pandas as pd

__all__ = ["exact", "date_label", "addressed_to"]


def exact(*precisions: pd.Series) -> pd.Series:
    """True where every one of the precision columns is ``day``."""
    out = pd.Series(True, index=precisions[0].index)
    for p in precisions:
        out &= p.astype(str).eq("day")
    return out


def date_label(dates: pd.Series, precision: pd.Series) -> pd.Series:
    """Dates as ``YYYY-MM-DD (precision)``, so a month-precision date never reads as a day."""
    return dates.dt.strftime("%Y-%m-%d") + " (" + precision.astype(str) + ")"


def addressed_to(frame: pd.DataFrame, target: str) -> pd.Series:
    """True for the rows whose ``target_states`` list includes ``target``."""
    return frame["target_states"].map(lambda ts: target in ts).astype(bool)
