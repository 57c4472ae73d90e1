"""Run the kit with no network: the steps of tests/test_offline.py, inside one network namespace.

tests/test_offline.py starts this script with ``unshare --net`` (loopback up, nothing else), so
every step runs with the outside world unreachable:

1. ``network_off``: loopback is the only network interface, and a TCP connect to public addresses
   (IPv4 and IPv6) fails at once;
2. ``loopback``: a TCP round trip on 127.0.0.1 works (kernels and servers need it);
3. ``nbval``: the notebooks, and the exercise sources if any, run under nbval;
4. ``site``: ``campaignkit site`` builds the static site;
5. ``voila_page``: Voila serves the dashboard; its page is fetched over loopback, without errors;
6. ``voila_browser``: Chromium (Playwright) draws the three explorers from that page; any request
   to another host (unreachable anyway) fails the step.

Usage: ``python tests/offline_driver.py REPORT.json``. The report lists each step with ``ok``
(true, false, or null when skipped), its duration and a detail; it is rewritten after every step,
so a crash leaves the steps done so far. The exit status is 0 when no step failed.
"""

from __future__ import annotations

import json
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import traceback
import urllib.request
from pathlib import Path

from servers import CHROMIUM, REPO, chromium_context, isolated_env, voila

PUBLIC = [(socket.AF_INET, ("1.1.1.1", 443)), (socket.AF_INET6, ("2606:4700:4700::1111", 443))]
EXPLORERS = ("platforms", "languages", "timing")
VOILA_ERRORS = ("There was an error when executing cell", "Cell execution timed out")


class Skip(Exception):
    """A step that cannot run here (reported as skipped, with the reason)."""


def network_off(tmp: Path) -> str:
    interfaces = [name for _, name in socket.if_nameindex()]
    assert interfaces == ["lo"], f"network interfaces {interfaces}: not an isolated namespace (only lo expected)"
    results = [f"interfaces: {interfaces}"]
    for family, address in PUBLIC:
        start = time.perf_counter()
        try:
            with socket.socket(family, socket.SOCK_STREAM) as s:
                s.settimeout(5)
                s.connect(address)
        except OSError as exc:
            seconds = time.perf_counter() - start
            assert seconds < 2, f"connecting to {address[0]} failed only after {seconds:.1f} s: {exc}"
            results.append(f"{address[0]}: {exc.strerror or exc} ({seconds * 1000:.0f} ms)")
        else:
            raise AssertionError(f"connected to {address[0]}:{address[1]}: the network is NOT off")
    return "; ".join(results)


def loopback(tmp: Path) -> str:
    with socket.create_server(("127.0.0.1", 0)) as server:
        port = server.getsockname()[1]
        with socket.create_connection(("127.0.0.1", port), timeout=5) as client:
            conn, _ = server.accept()
            with conn:
                client.sendall(b"ping")
                assert conn.recv(4) == b"ping"
    return f"TCP round trip on 127.0.0.1:{port}"


def run(cmd: list[str], tmp: Path, timeout: int) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, cwd=REPO, env=isolated_env(tmp), capture_output=True, text=True, timeout=timeout)


def nbval(tmp: Path) -> str:
    exercises = sorted(str(p.relative_to(REPO)) for p in REPO.glob("exercises/source/*/*.ipynb"))
    out = run([sys.executable, "-m", "pytest", "--nbval-lax", "--nbval-current-env", "-p", "no:cacheprovider",
               "-q", "-rfE", "notebooks", *exercises], tmp, timeout=1200)
    summary = out.stdout.strip().splitlines()[-1] if out.stdout.strip() else "(no output)"
    if out.returncode != 0:
        failed = [ln for ln in out.stdout.splitlines() if ln.startswith(("FAILED", "ERROR"))]
        raise AssertionError(f"pytest exit {out.returncode}: {summary}\n" + "\n".join(failed or [])
                             + "\n--- last lines ---\n" + "\n".join((out.stdout + out.stderr).splitlines()[-40:]))
    return f"notebooks/ and {len(exercises)} exercise source notebook(s): {summary}"


def exercises(tmp: Path) -> str:
    """The exercise suite: generation, leaks, untouched copies, and grading the example class with nbgrader."""
    out = run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q", "-rfE", "tests/test_exercises.py"],
              tmp, timeout=1200)
    summary = out.stdout.strip().splitlines()[-1] if out.stdout.strip() else "(no output)"
    if out.returncode != 0:
        raise AssertionError(f"pytest exit {out.returncode}: {summary}\n--- last lines ---\n"
                             + "\n".join((out.stdout + out.stderr).splitlines()[-40:]))
    return f"tests/test_exercises.py: {summary}"


def site(tmp: Path) -> str:
    dest = tmp / "site"
    out = run([sys.executable, "-m", "campaignkit", "site", str(dest)], tmp, timeout=1200)
    assert out.returncode == 0, f"exit {out.returncode}\n" + "\n".join((out.stdout + out.stderr).splitlines()[-40:])
    pages = sorted(dest.glob("*.html"))
    assert (dest / "index.html").is_file(), f"no index.html in {[p.name for p in pages]}"
    return f"{len(pages)} pages"


def voila_page(url: str) -> str:
    with urllib.request.urlopen(url, timeout=300) as r:   # Voila executes the notebook for this request
        status, html = r.status, r.read().decode("utf-8", "replace")
    assert status == 200, f"HTTP {status}"
    errors = [e for e in VOILA_ERRORS if e in html]
    assert not errors, f"the page shows: {errors}"
    views = html.count("application/vnd.jupyter.widget-view+json")
    # one widget view: the dashboard shows its three explorers in one widget (widgets.Dashboard)
    assert views >= 1, "no widget view in the page: the dashboard did not render"
    return f"HTTP 200, {len(html) // 1024} KB, {views} widget views, no error output"


def voila_browser(url: str) -> str:
    if not CHROMIUM:
        raise Skip("Chromium is not installed (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        raise Skip("playwright is not installed") from None
    external, errors = [], []
    with sync_playwright() as p:
        ctx = chromium_context(p)
        try:
            page = ctx.pages[0]
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.on("request", lambda r: external.append(r.url)
                    if re.match(r"^https?://(?!127\.0\.0\.1[:/]|localhost[:/])", r.url) else None)
            page.goto(url, wait_until="commit")
            for explorer in EXPLORERS:   # each on its tab of the dashboard, drawn (shown or not)
                page.wait_for_selector(f".ck-explorer-{explorer} .ck-figure .js-plotly-plot", timeout=180_000,
                                       state="attached")
        finally:
            ctx.close()
    assert not errors, f"page errors: {errors}"
    assert not external, f"requests to other hosts: {external}"
    return f"{len(EXPLORERS)} explorers drawn; no request to another host"


def _fail(message: str) -> str:
    raise AssertionError(message)


def main(report_path: Path) -> int:
    steps: list[dict] = []

    def step(name: str, func, *args) -> None:
        start = time.perf_counter()
        try:
            ok, detail = True, func(*args)
        except Skip as exc:
            ok, detail = None, f"skipped: {exc}"
        except Exception as exc:   # reported, and the next steps still run
            ok, detail = False, f"{type(exc).__name__}: {exc}\n{traceback.format_exc(limit=3)}"
        steps.append({"name": name, "ok": ok, "seconds": round(time.perf_counter() - start, 1), "detail": detail})
        print(f"[{'ok' if ok else 'SKIP' if ok is None else 'FAIL'}] {name} "
              f"({steps[-1]['seconds']} s): {detail}", flush=True)
        report_path.write_text(json.dumps({"steps": steps}, indent=1), encoding="utf-8")

    tmp = Path(tempfile.mkdtemp(prefix="offline-"))
    try:
        step("network_off", network_off, tmp)
        step("loopback", loopback, tmp)
        step("nbval", nbval, tmp)
        step("exercises", exercises, tmp)
        step("site", site, tmp)
        try:
            with voila(tmp / "voila") as url:
                step("voila_page", voila_page, url)
                step("voila_browser", voila_browser, url)
        except Exception as exc:   # the server did not start (or stop): the steps not done fail with why
            for name in ("voila_page", "voila_browser"):
                if name not in {s["name"] for s in steps}:
                    step(name, _fail, f"Voila: {exc}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0 if all(s["ok"] is not False for s in steps) else 1


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    sys.exit(main(Path(sys.argv[1])))
