"""No operational contact details anywhere in the repository."""

from __future__ import annotations

import subprocess

import pytest
from conftest import REPO

from campaignkit.validation import find_contact_details

CODE_SUFFIXES = {".py", ".cfg", ".toml", ".ini", ".sh", ".js", ".ts"}
SKIP_PARTS = {".git", ".venv", "node_modules", "__pycache__", "_staging"}


def repository_files():
    try:
        out = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard"],
                             cwd=REPO, capture_output=True, text=True, check=True).stdout
        files = [REPO / line for line in out.splitlines() if line]
    except (OSError, subprocess.CalledProcessError):
        files = [p for p in REPO.rglob("*") if p.is_file()]
    return [p for p in files if p.is_file() and not SKIP_PARTS & set(p.relative_to(REPO).parts)]


def test_repository_has_no_contact_details():
    files = repository_files()
    assert len(files) > 20
    hits = []
    for path in files:
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        is_code = path.suffix in CODE_SUFFIXES or path.name in {"Makefile", "run"}
        for kind, match in find_contact_details(text, handles=not is_code):
            hits.append(f"{path.relative_to(REPO)}: {kind}: {match}")
    assert not hits, "\n".join(hits[:20])


@pytest.mark.parametrize("text,kind", [
    ("b" * 56 + ".onion", "onion address"),
    ("t" + ".me/" + "somechannel", "messenger link"),
    ("@" + "channel_name", "messenger handle"),
    ("write to " + "my_helper" + "_bot", "bot name"),
    ("+44 20" + " 7946 0958", "phone number"),  # fictional numbers, split so the scan passes
    ("(202)" + " 555-0100", "phone number"),
])
def test_patterns_find_contact_details(text, kind):
    assert kind in [k for k, _ in find_contact_details(text)]


@pytest.mark.parametrize("text", [
    "Published 2022-03-04; 2,100,000 views; a Telegram chatbot; Tor; user@example.org",
    "the CIA's dark-web (.onion) site", "Resolution 1441 of 2002", "+5 million views",
])
def test_patterns_leave_ordinary_text_alone(text):
    assert find_contact_details(text) == []
