"""The rehearsal hub as the tests and benchmarks/hub.py use it: real Unix users (LocalProcessSpawner,
so that file permissions separate students as on a real multi-user machine), the kit served by
``git daemon`` on 127.0.0.1, and the hub from ``campaignkit.course.hub``.

Needs root (CI runs as root): users are created with ``useradd`` under the name prefix ``ckh-``
and the comment ``campaignkit hub test``, with homes in a temporary folder, and removed with
every process they own (by process id) when the rig stops. Everything listens on 127.0.0.1.
"""

from __future__ import annotations

import os
import pwd
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import ExitStack, contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path

from campaignkit.course.hub import HubSettings, running_hub, users_python
from campaignkit.course.hub_git import bare_copy, free_port, git, git_daemon
from campaignkit.course.launch import nbgitpuller_url

REPO = Path(__file__).resolve().parent.parent
PREFIX, COMMENT = "ckh-", "campaignkit hub test"
NOTEBOOK = "notebooks/03-case-china.ipynb"


def can_run() -> str:
    """'' when the rig can run here, else why not."""
    if os.geteuid() != 0:
        return "the hub tests create Unix users and need root (CI runs as root)"
    if not shutil.which("useradd") or not shutil.which("git"):
        return "useradd and git are needed"
    try:
        from campaignkit.course.hub import proxy_command
        proxy_command()
    except SystemExit as exc:
        return str(exc)
    return ""


def add_user(name: str, homes: Path) -> None:
    try:
        known = pwd.getpwnam(name)
    except KeyError:
        known = None
    if known is not None:
        if known.pw_gecos != COMMENT:
            raise RuntimeError(f"Unix user {name} exists and is not a test user; not touching it")
        remove_user(name)                     # left over from an interrupted run
    home = homes / name
    subprocess.run(["useradd", "--create-home", "--home-dir", str(home), "--shell", "/bin/bash",
                    "--user-group", "--comment", COMMENT, name], check=True, capture_output=True)
    os.chmod(home, 0o700)


def user_pids(uid: int) -> list[int]:
    out = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                if os.stat(f"/proc/{entry}").st_uid == uid:
                    out.append(int(entry))
            except OSError:
                pass
    return out


def remove_user(name: str) -> None:
    try:
        uid = pwd.getpwnam(name).pw_uid
    except KeyError:
        return
    for pid in user_pids(uid):               # e.g. a kernel orphaned by a killed server
        with suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    subprocess.run(["userdel", "--remove", name], capture_output=True)


def owner(pid: int) -> int | None:
    """The uid of a process, or None once it has gone."""
    try:
        return os.stat(f"/proc/{pid}").st_uid
    except OSError:
        return None


def rss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def descendants(pid: int) -> list[int]:
    children = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                ppid = int(Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()[1])
                children.setdefault(ppid, []).append(int(entry))
            except (OSError, IndexError, ValueError):
                pass
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo += children.get(p, [])
    return out


class MemorySampler(threading.Thread):
    """Peak resident memory (MB) per user (all processes of their uid) and of the hub's own processes."""

    def __init__(self, hub_pid: int, users: dict[str, int], every: float = 0.5):
        super().__init__(daemon=True)
        self.hub_pid, self.users, self.every = hub_pid, users, every
        self.peak_user = {name: 0.0 for name in users}
        self.peak_hub = 0.0
        self.halt = threading.Event()

    def run(self) -> None:
        while not self.halt.is_set():
            for name, uid in self.users.items():
                self.peak_user[name] = max(self.peak_user[name], sum(map(rss_kb, user_pids(uid))) / 1024)
            hub = sum(rss_kb(p) for p in descendants(self.hub_pid) if owner(p) == 0)
            self.peak_hub = max(self.peak_hub, hub / 1024)
            self.halt.wait(self.every)

    def stop(self) -> None:
        self.halt.set()
        self.join()


@dataclass
class Rig:
    settings: HubSettings
    hub: subprocess.Popen
    bare: Path
    repo_url: str
    homes: Path
    students: list[str]
    teacher: str
    extra: dict = field(default_factory=dict)

    @property
    def python(self) -> Path:
        """The Python users' servers run (``campaignkit.course.hub.users_python``)."""
        return users_python(self.settings.directory)

    def link(self, path: str = NOTEBOOK) -> str:
        return nbgitpuller_url(self.settings.url, path, self.repo_url, "main")

    def home(self, name: str) -> Path:
        return Path(pwd.getpwnam(name).pw_dir)

    def run_as(self, name: str, *cmd: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
        """A command as that Unix user, with the environment the hub gives their servers."""
        env = dict(self.settings_env(), HOME=str(self.home(name)), USER=name, LOGNAME=name)
        return subprocess.run(list(cmd), user=name, group=name, extra_groups=[], env=env,
                              cwd=cwd or self.home(name), capture_output=True, text=True)

    def settings_env(self) -> dict:
        etc = self.settings.directory / "etc" / "jupyter"
        kit = Path(sys.prefix)
        return {"PATH": f"{self.python.parent}:/usr/bin:/bin", "PYTHONPATH": str(REPO),
                "JUPYTER_CONFIG_PATH": f"{etc}:{kit / 'etc' / 'jupyter'}",
                "JUPYTER_PATH": str(kit / "share" / "jupyter"), "LANG": "C.UTF-8"}

    def push_change(self, edit) -> None:
        """As the instructor upstream: clone the served repository, ``edit(folder)``, commit, push."""
        work = Path(tempfile.mkdtemp(prefix="ckh-upstream-"))
        try:
            git("clone", "--quiet", str(self.bare), str(work / "kit"))
            edit(work / "kit")
            git("add", "-A", cwd=work / "kit")
            git("-c", "user.name=Instructor", "-c", "user.email=instructor@example.invalid",
                "commit", "--quiet", "-m", "instructor's change", cwd=work / "kit")
            git("push", "--quiet", "origin", "HEAD:main", cwd=work / "kit")
        finally:
            shutil.rmtree(work, ignore_errors=True)


@contextmanager
def rig(students: int = 3, cull_timeout: int = 3600, cull_every: int = 300, tag: str = "s",
        start_timeout: int = 300):
    """Users ``ckh-<tag>1..N`` and ``ckh-<tag>t`` (instructor), the served kit, and the hub."""
    why = can_run()
    if why:
        raise RuntimeError(why)
    top = Path(tempfile.mkdtemp(prefix="campaignkit-hub-"))
    os.chmod(top, 0o755)
    homes = top / "homes"
    homes.mkdir(mode=0o755)
    names = [f"{PREFIX}{tag}{i}" for i in range(1, students + 1)]
    teacher = f"{PREFIX}{tag}t"
    with ExitStack() as stack:
        stack.callback(shutil.rmtree, top, True)
        for name in names + [teacher]:
            stack.callback(remove_user, name)
            add_user(name, homes)
        (top / "git").mkdir(mode=0o755)
        bare = bare_copy(REPO, top / "git")
        git_url = stack.enter_context(git_daemon(top / "git"))
        settings = HubSettings(top / "hub", names, instructor=teacher, password="class-rehearsal",
                               port=free_port(), hub_port=free_port(), proxy_api_port=free_port(),
                               system_users=True, cull_timeout=cull_timeout, cull_every=cull_every,
                               start_timeout=start_timeout)
        settings.directory.mkdir()
        hub = stack.enter_context(running_hub(settings, log=lambda m: print(m, flush=True)))
        try:
            yield Rig(settings, hub, bare, f"{git_url}/campaign-kit", homes, names, teacher)
        except BaseException:
            log = settings.directory / "jupyterhub.log"
            lines = log.read_text(errors="replace").splitlines() if log.exists() else []
            print("--- end of the hub's log ---", *[ln for ln in lines if "ConfigProxy" not in ln][-40:],
                  sep="\n", flush=True)
            raise


def wait_for(check, seconds: float, what: str, every: float = 1.0):
    """Poll ``check()`` until it returns something true; a RuntimeError naming ``what`` after ``seconds``."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        result = check()
        if result:
            return result
        time.sleep(every)
    raise RuntimeError(f"gave up waiting for {what} after {seconds:.0f} s")
