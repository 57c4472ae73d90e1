"""A git repository served on 127.0.0.1, for nbgitpuller links on a rehearsal hub.

``bare_copy`` makes a bare clone of a checkout (what a hosting service would hold), and
``git_daemon`` serves a folder of bare repositories read-only with ``git daemon`` on a loopback
port, so that a link's ``repo=git://127.0.0.1:PORT/campaign-kit`` works without any network.
An instructor "pushes a change" by pushing to the bare copy.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
from contextlib import contextmanager
from pathlib import Path

__all__ = ["bare_copy", "git_daemon", "free_port"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def git(*args: str, cwd: Path | None = None) -> str:
    """Run git; a failure raises RuntimeError with git's own message."""
    result = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True)
    if result.returncode:
        raise RuntimeError(f"git {' '.join(args)}: {result.stderr.strip() or result.stdout.strip()}")
    return result.stdout


def bare_copy(checkout: Path, parent: Path, name: str = "campaign-kit", branch: str = "main") -> Path:
    """A bare clone of ``checkout``'s current commit at ``parent/<name>.git``, on ``branch``."""
    dest = parent / f"{name}.git"
    git("init", "--quiet", "--bare", f"--initial-branch={branch}", str(dest))
    git("push", "--quiet", str(dest), f"HEAD:refs/heads/{branch}", cwd=checkout)
    (dest / "git-daemon-export-ok").touch()
    for folder, _, files in os.walk(dest):           # readable by every user's server
        os.chmod(folder, 0o755)
        for f in files:
            os.chmod(Path(folder) / f, 0o644)
    return dest


@contextmanager
def git_daemon(base: Path, port: int | None = None):
    """Serve the bare repositories in ``base`` at ``git://127.0.0.1:PORT/<name>``; yield that prefix."""
    port = port or free_port()
    proc = subprocess.Popen(["git", "daemon", "--reuseaddr", "--listen=127.0.0.1", f"--port={port}",
                             f"--base-path={base}", "--export-all", "--informative-errors", str(base)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    try:
        deadline = time.time() + 30
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"git daemon exited: {proc.stderr.read().decode()[-1000:]}")
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.time() > deadline:
                    raise RuntimeError(f"git daemon did not listen on 127.0.0.1:{port}") from None
                time.sleep(0.2)
        yield f"git://127.0.0.1:{port}"
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=10)
