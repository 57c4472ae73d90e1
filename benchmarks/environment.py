"""Benchmark of the environment (make bench): import and data-load time, install size and time, test time.

- ``import campaignkit``: wall time of ``python -c "import campaignkit"`` in a fresh process minus
  that of ``python -c pass`` (bare interpreter start-up); medians of --repeats runs.
- data load: ``ck.load_all()`` (every table, validated and typed) with nothing cached: its first
  call in a fresh process, and the median with the caches cleared in a warm process. Target < 100 ms.
- install: a fresh venv built by the Makefile's own rules (``make VENV=<tmp> <tmp>/.runtime``, then
  ``.instructor`` and ``.dev``) with an empty pip cache: wall time and ``du`` size after each stage.
- ``make test``: wall time of the whole suite in the current venv.

--quick skips the installs and ``make test`` (minutes each) and shows the size of the current venv.
Usage: python benchmarks/environment.py [--quick] [--repeats 7] [--warm-pip-cache]
Prints a table; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
LOAD_TARGET_MS = 100
# Byte-compiled files are written as on a learner's machine (some machines set this off globally).
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}

LOAD_PROBE = """
import json, statistics, time
import campaignkit as ck
import campaignkit.data.loading, campaignkit.validation.descriptor
def timed():
    t = time.perf_counter(); ck.load_all(); return (time.perf_counter() - t) * 1000
first = timed()
cached = timed()
cleared = []
for _ in range({repeats}):
    campaignkit.data.loading._typed_tables.cache_clear(); campaignkit.validation.descriptor._read.cache_clear()
    cleared.append(timed())
print(json.dumps({{"first": first, "cached": cached, "cleared": statistics.median(cleared),
                  "tables": len(ck.table_names())}}))
"""


def row(figure: str, value: str, target: str = "-") -> None:
    print(f"  {figure:58s} {value:>12s}   {target}")


def wall(cmd: list[str], **kw) -> float:
    t = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True, env=ENV, **kw)
    return time.perf_counter() - t


def median_wall(cmd: list[str], repeats: int) -> float:
    wall(cmd)   # warm-up: byte-compiles, fills the OS file cache
    return statistics.median(wall(cmd) for _ in range(repeats))


def imports_and_load(repeats: int) -> None:
    bare = median_wall([PYTHON, "-c", "pass"], repeats)
    kit = median_wall([PYTHON, "-c", "import campaignkit"], repeats)
    row("python start-up (python -c pass), median", f"{bare * 1000:.0f} ms")
    row("import campaignkit, minus start-up, median", f"{(kit - bare) * 1000:.0f} ms")
    out = subprocess.run([PYTHON, "-c", LOAD_PROBE.format(repeats=repeats)], capture_output=True,
                         text=True, env=ENV, cwd=REPO)
    if out.returncode != 0:
        row("data load", "FAILED", out.stderr.strip().splitlines()[-1])
        return
    load = json.loads(out.stdout)

    def verdict(ms: float) -> str:
        return f"< {LOAD_TARGET_MS} ms: {'yes' if ms < LOAD_TARGET_MS else 'NO'}"

    row(f"ck.load_all() ({load['tables']} tables), first call in a fresh process", f"{load['first']:.0f} ms",
        verdict(load["first"]))
    row("ck.load_all(), caches cleared, median", f"{load['cleared']:.0f} ms", verdict(load["cleared"]))
    row("ck.load_all(), cached (for comparison)", f"{load['cached']:.1f} ms")


def du_mb(path: Path) -> float:
    out = subprocess.run(["du", "-sk", str(path)], capture_output=True, text=True, check=True)
    return int(out.stdout.split()[0]) / 1024


def packages(venv: Path) -> int:
    out = subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "list", "--format=json"],
                         capture_output=True, text=True, check=True, env=ENV)
    return len(json.loads(out.stdout))


def make(target: str, venv: Path, env: dict[str, str]) -> float:
    t = time.perf_counter()
    out = subprocess.run(["make", "--no-print-directory", f"VENV={venv}", target], cwd=REPO, env=env,
                         capture_output=True, text=True)
    if out.returncode != 0:
        tail = "\n".join((out.stdout + out.stderr).splitlines()[-30:])
        raise RuntimeError(f"make {target} failed (exit {out.returncode}):\n{tail}")
    return time.perf_counter() - t


# The Makefile's venv stages, in order: (stamp target, requirements file, what it adds)
STAGES = [(".runtime", "requirements.txt", "runtime"),
          (".instructor", "requirements-instructor.txt", "instructor tools on top"),
          (".dev", "requirements-dev.txt", "test tools on top")]


def install(warm_cache: bool) -> None:
    tmp = Path(tempfile.mkdtemp(prefix="bench-venv-"))
    venv = tmp / "venv"
    env = dict(ENV) if warm_cache else dict(ENV, PIP_CACHE_DIR=str(tmp / "pip-cache"))
    cache = "warm cache" if warm_cache else "empty cache"
    total = 0.0
    try:
        for stamp, requirements, what in STAGES:
            if not (REPO / requirements).is_file():
                continue
            seconds = make(f"{venv}/{stamp}", venv, env)
            total += seconds
            row(f"install {requirements} ({cache})", f"{seconds:.0f} s", what)
            row("  venv size after it (du)", f"{du_mb(venv):.0f} MB", f"{packages(venv)} packages")
        row("total install time (the Makefile's rules in a fresh venv)", f"{total:.0f} s")
    except RuntimeError as exc:
        row("install", "FAILED", str(exc))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def full_test() -> None:
    t = time.perf_counter()
    out = subprocess.run(["make", "--no-print-directory", "test"], cwd=REPO, capture_output=True, text=True)
    seconds = time.perf_counter() - t
    lines = [ln for ln in out.stdout.splitlines() if re.search(r"\d+ (passed|failed)", ln)]
    summary = lines[-1].strip("= ") if lines else "no pytest summary; see `make test`"
    row("make test (whole suite, current venv)", f"{seconds:.0f} s", f"exit {out.returncode}: {summary}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="skip the fresh-venv installs and make test")
    parser.add_argument("--repeats", type=int, default=7, help="runs per timing (median); default 7")
    parser.add_argument("--warm-pip-cache", action="store_true", help="install with the user's pip cache")
    opts = parser.parse_args()
    print(f"Environment (python {sys.version.split()[0]}, {os.cpu_count()} cores, "
          f"load average {os.getloadavg()[0]:.1f}):")
    print(f"  {'figure':58s} {'value':>12s}   target / note")
    imports_and_load(opts.repeats)
    if opts.quick:
        venv = Path(sys.prefix)
        row("size of the current venv (du; not a fresh install)", f"{du_mb(venv):.0f} MB", f"{packages(venv)} packages")
        row("fresh installs and make test", "skipped", "--quick (make bench QUICK=1)")
        return
    install(opts.warm_pip_cache)
    full_test()


if __name__ == "__main__":
    main()
