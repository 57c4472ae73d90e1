"""Launch links: open a notebook of the kit on mybinder.org or on an institution's JupyterHub.

The repository's public address is kept in one place, ``pyproject.toml``::

    [tool.campaignkit]
    repository = "https://github.com/OWNER/NAME"
    branch = "main"

The README course map and ``campaignkit links`` make their links from it. When it is
empty, ``links`` falls back to the clone's ``origin`` remote if that is on GitHub, and
``campaignkit links --save`` writes that address into ``pyproject.toml`` and rewrites
the README course map in one go. nbgitpuller links may also point at any other git address
(``--repository git://127.0.0.1:9418/campaign-kit``; Binder needs GitHub).

>>> EXAMPLE = "https://github.com/example-org/campaign-kit"
>>> binder_url("notebooks/00-start-here.ipynb", EXAMPLE)
'https://mybinder.org/v2/gh/example-org/campaign-kit/main?urlpath=lab%2Ftree%2Fnotebooks%2F00-start-here.ipynb'
>>> nbgitpuller_url("https://hub.example.edu", "notebooks/00-start-here.ipynb", EXAMPLE)
'https://hub.example.edu/hub/user-redirect/git-pull?repo=https%3A%2F%2Fgithub.com%2Fexample-org%2Fcampaign-kit&branch=main&urlpath=lab%2Ftree%2Fcampaign-kit%2Fnotebooks%2F00-start-here.ipynb'
>>> binder_url("notebooks/00-start-here.ipynb", "https://gitlab.com/example-org/campaign-kit")
Traceback (most recent call last):
ValueError: pyproject.toml [tool.campaignkit] repository: 'https://gitlab.com/example-org/campaign-kit' is not an https GitHub address like https://github.com/OWNER/NAME
"""

from __future__ import annotations

import re
import subprocess
import tomllib
from pathlib import Path
from urllib.parse import quote, urlencode, urlsplit

from ..repo import numbered, repo_root

__all__ = ["settings", "origin_repository", "save_repository", "binder_url", "nbgitpuller_url",
           "launchable", "links"]

KEY = "pyproject.toml [tool.campaignkit]"
GITHUB = re.compile(r"https://github\.com/([A-Za-z0-9-]+)/([A-Za-z0-9._-]+?)(?:\.git)?/?")


def settings(root: Path | None = None) -> dict[str, str]:
    """The ``[tool.campaignkit]`` table of ``pyproject.toml``: ``repository`` ('' if unset) and ``branch``."""
    path = (root or repo_root()) / "pyproject.toml"
    data = tomllib.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
    table = data.get("tool", {}).get("campaignkit", {})
    return {"repository": str(table.get("repository", "")).strip(),
            "branch": str(table.get("branch", "main")).strip()}


def origin_repository(root: Path | None = None) -> str:
    """The clone's ``origin`` remote as ``https://github.com/OWNER/NAME``, or a ValueError saying
    exactly what to set (no origin, or an origin that is not on GitHub)."""
    root = root or repo_root()
    try:
        result = subprocess.run(["git", "-C", str(root), "remote", "get-url", "origin"],
                                capture_output=True, text=True, timeout=10)
        origin = result.stdout.strip() if result.returncode == 0 else ""
    except (OSError, subprocess.SubprocessError):
        origin = ""
    ssh = re.fullmatch(r"(?:ssh://)?git@github\.com[:/]([A-Za-z0-9-]+)/([A-Za-z0-9._-]+?)(?:\.git)?/?", origin)
    m = ssh or GITHUB.fullmatch(origin)
    if m:
        return f"https://github.com/{m.group(1)}/{m.group(2)}"
    found = f"the clone's origin remote is {origin!r}, not a GitHub address" if origin else \
        "this clone has no origin remote"
    raise ValueError(f"{KEY} repository is not set and {found}: set repository = "
                     '"https://github.com/OWNER/NAME" there (then `campaignkit links --save` '
                     "rewrites the README course map), or pass --repository")


def _resolve(repository: str | None, branch: str | None, root: Path | None) -> tuple[str, str, str, str]:
    """(owner, name, branch, canonical repository URL), from the arguments or the settings.

    With no address in the arguments or the settings, the clone's ``origin`` remote is used when it
    is on GitHub (``origin_repository``).
    """
    cfg = settings(root) if repository is None or branch is None else {}
    repository = cfg["repository"] if repository is None else repository.strip()
    branch = cfg["branch"] if branch is None else branch.strip()
    if not repository:
        repository = origin_repository(root)
    m = GITHUB.fullmatch(repository)
    if not m:
        raise ValueError(f"{KEY} repository: {repository!r} is not an https GitHub address "
                         "like https://github.com/OWNER/NAME")
    if not branch or any(c.isspace() for c in branch):
        raise ValueError(f"{KEY} branch: {branch!r} is not a branch name")
    owner, name = m.groups()
    return owner, name, branch, f"https://github.com/{owner}/{name}"


def _resolve_git(repository: str | None, branch: str | None, root: Path | None) -> tuple[str, str, str]:
    """(folder name, branch, URL) for nbgitpuller, which clones any git URL: GitHub as for Binder,
    and, when passed explicitly, any ``https://``, ``http://``, ``git://`` or ``file://`` address
    (an institution's GitLab, or a rehearsal hub's ``git daemon`` on 127.0.0.1)."""
    if repository is not None and urlsplit(repository.strip()).scheme in ("http", "https", "git", "file") \
            and not GITHUB.fullmatch(repository.strip()):
        url = repository.strip().rstrip("/")
        name = url.rsplit("/", 1)[-1].removesuffix(".git")
        branch = settings(root)["branch"] if branch is None else branch.strip()
        if not name or not branch or any(c.isspace() for c in url + branch):
            raise ValueError(f"repository {repository!r} or branch {branch!r} cannot be cloned by nbgitpuller")
        return name, branch, url
    _, name, branch, url = _resolve(repository, branch, root)
    return name, branch, url


def save_repository(repository: str, root: Path | None = None) -> None:
    """Write ``repository`` into ``pyproject.toml [tool.campaignkit]`` (the course map reads it there)."""
    _resolve(repository, "main", root)                 # a GitHub address, or ValueError
    path = (root or repo_root()) / "pyproject.toml"
    text = path.read_text(encoding="utf-8")
    table = re.search(r"^\[tool\.campaignkit\]\n(?:(?!\[).*\n?)*", text, re.M)
    if not table or not re.search(r"^repository\s*=.*$", table.group(0), re.M):
        raise ValueError(f"{path}: no [tool.campaignkit] table with a repository key to write into")
    block = re.sub(r"^repository\s*=.*$", f'repository = "{repository.strip()}"', table.group(0), count=1, flags=re.M)
    path.write_text(text[:table.start()] + block + text[table.end():], encoding="utf-8")


def _repo_path(path: str | Path, root: Path | None) -> str:
    """``path`` (relative to the repository, or to the current folder) as a repository path.

    >>> _repo_path("notebooks/../notebooks/00-start-here.ipynb", None)
    'notebooks/00-start-here.ipynb'
    """
    root = (root or repo_root()).resolve()
    full = (root / path).resolve()
    if not full.is_file():
        full = Path(path).resolve()
    if not full.is_relative_to(root) or not full.is_file():
        raise ValueError(f"{path}: no such file in the repository ({root})")
    return full.relative_to(root).as_posix()


def binder_url(path: str | Path, repository: str | None = None, branch: str | None = None,
               root: Path | None = None) -> str:
    """A mybinder.org link that builds the repository and opens ``path`` in JupyterLab.

    Form: ``https://mybinder.org/v2/gh/OWNER/NAME/BRANCH?urlpath=lab/tree/PATH`` (BinderHub's
    ``/v2/gh/<org>/<repo>/<ref>`` launch path; ``urlpath`` as in the binder-examples/jupyterlab
    README), with the ``urlpath`` value URL-encoded.
    """
    owner, name, branch, _ = _resolve(repository, branch, root)
    urlpath = quote(f"lab/tree/{_repo_path(path, root)}", safe="")
    return f"https://mybinder.org/v2/gh/{owner}/{name}/{quote(branch, safe='')}?urlpath={urlpath}"


def nbgitpuller_url(hub: str, path: str | Path, repository: str | None = None,
                    branch: str | None = None, root: Path | None = None) -> str:
    """An nbgitpuller link: the hub copies (or updates) the repository for the user, then opens ``path``.

    Form and parameters as in nbgitpuller's documentation ("Options in an nbgitpuller URL",
    https://nbgitpuller.readthedocs.io/en/latest/topic/url-options.html, and its link generator):
    ``<hub>/hub/user-redirect/git-pull?repo=...&branch=...&urlpath=lab/tree/<NAME>/<path>``, like
    the link generator's JupyterLab links (without the older ``%3Fautodecode`` suffix). nbgitpuller
    clones into a folder named after the repository, so ``urlpath`` starts with that name.
    """
    parts = urlsplit(hub.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
        raise ValueError(f"hub {hub!r} is not an http(s) address like https://your-hub.example.edu")
    name, branch, repo_url = _resolve_git(repository, branch, root)
    params = {"repo": repo_url, "branch": branch, "urlpath": f"lab/tree/{name}/{_repo_path(path, root)}"}
    if repo_url.rsplit("/", 1)[-1] != name:        # nbgitpuller would name the folder "<name>.git"
        params["targetpath"] = name
    query = urlencode(params, quote_via=quote)
    return f"{parts.scheme}://{parts.netloc}{parts.path.rstrip('/')}/hub/user-redirect/git-pull?{query}"


def launchable(root: Path | None = None) -> list[str]:
    """The learning path's notebooks, then the exercise sets' student copies, as repository paths.

    >>> launchable()[0]
    'notebooks/00-start-here.ipynb'
    """
    root = root or repo_root()
    found = []
    for folder in ("notebooks", "exercises"):
        found += numbered(root / folder)
    return [p.relative_to(root).as_posix() for p in found]


def links(paths: list[str] | None = None, hub: str | None = None, repository: str | None = None,
          branch: str | None = None, root: Path | None = None) -> list[tuple[str, str]]:
    """(path, link) for each path (default: all ``launchable``): nbgitpuller with ``hub``, else Binder."""
    out = []
    for path in paths or launchable(root):
        if hub is None:
            url = binder_url(path, repository, branch, root)
        else:
            url = nbgitpuller_url(hub, path, repository, branch, root)
        out.append((_repo_path(path, root), url))
    return out
