"""Start JupyterLab (through `make lab`) and Voila on 127.0.0.1 with isolated settings.

Used by the lab test, the browser tests, the offline run and the benchmarks; also where they find
Debian's Chromium and the flags it needs on this closed network (``CHROMIUM``, ``chromium_context``).
Servers listen on a free loopback port with
``port_retries=0`` (a taken port fails instead of silently moving), never touch the user's
Jupyter settings, and are stopped with their kernels when the fixture ends.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TOKEN = "kit-test-token"
BIN = Path(sys.prefix) / "bin"
#: Where `make dashboard` serves the dashboard: Voila serves notebooks/, with the kit's template
#: (share/jupyter/voila/templates/campaignkit: the lab template without requests to other hosts)
#: and voila.json (a preheated kernel for the dashboard only, idle kernels culled).
DASHBOARD = "dashboard.ipynb"
#: The dashboard's explorers, and a page function true once each one's chart is in the page.
EXPLORERS = ("platforms", "languages", "timing")
ALL_DRAWN = ("() => " + " && ".join(f"!!document.querySelector('.ck-explorer-{e} .ck-figure .js-plotly-plot')"
                                     for e in EXPLORERS))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def isolated_env(tmp: Path) -> dict[str, str]:
    settings = tmp / "settings" / "@jupyterlab" / "apputils-extension"
    settings.mkdir(parents=True, exist_ok=True)
    (settings / "notification.jupyterlab-settings").write_text(
        json.dumps({"fetchNews": "false", "checkForUpdates": False}))
    # attach every cell to the page (the default may detach cells outside the viewport)
    tracker = tmp / "settings" / "@jupyterlab" / "notebook-extension"
    tracker.mkdir(parents=True, exist_ok=True)
    (tracker / "tracker.jupyterlab-settings").write_text(json.dumps({"windowingMode": "none"}))
    return dict(os.environ, JUPYTER_CONFIG_DIR=str(tmp / "cfg"), JUPYTER_RUNTIME_DIR=str(tmp / "rt"),
                JUPYTERLAB_SETTINGS_DIR=str(tmp / "settings"), JUPYTERLAB_WORKSPACES_DIR=str(tmp / "ws"),
                JUPYTER_DATA_DIR=str(tmp / "data"), PYTHONUNBUFFERED="1")


def _wait(url: str, proc: subprocess.Popen, seconds: int = 120, log: Path | None = None) -> None:
    deadline = time.time() + seconds
    while time.time() < deadline:
        if proc.poll() is not None:
            err = log.read_bytes() if log else proc.stderr.read()
            raise RuntimeError(f"server exited early: {err.decode(errors='replace')[-3000:]}")
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError(f"no answer from {url} within {seconds} s")


def _stop(proc: subprocess.Popen) -> None:
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)
    except ProcessLookupError:   # already gone (a server that exited early)
        pass
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)


@contextmanager
def lab(tmp: Path):
    """`make lab` on a free loopback port; yields the base URL."""
    port = free_port()
    args = (f"--no-browser --ip=127.0.0.1 --port={port} --ServerApp.port_retries=0 "
            f"--IdentityProvider.token={TOKEN} --LabApp.news_url=None "
            "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate "
            "--LabApp.extension_manager=readonly --LabApp.expose_app_in_browser=True --allow-root")
    proc = subprocess.Popen(["make", "--no-print-directory", "lab", f"VENV={sys.prefix}", f"LAB_ARGS={args}"],
                            cwd=REPO, env=isolated_env(tmp), stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait(f"{base}/api/status?token={TOKEN}", proc)
        yield base
    finally:
        _stop(proc)


@contextmanager
def voila(tmp: Path, page: str = DASHBOARD, args: tuple[str, ...] = (), log: Path | None = None):
    """`make dashboard` on a free loopback port; yields the URL of ``page`` (a notebook of notebooks/).

    ``args``: more Voila options, after the target's own (the later one wins, e.g.
    ``--preheat_kernel=False``). ``log``: a file for the server's log (its stderr, with the
    kernels' output); by default ``tmp/voila.log``, not a pipe: a pipe nobody reads would block
    Voila once it filled up.
    """
    port = free_port()
    options = " ".join([f"--no-browser --port={port} --Voila.ip=127.0.0.1 --Voila.port_retries=0 --theme=light",
                        *args])
    env = isolated_env(tmp)   # (creates tmp)
    log = Path(log or tmp / "voila.log")
    with open(log, "wb") as err:
        proc = subprocess.Popen(["make", "--no-print-directory", "dashboard", f"VENV={sys.prefix}",
                                 f"DASHBOARD_ARGS={options}"],
                                cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=err,
                                start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait(f"{base}/voila/static/voila.js", proc, log=log)   # a static URL: a page GET would start a kernel
        yield f"{base}/voila/render/{page}"
    finally:
        _stop(proc)


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
# Without the background-networking flags Chromium keeps trying to reach Google's hosts.
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def chromium_context(playwright, **options):
    """A fresh Playwright context in Debian's Chromium (never a browser Playwright downloads)."""
    return playwright.chromium.launch_persistent_context(tempfile.mkdtemp(), executable_path=CHROMIUM,
                                                         headless=True, args=CHROMIUM_ARGS, **options)
