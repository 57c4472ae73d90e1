"""The Python that users' servers on the rehearsal hub run (``campaignkit.hub``, ``--system-users``)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

__all__ = ["users_python"]


def _usable_by_all(path: Path) -> bool:
    """Whether any user can run ``path``: every folder on the way is world-searchable."""
    path = Path(path).resolve()
    return all(os.stat(p).st_mode & 0o001 for p in [path, *path.parents])


def users_python(directory: Path) -> Path:
    """The Python users' servers run: this one, or a thin venv other users can run.

    When this interpreter lives where other Unix users cannot reach it (a pyenv Python under
    /root, as on the kit's CI machines), ``<directory>/user-env`` is made from the first
    same-version Python that everyone can run, with this environment's site-packages added through
    a ``.pth`` file: the same packages and the same ``campaignkit``, no second install.
    """
    if _usable_by_all(Path(sys.executable)):
        return Path(sys.executable)
    version = f"python{sys.version_info.major}.{sys.version_info.minor}"
    base = next((Path(p) for p in (f"/usr/bin/{version}", f"/usr/local/bin/{version}")
                 if Path(p).is_file() and _usable_by_all(Path(p))), None)
    if base is None:
        raise SystemExit(f"{sys.executable} cannot be run by other users and no {version} that they can "
                         "run was found in /usr/bin or /usr/local/bin: install one (apt-get install "
                         f"{version}-venv) or run the hub from a venv made with it")
    env = directory / "user-env"
    py = env / "bin" / "python"
    if not py.exists():
        subprocess.run([str(base), "-m", "venv", "--without-pip", str(env)], check=True)
    import sysconfig
    site = Path(sysconfig.get_paths()["purelib"])
    (env / "lib" / version / "site-packages" / "zz-campaignkit-environment.pth").write_text(
        f"import site; site.addsitedir({str(site)!r})\n", encoding="utf-8")
    # the environment's commands (jupyter, nbgrader, and alembic, which nbgrader calls) for users
    kit_bin, shebang = Path(sys.prefix) / "bin", f"#!{Path(sys.prefix) / 'bin' / 'python'}"
    for script in kit_bin.iterdir():
        target = env / "bin" / script.name
        if script.is_file() and not script.is_symlink() and not target.exists():
            with script.open("rb") as f:
                first = f.readline().decode(errors="replace").strip()
            if first in (shebang, shebang + "3", f"#!{sys.executable}"):
                text = script.read_text(encoding="utf-8").split("\n", 1)[1]
                target.write_text(f"#!{py}\n{text}", encoding="utf-8")
    for folder, _dirs, files in os.walk(env):
        os.chmod(folder, 0o755)
        for f in files:
            if not (Path(folder) / f).is_symlink():
                os.chmod(Path(folder) / f, 0o755)
    return py
