"""Binder imitation: build the environment from binder/ the way repo2docker does, without Docker.

The repository's files (``git ls-files``: what a fresh clone holds, plus new files not yet
committed and not ignored) are copied to a temporary directory; a fresh venv is made with the
running Python (binder/runtime.txt asks for 3.11); ``pip install -r binder/requirements.txt`` runs
with the copy's root as working directory, and ``binder/postBuild`` runs with the venv first on
PATH, as repo2docker does. Then: ``pip check`` is clean, JupyterLab serves the settings of
binder/overrides.json (no news, no update checks, no extension manager), and every notebook of the
learning path and the dashboard runs from a clean kernel in that venv; student copies of the
exercises run with their unanswered stubs, and fail only on those, never on a missing module or file.

Marked ``binder``: needs PyPI (or a warm pip cache) and takes about two minutes.
``pytest -m binder`` runs only this; ``pytest -m "not binder"`` leaves it out.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest
from servers import REPO, TOKEN, _stop, _wait, free_port

pytestmark = pytest.mark.binder

NOTEBOOKS = sorted((REPO / "notebooks").glob("*.ipynb"))
STUDENT_COPIES = sorted((REPO / "exercises").glob("[0-9][0-9]-*.ipynb"))
ENVIRONMENT_ERRORS = {"ModuleNotFoundError", "ImportError", "FileNotFoundError"}
PIP_NOISE = re.compile(r"^WARNING: Location '.*' is ignored\.?$")   # this machine's extra indexes


def tail(text: str, lines: int = 60) -> str:
    kept = [ln for ln in text.splitlines() if not PIP_NOISE.match(ln.strip())]
    return "\n".join(kept[-lines:])


def run(cmd: list[str], what: str, timeout: int = 900, **kw) -> subprocess.CompletedProcess:
    """Run ``cmd``; on failure, fail the test with ``what`` and the tail of its output."""
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, **kw)
    if out.returncode != 0:
        pytest.fail(f"{what} failed (exit {out.returncode}): {' '.join(map(str, cmd))}\n"
                    f"--- last lines of its output ---\n{tail(out.stdout + out.stderr)}", pytrace=False)
    return out


def repository_files() -> list[str]:
    if shutil.which("git") is None or not (REPO / ".git").exists():
        reason = "the Binder imitation copies the files git knows; git or the .git folder is missing"
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true: {reason}", pytrace=False)
        pytest.skip(reason)
    out = run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], "git ls-files",
              cwd=REPO, timeout=60)
    return [f for f in out.stdout.split("\0") if f and (REPO / f).is_file()]   # not deleted ones


def copy_repository(dest: Path) -> None:
    for name in repository_files():
        target = dest / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(REPO / name, target)   # keeps postBuild's executable bit


def venv_env(venv: Path, home: Path) -> dict[str, str]:
    """The environment a Binder user has: the venv first on PATH, Jupyter's folders private to the test."""
    env = {k: v for k, v in os.environ.items()
           if k not in {"VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME", "JUPYTERLAB_DIR"}
           and not k.startswith("JUPYTER")}
    env.update(PATH=f"{venv / 'bin'}{os.pathsep}{os.environ['PATH']}", VIRTUAL_ENV=str(venv),
               JUPYTER_CONFIG_DIR=str(home / "cfg"), JUPYTER_DATA_DIR=str(home / "data"),
               JUPYTER_RUNTIME_DIR=str(home / "rt"), JUPYTERLAB_SETTINGS_DIR=str(home / "settings"),
               JUPYTERLAB_WORKSPACES_DIR=str(home / "ws"), PYTHONUNBUFFERED="1")
    return env


class Binder:
    def __init__(self, root: Path, venv: Path, env: dict[str, str]):
        self.root, self.venv, self.env = root, venv, env
        self.python = str(venv / "bin" / "python")

    def run(self, args: list[str], what: str, **kw) -> subprocess.CompletedProcess:
        return run(args, what, cwd=kw.pop("cwd", self.root), env=self.env, **kw)

    def execute(self, notebook: Path, out_dir: Path, allow_errors: bool = False) -> dict:
        """Execute ``notebook`` of the copy in a fresh kernel of the venv; return the executed notebook."""
        args = [self.python, "-m", "jupyter", "nbconvert", "--to", "notebook", "--execute",
                "--ExecutePreprocessor.kernel_name=python3", "--ExecutePreprocessor.timeout=600",
                "--ExecutePreprocessor.store_widget_state=False",
                f"--output-dir={out_dir}", str(notebook)]
        if allow_errors:
            args.insert(-1, "--allow-errors")
        self.run(args, f"executing {notebook.relative_to(self.root)} in the Binder venv", cwd=notebook.parent)
        return json.loads((out_dir / notebook.name).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def binder(tmp_path_factory) -> Binder:
    tmp = tmp_path_factory.mktemp("binder")
    root, venv, home = tmp / "repo", tmp / "venv", tmp / "home"
    copy_repository(root)
    assert (root / "binder" / "requirements.txt").is_file(), "binder/requirements.txt is not in git"
    run([sys.executable, "-m", "venv", str(venv)], "creating the venv", timeout=300)
    env = venv_env(venv, home)
    b = Binder(root, venv, env)
    # what repo2docker runs, from the repository's root
    b.run([b.python, "-m", "pip", "install", "-r", "binder/requirements.txt"],
          "pip install -r binder/requirements.txt", timeout=1800)
    b.run([str(root / "binder" / "postBuild")], "binder/postBuild", timeout=600)
    return b


def test_the_venv_runs_the_copy_with_the_running_python(binder):
    out = binder.run([binder.python, "-c", "import sys, campaignkit; print(sys.version_info[:2]); "
                      "print(campaignkit.__file__)"], "importing campaignkit").stdout.splitlines()
    assert out[0] == str(sys.version_info[:2])
    assert Path(out[1]).is_relative_to(binder.root), f"campaignkit comes from {out[1]}, not the copy"
    specs = json.loads(binder.run([binder.python, "-m", "jupyter", "kernelspec", "list", "--json"],
                                  "jupyter kernelspec list").stdout)["kernelspecs"]
    assert Path(specs["python3"]["resource_dir"]).is_relative_to(binder.venv), specs["python3"]


def test_pip_check_is_clean(binder):
    out = binder.run([binder.python, "-m", "pip", "check"], "pip check")
    assert "No broken requirements" in out.stdout, out.stdout


def test_postbuild_removed_the_slow_import(binder):
    out = binder.run([binder.python, "-c", "import importlib.util as u; print(u.find_spec('rfc3987_syntax'))"],
                     "looking for rfc3987_syntax")
    assert out.stdout.strip() == "None", "binder/postBuild should uninstall rfc3987-syntax"


def test_overrides_land_where_jupyterlab_reads_them(binder):
    paths = binder.run([binder.python, "-m", "jupyter", "lab", "path"], "jupyter lab path").stdout
    app_dir = Path(re.search(r"^Application directory:\s*(.+)$", paths, re.M).group(1).strip())
    assert app_dir == binder.venv / "share" / "jupyter" / "lab", paths
    installed = json.loads((app_dir / "settings" / "overrides.json").read_text())
    assert installed == json.loads((REPO / "binder" / "overrides.json").read_text())


def test_jupyterlab_serves_the_overridden_settings(binder):
    """The settings API of a real JupyterLab of the venv: defaults replaced by binder/overrides.json;
    the server's root opens the first notebook; the dashboard renders with the kit's Voila template."""
    port = free_port()
    proc = subprocess.Popen([binder.python, "-m", "jupyter", "lab", "--no-browser", "--ip=127.0.0.1",
                             f"--port={port}", "--ServerApp.port_retries=0", "--allow-root",
                             f"--IdentityProvider.token={TOKEN}"],
                            cwd=binder.root, env=binder.env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait(f"{base}/api/status?token={TOKEN}", proc)

        def setting(plugin: str) -> dict:
            with urllib.request.urlopen(f"{base}/lab/api/settings/{plugin}?token={TOKEN}", timeout=30) as r:
                return json.loads(r.read())["schema"]["properties"]

        notes = setting("@jupyterlab/apputils-extension:notification")
        assert notes["fetchNews"]["default"] == "false" and notes["checkForUpdates"]["default"] is False
        manager = setting("@jupyterlab/extensionmanager-extension:plugin")
        assert manager["enabled"]["default"] is False

        class NoRedirect(urllib.request.HTTPRedirectHandler):
            def redirect_request(self, *args, **kwargs):
                return None

        try:   # the server's start page: the first notebook (binder/postBuild sets default_url)
            urllib.request.build_opener(NoRedirect).open(f"{base}/?token={TOKEN}", timeout=30)
            raise AssertionError("the server's root did not redirect")
        except urllib.error.HTTPError as exc:
            assert exc.code in (301, 302) and exc.headers["Location"].split("?")[0].endswith(
                "/lab/tree/notebooks/00-start-here.ipynb"), (exc.code, exc.headers["Location"])

        # the dashboard inside Jupyter (Voila's server extension) uses the kit's template: no CDN
        with urllib.request.urlopen(f"{base}/voila/render/notebooks/dashboard.ipynb?token={TOKEN}",
                                    timeout=300) as r:
            html = r.read().decode("utf-8", "replace")
        assert "application/vnd.jupyter.widget-view+json" in html, "the dashboard did not render"
        assert "cdn.jsdelivr.net" not in html and "fontawesome" not in html.lower(), \
            "the dashboard page links a stylesheet from a CDN: the kit's Voila template is not in use"
    finally:
        _stop(proc)


def _errors(nb: dict) -> list[tuple[int, str, str]]:
    return [(i, out["ename"], out["evalue"]) for i, cell in enumerate(nb["cells"])
            for out in cell.get("outputs", []) if out.get("output_type") == "error"]


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_runs_from_a_clean_kernel(binder, notebook, tmp_path):
    executed = binder.execute(binder.root / "notebooks" / notebook.name, tmp_path)
    assert not _errors(executed)


@pytest.mark.skipif(not STUDENT_COPIES, reason="no student copies of the exercises (exercises/NN-*.ipynb) yet")
@pytest.mark.parametrize("notebook", STUDENT_COPIES or [None], ids=lambda p: p.stem if p else "none")
def test_student_copy_fails_only_on_its_stubs(binder, notebook, tmp_path):
    executed = binder.execute(binder.root / "exercises" / notebook.name, tmp_path, allow_errors=True)
    broken = [e for e in _errors(executed) if e[1] in ENVIRONMENT_ERRORS]
    assert not broken, f"environment errors (cell index, error, message): {broken}"


def test_voila_inside_jupyter_uses_the_kits_template(binder):
    """postBuild installs share/jupyter/voila/templates/campaignkit and makes it Voila's default."""
    paths = json.loads(binder.run([binder.python, "-m", "jupyter", "--paths", "--json"], "jupyter --paths").stdout)
    config = [Path(p) / "voila.json" for p in paths["config"]]
    found = [p for p in config if p.is_file()]
    assert found, f"no voila.json on Jupyter's config path {paths['config']}"
    assert json.loads(found[0].read_text()) == {"VoilaConfiguration": {"template": "campaignkit"}}
    templates = [Path(p) / "voila" / "templates" / "campaignkit" / "index.html.j2" for p in paths["data"]]
    assert any(t.is_file() for t in templates), f"the template is not on Jupyter's data path {paths['data']}"
