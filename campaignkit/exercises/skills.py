"""Which pandas operations the notebooks show, and which the exercise sets' solutions need.

The instructor guide's skills table (between the ``skills`` markers in ``exercises/INSTRUCTORS.md``)
is generated from this by ``campaignkit course --write``, and the test suite fails when an exercise
set needs an operation that no notebook up to the set's own number has shown.

>>> sorted(operations("df.groupby('a').size().reset_index()"))
['groupby', 'reset_index', 'size']
>>> sorted(operations("pd.crosstab(a, b)"))
['crosstab']
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from ..repo import numbered, repo_root

__all__ = ["OPERATIONS", "operations", "taught_in", "assessed_in", "skills_table", "untaught"]

#: the pandas operations tracked: method calls, date parts, and pd.crosstab / pd.concat
OPERATIONS = re.compile(r"\.(merge|apply|shift|diff|loc|iloc|assign|explode|groupby|value_counts|query|isin|"
                        r"sort_values|agg|pivot_table|unstack|nunique|drop_duplicates|reset_index|set_index|"
                        r"between|rename|dropna|fillna|astype|quantile|idxmax|nlargest|mean|median|sum|size|"
                        r"dt\.days|dt\.year|dt\.month|str\.contains|map|where|cumsum|count)\b"
                        r"|pd\.(crosstab|concat)\b")


def operations(code: str) -> set[str]:
    """The tracked pandas operations in a piece of code."""
    return {m.group(1) or m.group(2) for m in OPERATIONS.finditer(code)}


def _code(path: Path, solutions_only: bool = False) -> str:
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code"
                     and (not solutions_only or c.get("metadata", {}).get("nbgrader", {}).get("solution")))


def taught_in(root: Path | None = None) -> dict[str, str]:
    """{operation: number of the first notebook whose code uses it}."""
    first: dict[str, str] = {}
    for nb in numbered((root or repo_root()) / "notebooks"):
        for op in operations(_code(nb)):
            first.setdefault(op, nb.name[:2])
    return first


def assessed_in(root: Path | None = None) -> dict[str, list[str]]:
    """{operation: numbers of the exercise sets whose solutions use it}."""
    out: dict[str, list[str]] = {}
    for src in sorted(((root or repo_root()) / "exercises" / "source").glob("*/*.ipynb")):
        for op in sorted(operations(_code(src, solutions_only=True))):
            out.setdefault(op, []).append(src.name[:2])
    return out


def untaught(root: Path | None = None) -> dict[str, list[str]]:
    """{set number: operations its solution needs that no notebook up to that number shows}."""
    first, gaps = taught_in(root), {}
    for op, sets in assessed_in(root).items():
        for s in sets:
            if op not in first or first[op] > s:
                gaps.setdefault(s, []).append(op)
    return {s: sorted(ops) for s, ops in sorted(gaps.items())}


def skills_table(root: Path | None = None) -> str:
    """Markdown: each pandas operation the sets assess, where it is first shown, where assessed."""
    first, assessed = taught_in(root), assessed_in(root)
    lines = ["| pandas operation | first shown in notebook | assessed in exercise sets |", "|---|---|---|"]
    for op in sorted(assessed, key=lambda o: (first.get(o, "99"), o)):
        lines.append(f"| `{op}` | {first.get(op, '**not shown**')} | {', '.join(assessed[op])} |")
    return "\n".join(lines)
