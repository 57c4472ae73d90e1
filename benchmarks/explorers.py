"""Benchmark of the explorers (make bench): how long from a control change to a new figure.

In the kernel: each explorer gets many random control changes (values drawn from its own
options); the time covers the view computation and the figure's output update. In the browser:
Playwright changes a control in the Voila dashboard and times until the chart's title changes.
Prints p50 and p95 in milliseconds; it asserts nothing (targets: kernel p95 < 50 ms, browser < 500 ms).
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from campaignkit.explorers import Tables
from campaignkit.explorers.widgets import build_languages, build_platforms, build_timing

ROUNDS = 60


def pct(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1] if len(values) > 1 else values[0]


def random_value(control, rng: random.Random):
    if hasattr(control, "options") and control.options:
        values = [o[1] if isinstance(o, tuple) else o for o in control.options]
        if type(control).__name__ == "SelectMultiple":
            return tuple(rng.sample(values, rng.randint(0, min(3, len(values)))))
        return rng.choice(values)
    lo, hi = control.min, control.max
    if isinstance(control.value, tuple):
        a, b = rng.randint(lo, hi), rng.randint(lo, hi)
        return (min(a, b), max(a, b))
    return rng.randrange(lo, hi + 1, control.step)


def update_times(ex, rng: random.Random, rounds: int) -> list[float]:
    """Milliseconds from setting a random control value to the explorer's new view and figure."""
    times = []
    for _ in range(rounds):
        name = rng.choice(list(ex.controls))
        value = random_value(ex.controls[name], rng)
        if value == ex.controls[name].value:
            continue
        started = time.perf_counter()
        ex.controls[name].value = value
        times.append((time.perf_counter() - started) * 1000)
    return times


def kernel_bench(tables: Tables) -> None:
    rng = random.Random(1)
    print(f"in-kernel, {ROUNDS} random control changes per explorer (view + figure output):")
    for build in (build_platforms, build_languages, build_timing):
        times = update_times(build(tables), rng, ROUNDS)
        print(f"  {build.__name__[6:]:10s} n={len(times):3d}  p50={pct(times, 50):6.1f} ms  "
              f"p95={pct(times, 95):6.1f} ms")


def browser_bench(rounds: int = 10) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
    from playwright.sync_api import sync_playwright
    from servers import CHROMIUM, chromium_context, voila

    if not CHROMIUM:
        print("browser: skipped (no Chromium; apt-get install chromium)")
        return
    toggles = {"platforms": ("ck-target", ["China (CHN)", "Russia (RUS)"]),
               "languages": ("ck-languages", ["Persian (Farsi) · فارسی (right to left)", "Russian · Русский"]),
               "timing": ("ck-category", ["mutiny", "war"])}
    title = "s => document.querySelector(s).layout.title.text"
    print(f"browser (Voila, Chromium), {rounds} control changes per explorer, change -> redrawn chart:")
    with voila(Path(tempfile.mkdtemp())) as url, sync_playwright() as p:
        ctx = chromium_context(p)
        page = ctx.pages[0]
        page.goto(url, wait_until="commit")
        page.wait_for_selector(".ck-explorer-timing .ck-figure .js-plotly-plot", timeout=120_000)
        for explorer, (cls, labels) in toggles.items():
            fig = f".ck-explorer-{explorer} .ck-figure .js-plotly-plot"
            times = []
            for i in range(rounds):
                before = page.evaluate(title, fig)
                t = time.perf_counter()
                page.locator(f".ck-explorer-{explorer} .{cls} select").select_option(label=labels[i % 2])
                page.wait_for_function("([s, b]) => { const g = document.querySelector(s); "
                                       "return g && g.layout && g.layout.title.text !== b; }",
                                       arg=[fig, before], timeout=30_000)
                times.append((time.perf_counter() - t) * 1000)
            print(f"  {explorer:10s} n={len(times):3d}  p50={pct(times, 50):6.1f} ms  p95={pct(times, 95):6.1f} ms")
        ctx.close()


if __name__ == "__main__":
    kernel_bench(Tables.load())
    if "--kernel-only" not in sys.argv:
        browser_bench()
