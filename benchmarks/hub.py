"""Benchmark of a class on the rehearsal JupyterHub (make bench): N students at once.

Each student logs in, waits for their server, follows the nbgitpuller link to notebook 03 (served
by git daemon on 127.0.0.1), runs it top to bottom through the kernel's websocket and makes one
explorer update (tests/hub_load.py). Prints time to all servers ready, p50/p95 notebook time,
explorer update p95, peak resident memory per user and of the hub, and failures; asserts nothing.

    python benchmarks/hub.py                   # N = 25
    python benchmarks/hub.py --students 25 40  # one fresh hub per size, in order; stops at the first failure

Needs root (it creates Unix users ckh-b1..N and removes them afterwards); without it, it says so
and exits 0, so `make bench` goes on. Each size also needs about 0.3 GB of memory per student.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from hub_load import report, run_class  # noqa: E402
from hub_rig import can_run, rig  # noqa: E402

MB_PER_STUDENT = 300        # measured peak per user (server + kernel after notebook 03), rounded up


def available_mb() -> float:
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemAvailable:"):
            return int(line.split()[1]) / 1024
    return float("inf")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--students", type=int, nargs="+", default=[25], help="class sizes (default: 25)")
    args = parser.parse_args(argv)
    why = can_run()
    if why:
        print(f"hub benchmark skipped: {why}")
        return 0
    print(f"A class on the rehearsal hub, {os.cpu_count()} cores, {available_mb() / 1024:.1f} GB available:")
    for n in args.students:
        need = n * MB_PER_STUDENT
        if need > 0.8 * available_mb():
            print(f"students: {n}: not run: needs about {need / 1024:.1f} GB, "
                  f"{available_mb() / 1024:.1f} GB available (memory is the first limit here)")
            break
        started = time.perf_counter()
        with rig(students=n, tag="b", start_timeout=600) as r:
            print(f"students: {n}: hub up in {time.perf_counter() - started:.0f} s; the class logs in now", flush=True)
            figures = run_class(r, r.students, progress=lambda m: print(m, flush=True))
        print(report(figures), flush=True)
        if figures["failed_students"]:
            print(f"first failing class size: {n}")
            break
    return 0


if __name__ == "__main__":
    sys.exit(main())
