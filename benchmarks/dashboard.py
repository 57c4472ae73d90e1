"""Benchmark of the Voila dashboard's first draw (make bench): does every load draw all three charts?

Starts `make dashboard` on a free loopback port as the browser tests do (tests/servers.py: the
kit's template, a preheated kernel, isolated settings), then loads the dashboard N times in
Debian's Chromium, each load in a fresh browser context (no cache). A load counts as drawn when each explorer's chart
(`.ck-explorer-<name> .ck-figure .js-plotly-plot`) is in the page within the deadline; the time
runs from the navigation to the moment the last of the three charts is there. After each load the
page is left as a user leaves it (the page's `beforeunload` asks Voila to shut its kernel down).

Prints one line per 10 loads and, at the end, loads drawn / total and p50 / p95 of the time to all
charts (drawn loads only). It asserts nothing. For a load that did not draw it prints what the page
held (charts per explorer, widget models, Output models and their outputs, console errors);
`--diagnose DIR` also writes each such load's console log and page state to DIR, with Voila's log.
`--burst N` then opens N pages at the same moment (a class told "open the dashboard now") and prints
how many drew and when the first, the median and the last did.

    python benchmarks/dashboard.py [--loads N] [--burst N] [--deadline SECONDS] [--diagnose DIR] [--notebook PATH]
                                   [-- MORE VOILA OPTIONS, e.g. --preheat_kernel=False]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from servers import ALL_DRAWN, CHROMIUM, CHROMIUM_ARGS, DASHBOARD, EXPLORERS, voila  # noqa: E402

EXTERNAL = re.compile(r"^https?://(?!127\.0\.0\.1[:/]|localhost[:/])")
# What the page holds: per explorer, whether its box, its Output area and its chart are there, and
# the widget manager's models (an Output model's `outputs` is the figure it should show).
STATE = """async () => {
  const q = s => document.querySelectorAll(s).length;
  const r = {explorers: {}, loading: (document.getElementById('loading_text') || {}).textContent || null,
             cells_shown: (document.getElementById('rendered_cells') || {style: {}}).style.display !== 'none',
             widget_errors: [...document.querySelectorAll('.jupyter-widgets')]
                 .map(n => n.textContent).filter(t => /Loading widget|Error/.test(t)).slice(0, 5)};
  for (const e of EXPLORER_NAMES)
    r.explorers[e] = {box: q(`.ck-explorer-${e}`), output: q(`.ck-explorer-${e} .ck-figure`),
                      chart: q(`.ck-explorer-${e} .ck-figure .js-plotly-plot`),
                      output_children: q(`.ck-explorer-${e} .ck-figure .jp-OutputArea-child`)};
  const wm = window.jupyterapp && window.jupyterapp.widgetManager;
  r.app = !!window.jupyterapp; r.manager = !!wm;
  if (wm) {
    r.restored = wm.restoredStatus;
    r.kernel = wm.kernel ? [wm.kernel.connectionStatus, wm.kernel.status] : null;
    const models = wm._models instanceof Map ? [...wm._models.values()] : Object.values(wm._models || {});
    const done = await Promise.all(models.map(p => Promise.race([p, new Promise(ok => setTimeout(ok, 500))])
                                                 .catch(err => ({error: String(err)}))));
    r.models = models.length;
    r.models_pending = done.filter(m => m === undefined).length;
    r.outputs = done.filter(m => m && m.get && m.get('_model_name') === 'OutputModel')
                    .map(m => ({id: m.model_id, classes: m.get('_dom_classes'),
                                outputs: (m.get('outputs') || []).length, area: m.outputs ? m.outputs.length : null}));
  }
  return r;
}""".replace("EXPLORER_NAMES", json.dumps(list(EXPLORERS)))


def pct(values: list[float], q: int) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1] if len(values) > 1 else values[0]


def fresh_context(browser, url: str):
    """A fresh browser context (no cache) that Voila's leave-page shutdown request works from.

    Voila's page asks for its kernel's shutdown on `beforeunload` with the `_xsrf` cookie, but
    never sets that cookie itself (Voila 0.5.13): a fresh browser profile would leave every
    load's kernel running until Voila culls it. A browser that has visited a Jupyter server on this
    host has one; so does this context, for the whole origin (the shutdown URL is under /voila/api/).
    """
    ctx = browser.new_context(viewport={"width": 1400, "height": 1100})
    origin = re.match(r"https?://[^/]+", url).group(0)
    ctx.add_cookies([{"name": "_xsrf", "value": "ck-dashboard-bench", "url": origin + "/"}])
    return ctx


def one_load(browser, url: str, deadline: float, log: Path) -> dict:
    ctx = fresh_context(browser, url)
    page = ctx.new_page()
    # requests to other hosts are recorded, not routed: request interception drops the
    # beforeunload beacon (the browser tests block them; this machine has only loopback anyway)
    external: list[str] = []
    page.on("request", lambda r: external.append(r.url) if EXTERNAL.match(r.url) else None)
    console: list[str] = []
    t0 = time.perf_counter()
    page.on("console", lambda m: console.append(f"{time.perf_counter() - t0:7.2f} {m.type}: {m.text[:400]}"))
    page.on("pageerror", lambda e: console.append(f"{time.perf_counter() - t0:7.2f} pageerror: {e}"))
    result = {"drawn": False, "seconds": None, "console": console, "external": external}
    try:
        page.goto(url, wait_until="commit", timeout=deadline * 1000)
        page.wait_for_function(ALL_DRAWN, timeout=max(1.0, deadline - (time.perf_counter() - t0)) * 1000,
                               polling=50)
        result.update(drawn=True, seconds=time.perf_counter() - t0)
    except Exception as err:   # a timeout, or the page gone: not drawn
        result["error"] = f"{type(err).__name__}: {str(err).splitlines()[0]}"
        try:
            result["state"] = page.evaluate(STATE)
        except Exception as err2:
            result["state"] = f"(no state: {err2})"
    try:
        kernel = page.evaluate("() => JSON.parse(document.getElementById('jupyter-config-data').textContent).kernelId")
    except Exception:
        kernel = None
    with contextlib.suppress(Exception):   # leave the page as a user does: Voila's beforeunload beacon
        page.goto("about:blank", timeout=10_000)   # shuts the kernel down
    end = time.time() + 15   # the next load starts once this one's kernel is gone
    while kernel and time.time() < end and f"Kernel shutdown: {kernel}" not in log.read_text(errors="replace"):
        time.sleep(0.1)
    ctx.close()
    return result


def burst(browser, url: str, n: int, deadline: float) -> list[float | None]:
    """``n`` students open the dashboard at the same moment (a class told to open it now), each in
    a fresh context; returns each page's time to all charts drawn (None: not within the deadline)."""
    pages = []
    for _ in range(n):
        ctx = fresh_context(browser, url)
        pages.append((ctx, ctx.new_page()))
    t0 = time.perf_counter()
    for _, page in pages:   # start every navigation without waiting for its answer
        page.evaluate("u => { location.href = u; }", url)
    times: list[float | None] = [None] * n
    while time.perf_counter() - t0 < deadline and None in times:
        for i, (_, page) in enumerate(pages):
            if times[i] is None:
                with contextlib.suppress(Exception):   # a page still navigating has no context yet
                    if page.evaluate(ALL_DRAWN):
                        times[i] = time.perf_counter() - t0
        time.sleep(0.05)
    for ctx, page in pages:
        with contextlib.suppress(Exception):
            page.goto("about:blank", timeout=10_000)   # Voila's beforeunload beacon: kernel shut down
        ctx.close()
    return times


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--loads", type=int, default=100)
    ap.add_argument("--deadline", type=float, default=30.0, help="seconds for one load to draw all charts")
    ap.add_argument("--diagnose", type=Path, help="write failing loads' console and page state here")
    ap.add_argument("--burst", type=int, default=0, metavar="N",
                    help="then N loads at the same moment (a class opening the dashboard at once)")
    ap.add_argument("--notebook", default=DASHBOARD, help="a notebook of notebooks/")
    ap.add_argument("voila_args", nargs="*", help="Voila options after `make dashboard`'s own (after --)")
    opts = ap.parse_args()
    if not CHROMIUM:
        print("dashboard: skipped (no Chromium; apt-get install chromium)")
        return
    from playwright.sync_api import sync_playwright

    tmp = Path(tempfile.mkdtemp(prefix="ck-dashboard-bench-"))
    log = tmp / "voila.log"
    times: list[float] = []
    failed: list[int] = []
    print(f"Voila dashboard in Chromium: {opts.loads} loads, each in a fresh context, "
          f"deadline {opts.deadline:.0f} s to all three charts" +
          " (`make dashboard`" + (f" with {' '.join(opts.voila_args)}" if opts.voila_args else "") + ")" +
          f"; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    with voila(tmp, opts.notebook, args=tuple(opts.voila_args), log=log) as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        for i in range(1, opts.loads + 1):
            r = one_load(browser, url, opts.deadline, log)
            if r["external"]:
                print(f"  load {i}: requests to other hosts: {r['external'][:3]}")
            if r["drawn"]:
                times.append(r["seconds"])
            else:
                failed.append(i)
                print(f"  load {i}: NOT DRAWN within {opts.deadline:.0f} s ({r.get('error')})")
                print(f"    state: {json.dumps(r.get('state'))}")
                for line in [c for c in r["console"] if re.search(r"error|fail|warn.*(widget|comm)", c, re.I)][:8]:
                    print(f"    console {line}")
                if opts.diagnose:
                    opts.diagnose.mkdir(parents=True, exist_ok=True)
                    (opts.diagnose / f"load-{i:03d}.json").write_text(json.dumps(r, indent=1))
            if i % 10 == 0 or i == opts.loads:
                recent = times[-10:]
                print(f"  {i:4d} loads: {i - len(failed)} drawn" +
                      (f", p50 so far {pct(times, 50):.2f} s" if times else "") +
                      (f", last drawn {recent[-1]:.2f} s" if recent else ""), flush=True)
        if opts.burst:
            time.sleep(5)   # the pool refilled after the last load
            burst_times = burst(browser, url, opts.burst, max(opts.deadline, 10.0 * opts.burst))
        browser.close()
        text = log.read_text(errors="replace")   # before Voila stops (and shuts every kernel down)
        kernels = (text.count("Kernel started:"), text.count("Kernel shutdown:"))
    if opts.diagnose:
        opts.diagnose.mkdir(parents=True, exist_ok=True)
        shutil.copy(log, opts.diagnose / "voila.log")

    print(f"kernels: {kernels[0]} started, {kernels[1]} shut down while Voila ran; "
          f"load average at the end {os.getloadavg()[0]:.1f}")
    print(f"loads drawn: {len(times)} / {opts.loads}" + (f" (not drawn: loads {failed})" if failed else ""))
    if times:
        print(f"time to all charts (drawn loads): p50 {pct(times, 50):.2f} s, p95 {pct(times, 95):.2f} s, "
              f"max {max(times):.2f} s")
    if opts.burst:
        drawn = sorted(t for t in burst_times if t is not None)
        print(f"{opts.burst} loads at the same moment: {len(drawn)} / {opts.burst} drawn" +
              (f"; time to all charts: first {drawn[0]:.2f} s, p50 {pct(drawn, 50):.2f} s, "
               f"last {drawn[-1]:.2f} s" if drawn else "") +
              f" (the server and all {opts.burst} browsers share this machine's {os.cpu_count()} CPUs; "
              "voila.json preheats one kernel, the others start and run the dashboard on demand)")
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
