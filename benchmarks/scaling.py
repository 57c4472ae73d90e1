"""Benchmark (make bench): how the kit's costs grow as the data grow.

Builds synthetic copies of the data package with 10x and 100x today's rows in a temporary folder
(every row repeated with suffixed ids; titles marked "[synthetic copy N]"; generated at run time,
never committed, deleted afterwards), then reports for 1x / 10x / 100x: the validator's time
(`check_package`), `load_all` time (typed tables, caches cleared), and the explorers' update p95
(random control changes, view + figure). Prints figures and the ratio to 1x; asserts nothing.
Targets (issue 10): validate and load grow no worse than linearly; explorer p95 at 100x < 100 ms.

    python benchmarks/scaling.py [--factors 1 10 100] [--rounds 40]
"""

from __future__ import annotations

import argparse
import csv
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

import campaignkit as ck
from campaignkit.data import loading
from campaignkit.explorers import Tables
from campaignkit.explorers.widgets import build_languages, build_platforms, build_timing
from campaignkit.validation import check_package, descriptor, read_package

sys.path.insert(0, str(Path(__file__).resolve().parent))
from explorers import pct, update_times  # noqa: E402


def _id_columns(pkg) -> dict[str, set[str]]:
    """Per table: the columns holding ids (primary keys, foreign keys, id lists) that get a suffix."""
    out = {t.name: set(t.primary_key) for t in pkg.tables}
    for t in pkg.tables:
        for fields, _, _ in t.foreign_keys:
            out[t.name] |= set(fields)
        out[t.name] |= {f.name for f in t.fields if f.list_foreign_key}
    # a key column that is a code (language, platform ...) stays as it is; ids get the suffix
    return {name: {c for c in cols if pkg.table(name).field(c).enum is None} for name, cols in out.items()}


def synthetic(factor: int, out: Path) -> Path:
    """A copy of the data package with every row repeated ``factor`` times under new ids."""
    pkg = read_package(ck.data_dir())
    shutil.copy(pkg.directory / "datapackage.json", out / "datapackage.json")
    ids = _id_columns(pkg)
    for table in pkg.tables:
        with (pkg.directory / table.path).open(encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
        with (out / table.path).open("w", encoding="utf-8", newline="") as f:
            w = csv.DictWriter(f, fieldnames=table.columns, lineterminator="\n")
            w.writeheader()
            for k in range(factor):
                for row in rows:
                    copy = dict(row)
                    if k:
                        for col in ids[table.name]:
                            sep = table.field(col).list_separator
                            if copy[col]:
                                parts = copy[col].split(sep) if sep else [copy[col]]
                                copy[col] = (sep or "").join(f"{p.strip()}-syn{k}" for p in parts)
                        if "title_en" in copy:
                            copy["title_en"] = f"[synthetic copy {k}] {copy['title_en']}"
                    w.writerow(copy)
    return out


def timed(fn) -> float:
    loading._typed_tables.cache_clear()
    descriptor._read.cache_clear()
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def explorer_p95(directory: Path, rounds: int) -> float:
    tables, rng = Tables.load(directory), random.Random(7)
    return pct([t for build in (build_platforms, build_languages, build_timing)
                for t in update_times(build(tables), rng, rounds)], 95)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--factors", type=int, nargs="+", default=[1, 10, 100])
    parser.add_argument("--rounds", type=int, default=40, help="control changes per explorer")
    args = parser.parse_args()
    print("Scaling: synthetic copies of the data package (made at run time, deleted afterwards)")
    print(f"  {'size':>5s} {'rows':>8s} {'validate s':>11s} {'x1':>6s} {'load_all s':>11s} {'x1':>6s} "
          f"{'explorer p95 ms':>16s} {'x1':>6s}")
    base = None
    with tempfile.TemporaryDirectory() as tmp:
        for factor in args.factors:
            print(f"  ... building {factor}x and measuring", flush=True)
            folder = Path(tmp) / f"x{factor}"
            folder.mkdir()
            synthetic(factor, folder)
            rows = sum(len(r) for r in check_package(folder)[0].values())
            v = timed(lambda d=folder: check_package(d))
            ld = timed(lambda d=folder: ck.load_all(d))
            p95 = explorer_p95(folder, args.rounds)
            base = base or (v, ld, p95)
            print(f"  {factor:>4d}x {rows:>8d} {v:>11.2f} {v / base[0]:>6.1f} {ld:>11.2f} {ld / base[1]:>6.1f} "
                  f"{p95:>16.1f} {p95 / base[2]:>6.1f}", flush=True)
            shutil.rmtree(folder)


if __name__ == "__main__":
    main()
