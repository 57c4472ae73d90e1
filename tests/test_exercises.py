"""Exercise sets: enough of them, student copies in sync with their sources and free of solutions,
friendly checks, and grading of a class's submissions (nbgrader, no Docker).

The source notebooks themselves run under nbval (pyproject's testpaths include exercises/source):
that proves every solution passes its visible and hidden tests from a clean kernel.
"""

from __future__ import annotations

import csv
import json
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
import submissions as fixtures
from conftest import REPO
from nbclient import NotebookClient

from campaignkit import exercises

SETS = exercises.sets()
NOTEBOOKS = {p.stem for p in (REPO / "notebooks").glob("[0-9][0-9]-*.ipynb")}
STUB = "# YOUR CODE HERE\nraise NotImplementedError()"
LEAK_MIN = 12    # solution and hidden-test lines at least this long must not appear in a student copy


def cells(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def text(cell: dict) -> str:
    return "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]


def nbg(cell: dict) -> dict:
    return cell.get("metadata", {}).get("nbgrader", {})


def auto_tasks(path: Path) -> list[dict]:
    return [c for c in cells(path) if c["cell_type"] == "code" and nbg(c).get("grade")]


def open_questions(path: Path) -> list[dict]:
    return [c for c in cells(path) if c["cell_type"] == "markdown" and nbg(c).get("grade")]


def between(source: str, begin: str, end: str) -> list[str]:
    """The lines inside every begin/end block of a cell."""
    out = []
    for block in re.findall(re.escape(begin) + r"\n(.*?)" + re.escape(end), source, re.S):
        out += block.splitlines()
    return out


# --- the sets -----------------------------------------------------------------------------------

def test_there_are_enough_sets_and_tasks():
    assert len(SETS) >= 8, f"only {len(SETS)} exercise sets"
    n_auto = sum(len(auto_tasks(s.source)) for s in SETS)
    assert n_auto >= 40, f"only {n_auto} auto-checked tasks in all"
    for s in SETS:
        assert len(auto_tasks(s.source)) >= 3, f"{s.name}: fewer than 3 auto-checked tasks"
        assert open_questions(s.source), f"{s.name}: no open question graded by hand"


@pytest.mark.parametrize("s", SETS, ids=lambda s: s.name)
def test_each_set_follows_a_notebook_and_has_its_metadata(s):
    assert s.name in NOTEBOOKS, f"{s.name}: no notebook notebooks/{s.name}.ipynb for it to follow"
    meta = json.loads(s.source.read_text(encoding="utf-8"))["metadata"]["campaignkit"]
    assert meta["set"] == s.name and meta["follows"] == f"{s.name}.ipynb"
    assert meta["title"].startswith(f"Exercises {s.name[:2]}")
    assert 3 <= len(meta["objectives"]) <= 5 and int(meta["minutes"]) > 0
    for task in auto_tasks(s.source):
        assert re.fullmatch(r"task-\d+", nbg(task)["grade_id"]), nbg(task)["grade_id"]
        assert 0 < nbg(task)["points"] <= 5
    hidden = [c for c in auto_tasks(s.source) if "### BEGIN HIDDEN TESTS" in text(c)]
    assert hidden, f"{s.name}: no hidden tests at all"


def test_instructor_guide_covers_every_set_with_its_rubrics():
    guide = (REPO / "exercises" / "INSTRUCTORS.md").read_text(encoding="utf-8")
    for s in SETS:
        section = re.search(rf"^### {s.name[:2]} · .*?(?=^### |^## )", guide, re.S | re.M)
        assert section, f"INSTRUCTORS.md: no section '### {s.name[:2]} · ...'"
        for i, _ in enumerate(open_questions(s.source), start=1):
            assert f"Rubric: Question {i}" in section.group(0), f"{s.name}: no rubric for question {i}"
        assert "Discussion questions" in section.group(0) and "Learning outcomes" in section.group(0)


# --- generation, sync, leaks ----------------------------------------------------------------------

def test_student_copies_are_exactly_what_the_sources_generate():
    """Regenerate every student copy with nbgrader (in a scratch folder) and compare bytes
    (the instructor guide's table of sets, tasks and points is checked the same way)."""
    drift = exercises.check()
    assert drift == [], f"out of date (run `make exercises`): {drift}"


@pytest.mark.parametrize("s", SETS, ids=lambda s: s.name)
def test_student_copy_holds_no_solution_and_no_hidden_test(s):
    student_text = s.student.read_text(encoding="utf-8")
    secret = []
    for cell in cells(s.source):
        secret += between(text(cell), "### BEGIN SOLUTION", "### END SOLUTION")
        secret += between(text(cell), "### BEGIN HIDDEN TESTS", "### END HIDDEN TESTS")
    secret = {ln.strip() for ln in secret if len(ln.strip()) >= LEAK_MIN}
    assert secret, f"{s.name}: the source has no solution lines to look for"
    leaked = [ln for ln in secret if json.dumps(ln)[1:-1] in student_text or ln in student_text]
    assert not leaked, f"{s.name}: the student copy contains solution or hidden-test lines: {leaked[:3]}"
    for marker in ("BEGIN SOLUTION", "END SOLUTION", "HIDDEN TESTS"):
        assert marker not in student_text, f"{s.name}: marker {marker!r} left in the student copy"


@pytest.mark.parametrize("s", SETS, ids=lambda s: s.name)
def test_every_task_has_a_stub_and_a_visible_check(s):
    student = cells(s.student)
    answers = [c for c in student if c["cell_type"] == "code" and nbg(c).get("solution")]
    checks = auto_tasks(s.student)
    assert len(answers) == len(checks) == len(auto_tasks(s.source))
    for answer in answers:
        body = text(answer)
        assert body.endswith(STUB), f"{s.name} {nbg(answer)['grade_id']}: no stub"
        assert all(re.fullmatch(r"\w+ = None  # your answer", ln) for ln in body[: -len(STUB)].splitlines())
    for check in checks:
        assert "expect_" in text(check) and "passed(" in text(check), \
            f"{s.name} {nbg(check)['grade_id']}: the check cell shows the student no visible check"
        assert nbg(check)["locked"], f"{s.name} {nbg(check)['grade_id']}: check cell not locked"
    for question in open_questions(s.student):
        assert text(question).strip() == "YOUR ANSWER HERE"


def run_student_copy(path: Path) -> nbformat.NotebookNode:
    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, timeout=120, kernel_name="python3", allow_errors=True,
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    return nb


@pytest.mark.parametrize("s", SETS, ids=lambda s: s.name)
def test_an_untouched_copy_runs_and_every_check_asks_for_an_answer(s):
    """A student who runs everything before answering sees a friendly message under each task,
    not a NameError or a pandas traceback; the setup cell works."""
    nb = run_student_copy(s.student)
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        errors = [o for o in cell.get("outputs", []) if o.get("output_type") == "error"]
        meta = cell.metadata.get("nbgrader", {})
        if meta.get("grade"):
            assert errors, f"{s.name} {meta['grade_id']}: the check passes with no answer"
            assert errors[0]["ename"] == "AssertionError", \
                f"{s.name} {meta['grade_id']}: unanswered task gives {errors[0]['ename']}: {errors[0]['evalue']}"
            assert "still None" in errors[0]["evalue"], errors[0]["evalue"]
        elif meta.get("solution"):
            assert errors and errors[0]["ename"] == "NotImplementedError"
        else:
            assert not errors, f"{s.name}: cell {meta.get('grade_id')} fails: {errors[0]['evalue']}"


# --- grading ----------------------------------------------------------------------------------------

def test_fixture_submissions_are_up_to_date():
    """tests/fixtures/submissions is made from the current student copies (tests/submissions.py)."""
    want = fixtures.texts()
    have = {p.relative_to(fixtures.FIXTURES): p.read_text(encoding="utf-8")
            for p in fixtures.FIXTURES.rglob("*.ipynb")}
    assert set(have) == set(want), "run `python tests/submissions.py`"
    stale = [str(p) for p in want if have[p] != want[p]]
    assert not stale, f"out of date (run `python tests/submissions.py`): {stale}"


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    """`make grade`'s command on the fixture submissions: its output and its gradebook rows."""
    out = tmp_path_factory.mktemp("grading") / "gradebook.csv"
    result = subprocess.run([sys.executable, "-m", "campaignkit", "exercises", "grade",
                             str(fixtures.FIXTURES), "--out", str(out)],
                            capture_output=True, text=True, cwd=REPO, timeout=900)
    rows = list(csv.DictReader(out.open(encoding="utf-8"))) if out.exists() else []
    return result, rows


def test_grading_the_fixture_class_succeeds(graded):
    result, rows = graded
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stdout
    assert list(rows[0]) == exercises.CSV_FIELDS
    students = {r["student"] for r in rows}
    assert students == set(fixtures.EXPECTED)


@pytest.mark.parametrize("student", sorted(fixtures.EXPECTED))
def test_each_fixture_student_gets_the_score_they_deserve(graded, student):
    _, rows = graded
    mine = [r for r in rows if r["student"] == student]
    for set_name in fixtures.EXPECTED[student]:
        full = fixtures.expected_full(student, set_name)
        tasks = {r["task"]: r for r in mine if r["set"] == set_name}
        assert set(fixtures.task_ids(set_name)) <= set(tasks), f"{student} {set_name}: tasks missing"
        for task_id in fixtures.task_ids(set_name):
            row = tasks[task_id]
            want = float(row["max_points"]) if task_id in full else 0.0
            assert float(row["points"]) == want, f"{student} {set_name} {task_id}: {row}"
        manual = [r for r in tasks.values() if r["task"].startswith("question")]
        if student != "gus":
            assert manual and all(r["status"] == "manual" and r["points"] == "" for r in manual)


def test_special_cases_are_reported_in_the_gradebook(graded):
    result, rows = graded
    eli = {r["note"] for r in rows if r["student"] == "eli" and r["set"] == fixtures.SETS[0]}
    assert eli == {"submitted as 01-campaign-atlas-Copy1.ipynb"}
    gus = [r for r in rows if r["student"] == "gus" and r["set"] == fixtures.SETS[0]]
    assert gus and all(r["status"] == "error" and "damaged" in r["note"] for r in gus)
    # students who did not hand in the second set appear with 0 points, marked as such
    ben_timing = [r for r in rows if r["student"] == "ben" and r["set"] == fixtures.SETS[1]]
    assert ben_timing and all(r["status"] == "not submitted" and r["points"] == "0" for r in ben_timing)
    assert "8 submissions graded in" in result.stdout and "1 could not be graded" in result.stdout
    assert re.search(r"^ben\s+08-timing\s+not submitted$", result.stdout, re.M), result.stdout


def test_grading_refuses_to_overwrite_a_gradebook(tmp_path):
    (tmp_path / "gradebook.db").write_text("")
    result = subprocess.run([sys.executable, "-m", "campaignkit", "exercises", "grade", str(fixtures.FIXTURES),
                             "--out", str(tmp_path / "g.csv"), "--workdir", str(tmp_path)],
                            capture_output=True, text=True, cwd=REPO)
    assert result.returncode != 0 and "already holds an nbgrader gradebook" in result.stderr
    assert "Traceback" not in result.stderr


def test_grading_an_empty_or_missing_folder_says_so(tmp_path):
    for folder, message in [(tmp_path / "nowhere", "no such folder"), (tmp_path, "no notebooks")]:
        result = subprocess.run([sys.executable, "-m", "campaignkit", "exercises", "grade", str(folder),
                                 "--out", str(tmp_path / "g.csv")], capture_output=True, text=True, cwd=REPO)
        assert result.returncode != 0 and message in result.stderr, result.stderr
        assert "Traceback" not in result.stderr


# --- copies handed out before 0.3 -------------------------------------------------------------------

OLD_FIXTURES = REPO / "tests" / "fixtures" / "submissions-0.2"


def test_old_fixtures_use_the_old_imports():
    """submissions-0.2 are the 0.2 student copies (old module names), kept as they were handed out."""
    text = (OLD_FIXTURES / "ada" / "08-timing.ipynb").read_text(encoding="utf-8")
    assert "from campaignkit.checking import" in text and "campaignkit import analysis" in text


def test_submissions_from_0_2_copies_grade_to_the_same_points(graded, tmp_path):
    """A class that answered last term's copies (imports of 0.2) gets exactly today's points."""
    out = tmp_path / "old.csv"
    result = subprocess.run([sys.executable, "-m", "campaignkit", "exercises", "grade", str(OLD_FIXTURES),
                             "--out", str(out)], capture_output=True, text=True, cwd=REPO, timeout=900)
    assert result.returncode == 0, result.stdout + result.stderr
    old = {(r["student"], r["set"], r["task"]): (r["points"], r["status"]) for r in csv.DictReader(out.open())}
    new = {(r["student"], r["set"], r["task"]): (r["points"], r["status"]) for r in graded[1]}
    assert old == new
    assert any(points not in ("", "0") for points, _ in old.values())
