"""The repository itself: layout, one source of versions, CI entry point, stripped notebooks."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO

TOP_LEVEL = ["README.md", "requirements.txt", "requirements-dev.txt", "pyproject.toml", "Makefile",
             "campaignkit", "datasets", "notebooks", "exercises", "tests", "binder", ".ci/run",
             "LICENSE", "LICENSE-CONTENT.md", "CITATION.cff", "datasets/README.md",
             "datasets/datapackage.json"]


@pytest.mark.parametrize("path", TOP_LEVEL)
def test_layout(path):
    assert (REPO / path).exists(), f"{path} is missing"


def _pins(path: Path) -> dict[str, str]:
    pins = {}
    for line in path.read_text().splitlines():
        m = re.match(r"^([A-Za-z0-9_.\-\[\]]+)==([^\s;#]+)", line.strip())
        if m:
            pins[m.group(1).lower()] = m.group(2)
    return pins


def test_requirements_pin_every_runtime_package_and_install_the_kit():
    text = (REPO / "requirements.txt").read_text()
    pins = _pins(REPO / "requirements.txt")
    for pkg in ["jupyterlab", "pandas", "plotly", "ipywidgets", "papermill"]:
        assert pkg in pins, f"{pkg} is not pinned with == in requirements.txt"
    assert re.search(r"^-e \.$", text, re.M), "requirements.txt must install campaignkit (-e .)"


def test_dev_requirements_build_on_runtime_without_repinning():
    text = (REPO / "requirements-dev.txt").read_text()
    assert re.search(r"^-r requirements\.txt$", text, re.M)
    assert re.search(r"^-r requirements-instructor\.txt$", text, re.M), "the tests grade with nbgrader"
    assert not set(_pins(REPO / "requirements-dev.txt")) & set(_pins(REPO / "requirements.txt"))


def test_instructor_requirements_add_only_the_grader_and_the_rehearsal_hub():
    text = (REPO / "requirements-instructor.txt").read_text()
    assert re.search(r"^-r requirements\.txt$", text, re.M)
    assert set(_pins(REPO / "requirements-instructor.txt")) == {"nbgrader", "jupyterhub", "jupyterhub-idle-culler",
                                                                "nbgitpuller"}


def test_binder_uses_the_same_pins():
    text = (REPO / "binder" / "requirements.txt").read_text()
    assert re.search(r"^-r \.\./requirements\.txt$", text, re.M)
    assert not _pins(REPO / "binder" / "requirements.txt"), "binder must not pin versions of its own"
    assert (REPO / "binder" / "runtime.txt").read_text().strip() == "python-3.11"


def test_ci_runs_the_readme_test_command():
    readme = (REPO / "README.md").read_text()
    ci = (REPO / ".ci" / "run").read_text()
    assert "make test" in readme and "make lab" in readme
    assert re.search(r"^make test$", ci, re.M)
    assert "set -euo pipefail" in ci


def test_package_version_matches_citation():
    import campaignkit
    cff = (REPO / "CITATION.cff").read_text()
    assert f"version: {campaignkit.__version__}" in cff
    assert f'version = "{campaignkit.__version__}"' in (REPO / "pyproject.toml").read_text()


def test_notebooks_are_stored_without_outputs():
    notebooks = sorted((REPO / "notebooks").glob("*.ipynb"))
    exercises = sorted((REPO / "exercises").glob("*.ipynb")) + sorted((REPO / "exercises").glob("source/*/*.ipynb"))
    assert notebooks and exercises
    notebooks += exercises
    result = subprocess.run([sys.executable, "-m", "nbstripout", "--verify", *map(str, notebooks)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_start_here_notebook_has_metadata():
    nb = json.loads((REPO / "notebooks" / "00-start-here.ipynb").read_text())
    meta = nb["metadata"]["campaignkit"]
    assert meta["order"] == 0 and meta["title"] and meta["minutes"] > 0
    assert 3 <= len(meta["objectives"]) <= 5


def test_course_map_and_navigation_are_generated_from_metadata():
    from campaignkit.course import sync
    drift = sync(write=False)
    assert not drift, f"{drift}: run `campaignkit course --write`"


def test_all_version_numbers_agree():
    """The kit and its data package have versions of their own; each is written the same everywhere."""
    import campaignkit
    kit = campaignkit.__version__
    cff = (REPO / "CITATION.cff").read_text()
    changelog = (REPO / "CHANGELOG.md").read_text()
    assert re.search(rf"^version: {re.escape(kit)}$", cff, re.M), "CITATION.cff: kit version"
    assert f"## {kit} (" in changelog, "CHANGELOG.md has no entry for the kit's version"
    data = json.loads((REPO / "datasets" / "datapackage.json").read_text())["version"]
    assert re.search(rf"^    version: {re.escape(data)}$", cff, re.M), "CITATION.cff: data package version"
    assert f"**{data} (" in (REPO / "datasets" / "README.md").read_text(), "data card changelog"
    assert f"**Version:** {data} " in (REPO / "datasets" / "README.md").read_text()
    latest = changelog.split(f"## {kit} (", 1)[1].split("\n## ", 1)[0]
    assert f"Data package {data}" in latest, "the kit's latest CHANGELOG entry must name its data package version"


def test_binder_settings_silence_news_and_updates():
    overrides = json.loads((REPO / "binder" / "overrides.json").read_text())
    notes = overrides["@jupyterlab/apputils-extension:notification"]
    assert notes["fetchNews"] == "false" and notes["checkForUpdates"] is False
    assert "overrides.json" in (REPO / "binder" / "postBuild").read_text()


def test_the_hub_tests_run_where_they_are_required():
    """CI (.ci/run sets CAMPAIGNKIT_REQUIRE_HUB) runs the hub tests; they may skip only elsewhere."""
    import os

    if not os.environ.get("CAMPAIGNKIT_REQUIRE_HUB"):
        return
    sys.path.insert(0, str(REPO / "tests"))
    from hub_rig import can_run

    assert can_run() == "", f"the hub tests would skip in CI: {can_run()}"
