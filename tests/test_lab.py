"""`make lab` really starts JupyterLab, on loopback, with a kernel that imports campaignkit."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import REPO

TOKEN = "kit-test-token"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str):
    with urllib.request.urlopen(url, timeout=5) as r:
        return json.loads(r.read())


@pytest.fixture
def lab_server(tmp_path):
    port = _free_port()
    env = dict(os.environ, JUPYTER_CONFIG_DIR=str(tmp_path / "cfg"),
               JUPYTER_RUNTIME_DIR=str(tmp_path / "rt"),
               JUPYTERLAB_WORKSPACES_DIR=str(tmp_path / "ws"), JUPYTER_DATA_DIR=str(tmp_path / "data"))
    venv = Path(sys.prefix)
    args = (f"--no-browser --ip=127.0.0.1 --port={port} --ServerApp.port_retries=0 "
            f"--IdentityProvider.token={TOKEN} --LabApp.news_url=None "
            "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate "
            "--LabApp.extension_manager=readonly --allow-root")
    proc = subprocess.Popen(["make", "--no-print-directory", "lab", f"VENV={venv}", f"LAB_ARGS={args}"],
                            cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    deadline = time.time() + 90
    while time.time() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"make lab exited early: {proc.stderr.read().decode()[-2000:]}")
        try:
            _get(f"{base}/api/status?token={TOKEN}")
            break
        except OSError:
            time.sleep(0.5)
    else:
        pytest.fail("JupyterLab did not answer within 90 s")
    yield base
    os.killpg(proc.pid, signal.SIGTERM)
    proc.wait(timeout=30)


def test_make_lab_serves_the_start_notebook_with_the_kit_importable(lab_server):
    model = _get(f"{lab_server}/api/contents/notebooks/00-start-here.ipynb?token={TOKEN}")
    assert model["type"] == "notebook"
    specs = _get(f"{lab_server}/api/kernelspecs?token={TOKEN}")
    argv = specs["kernelspecs"][specs["default"]]["spec"]["argv"]
    python = argv[0] if Path(argv[0]).is_absolute() else sys.executable
    out = subprocess.run([python, "-c", "import campaignkit as ck; print(len(ck.load('campaigns')))"],
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 0 and int(out.stdout) >= 25, out.stderr
