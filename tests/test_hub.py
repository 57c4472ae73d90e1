"""A whole class on a real JupyterHub (campaignkit.course.hub) on 127.0.0.1: the nbgitpuller link, an update
that keeps students' edits, nbgrader's exchange for exercise set 03 graded like `make grade`, a small
class under load, a killed server, the idle culler, and what one student can read of another's.

Students are real Unix users (LocalProcessSpawner; tests/hub_rig.py), so the permission checks
are the ones a multi-user machine gives. Nothing here is timed; benchmarks/hub.py prints timings.
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import signal
from pathlib import Path

import pytest
import websocket
from hub_client import HubError, Student
from hub_load import report, run_class
from hub_rig import NOTEBOOK, can_run, rig, user_pids, wait_for
from submissions import submission, task_ids

pytestmark = pytest.mark.skipif(bool(can_run()), reason=can_run() or "")

SET = "03-case-china"
CLONE = "campaign-kit"
ANSWER = "The releases addressed to China are a handful; the counts say nothing about who answered them."


@pytest.fixture(scope="module")
def hub():
    with rig(students=6) as r:
        yield r


def student(hub, i: int) -> Student:
    s = Student(hub.settings.url, hub.students[i], hub.settings.password)
    s.login()
    s.wait_ready()
    s.enter()
    return s


# --- a small class under load (benchmarks/hub.py runs N = 25) ---------------------------------------

def test_a_small_class_runs_notebook_03_without_a_failure(hub):
    figures = run_class(hub, hub.students[:3])
    print(report(figures))
    assert figures["failed_students"] == 0, figures["errors"]
    assert figures["all_ready_s"] is not None and figures["explorer_p95_ms"] == figures["explorer_p95_ms"]
    for name in hub.students[:3]:
        clone = hub.home(name) / CLONE
        assert (clone / NOTEBOOK).is_file() and (clone / ".git").is_dir()
        assert (clone / NOTEBOOK).stat().st_uid == os.stat(hub.home(name)).st_uid, "the copy is the student's"


# --- the link in a browser ---------------------------------------------------------------------------

def test_the_link_in_a_browser_clones_the_kit_and_opens_notebook_03(hub, tmp_path):
    from playwright import sync_api
    from servers import chromium_context
    name = hub.students[3]
    with sync_api.sync_playwright() as p:
        ctx = chromium_context(p, viewport={"width": 1400, "height": 1000})
        page = ctx.pages[0] if ctx.pages else ctx.new_page()
        page.goto(hub.link(), timeout=120_000)           # the hub asks to log in first
        page.fill("#username_input", name)
        page.fill("#password_input", hub.settings.password)
        page.click("#login_submit")
        # spawn page, nbgitpuller's progress page, then JupyterLab with the notebook open
        page.wait_for_url(f"**/user/{name}/lab/tree/{CLONE}/{NOTEBOOK}*", timeout=240_000)
        page.wait_for_selector(".jp-NotebookPanel .jp-Cell", timeout=120_000)
        tab = page.locator(".jp-mod-current.lm-TabBar-tab", has_text=Path(NOTEBOOK).name)
        tab.first.wait_for(timeout=60_000)
        ctx.close()
    assert (hub.home(name) / CLONE / NOTEBOOK).is_file()


# --- the second click: nbgitpuller's merge keeps the student's edits --------------------------------

def test_a_second_click_after_a_push_updates_the_copy_and_keeps_the_students_edits(hub):
    s = student(hub, 4)
    path = s.pull(hub.link())
    nb = s.read(path)["content"]
    first = next(i for i, c in enumerate(nb["cells"]) if c["cell_type"] == "markdown")
    nb["cells"][first]["source"] = "# My notes on China\n\nThe student's own words."
    s.save_notebook(path, nb)
    s.save_text(f"{CLONE}/notebooks/my-notes.md", "mine\n")

    def edit(kit: Path) -> None:
        readme = kit / "README.md"
        readme.write_text(readme.read_text(encoding="utf-8") + "\nA line the instructor added.\n", encoding="utf-8")
        (kit / "notebooks" / "handout-week-3.md").write_text("Week 3 handout\n", encoding="utf-8")
    hub.push_change(edit)

    assert s.pull(hub.link()) == path
    home = hub.home(hub.students[4]) / CLONE
    assert "A line the instructor added." in (home / "README.md").read_text(encoding="utf-8")
    assert (home / "notebooks" / "handout-week-3.md").is_file()
    mine = json.loads((home / NOTEBOOK).read_text(encoding="utf-8"))
    assert "".join(mine["cells"][first]["source"]) == "# My notes on China\n\nThe student's own words."
    assert (home / "notebooks" / "my-notes.md").read_text() == "mine\n"


# --- the assignment cycle ------------------------------------------------------------------------------

def answers() -> dict[int, dict]:
    """Set 03 as five students answer it: correct, partial, blank, raising, edited check cell."""
    every = set(task_ids(SET))
    return {
        0: submission(SET, every, written=ANSWER),
        1: submission(SET, {"task-1", "task-2"}),
        2: submission(SET, set()),
        3: submission(SET, every - {"task-2"}, replace={"task-2-answer": 'raise KeyError("sponsor")'}),
        4: submission(SET, every - {"task-1"}, replace={"task-1-answer": "n_calls = -1", "task-1": "pass"}),
    }


def test_release_fetch_submit_collect_autograde_export_equals_make_grade(hub, tmp_path):
    teacher, home = hub.teacher, hub.home(hub.teacher)
    course = home / "course"
    shutil.copytree(Path(__file__).parent.parent / "exercises" / "source" / SET, course / "source" / SET)
    shutil.copy(Path(__file__).parent.parent / "exercises" / "nbgrader_config.py", course)
    shutil.chown(course, teacher, teacher)
    for folder, _dirs, files in os.walk(course):
        for p in [folder, *(os.path.join(folder, f) for f in files)]:
            shutil.chown(p, teacher, teacher)

    def nbgrader(*args: str) -> str:
        result = hub.run_as(teacher, str(hub.python), "-m", "nbgrader", *args, cwd=course)
        assert result.returncode == 0, f"nbgrader {args[0]}: {result.stdout[-1500:]}{result.stderr[-1500:]}"
        return result.stdout + result.stderr

    nbgrader("generate_assignment", SET, "--force")
    nbgrader("release_assignment", SET, "--force")
    student_copy = json.loads((Path(__file__).parent.parent / "exercises" / f"{SET}.ipynb").read_text())
    for i, nb in answers().items():
        s = student(hub, i)
        s.assignments("fetch", SET)
        fetched = s.read(f"{SET}/{SET}.ipynb")["content"]
        assert [c["source"] for c in fetched["cells"]] == \
            ["".join(c["source"]) for c in student_copy["cells"]], "the release is the committed student copy"
        s.save_notebook(f"{SET}/{SET}.ipynb", nb)
        s.assignments("submit", SET)
    nbgrader("collect", SET)
    nbgrader("autograde", SET, "--create", "--force")
    nbgrader("export", "--to", "grades.csv")

    from campaignkit.course.hub_grading import course_gradebook
    from campaignkit.exercises import grade
    on_hub = course_gradebook(course, tmp_path / "hub.csv")
    grade(course / "submitted", tmp_path / "make-grade.csv", log=lambda m: None)
    assert (tmp_path / "hub.csv").read_text() == (tmp_path / "make-grade.csv").read_text()

    names = hub.students[:5]
    full = {r.student for r in on_hub}
    assert full == set(names)
    auto = {n: sum(r.points for r in on_hub if r.student == n and r.status == "auto") for n in names}
    most = sum(r.max_points for r in on_hub if r.student == names[0] and r.status == "auto")
    assert auto[names[0]] == most                                        # correct
    assert 0 < auto[names[1]] < most                                     # partial
    assert auto[names[2]] == 0                                           # blank
    assert 0 < auto[names[3]] < most                                     # one answer raises
    assert auto[names[4]] < most                                         # editing the check gains nothing
    exported = {row["student_id"]: float(row["raw_score"])
                for row in csv.DictReader(io.StringIO((course / "grades.csv").read_text()))}
    assert exported == auto, "nbgrader's own export agrees (open questions are not graded yet)"


# --- faults ----------------------------------------------------------------------------------------------

def singleuser_pid(name: str) -> int:
    import pwd
    uid = pwd.getpwnam(name).pw_uid
    for pid in user_pids(uid):
        try:
            if b"jupyterhub.singleuser" in Path(f"/proc/{pid}/cmdline").read_bytes():
                return pid
        except OSError:
            pass
    raise AssertionError(f"no server process for {name}")


def test_a_server_killed_mid_notebook_starts_again_with_the_saved_files(hub):
    s = student(hub, 5)
    path = s.pull(hub.link())
    s.save_text("before-the-crash.txt", "saved\n")
    kernel = s.open_kernel(path)
    kernel.ws.send(json.dumps({"header": {"msg_id": "slow", "msg_type": "execute_request", "session": "x",
                                          "username": s.name, "version": "5.3", "date": ""},
                               "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
                               "content": {"code": "import time\nfor i in range(600): time.sleep(0.1)",
                                           "silent": False, "store_history": True, "user_expressions": {},
                                           "allow_stdin": False, "stop_on_error": True}}))
    wait_for(lambda: json.loads(kernel.ws.recv()).get("content", {}).get("execution_state") == "busy",
             60, "the cell to start", every=0)
    os.kill(singleuser_pid(s.name), signal.SIGKILL)
    with pytest.raises((HubError, OSError, websocket.WebSocketException)):   # the connection dies
        kernel.execute("1 + 1", seconds=30)
    kernel.close()

    def restarted():
        try:
            s.start()
            return True
        except HubError as exc:          # until the hub notices the server is gone
            if "already running" in str(exc) or "pending" in str(exc):
                return False
            raise
    wait_for(restarted, 120, "the hub to let the student start again")
    s.wait_ready()
    s.enter()                               # the page reload: a new server, a new OAuth hand-over
    assert s.read("before-the-crash.txt")["content"] == "saved\n"
    assert s.read(path)["type"] == "notebook"


def test_a_student_cannot_read_another_students_home_or_submission(hub):
    s = student(hub, 5)
    kernel = s.open_kernel("probe.ipynb")
    other = hub.home(hub.students[0])
    inbound = hub.settings.exchange / "campaignkit" / "inbound"
    for code in (f"open({str(other / CLONE / 'README.md')!r}).read()",
                 f"import os; os.listdir({str(other)!r})",
                 f"import os; os.listdir({str(inbound)!r})",
                 f"import os; os.listdir({str(hub.home(hub.teacher))!r})"):
        status, error, _ = kernel.execute(code)
        assert status == "error" and error.startswith("PermissionError"), (code, error)
    # a submission's folder name ends in a random string: without listing inbound/ it cannot be found
    names = os.listdir(inbound)
    assert names and all(len(n.split("+")[-1]) >= 12 for n in names)
    kernel.close()


def test_the_idle_culler_stops_an_idle_server():
    with rig(students=1, cull_timeout=10, cull_every=5, tag="i") as r:
        s = Student(r.settings.url, r.students[0], r.settings.password)
        s.login()
        s.wait_ready()
        assert s.server().get("ready")
        wait_for(lambda: not s.server(), 180, "the idle culler to stop the server", every=2)
        log = (r.settings.directory / "jupyterhub.log").read_text(errors="replace")
        assert "idle-culler" in log and f"DELETE /hub/api/users/{r.students[0]}/server" in log
