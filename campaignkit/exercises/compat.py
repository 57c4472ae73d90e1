"""Grade copies handed out before 0.3 as their students wrote them.

A 0.2 student copy imported the old module names in its setup cell (``from campaignkit import
analysis, timing``), and its answers use them. nbgrader puts back the setup cell of today's source
(which imports ``tables`` instead), so those answers would fail for a reason that is not the
student's. Before grading, :func:`carry_old_imports` copies the old imports of the submission's own
setup cell into each answer cell that uses them; nothing else changes.

>>> nb = {"cells": [
...     {"cell_type": "code", "metadata": {}, "source": "from campaignkit import analysis, figures\\n"},
...     {"cell_type": "code", "metadata": {"nbgrader": {"solution": True}}, "source": "x = analysis.by_year(c, 'kind')"}]}
>>> carry_old_imports(nb)
['analysis']
>>> nb["cells"][1]["source"].splitlines()[0]
'from campaignkit import analysis  # as the 0.2 copy imported it (campaignkit 0.3 grading)'
"""

from __future__ import annotations

import re

from .._legacy import OLD_MODULES

__all__ = ["carry_old_imports"]

IMPORT = re.compile(r"^from campaignkit import ([\w, ]+)$", re.M)


def _text(cell: dict) -> str:
    return "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]


def carry_old_imports(nb: dict) -> list[str]:
    """Add the submission's own 0.2 imports to the answer cells that use them; return the names."""
    cells = nb.get("cells", [])
    setup = "\n".join(_text(c) for c in cells if c.get("cell_type") == "code"
                      and not c.get("metadata", {}).get("nbgrader", {}).get("solution"))
    old = sorted({name.strip() for m in IMPORT.finditer(setup) for name in m.group(1).split(",")
                  if name.strip() in OLD_MODULES})
    if not old:
        return []
    for cell in cells:
        if cell.get("cell_type") != "code" or not cell.get("metadata", {}).get("nbgrader", {}).get("solution"):
            continue
        used = [name for name in old if re.search(rf"(?<![\w.]){name}\.", _text(cell))]
        if used:
            line = f"from campaignkit import {', '.join(used)}  # as the 0.2 copy imported it (campaignkit 0.3 grading)"
            cell["source"] = f"{line}\n{_text(cell)}"
    return old
