"""A real JupyterHub on 127.0.0.1 for rehearsing a class: ``campaignkit hub`` (``make hub``).

A rehearsal and test rig for instructors, not a production deployment (``deploy/README.md`` has
the Kubernetes configuration for that). What it starts, all on loopback:

- JupyterHub with its proxy (``configurable-http-proxy`` from npm; found on ``PATH`` or in
  ``<venv>/node/node_modules/.bin``, where ``make hub`` installs it);
- a login for each named user with one shared password (JupyterHub's ``DummyAuthenticator``
  limited to ``allowed_users``: fine on loopback, never on a network);
- one Jupyter server per user, started from the kit's own environment (this Python, this
  ``campaignkit``), with nbgitpuller and nbgrader's Assignments extension;
- the idle culler (``jupyterhub-idle-culler``) as a hub service;
- nbgrader's exchange folder, shared by the users (``hub_exchange``).

Two ways to run users' servers:

- ``simple`` (default unless root): JupyterHub's ``SimpleLocalProcessSpawner``. Every server runs
  as the Unix user who started the hub, with its home in ``<dir>/homes/<name>``. No isolation at
  all: any user's code can read every other home. For one instructor trying links and sets.
- ``system`` (root only; ``--system-users``): ``LocalProcessSpawner``. Each hub user is an existing
  Unix user and their server runs under that user id in their own home (mode 0700), so file
  permissions separate students. Memory and CPU are not limited: that needs containers
  (Kubernetes, ``deploy/``) or systemd slices.
"""

from __future__ import annotations

import json
import os
import pwd
import secrets
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from ..repo import repo_root
from .hub_env import users_python

__all__ = ["HubSettings", "proxy_command", "write_config", "running_hub", "missing_users", "users_python"]

COURSE_ID = "campaignkit"
CHP_VERSION = "5.3.0"


@dataclass
class HubSettings:
    directory: Path                      # the hub's state: config, database, exchange, homes
    users: list[str]
    instructor: str = "instructor"
    password: str = "rehearsal-only"
    port: int = 8000                     # the proxy's public port (on 127.0.0.1)
    hub_port: int = 8081                 # the hub's own API port
    proxy_api_port: int = 8001
    system_users: bool = False
    cull_timeout: int = 3600             # seconds without activity before the culler stops a server
    cull_every: int = 300
    start_timeout: int = 300             # per server; generous because a class starts at once
    rig_token: str = field(default_factory=lambda: secrets.token_hex(16))

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def exchange(self) -> Path:
        return self.directory / "exchange"


def proxy_command() -> str:
    """The configurable-http-proxy executable, or a SystemExit that says how to install it."""
    for candidate in (shutil.which("configurable-http-proxy"),
                      Path(sys.prefix) / "node" / "node_modules" / ".bin" / "configurable-http-proxy"):
        if candidate and Path(candidate).is_file():
            return str(candidate)
    raise SystemExit("configurable-http-proxy not found: install it with "
                     f"`npm install --prefix {Path(sys.prefix) / 'node'} configurable-http-proxy@{CHP_VERSION}` "
                     "(make hub does this; it needs node and npm)")


def missing_users(names: list[str]) -> list[str]:
    """The names that are not Unix users on this machine."""
    out = []
    for name in names:
        try:
            pwd.getpwnam(name)
        except KeyError:
            out.append(name)
    return out


def _server_config(s: HubSettings) -> str:
    """jupyter_server settings for users' servers: nothing reaches outside the machine."""
    return "\n".join([
        "c = get_config()  # noqa: F821",
        "c.LabApp.news_url = None",
        "c.LabApp.check_for_updates_class = 'jupyterlab.NeverCheckForUpdate'",
        "c.LabApp.extension_manager = 'readonly'",
        ""])


def _nbgrader_config(s: HubSettings) -> str:
    return "\n".join([
        "c = get_config()  # noqa: F821",
        f"c.CourseDirectory.course_id = {COURSE_ID!r}",
        f"c.Exchange.root = {str(s.exchange)!r}",
        ""])


def write_config(s: HubSettings) -> Path:
    """Write ``jupyterhub_config.py`` and the users' Jupyter settings into ``s.directory``."""
    d = s.directory.resolve()
    etc = d / "etc" / "jupyter"
    etc.mkdir(parents=True, exist_ok=True)
    (etc / "jupyter_server_config.py").write_text(_server_config(s), encoding="utf-8")
    (etc / "nbgrader_config.py").write_text(_nbgrader_config(s), encoding="utf-8")
    # nbgrader's exchange: everyone may create in it, nobody may list others' submissions
    # (nbgrader makes inbound/ write-only for students on the first release)
    s.exchange.mkdir(parents=True, exist_ok=True)
    os.chmod(s.exchange, 0o777)
    for p in (d, d / "etc", etc):
        os.chmod(p, 0o755)          # users' servers read their settings from here
    for p in etc.iterdir():
        os.chmod(p, 0o644)
    python = users_python(d) if s.system_users else Path(sys.executable)
    bin_dir = python.parent
    env = {"PATH": f"{bin_dir}:/usr/local/bin:/usr/bin:/bin",
           "PYTHONPATH": str(repo_root()),       # the kit users import is this checkout's
           # the kit environment's extensions (nbgitpuller, nbgrader, widgets), also for user-env
           "JUPYTER_CONFIG_PATH": f"{etc}:{Path(sys.prefix) / 'etc' / 'jupyter'}",
           "JUPYTER_PATH": str(Path(sys.prefix) / "share" / "jupyter"),
           "JUPYTERLAB_DIR": str(Path(sys.prefix) / "share" / "jupyter" / "lab"),
           "NBGITPULLER_APP": "lab",
           "PYTHONUNBUFFERED": "1"}
    culler = [sys.executable, "-m", "jupyterhub_idle_culler", f"--timeout={s.cull_timeout}",
              f"--cull-every={s.cull_every}", "--concurrency=5"]
    users = sorted(set(s.users) | {s.instructor})
    cfg = {
        "ip": "127.0.0.1", "port": s.port, "hub_ip": "127.0.0.1", "hub_port": s.hub_port,
        "proxy_api": f"http://127.0.0.1:{s.proxy_api_port}", "proxy_cmd": [proxy_command()],
        "db": f"sqlite:///{d / 'jupyterhub.sqlite'}", "secret": str(d / "jupyterhub_cookie_secret"),
        "password": s.password, "users": users, "admins": [s.instructor],
        "spawner": "localprocess" if s.system_users else "simple",
        "cmd": [str(python), "-m", "jupyterhub.singleuser"],
        "args": [] if s.system_users or os.geteuid() != 0 else ["--allow-root"],
        "env": env, "homes": str(d / "homes" / "{username}"), "culler": culler,
        "start_timeout": s.start_timeout,
    }
    text = f'''# Written by campaignkit.hub for a rehearsal hub on 127.0.0.1; regenerated on every start.
import json, os
cfg = json.loads({json.dumps(json.dumps(cfg))})
c = get_config()  # noqa: F821
c.JupyterHub.ip, c.JupyterHub.port = cfg["ip"], cfg["port"]
c.JupyterHub.hub_ip, c.JupyterHub.hub_port = cfg["hub_ip"], cfg["hub_port"]
c.ConfigurableHTTPProxy.api_url = cfg["proxy_api"]
c.ConfigurableHTTPProxy.command = cfg["proxy_cmd"]
c.JupyterHub.db_url = cfg["db"]
c.JupyterHub.cookie_secret_file = cfg["secret"]
c.JupyterHub.authenticator_class = "dummy"
c.DummyAuthenticator.password = cfg["password"]
c.Authenticator.allowed_users = set(cfg["users"])
c.Authenticator.admin_users = set(cfg["admins"])
c.JupyterHub.spawner_class = cfg["spawner"]
c.SimpleLocalProcessSpawner.home_dir_template = cfg["homes"]
c.Spawner.cmd = cfg["cmd"]
c.Spawner.args = cfg["args"]
c.Spawner.environment = cfg["env"]
c.Spawner.default_url = "/lab"
c.Spawner.start_timeout = cfg["start_timeout"]
c.Spawner.http_timeout = cfg["start_timeout"]
c.JupyterHub.cleanup_servers = True
c.JupyterHub.services = [
    {{"name": "idle-culler", "command": cfg["culler"]}},
    # the test rig and the benchmark read server state and create users' tokens with this
    {{"name": "campaignkit-rig", "api_token": os.environ["CAMPAIGNKIT_HUB_TOKEN"]}},
]
c.JupyterHub.load_roles = [
    {{"name": "idle-culler", "services": ["idle-culler"],
      "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"]}},
    {{"name": "campaignkit-rig", "services": ["campaignkit-rig"],
      "scopes": ["admin:users", "admin:servers", "tokens"]}},
]
'''
    path = d / "jupyterhub_config.py"
    path.write_text(text, encoding="utf-8")
    os.chmod(path, 0o600)
    return path


def _ready(url: str, proc: subprocess.Popen, seconds: int, log_path: Path) -> None:
    deadline = time.time() + seconds
    while time.time() < deadline:
        if proc.poll() is not None:
            tail = log_path.read_text(encoding="utf-8", errors="replace")[-3000:]
            raise RuntimeError(f"JupyterHub exited with code {proc.returncode}:\n{tail}")
        try:
            with urllib.request.urlopen(url + "/hub/api/", timeout=5) as r:
                json.load(r)
                return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError(f"JupyterHub gave no answer at {url} within {seconds} s (log: {log_path})")


@contextmanager
def running_hub(s: HubSettings, log=print):
    """Start JupyterHub with these settings; yield its process; stop it (and users' servers) at the end."""
    if s.system_users:
        if os.geteuid() != 0:
            raise SystemExit("--system-users runs each user's server under their own Unix user id, "
                             "which needs root; drop the option to run every server as you")
        missing = missing_users(sorted(set(s.users) | {s.instructor}))
        if missing:
            raise SystemExit("these hub users are not Unix users here: " + ", ".join(missing)
                             + f"; create them first, e.g. `useradd --create-home {missing[0]}`")
    config = write_config(s)
    log_path = s.directory / "jupyterhub.log"
    env = dict(os.environ, CAMPAIGNKIT_HUB_TOKEN=s.rig_token)
    env["PATH"] = f"{Path(sys.prefix) / 'bin'}:{env.get('PATH', '/usr/bin:/bin')}"
    with log_path.open("ab") as out:
        proc = subprocess.Popen([str(Path(sys.prefix) / "bin" / "jupyterhub"), "-f", str(config)],
                                cwd=s.directory, env=env, stdout=out, stderr=subprocess.STDOUT,
                                start_new_session=True)
    try:
        _ready(s.url, proc, 120, log_path)
        log(f"JupyterHub is up at {s.url} (log: {log_path})")
        yield proc
    finally:
        stop(proc)


def stop(proc: subprocess.Popen) -> None:
    """SIGTERM the hub (it stops the proxy and users' servers), SIGKILL its group if it hangs."""
    if proc.poll() is not None:
        return
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(timeout=60)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
