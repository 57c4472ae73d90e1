"""The learning path's notebooks, with the metadata each carries (title, order, minutes, objectives).

>>> nbs = notebooks()
>>> nbs[0].order, nbs[0].path.name
(0, '00-start-here.ipynb')
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from ..repo import numbered, repo_root

__all__ = ["Notebook", "notebooks"]


@dataclass(frozen=True)
class Notebook:
    path: Path
    title: str
    order: int
    minutes: int
    objectives: list[str]


def notebooks(root: Path | None = None) -> list[Notebook]:
    """The learning path's notebooks, in order, with their metadata."""
    root = root or repo_root()
    out = []
    for path in numbered(root / "notebooks"):
        meta = json.loads(path.read_text(encoding="utf-8"))["metadata"].get("campaignkit")
        if meta is None:
            raise ValueError(f"{path.name}: notebook metadata has no 'campaignkit' entry")
        out.append(Notebook(path, meta["title"], int(meta["order"]), int(meta["minutes"]),
                            list(meta["objectives"])))
    return sorted(out, key=lambda n: n.order)
