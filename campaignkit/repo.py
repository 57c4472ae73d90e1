"""Where things are: the data package, the repository's notebooks, generated blocks in its files.

The loaders find the data by name, never by a path typed in a notebook: the folder is
``$CAMPAIGNKIT_DATA`` when that is set; otherwise ``datasets/`` of the repository (an editable
install, the usual case); otherwise the copy a wheel installs under ``<prefix>/share/campaignkit``.

>>> numbered(repo_root() / "notebooks")[0].name
'00-start-here.ipynb'
>>> replace_block("a <!-- x:start -->old<!-- x:end --> b", "<!-- x:start -->", "<!-- x:end -->", "new")
'a <!-- x:start -->\\nnew\\n<!-- x:end --> b'
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

__all__ = ["data_dir", "repo_root", "numbered", "replace_block", "find_block", "ENV_VAR"]

ENV_VAR = "CAMPAIGNKIT_DATA"
#: Where a wheel (non-editable install) puts the data package (pyproject.toml data-files).
INSTALLED_DATA = Path(sys.prefix) / "share" / "campaignkit" / "datasets"


def repo_root() -> Path:
    """The repository folder that contains the ``campaignkit`` package."""
    return Path(__file__).resolve().parent.parent


def data_dir() -> Path:
    """The folder of the data package the loaders read by default.

    >>> (data_dir() / "datapackage.json").is_file()
    True
    """
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env).expanduser()
    in_repo = repo_root() / "datasets"
    if (in_repo / "datapackage.json").is_file() or not (INSTALLED_DATA / "datapackage.json").is_file():
        return in_repo
    return INSTALLED_DATA


def numbered(folder: Path, suffix: str = ".ipynb") -> list[Path]:
    """The ``NN-slug`` files of ``folder`` (``00-start-here.ipynb`` ...), sorted by name."""
    return sorted(Path(folder).glob(f"[0-9][0-9]-*{suffix}"))


def find_block(text: str, start: str, end: str) -> str | None:
    """The block from marker ``start`` to marker ``end`` (both included), or None if absent."""
    m = re.search(re.escape(start) + ".*?" + re.escape(end), text, re.S)
    return m.group(0) if m else None


def replace_block(text: str, start: str, end: str, content: str) -> str:
    """``text`` with the block between the markers replaced by ``content`` (markers kept).

    Raises ``ValueError`` when the markers are missing, so a generated block never vanishes.
    """
    if find_block(text, start, end) is None:
        raise ValueError(f"no {start} ... {end} markers")
    block = f"{start}\n{content}\n{end}"
    return re.sub(re.escape(start) + ".*?" + re.escape(end), lambda _: block, text, count=1, flags=re.S)
