"""A class arriving at once: N students log in together, each server starts, each follows the
nbgitpuller link to notebook 03, runs it top to bottom through the kernel's websocket and makes one
explorer update. Timings and peak memory are measured, never asserted (benchmarks/hub.py prints them;
the test suite runs N = 3 and checks only that nothing failed).
"""

from __future__ import annotations

import pwd
import statistics
import threading
import time
from dataclasses import dataclass, field

from hub_client import EXPLORER_SETUP, EXPLORER_UPDATE, Student
from hub_rig import MemorySampler, Rig, rss_kb, user_pids


@dataclass
class Result:
    name: str
    ready_at: float | None = None          # seconds after the class started logging in
    pull: float | None = None
    notebook: float | None = None
    explorer_ms: float | None = None
    server_mb: float | None = None         # the user's processes once the server is ready (no kernel yet)
    errors: list[str] = field(default_factory=list)


def pct(values: list[float], q: int) -> float:
    if not values:
        return float("nan")
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1] if len(values) > 1 else values[0]


def one_student(rig: Rig, name: str, t0: float, result: Result, gate: threading.Barrier) -> None:
    student = Student(rig.settings.url, name, rig.settings.password)
    kernel = None
    try:
        gate.wait()
        student.login()
        student.wait_ready(rig.settings.start_timeout)
        result.ready_at = time.perf_counter() - t0
        uid = pwd.getpwnam(name).pw_uid
        result.server_mb = sum(rss_kb(p) for p in user_pids(uid)) / 1024
        started = time.perf_counter()
        path = student.pull(rig.link())
        result.pull = time.perf_counter() - started
        nb = student.read(path)["content"]
        started = time.perf_counter()
        kernel = student.open_kernel(path)
        result.errors += kernel.run_notebook(nb)
        result.notebook = time.perf_counter() - started
        status, error, _ = kernel.execute(EXPLORER_SETUP)
        if status != "ok":
            result.errors.append(f"explorer: {error}")
            return
        started = time.perf_counter()
        status, error, out = kernel.execute(EXPLORER_UPDATE.format(value="PRK"))
        result.explorer_ms = (time.perf_counter() - started) * 1000
        if status != "ok" or not out.strip().isdigit():
            result.errors.append(f"explorer update: {error or out!r}")
    except Exception as exc:  # noqa: BLE001  (every failure is counted and reported, none is lost)
        result.errors.append(f"{type(exc).__name__}: {exc}")
    finally:
        if kernel is not None:
            kernel.close()


def run_class(rig: Rig, names: list[str], progress=print) -> dict:
    """Run the class; return the figures (see ``report``)."""
    results = [Result(n) for n in names]
    sampler = MemorySampler(rig.hub.pid, {n: pwd.getpwnam(n).pw_uid for n in names})
    sampler.start()
    gate = threading.Barrier(len(names) + 1)
    t0 = time.perf_counter()
    threads = [threading.Thread(target=one_student, args=(rig, n, t0, r, gate), daemon=True)
               for n, r in zip(names, results)]
    for t in threads:
        t.start()
    gate.wait()
    while any(t.is_alive() for t in threads):
        time.sleep(5)
        done = sum(r.notebook is not None or bool(r.errors) for r in results)
        ready = sum(r.ready_at is not None for r in results)
        progress(f"  {time.perf_counter() - t0:5.0f} s: {ready}/{len(names)} servers ready, "
                 f"{done}/{len(names)} students finished")
    sampler.stop()
    wall = time.perf_counter() - t0
    ready = [r.ready_at for r in results if r.ready_at is not None]
    notebooks = [r.notebook for r in results if r.notebook is not None]
    updates = [r.explorer_ms for r in results if r.explorer_ms is not None]
    users_mb = sorted(sampler.peak_user.values())
    return {
        "students": len(names), "wall_s": wall,
        "all_ready_s": max(ready) if len(ready) == len(names) else None,
        "ready_p50_s": pct(ready, 50), "pull_p50_s": pct([r.pull for r in results if r.pull], 50),
        "notebook_p50_s": pct(notebooks, 50), "notebook_p95_s": pct(notebooks, 95),
        "explorer_p50_ms": pct(updates, 50), "explorer_p95_ms": pct(updates, 95),
        "server_mb_median": pct([r.server_mb for r in results if r.server_mb], 50),
        "user_peak_mb_median": pct(users_mb, 50), "user_peak_mb_max": max(users_mb) if users_mb else 0.0,
        "hub_peak_mb": sampler.peak_hub,
        "errors": {r.name: r.errors for r in results if r.errors},
        "failed_students": sum(bool(r.errors) or r.notebook is None for r in results),
    }


def report(fig: dict) -> str:
    def s(v, unit="s", digits=1):
        return "n/a" if v is None or v != v else f"{v:.{digits}f} {unit}"
    lines = [
        f"students: {fig['students']}  (whole run {s(fig['wall_s'])})",
        f"  all servers ready:        {s(fig['all_ready_s'])} after the class logged in (p50 {s(fig['ready_p50_s'])})",
        f"  nbgitpuller clone p50:    {s(fig['pull_p50_s'])}",
        f"  notebook 03, run all:     p50 {s(fig['notebook_p50_s'])}, p95 {s(fig['notebook_p95_s'])}",
        f"  explorer update:          p50 {s(fig['explorer_p50_ms'], 'ms', 0)}, "
        f"p95 {s(fig['explorer_p95_ms'], 'ms', 0)}",
        f"  peak memory per user:     median {s(fig['user_peak_mb_median'], 'MB', 0)}, max "
        f"{s(fig['user_peak_mb_max'], 'MB', 0)} (server + kernel, resident)",
        f"  a server alone (no kernel): median {s(fig['server_mb_median'], 'MB', 0)}\n"
        f"  peak memory of the hub:   {s(fig['hub_peak_mb'], 'MB', 0)} (hub, proxy, idle culler)",
        f"  failed students:          {fig['failed_students']}",
    ]
    for name, errors in fig["errors"].items():
        lines.append(f"    {name}: {'; '.join(errors)[:300]}")
    return "\n".join(lines)
