"""Shared fixtures: the shipped data package, copies of it to break, and the CLI runner."""

from __future__ import annotations

import csv
import hashlib
import io
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import campaignkit as ck

# fixture submissions are notebooks a grader reads, not notebooks for nbval to run
collect_ignore = ["fixtures"]

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "datasets"


def package_files(directory: Path = DATA) -> list[Path]:
    pkg = ck.read_package(directory)
    return [directory / "datapackage.json", *(directory / t.path for t in pkg.tables)]


def fingerprint(directory: Path = DATA) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in package_files(directory)}


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A fresh copy of the shipped data package that a test may break."""
    dest = tmp_path / "datasets"
    dest.mkdir()
    for p in package_files():
        shutil.copy2(p, dest / p.name)
    return dest


def read_csv(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))


def write_csv(path: Path, rows: list[list[str]], delimiter: str = ",") -> None:
    buf = io.StringIO(newline="")
    csv.writer(buf, delimiter=delimiter, lineterminator="\n").writerows(rows)
    path.write_text(buf.getvalue(), encoding="utf-8")


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "campaignkit", *args],
                          capture_output=True, text=True, timeout=120, cwd=REPO)


# --- test tiers ----------------------------------------------------------------------------------
#: Whole test files that start servers, browsers, fresh environments or run every notebook many
#: times: the full suite (`make test`, CI) runs them, the fast tier (`make test-fast`) does not.
SLOW_FILES = {"test_browser.py", "test_binder.py", "test_offline.py", "test_notebook_parameters.py",
              "test_lab.py", "test_site.py", "test_wheel.py", "test_hub.py", "test_answers_in_browser.py",
              "test_handouts.py", "test_accessibility.py", "test_dashboard_server.py"}
#: Single slow tests elsewhere: grading a class with nbgrader, generating every student copy.
SLOW_TESTS = {"test_student_copies_are_exactly_what_the_sources_generate", "test_an_untouched_copy_runs"}


def pytest_collection_modifyitems(config, items):
    for item in items:
        name = item.name.split("[")[0]
        if (item.path.name in SLOW_FILES or "graded" in getattr(item, "fixturenames", ())
                or any(name.startswith(s) for s in SLOW_TESTS)):
            item.add_marker(pytest.mark.slow)
