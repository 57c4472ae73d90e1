"""campaignkit: the helper library of the teaching kit on state information campaigns.

Import it by name in every notebook::

    import campaignkit as ck
    campaigns = ck.load("campaigns")

Modules: ``data`` (typed loaders), ``checks`` (validation), ``figures`` (plotly charts),
``citations`` (sources sections), ``coverage`` (counts for the data card), ``course`` (course
map and navigation), ``safety`` (contact-detail patterns), ``analysis`` (tidy answers to the
notebooks' questions), ``cases`` (focus on one case), ``display`` (titles in their own script),
``names`` (readable names for codes). Submodules load on first use: ``ck.figures.timeline(...)``.
Importing the package changes no global setting (no plotting defaults, no pandas options).
"""

from .checks import check_package
from .citations import cite, sources_for, sources_markdown
from .coverage import coverage
from .data import campaign_overview, describe, load, load_all, table_names
from .errors import DataError, Problem
from .location import data_dir
from .schema import read_package

__version__ = "0.2.0"

_SUBMODULES = {"analysis", "atlas", "cases", "citations", "course", "display", "explorers", "figures",
               "links", "names", "safety", "sourcing", "timing"}


def __getattr__(name: str):
    """Submodules on first use (``ck.figures``, ``ck.cases`` ...), so ``import campaignkit`` stays fast."""
    if name in _SUBMODULES:
        import importlib

        return importlib.import_module(f"{__name__}.{name}")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "load", "load_all", "table_names", "describe", "campaign_overview",
    "check_package", "coverage", "cite", "sources_for", "sources_markdown", "read_package", "data_dir",
    "DataError", "Problem", "__version__",
]
