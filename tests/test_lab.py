"""`make lab` really starts JupyterLab, on loopback, with a kernel that imports campaignkit."""

from __future__ import annotations

import json
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest
from servers import TOKEN, lab


def _get(url: str):
    with urllib.request.urlopen(url, timeout=10) as r:
        return json.loads(r.read())


@pytest.fixture
def lab_server(tmp_path):
    with lab(tmp_path) as base:
        yield base


def test_make_lab_serves_the_start_notebook_with_the_kit_importable(lab_server):
    model = _get(f"{lab_server}/api/contents/notebooks/00-start-here.ipynb?token={TOKEN}")
    assert model["type"] == "notebook"
    assert _get(f"{lab_server}/api/contents/datasets?token={TOKEN}")["type"] == "directory"
    specs = _get(f"{lab_server}/api/kernelspecs?token={TOKEN}")
    argv = specs["kernelspecs"][specs["default"]]["spec"]["argv"]
    python = argv[0] if Path(argv[0]).is_absolute() else sys.executable
    out = subprocess.run([python, "-c", "import campaignkit as ck; print(len(ck.load('campaigns')))"],
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 0 and int(out.stdout) >= 25, out.stderr
