"""A student on the rehearsal hub, driven over HTTP as a browser would: log in, wait for the server,
follow an nbgitpuller link, save files, run a notebook through the Jupyter server's sessions and
kernels API (execute requests over the kernel's websocket), use nbgrader's Assignments API.

Used by the hub tests and by benchmarks/hub.py. Only 127.0.0.1 is ever contacted.
"""

from __future__ import annotations

import contextlib
import json
import time
import uuid
from urllib.parse import parse_qs, urlsplit

import requests
import websocket

EXPLORER_SETUP = "from campaignkit.explorers.widgets import build_platforms\nex = build_platforms()"
EXPLORER_UPDATE = 'ex.controls["target"].value = {value!r}\nprint(ex.view.count)'


class HubError(RuntimeError):
    pass


class Student:
    def __init__(self, hub_url: str, name: str, password: str):
        self.hub, self.name, self.password = hub_url.rstrip("/"), name, password
        self.http = requests.Session()
        self.base = f"{self.hub}/user/{name}"

    # --- the hub ---------------------------------------------------------------------------------
    def login(self) -> None:
        """Log in through the hub's login form (JupyterHub then starts the server, as in a browser)."""
        self.http.get(f"{self.hub}/hub/login", timeout=60).raise_for_status()
        r = self.http.post(f"{self.hub}/hub/login", timeout=120,
                           data={"username": self.name, "password": self.password,
                                 "_xsrf": self.http.cookies.get("_xsrf", path="/hub/")})
        if r.status_code >= 400 or urlsplit(r.url).path.endswith("/hub/login"):
            raise HubError(f"{self.name}: login failed ({r.status_code} at {r.url})")
        self.landed = urlsplit(r.url).path         # /hub/spawn-pending/<name>: the server is starting

    def hub_headers(self) -> dict:
        return {"X-XSRFToken": self.http.cookies.get("_xsrf", path="/hub/") or ""}

    def server(self) -> dict:
        r = self.http.get(f"{self.hub}/hub/api/users/{self.name}", headers=self.hub_headers(), timeout=60)
        r.raise_for_status()
        return r.json()["servers"].get("", {})

    def start(self) -> None:
        """Start the server again (the hub page's "Start My Server")."""
        r = self.http.post(f"{self.hub}/hub/api/users/{self.name}/server", headers=self.hub_headers(), timeout=120)
        if r.status_code not in (201, 202):
            raise HubError(f"{self.name}: start answered {r.status_code} {r.text[:200]}")

    def wait_ready(self, seconds: float = 300) -> float:
        """Wait until the hub reports the server ready; return the seconds waited."""
        started = time.perf_counter()
        while time.perf_counter() - started < seconds:
            state = self.server()
            if state.get("ready"):
                return time.perf_counter() - started
            if not state.get("pending") and not state:
                raise HubError(f"{self.name}: the server is neither starting nor running")
            time.sleep(0.5)
        raise HubError(f"{self.name}: server not ready after {seconds:.0f} s")

    def enter(self) -> None:
        """Open JupyterLab once (the hub's OAuth hand-over gives the server's cookies), as the browser does."""
        r = self.http.get(f"{self.base}/lab", timeout=120)
        if r.status_code != 200 or not urlsplit(r.url).path.startswith(f"/user/{self.name}/lab"):
            raise HubError(f"{self.name}: JupyterLab did not open ({r.status_code} at {r.url})")

    # --- nbgitpuller -----------------------------------------------------------------------------
    def pull(self, link: str) -> str:
        """Follow an nbgitpuller link as the browser does: the link's page, then its pull stream.

        Returns the path (relative to the server's root) that the page opens afterwards.
        """
        r = self.http.get(link, timeout=120)                 # user-redirect, OAuth, the status page
        r.raise_for_status()
        if not urlsplit(r.url).path.startswith(f"/user/{self.name}/git-pull"):
            raise HubError(f"{self.name}: the link ended at {r.url}, not at nbgitpuller's page")
        query = parse_qs(urlsplit(link).query)
        params = {k: v[0] for k, v in query.items() if k in ("repo", "branch", "targetpath")}
        params.setdefault("targetpath", params["repo"].rstrip("/").split("/")[-1])
        events = []
        with self.http.get(f"{self.base}/git-pull/api", params=params, stream=True, timeout=600) as s:
            s.raise_for_status()
            for line in s.iter_lines(decode_unicode=True):
                if line and line.startswith("data:"):
                    event = json.loads(line[5:])
                    events.append(event)
                    if event.get("phase") in ("finished", "error"):
                        break
        if not events or events[-1].get("phase") != "finished":
            last = events[-1] if events else {}
            raise HubError(f"{self.name}: nbgitpuller failed: {last.get('message') or last.get('output')}")
        return query["urlpath"][0].removeprefix("lab/tree/")

    # --- the user's Jupyter server ---------------------------------------------------------------
    def headers(self) -> dict:
        return {"X-XSRFToken": self.http.cookies.get("_xsrf", path=f"/user/{self.name}/") or ""}

    def api(self, method: str, path: str, **kw) -> requests.Response:
        r = self.http.request(method, f"{self.base}{path}", headers=self.headers(),
                              timeout=kw.pop("timeout", 300), **kw)
        if r.status_code >= 400:
            raise HubError(f"{self.name}: {method} {path} answered {r.status_code} {r.text[:300]}")
        return r

    def read(self, path: str) -> dict:
        return self.api("GET", f"/api/contents/{path}", params={"content": 1}).json()

    def save_notebook(self, path: str, nb: dict) -> None:
        self.api("PUT", f"/api/contents/{path}", json={"type": "notebook", "format": "json", "content": nb})

    def save_text(self, path: str, text: str) -> None:
        self.api("PUT", f"/api/contents/{path}", json={"type": "file", "format": "text", "content": text})

    def open_kernel(self, path: str) -> Kernel:
        """A session for the notebook at ``path`` (as JupyterLab makes on opening it) and its kernel."""
        s = self.api("POST", "/api/sessions", json={"path": path, "name": path.rsplit("/", 1)[-1],
                                                    "type": "notebook", "kernel": {"name": "python3"}}).json()
        return Kernel(self, s["kernel"]["id"], s["id"])

    def assignments(self, action: str, assignment: str, course: str = "campaignkit") -> dict:
        """nbgrader's Assignments tab: ``fetch`` or ``submit`` (the buttons) through its server API."""
        params = {"course_id": course, "assignment_id": assignment}
        out = self.api("POST", f"/assignments/{action}", params=params).json()
        if not out.get("success"):
            raise HubError(f"{self.name}: nbgrader {action} failed: {out.get('value') or out}")
        return out


class Kernel:
    """Execute code over a kernel's websocket; each call returns (status, error text, stdout)."""

    def __init__(self, student: Student, kernel_id: str, session_id: str):
        self.student, self.id, self.session_id = student, kernel_id, session_id
        url = f"ws://{urlsplit(student.hub).netloc}/user/{student.name}/api/kernels/{kernel_id}/channels"
        cookies = "; ".join(f"{c.name}={c.value}" for c in student.http.cookies)
        self.ws = websocket.create_connection(f"{url}?session_id={uuid.uuid4().hex}",
                                              header=[f"Cookie: {cookies}"], timeout=600)

    def execute(self, code: str, seconds: float = 600) -> tuple[str, str, str]:
        msg_id = uuid.uuid4().hex
        self.ws.send(json.dumps({
            "header": {"msg_id": msg_id, "username": self.student.name, "session": self.session_id,
                       "msg_type": "execute_request", "version": "5.3", "date": ""},
            "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
            "content": {"code": code, "silent": False, "store_history": True, "user_expressions": {},
                        "allow_stdin": False, "stop_on_error": True}}))
        status, error, stdout, idle = None, "", "", False
        deadline = time.monotonic() + seconds
        while status is None or not idle:
            if time.monotonic() > deadline:
                raise HubError(f"{self.student.name}: no answer from the kernel in {seconds:.0f} s")
            msg = json.loads(self.ws.recv())
            if msg.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            kind = msg["header"]["msg_type"]
            if kind == "execute_reply":
                status = msg["content"]["status"]
            elif kind == "error":
                error = f"{msg['content']['ename']}: {msg['content']['evalue']}"
            elif kind == "stream" and msg["content"].get("name") == "stdout":
                stdout += msg["content"]["text"]
            elif kind == "status" and msg["content"]["execution_state"] == "idle":
                idle = True
        return status, error, stdout

    def run_notebook(self, nb: dict) -> list[str]:
        """Run every code cell in order; return the errors ('cell N: Name: message')."""
        errors = []
        for i, cell in enumerate(nb["cells"]):
            if cell["cell_type"] != "code":
                continue
            source = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
            status, error, _ = self.execute(source)
            if status != "ok":
                errors.append(f"cell {i}: {error or status}")
        return errors

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self.ws.close()
