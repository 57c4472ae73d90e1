"""The package is real: its wheel holds every subpackage and the data it needs, installs into a
fresh environment (not editable, away from the repository) and works there."""

from __future__ import annotations

import os
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
IMPORT_ALL = """
import importlib, pkgutil, campaignkit
names = [m.name for m in pkgutil.walk_packages(campaignkit.__path__, "campaignkit.")
         if not m.name.endswith("__main__")]
for name in names:
    importlib.import_module(name)
print(len(names), "modules imported from", campaignkit.__file__)
print("data:", campaignkit.data_dir())
"""


def run(cmd, cwd, timeout=900):
    # the fresh environment must not see this checkout through the caller's PYTHONPATH or data folder
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "CAMPAIGNKIT_DATA")}
    result = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=timeout, env=env)
    assert result.returncode == 0, f"{cmd}:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    return result


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-w", str(out), str(REPO)],
        cwd=out)
    return next(out.glob("campaignkit-*.whl"))


def test_wheel_contains_every_subpackage_and_the_data(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for init in REPO.glob("campaignkit/**/__init__.py"):
        assert init.relative_to(REPO).as_posix() in names, f"{init} missing from the wheel"
    data = {n.split("/data/", 1)[1] for n in names if ".data/data/" in n}
    for table in (REPO / "datasets").glob("*.csv"):
        assert f"share/campaignkit/datasets/{table.name}" in data
    assert "share/campaignkit/datasets/datapackage.json" in data
    assert "share/jupyter/voila/templates/campaignkit/index.html.j2" in data


def test_wheel_installs_into_a_fresh_environment_and_validates(wheel, tmp_path):
    env = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env)
    python = env / "bin" / "python"
    run([str(python), "-m", "pip", "install", "--quiet", str(wheel)], cwd=tmp_path)
    imported = run([str(python), "-c", IMPORT_ALL], cwd=tmp_path).stdout
    assert "site-packages/campaignkit" in imported and str(REPO) not in imported, imported
    assert "share/campaignkit/datasets" in imported, imported
    check = run([str(env / "bin" / "campaignkit"), "validate"], cwd=tmp_path).stdout
    assert check.startswith("VALID:") and "share/campaignkit/datasets" in check, check
    loaded = run([str(python), "-c", "import campaignkit as ck; print(len(ck.load('campaigns')))"], cwd=tmp_path)
    assert int(loaded.stdout) > 0
