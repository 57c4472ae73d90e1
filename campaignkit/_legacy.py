"""Old module names (0.2) that notebooks and exercise sets already handed out still import.

``campaignkit.analysis``, ``.atlas``, ``.cases``, ``.checking`` ... were folded into the layers
in 0.3 (see CONTRIBUTING.md). Each old name is served by a small generated module whose
attributes forward to the new place with a ``DeprecationWarning`` that names the new import, so a
student's copy from last term keeps running; ``python -m campaignkit.site`` and the like say
what to type now. These go in 0.4.

>>> import warnings
>>> with warnings.catch_warnings(record=True) as caught:
...     warnings.simplefilter("always")
...     from campaignkit.analysis import by_year
>>> by_year.__module__, "campaignkit.tables" in str(caught[0].message)
('campaignkit.tables.releases', True)
"""

from __future__ import annotations

import importlib.abc
import importlib.util
import sys

__all__ = ["OLD_MODULES", "install", "compare_releases", "coding_agreement"]

#: old module -> (where its names live now, the import to write instead)
OLD_MODULES: dict[str, tuple[list[str], str]] = {
    "analysis": (["campaignkit.tables"], "from campaignkit import tables"),
    "atlas": (["campaignkit.tables", "campaignkit.display"], "from campaignkit import tables, display"),
    "cases": (["campaignkit.tables", "campaignkit.data"], "from campaignkit import tables"),
    "timing": (["campaignkit.tables", "campaignkit.figures"], "from campaignkit import tables, figures"),
    "sourcing": (["campaignkit.tables", "campaignkit.data"], "from campaignkit import tables, data"),
    "checking": (["campaignkit.exercises.checks"], "from campaignkit.exercises.checks import ..."),
    "checks": (["campaignkit.validation"], "from campaignkit import validation"),
    "citations": (["campaignkit.data"], "from campaignkit import data"),
    "coverage": (["campaignkit.data"], "from campaignkit import data"),
    "errors": (["campaignkit.validation"], "from campaignkit import validation"),
    "schema": (["campaignkit.validation", "campaignkit.validation.descriptor"], "from campaignkit import validation"),
    "reading": (["campaignkit.validation.files"], "from campaignkit.validation.files import read_rows"),
    "safety": (["campaignkit.validation"], "from campaignkit import validation"),
    "location": (["campaignkit.repo"], "from campaignkit import repo"),
    "links": (["campaignkit.course.launch"], "from campaignkit import course"),
    "site": (["campaignkit.course.site"], "from campaignkit import course"),
}
#: names whose call changed: served by a wrapper with the old signature
SPECIAL = {("cases", "compare_releases"): "campaignkit._legacy:compare_releases",
           ("sourcing", "coding_agreement"): "campaignkit._legacy:coding_agreement"}
SPECIAL_HINT = {"compare_releases": "tables.compare_releases(ck.campaign_overview(), ids)",
                "coding_agreement": "tables.coding_agreement (theme codes renamed in data 0.2.0)"}
#: old `python -m campaignkit.X` entry points -> the new command
COMMANDS = {"site": "site"}

TEMPLATE = '''
import importlib as _il
import warnings as _w

def __getattr__(name):
    if name.startswith("__"):
        raise AttributeError(name)
    special = {special!r}.get(name)
    hint = {hints!r}.get(name)
    places = [special.split(":")[0]] if special else {targets!r}
    attr = special.split(":")[1] if special else name
    for place in places:
        module = _il.import_module(place)
        if hasattr(module, attr):
            _w.warn("campaignkit.{old}." + name + " has moved: write `{new}` and use "
                    + (hint or place + "." + attr)
                    + " (the old name works until campaignkit 0.4)", DeprecationWarning, stacklevel=2)
            return getattr(module, attr)
    raise AttributeError("module 'campaignkit.{old}' has no attribute " + repr(name))

if __name__ == "__main__":
    import sys
    from campaignkit.cli import main
    command = {command!r}
    if command is None:
        sys.exit("campaignkit.{old} is not a command; see `campaignkit --help`")
    print("note: `python -m campaignkit.{old}` is now `campaignkit " + command + "`", file=sys.stderr)
    sys.exit(main([command, *sys.argv[1:]]))
'''


def compare_releases(campaign_ids, directory=None):
    """0.2's ``cases.compare_releases(ids, directory)``: now ``tables.compare_releases(overview, ids)``."""
    from .data import campaign_overview
    from .tables import compare_releases as new

    return new(campaign_overview(directory), campaign_ids)


def coding_agreement(mine, campaign_id, themes, vocabulary):
    """0.2's ``sourcing.coding_agreement``: a student's old theme codes (``truth`` ...) are read as
    their 0.2.0 names (``appeal_to_truth`` ...), as the loader reads old data."""
    from .tables import coding_agreement as new
    from .validation import read_package

    renamed = read_package().table("themes").field("theme").renamed or {}
    return new([renamed.get(code, code) for code in mine], campaign_id, themes,
               [renamed.get(code, code) for code in vocabulary])


class _Loader(importlib.abc.Loader):
    def create_module(self, spec):
        return None

    def get_code(self, fullname: str):
        old = fullname.rsplit(".", 1)[1]
        targets, new = OLD_MODULES[old]
        special = {name: where for (mod, name), where in SPECIAL.items() if mod == old}
        source = TEMPLATE.format(old=old, targets=targets, new=new, special=special, command=COMMANDS.get(old),
                                 hints={k: v for k, v in SPECIAL_HINT.items() if k in special})
        return compile(source, f"<campaignkit 0.2 name {fullname}>", "exec")

    def exec_module(self, module) -> None:
        exec(self.get_code(module.__name__), module.__dict__)


class _Finder(importlib.abc.MetaPathFinder):
    def find_spec(self, fullname, path=None, target=None):
        package, _, old = fullname.partition(".")
        if package == "campaignkit" and old in OLD_MODULES:
            return importlib.util.spec_from_loader(fullname, _Loader())
        return None


def install() -> None:
    """Serve the old names (idempotent; consulted only after the real modules are not found)."""
    if not any(isinstance(f, _Finder) for f in sys.meta_path):
        sys.meta_path.append(_Finder())
