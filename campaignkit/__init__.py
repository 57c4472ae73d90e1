"""campaignkit: the helper library of the teaching kit on state information campaigns.

Import it by name in every notebook::

    import campaignkit as ck
    from campaignkit import tables, figures, display
    campaigns = ck.load("campaigns")

The package's folders follow the data, lowest layer first (CONTRIBUTING.md has the picture):
``validation`` (the descriptor and every check), ``data`` (typed tables by name, sources, counts,
the one CSV writer), ``tables`` (DataFrames in, tidy DataFrame out), ``figures`` (plotly charts)
and ``display`` (HTML for cells), ``explorers`` (widgets), ``exercises`` (students' checks,
generation, grading), ``course`` (maintainer tools), ``cli`` (the ``campaignkit`` command).
Subpackages load on first use, so ``import campaignkit`` stays fast, and importing changes no
global setting (no plotting defaults, no pandas options).
"""

from . import _legacy
from .data import (
    campaign_overview,
    check_parameter,
    cite,
    coverage,
    describe,
    further_reading,
    load,
    load_all,
    sources_for,
    sources_markdown,
    table_names,
)
from .repo import data_dir
from .validation import DataError, Problem, check_package, read_package

__version__ = "0.3.0"

_SUBPACKAGES = {"validation", "data", "tables", "figures", "display", "explorers", "exercises", "course",
                "names", "repo", "cli"}
_legacy.install()


def __getattr__(name: str):
    """Layers on first use (``ck.figures``, ``ck.tables`` ...), and 0.2's module names with a warning."""
    if name in _SUBPACKAGES or name in _legacy.OLD_MODULES:
        import importlib

        return importlib.import_module(f"{__name__}.{name}")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "load", "load_all", "table_names", "describe", "campaign_overview", "check_parameter", "further_reading",
    "check_package", "coverage", "cite", "sources_for", "sources_markdown", "read_package", "data_dir",
    "DataError", "Problem", "__version__",
]
