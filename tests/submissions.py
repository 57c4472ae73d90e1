"""Fixture submissions for the grading tests, made from the committed student copies.

Run ``python tests/submissions.py`` to rewrite ``tests/fixtures/submissions/`` after an exercise
set changes (a test fails while they are out of date). Each fictional student stands for a case
the grader must survive; ``EXPECTED`` says which tasks each one deserves full points for, and the
grading test compares nbgrader's gradebook with it.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "tests" / "fixtures" / "submissions"
SETS = ["01-campaign-atlas", "08-timing"]       # the sets with fixture submissions

ALL, NONE = "all", "none"
# student -> {set: tasks with full points (ALL, NONE or a set of task ids)}
EXPECTED = {
    "ada": {"01-campaign-atlas": ALL, "08-timing": ALL},           # fully correct
    "ben": {"01-campaign-atlas": {"task-1", "task-2"}},            # partly correct, rest untouched
    "cleo": {"01-campaign-atlas": NONE, "08-timing": NONE},         # opened and submitted the stubs
    "dev": {"01-campaign-atlas": "all-but-task-2"},                # one answer raises
    "eli": {"01-campaign-atlas": ALL},                             # renamed file, correct answers
    "fay": {"01-campaign-atlas": "all-but-task-1"},                # wrong answer + edited check cell
    "gus": {"01-campaign-atlas": NONE},                            # a damaged file, not a notebook
}


def _cells(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def _grade_id(cell: dict) -> str:
    return cell.get("metadata", {}).get("nbgrader", {}).get("grade_id", "")


def _text(cell: dict) -> str:
    return "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]


def solutions(set_name: str) -> dict[str, str]:
    """The source notebook's answer cells with the solution markers removed: {grade_id: code}."""
    source = REPO / "exercises" / "source" / set_name / f"{set_name}.ipynb"
    out = {}
    for cell in _cells(source):
        if cell["cell_type"] == "code" and _grade_id(cell).endswith("-answer"):
            out[_grade_id(cell)] = re.sub(r"^### (BEGIN|END) SOLUTION\n?", "", _text(cell), flags=re.M).rstrip()
    return out


def task_ids(set_name: str) -> list[str]:
    """The automatically graded tasks of a set, in order."""
    student = REPO / "exercises" / f"{set_name}.ipynb"
    return [_grade_id(c) for c in _cells(student)
            if c["cell_type"] == "code" and c.get("metadata", {}).get("nbgrader", {}).get("grade")]


def submission(set_name: str, answered: set[str], replace: dict[str, str] | None = None,
               written: str | None = None) -> dict:
    """The student copy with these tasks answered by the solution (and some cells replaced)."""
    nb = json.loads((REPO / "exercises" / f"{set_name}.ipynb").read_text(encoding="utf-8"))
    sols = solutions(set_name)
    for cell in nb["cells"]:
        gid = _grade_id(cell)
        if gid.endswith("-answer") and gid.removesuffix("-answer") in answered:
            cell["source"] = sols[gid]
        if replace and gid in replace:
            cell["source"] = replace[gid]
        if written and cell["cell_type"] == "markdown" and cell.get("metadata", {}).get("nbgrader", {}).get("solution"):
            cell["source"] = written
    return nb


def build() -> dict[Path, dict]:
    """Every fixture file: {path relative to FIXTURES: notebook}."""
    atlas, timing = SETS
    every = {s: set(task_ids(s)) for s in SETS}
    answer = "The counts show visible, documented releases only; they say nothing about recruits."
    files = {
        Path("ada", f"{atlas}.ipynb"): submission(atlas, every[atlas], written=answer),
        Path("ada", f"{timing}.ipynb"): submission(timing, every[timing], written=answer),
        Path("ben", f"{atlas}.ipynb"): submission(atlas, {"task-1", "task-2"}),
        Path("cleo", f"{atlas}.ipynb"): submission(atlas, set()),
        Path("cleo", f"{timing}.ipynb"): submission(timing, set()),
        # a typo in a column name: the cell raises KeyError, the rest of the notebook still runs
        Path("dev", f"{atlas}.ipynb"): submission(
            atlas, every[atlas] - {"task-2"},
            replace={"task-2-answer": 'per_sponsor = campaigns["sponsor"].value_counts()'}),
        # saved under another name (JupyterLab's "Duplicate" gives such names)
        Path("eli", "01-campaign-atlas-Copy1.ipynb"): submission(atlas, every[atlas]),
        # a wrong answer, and the check cell edited so that it always passes
        Path("fay", f"{atlas}.ipynb"): submission(
            atlas, every[atlas] - {"task-1"},
            replace={"task-1-answer": "n_releases = 5", "task-1": 'passed("Task 1")'}),
    }
    return files


def damaged() -> tuple[Path, str]:
    """A notebook cut off in the middle (an interrupted upload): JSON that does not parse."""
    text = render(submission(SETS[0], set()))
    return Path("gus", f"{SETS[0]}.ipynb"), text[: len(text) // 2]


def expected_full(student: str, set_name: str) -> set[str]:
    """The task ids for which this fixture student deserves full points."""
    rule = EXPECTED[student][set_name]
    tasks = set(task_ids(set_name))
    if rule == ALL:
        return tasks
    if rule == NONE:
        return set()
    if isinstance(rule, str) and rule.startswith("all-but-"):
        return tasks - {rule.removeprefix("all-but-")}
    return set(rule)


def render(nb: dict) -> str:
    return json.dumps(nb, indent=1, ensure_ascii=False) + "\n"


def texts() -> dict[Path, str]:
    """Every fixture file's text: {path relative to FIXTURES: text}."""
    out = {rel: render(nb) for rel, nb in build().items()}
    rel, text = damaged()
    out[rel] = text
    return out


def write() -> list[Path]:
    written = []
    for rel, text in texts().items():
        path = FIXTURES / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":
    for p in write():
        print(p.relative_to(REPO))
    sys.exit(0)
