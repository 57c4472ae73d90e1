"""``campaignkit hub``: start the rehearsal hub (``hub.py``), serve this clone to it, print links.

    campaignkit hub                               # users student1..3 + instructor, port 8000
    campaignkit hub --users ana,ben --port 8010 --system-users
    campaignkit hub --gradebook COURSE_DIR --out gradebook.csv   # after nbgrader autograde on a hub

Stops with Ctrl-C (the hub stops every user's server with it).
"""

from __future__ import annotations

import argparse
import re
import secrets
import signal
import sys
import tempfile
from pathlib import Path

from ..repo import repo_root

USER = re.compile(r"^[a-z_][a-z0-9_-]{0,30}$")


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--users", default="student1,student2,student3",
                   help="comma-separated student names (default: student1,student2,student3)")
    p.add_argument("--instructor", default="instructor", help="the admin user (default: instructor)")
    p.add_argument("--password", default=None, help="everyone's password (default: a random one, printed)")
    p.add_argument("--port", type=int, default=8000, help="port on 127.0.0.1 (default: 8000)")
    p.add_argument("--dir", type=Path, default=None,
                   help="the hub's state: database, homes, exchange (default: .hub/ in the repository)")
    p.add_argument("--system-users", action="store_true",
                   help="run each server as the Unix user of that name (root only; users must exist)")
    p.add_argument("--cull-timeout", type=int, default=3600,
                   help="seconds of inactivity before the idle culler stops a server (default: 3600)")
    p.add_argument("--gradebook", type=Path, metavar="COURSE_DIR", default=None,
                   help="instead of starting a hub: write the kit's gradebook CSV from an nbgrader course "
                        "folder after `nbgrader autograde` (see exercises/INSTRUCTORS.md)")
    p.add_argument("--out", type=Path, default=Path("gradebook.csv"), help="with --gradebook: the CSV")


def run(args: argparse.Namespace) -> int:
    if args.gradebook is not None:
        from ..exercises import summary
        from .hub_grading import course_gradebook
        rows = course_gradebook(args.gradebook, args.out)
        print(summary(rows))
        print(f"gradebook: {args.out}")
        return 0
    from .hub import HubSettings, running_hub
    from .hub_git import bare_copy, free_port, git_daemon
    from .launch import nbgitpuller_url

    users = [u.strip() for u in args.users.split(",") if u.strip()]
    bad = [u for u in users + [args.instructor] if not USER.match(u)]
    if bad or not users:
        print(f"campaignkit hub: not usable as user names: {', '.join(bad) or '(none given)'} "
              "(lower-case letters, digits, - and _)", file=sys.stderr)
        return 2
    directory = (args.dir or repo_root() / ".hub").resolve()
    directory.mkdir(parents=True, exist_ok=True)
    settings = HubSettings(directory, users, instructor=args.instructor,
                           password=args.password or secrets.token_urlsafe(9), port=args.port,
                           hub_port=free_port(), proxy_api_port=free_port(),
                           system_users=args.system_users, cull_timeout=args.cull_timeout,
                           cull_every=max(10, min(300, args.cull_timeout // 3)))
    repos = Path(tempfile.mkdtemp(prefix="campaignkit-hub-git-"))
    bare_copy(repo_root(), repos)
    try:
        with git_daemon(repos) as git_url, running_hub(settings):
            repo = f"{git_url}/campaign-kit"
            print(f"\nRehearsal hub (loopback only, not for a real class): {settings.url}")
            print(f"  users: {', '.join(users)} (students), {args.instructor} (admin); "
                  f"password: {settings.password}")
            print(f"  this clone's last commit is served at {repo}; nbgitpuller links for it:")
            for path in ("notebooks/00-start-here.ipynb", "exercises/03-case-china.ipynb"):
                print(f"    {nbgitpuller_url(settings.url, path, repo)}")
            print(f"  nbgrader exchange: {settings.exchange}; idle servers stop after "
                  f"{settings.cull_timeout} s. Ctrl-C stops the hub and every user's server.")
            # wait here (blocking the signals only now: the servers started above must not inherit it)
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
            signal.sigwait({signal.SIGINT, signal.SIGTERM})
    except KeyboardInterrupt:
        pass
    except (RuntimeError, ValueError) as exc:
        print(f"campaignkit hub: {exc}", file=sys.stderr)
        return 2
    finally:
        import shutil
        shutil.rmtree(repos, ignore_errors=True)
    print("hub stopped")
    return 0
