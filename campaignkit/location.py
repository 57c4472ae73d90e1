"""Where the kit's data package lives.

The loaders find the data by name, never by a path typed in a notebook: the folder is
``$CAMPAIGNKIT_DATA`` when that is set, otherwise ``datasets/`` next to the installed package
(the repository layout; the package is installed in editable mode).
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["data_dir", "repo_root"]

ENV_VAR = "CAMPAIGNKIT_DATA"


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
    return repo_root() / "datasets"
