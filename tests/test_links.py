"""Launch links (Binder, nbgitpuller) and the README course map that shows them.

The kit's public address is not known yet, so every test passes an example address explicitly or
writes it into the pyproject.toml of a small copy of the repository.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from conftest import REPO, run_cli

from campaignkit.cli import main
from campaignkit.course import launch, notebooks, readme_block

EXAMPLE = "https://github.com/example-org/campaign-kit"
HUB = "https://hub.example.edu"
PATHS = launch.launchable()


def check_binder(url: str, root: Path = REPO, branch: str = "main") -> str:
    """Assert the form of a Binder link; return the repository path it opens."""
    parts = urlsplit(url)
    assert (parts.scheme, parts.netloc) == ("https", "mybinder.org")
    assert parts.path.split("/")[1:] == ["v2", "gh", "example-org", "campaign-kit", branch]
    query = parse_qs(parts.query)
    assert list(query) == ["urlpath"] and len(query["urlpath"]) == 1
    urlpath = query["urlpath"][0]
    assert urlpath.startswith("lab/tree/")
    path = urlpath.removeprefix("lab/tree/")
    assert (root / path).is_file(), f"{url} opens {path}, which is not in the repository"
    return path


def check_puller(url: str, hub: str = HUB) -> str:
    """Assert the form of an nbgitpuller link; return the repository path it opens."""
    parts, hub_parts = urlsplit(url), urlsplit(hub)
    assert (parts.scheme, parts.netloc) == (hub_parts.scheme, hub_parts.netloc)
    assert parts.path == hub_parts.path.rstrip("/") + "/hub/user-redirect/git-pull"
    query = parse_qs(parts.query)
    assert sorted(query) == ["branch", "repo", "urlpath"]
    assert query["repo"] == [EXAMPLE] and query["branch"] == ["main"]
    urlpath = query["urlpath"][0]
    assert urlpath.startswith("lab/tree/campaign-kit/"), "nbgitpuller clones into a folder named like the repo"
    path = urlpath.removeprefix("lab/tree/campaign-kit/")
    assert (REPO / path).is_file()
    return path


def test_launchable_lists_every_notebook_then_the_exercise_sets():
    nbs = [f"notebooks/{nb.path.name}" for nb in notebooks()]
    assert len(nbs) >= 12 and PATHS[:len(nbs)] == nbs
    assert all(p.startswith("exercises/") for p in PATHS[len(nbs):])


@pytest.mark.parametrize("path", PATHS)
def test_binder_link_opens_the_file_in_jupyterlab(path):
    url = launch.binder_url(path, EXAMPLE)
    assert check_binder(url) == path
    assert "urlpath=lab%2Ftree%2F" in url, "the urlpath value is URL-encoded"


@pytest.mark.parametrize("path", PATHS)
def test_nbgitpuller_link_pulls_the_repository_and_opens_the_file(path):
    assert check_puller(launch.nbgitpuller_url(HUB, path, EXAMPLE)) == path


@pytest.mark.parametrize("hub", ["https://hub.example.edu/", "http://localhost:8000",
                                 "https://uni.example.edu/jupyter/"])
def test_nbgitpuller_keeps_the_hub_address_and_its_base_path(hub):
    check_puller(launch.nbgitpuller_url(hub, PATHS[0], EXAMPLE), hub)


@pytest.mark.parametrize("repository", [EXAMPLE + "/", EXAMPLE + ".git", f"  {EXAMPLE}  "])
def test_repository_address_is_normalised(repository):
    check_binder(launch.binder_url(PATHS[0], repository))
    check_puller(launch.nbgitpuller_url(HUB, PATHS[0], repository))


def test_branch_is_encoded_in_the_binder_path():
    url = launch.binder_url(PATHS[0], EXAMPLE, "spring-2026")
    check_binder(url, branch="spring-2026")
    assert "/campaign-kit/release%2F1?" in launch.binder_url(PATHS[0], EXAMPLE, "release/1")


def test_paths_may_be_absolute_or_unnormalised():
    assert check_binder(launch.binder_url(REPO / PATHS[0], EXAMPLE)) == PATHS[0]
    assert check_binder(launch.binder_url(f"notebooks/../{PATHS[0]}", EXAMPLE)) == PATHS[0]


# --- the one place: pyproject.toml [tool.campaignkit] ---------------------------------------------

def write_pyproject(root: Path, table: str) -> None:
    (root / "pyproject.toml").write_text(f'[project]\nname = "x"\n\n{table}\n', encoding="utf-8")


def test_settings_read_pyproject(tmp_path):
    write_pyproject(tmp_path, f'[tool.campaignkit]\nrepository = "{EXAMPLE}"\nbranch = "teaching"\n')
    assert launch.settings(tmp_path) == {"repository": EXAMPLE, "branch": "teaching"}
    write_pyproject(tmp_path, "")
    assert launch.settings(tmp_path) == {"repository": "", "branch": "main"}


def test_the_kit_declares_the_table():
    cfg = launch.settings()
    assert set(cfg) == {"repository", "branch"} and cfg["branch"]
    assert '[tool.campaignkit]' in (REPO / "pyproject.toml").read_text()


def test_links_default_to_the_settings(monkeypatch):
    monkeypatch.setattr(launch, "settings", lambda root=None: {"repository": EXAMPLE, "branch": "main"})
    check_binder(launch.binder_url(PATHS[0]))
    check_puller(launch.nbgitpuller_url(HUB, PATHS[0]))


# --- clear errors ------------------------------------------------------------------------------------

@pytest.mark.parametrize("repository", [
    "", "   ", "http://github.com/example-org/campaign-kit", "https://gitlab.com/example-org/campaign-kit",
    "https://github.com/example-org", "git@github.com:example-org/campaign-kit.git",
    "https://github.com/example-org/campaign-kit/tree/main"])
def test_bad_repository_names_pyproject_and_the_key(repository):
    with pytest.raises(ValueError, match=r"pyproject\.toml \[tool\.campaignkit\] repository"):
        launch.binder_url(PATHS[0], repository)


def no_origin(root=None):
    raise ValueError(f"{launch.KEY} repository is not set and this clone has no origin remote: set ...")


def test_unset_repository_in_settings_is_a_clear_error(monkeypatch):
    monkeypatch.setattr(launch, "settings", lambda root=None: {"repository": "", "branch": "main"})
    monkeypatch.setattr(launch, "origin_repository", no_origin)
    with pytest.raises(ValueError, match=r"pyproject\.toml \[tool\.campaignkit\] repository is not set"):
        launch.binder_url(PATHS[0])


@pytest.mark.parametrize("branch", ["", "two words"])
def test_bad_branch(branch):
    with pytest.raises(ValueError, match=r"pyproject\.toml \[tool\.campaignkit\] branch"):
        launch.binder_url(PATHS[0], EXAMPLE, branch)


@pytest.mark.parametrize("hub", ["hub.example.edu", "ftp://hub.example.edu", "https://",
                                 "https://hub.example.edu?x=1"])
def test_bad_hub(hub):
    with pytest.raises(ValueError, match="hub .* is not an http"):
        launch.nbgitpuller_url(hub, PATHS[0], EXAMPLE)


@pytest.mark.parametrize("path", ["notebooks/99-missing.ipynb", "notebooks", "../README.md", "/etc/hostname"])
def test_path_must_be_a_file_in_the_repository(path):
    with pytest.raises(ValueError, match="no such file in the repository"):
        launch.binder_url(path, EXAMPLE)


# --- the README course map ---------------------------------------------------------------------------

@pytest.fixture
def kit_copy(tmp_path) -> Path:
    """The kit's notebooks plus two exercise sets, source and student copy (one titled in its metadata, one not)."""
    shutil.copytree(REPO / "notebooks", tmp_path / "notebooks",
                    ignore=lambda d, names: [n for n in names if not re.match(r"\d\d-.*\.ipynb$", n)])
    (tmp_path / "exercises").mkdir()
    for name, meta in [("01-campaign-atlas.ipynb", {"campaignkit": {"title": "Exercises: the atlas"}}),
                       ("02-case-russia.ipynb", {})]:
        nb = {"cells": [], "metadata": meta, "nbformat": 4, "nbformat_minor": 5}
        (tmp_path / "exercises" / name).write_text(json.dumps(nb), encoding="utf-8")
        source = tmp_path / "exercises" / "source" / name.removesuffix(".ipynb") / name
        source.parent.mkdir(parents=True)
        source.write_text(json.dumps(nb), encoding="utf-8")
    return tmp_path


BINDER_LINK = re.compile(r"\]\((https://mybinder\.org/[^)\s]+)\)")


def test_course_map_with_an_address_has_one_binder_link_per_notebook_and_exercise_set(kit_copy):
    write_pyproject(kit_copy, f'[tool.campaignkit]\nrepository = "{EXAMPLE}"\nbranch = "main"')
    block = readme_block(kit_copy)
    opened = [check_binder(url, kit_copy) for url in BINDER_LINK.findall(block)]
    assert opened == launch.launchable(kit_copy)
    assert len(opened) == len(notebooks(kit_copy)) + 2
    assert "| 01 | [Exercises: the atlas](exercises/01-campaign-atlas.ipynb) |  | [Binder](" in block
    assert "| 02 | [02-case-russia.ipynb](exercises/02-case-russia.ipynb) |  | [Binder](" in block
    assert "campaignkit links --hub https://your-hub.example.edu" in block


def test_course_map_without_an_address_has_no_binder_link_but_says_how(kit_copy):
    write_pyproject(kit_copy, '[tool.campaignkit]\nrepository = ""\nbranch = "main"')
    block = readme_block(kit_copy)
    assert "mybinder" not in block and "](http" not in block
    assert "`pyproject.toml`" in block and "`[tool.campaignkit] repository`" in block
    assert "`campaignkit course --write`" in block
    assert "[Exercises: the atlas](exercises/01-campaign-atlas.ipynb)" in block
    assert "campaignkit links --hub https://your-hub.example.edu" in block


def test_course_map_without_exercise_sets_has_no_exercise_table(kit_copy):
    shutil.rmtree(kit_copy / "exercises")
    write_pyproject(kit_copy, f'[tool.campaignkit]\nrepository = "{EXAMPLE}"')
    block = readme_block(kit_copy)
    assert "Exercise set" not in block
    assert len(BINDER_LINK.findall(block)) == len(notebooks(kit_copy))


def test_readme_block_matches_the_settings():
    block = readme_block()
    assert bool(BINDER_LINK.findall(block)) == bool(launch.settings()["repository"])


# --- command line ------------------------------------------------------------------------------------

def test_cli_prints_one_binder_link_per_notebook_and_exercise_set(capsys):
    assert main(["links", "--repository", EXAMPLE]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split(" ")[0] for line in lines] == PATHS
    assert [check_binder(line.split(" ")[1]) for line in lines] == PATHS


def test_cli_prints_nbgitpuller_links_for_the_given_paths(capsys):
    assert main(["links", "--hub", HUB, "--repository", EXAMPLE, "--branch", "main", PATHS[3], PATHS[0]]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [check_puller(line.split(" ")[1]) for line in lines] == [PATHS[3], PATHS[0]]


@pytest.mark.parametrize("args, message", [
    (["--hub", "hub.example.edu", "--repository", EXAMPLE], "is not an http(s) address"),
    (["--repository", "https://gitlab.com/a/b"], "pyproject.toml [tool.campaignkit] repository"),
    (["--repository", EXAMPLE, "notebooks/99-missing.ipynb"], "no such file in the repository"),
])
def test_cli_bad_input_exits_2_with_one_line(capsys, args, message):
    assert main(["links", *args]) == 2
    out, err = capsys.readouterr()
    assert out == "" and len(err.splitlines()) == 1 and message in err


def test_cli_without_an_address_explains_where_to_set_it(capsys, monkeypatch):
    monkeypatch.setattr(launch, "settings", lambda root=None: {"repository": "", "branch": "main"})
    monkeypatch.setattr(launch, "origin_repository", no_origin)
    assert main(["links"]) == 2
    assert "pyproject.toml [tool.campaignkit] repository is not set" in capsys.readouterr().err


def test_cli_subprocess_has_no_traceback():
    result = run_cli("links", "--hub", "ftp://hub.example.edu", "--repository", EXAMPLE)
    assert result.returncode == 2 and result.stdout == ""
    assert "Traceback" not in result.stderr and len(result.stderr.splitlines()) == 1


# --- no address set: the clone's origin remote; any git address for nbgitpuller ------------------------

def git_clone_with_origin(root: Path, origin: str | None) -> Path:
    import subprocess
    subprocess.run(["git", "init", "--quiet", str(root)], check=True)
    if origin:
        subprocess.run(["git", "-C", str(root), "remote", "add", "origin", origin], check=True)
    return root


@pytest.mark.parametrize("origin", [EXAMPLE, EXAMPLE + ".git", "git@github.com:example-org/campaign-kit.git",
                                    "ssh://git@github.com/example-org/campaign-kit"])
def test_without_an_address_the_github_origin_is_used(kit_copy, origin):
    write_pyproject(kit_copy, '[tool.campaignkit]\nrepository = ""\nbranch = "main"')
    git_clone_with_origin(kit_copy, origin)
    assert launch.origin_repository(kit_copy) == EXAMPLE
    assert check_binder(launch.binder_url(PATHS[0], root=kit_copy), kit_copy) == PATHS[0]


@pytest.mark.parametrize("origin, says", [(None, "this clone has no origin remote"),
                                          ("https://gitlab.com/a/b.git",
     "origin remote is 'https://gitlab.com/a/b.git', not a GitHub")])
def test_without_an_address_or_a_github_origin_the_message_says_what_to_set(kit_copy, origin, says):
    write_pyproject(kit_copy, '[tool.campaignkit]\nrepository = ""\nbranch = "main"')
    git_clone_with_origin(kit_copy, origin)
    with pytest.raises(ValueError) as info:
        launch.binder_url(PATHS[0], root=kit_copy)
    message = str(info.value)
    assert says in message and 'set repository = "https://github.com/OWNER/NAME"' in message
    assert "pyproject.toml [tool.campaignkit] repository is not set" in message and "--save" in message


def test_save_writes_the_address_and_the_course_map_then_has_binder_links(kit_copy):
    from campaignkit.course import sync
    from campaignkit.course.coursemap import END, START
    write_pyproject(kit_copy, '[tool.campaignkit]\nrepository = ""\nbranch = "main"\n\n[tool.other]\nrepository = "x"')
    (kit_copy / "README.md").write_text(f"# Kit\n\n{START}\n{END}\n", encoding="utf-8")
    launch.save_repository(launch.origin_repository(git_clone_with_origin(kit_copy, EXAMPLE + ".git")), kit_copy)
    assert launch.settings(kit_copy)["repository"] == EXAMPLE
    assert 'repository = "x"' in (kit_copy / "pyproject.toml").read_text(), "other tables untouched"
    sync(kit_copy, write=True)
    assert len(BINDER_LINK.findall((kit_copy / "README.md").read_text())) == len(launch.launchable(kit_copy))


def test_save_refuses_an_address_that_is_not_on_github(kit_copy):
    write_pyproject(kit_copy, '[tool.campaignkit]\nrepository = ""')
    with pytest.raises(ValueError, match="is not an https GitHub address"):
        launch.save_repository("https://gitlab.com/a/b", kit_copy)


@pytest.mark.parametrize("repository, folder, targetpath", [
    ("git://127.0.0.1:9418/campaign-kit", "campaign-kit", None),
    ("https://gitlab.example.edu/teaching/campaign-kit.git", "campaign-kit", "campaign-kit"),
    ("file:///srv/git/kit/", "kit", None)])
def test_nbgitpuller_takes_any_git_address(repository, folder, targetpath):
    url = launch.nbgitpuller_url(HUB, PATHS[0], repository, "main")
    query = parse_qs(urlsplit(url).query)
    assert query["repo"] == [repository.rstrip("/")] and query["urlpath"] == [f"lab/tree/{folder}/{PATHS[0]}"]
    assert query.get("targetpath") == ([targetpath] if targetpath else None)
