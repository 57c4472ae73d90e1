"""Launch links: open a notebook of the kit on mybinder.org or on an institution's JupyterHub.

The repository's public address is kept in one place, ``pyproject.toml``::

    [tool.campaignkit]
    repository = "https://github.com/OWNER/NAME"
    branch = "main"

The README course map and ``campaignkit links`` make their links from it.

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
import tomllib
from pathlib import Path
from urllib.parse import quote, urlencode, urlsplit

from ..repo import numbered, repo_root

__all__ = ["settings", "binder_url", "nbgitpuller_url", "launchable", "links"]

KEY = "pyproject.toml [tool.campaignkit]"
GITHUB = re.compile(r"https://github\.com/([A-Za-z0-9-]+)/([A-Za-z0-9._-]+?)(?:\.git)?/?")


def settings(root: Path | None = None) -> dict[str, str]:
    """The ``[tool.campaignkit]`` table of ``pyproject.toml``: ``repository`` ('' if unset) and ``branch``."""
    path = (root or repo_root()) / "pyproject.toml"
    data = tomllib.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
    table = data.get("tool", {}).get("campaignkit", {})
    return {"repository": str(table.get("repository", "")).strip(),
            "branch": str(table.get("branch", "main")).strip()}


def _resolve(repository: str | None, branch: str | None, root: Path | None) -> tuple[str, str, str, str]:
    """(owner, name, branch, canonical repository URL), from the arguments or the settings."""
    cfg = settings(root) if repository is None or branch is None else {}
    repository = cfg["repository"] if repository is None else repository.strip()
    branch = cfg["branch"] if branch is None else branch.strip()
    if not repository:
        raise ValueError(f"{KEY} repository is not set: add the kit's public GitHub address "
                         "(https://github.com/OWNER/NAME) there, or pass --repository")
    m = GITHUB.fullmatch(repository)
    if not m:
        raise ValueError(f"{KEY} repository: {repository!r} is not an https GitHub address "
                         "like https://github.com/OWNER/NAME")
    if not branch or any(c.isspace() for c in branch):
        raise ValueError(f"{KEY} branch: {branch!r} is not a branch name")
    owner, name = m.groups()
    return owner, name, branch, f"https://github.com/{owner}/{name}"


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
    _, name, branch, repo_url = _resolve(repository, branch, root)
    query = urlencode({"repo": repo_url, "branch": branch,
                       "urlpath": f"lab/tree/{name}/{_repo_path(path, root)}"}, quote_via=quote)
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
