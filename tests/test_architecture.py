"""The package's shape stays as CONTRIBUTING.md draws it: layers that import downwards only,
notebooks that never import maintainer tools, small modules, no name shadowing a module, ruff clean."""

from __future__ import annotations

import ast
import importlib
import json
import pkgutil
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import campaignkit

REPO = Path(__file__).resolve().parent.parent
PACKAGE = REPO / "campaignkit"
#: lowest first; a module may import from its own layer or a lower one, never a higher one
LAYERS = {"repo": 0, "names": 0, "validation": 1, "data": 2, "tables": 3, "figures": 4, "display": 4,
          "explorers": 5, "exercises": 6, "course": 7, "cli": 8, "__main__": 9, "__init__": 9, "_legacy": 3}
MAINTAINER = ("campaignkit.course", "campaignkit.cli", "campaignkit.exercises.generation",
              "campaignkit.exercises.grading")
MAX_LINES = 250


def modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def dotted(path: Path) -> str:
    parts = list(path.relative_to(REPO).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> set[str]:
    """Absolute names of the campaignkit modules ``path`` imports (also inside functions)."""
    name, found = dotted(path), set()
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            found |= {f"{base}.{a.name}" for a in node.names} | {base}
    return {m for m in found if m == "campaignkit" or m.startswith("campaignkit.")}


def layer(module: str) -> int:
    parts = module.split(".")
    if parts[-1] == "__main__":      # entry points (python -m ...) sit above everything
        return LAYERS["__main__"]
    top = parts[1] if len(parts) > 1 else "__init__"
    return LAYERS.get(top, LAYERS.get(parts[-1], 9))


def test_every_top_level_module_has_a_layer():
    tops = {p.relative_to(PACKAGE).parts[0].removesuffix(".py") for p in modules()}
    assert tops <= set(LAYERS), f"add to LAYERS (and CONTRIBUTING.md): {sorted(tops - set(LAYERS))}"


@pytest.mark.parametrize("path", modules(), ids=lambda p: str(p.relative_to(REPO)))
def test_imports_go_downwards_only(path):
    mine = layer(dotted(path))
    upward = sorted(m for m in imports(path) if m != "campaignkit" and layer(m) > mine)
    assert not upward, f"{dotted(path)} (layer {mine}) imports from a higher layer: {upward}"


def test_the_layer_test_catches_an_upward_import(tmp_path):
    bad = PACKAGE / "tables" / "_upward_probe.py"
    bad.write_text("from ..explorers import views\n", encoding="utf-8")
    try:
        assert "campaignkit.explorers.views" in imports(bad)
        assert layer("campaignkit.explorers.views") > layer(dotted(bad))
    finally:
        bad.unlink()


def notebook_sources() -> list[Path]:
    return sorted([*REPO.glob("notebooks/*.ipynb"), *REPO.glob("exercises/*.ipynb"),
                   *REPO.glob("exercises/source/*/*.ipynb")])


@pytest.mark.parametrize("path", notebook_sources(), ids=lambda p: str(p.relative_to(REPO)))
def test_notebooks_never_import_maintainer_tools_or_old_names(path):
    code = "\n".join("".join(c["source"]) for c in json.loads(path.read_text(encoding="utf-8"))["cells"]
                     if c["cell_type"] == "code")
    code = "\n".join(line for line in code.splitlines() if not line.lstrip().startswith(("%", "!")))
    tree = ast.parse(code)
    probe_imports = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            probe_imports |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            probe_imports |= {node.module} | {f"{node.module}.{a.name}" for a in node.names}
    used = {m for m in probe_imports if m.startswith("campaignkit")}
    assert not [m for m in used if m.startswith(MAINTAINER)], f"{path.name} imports maintainer tools: {used}"
    old = {f"campaignkit.{o}" for o in campaignkit._legacy.OLD_MODULES}
    assert not (used & old), f"{path.name} still imports 0.2 names: {sorted(used & old)}"


@pytest.mark.parametrize("path", modules(), ids=lambda p: str(p.relative_to(REPO)))
def test_modules_are_small(path):
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{path.relative_to(REPO)} has {lines} lines; split it by concern"


def test_no_name_shadows_a_module():
    for info in pkgutil.walk_packages(campaignkit.__path__, "campaignkit."):
        if info.name.split(".")[-1].startswith("_") or info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        parent = importlib.import_module(info.name.rsplit(".", 1)[0])
        value = getattr(parent, info.name.rsplit(".", 1)[1], module)
        assert value is module, f"{info.name} is shadowed by {value!r} in its package"


def test_ruff_finds_nothing():
    ruff = shutil.which("ruff", path=str(Path(sys.executable).parent)) or shutil.which("ruff")
    assert ruff, "ruff is not installed: pip install -r requirements-dev.txt"
    result = subprocess.run([ruff, "check", "campaignkit", "tests", "benchmarks"], cwd=REPO,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_nothing_imports_plotly_private_modules():
    private = [f"{dotted(p)}: {node.module}" for p in modules()
               for node in ast.walk(ast.parse(p.read_text(encoding="utf-8")))
               if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("plotly")
               and any(part.startswith("_") for part in node.module.split("."))]
    assert not private, f"use plotly's public modules (plotly.io.base_renderers ...): {private}"
