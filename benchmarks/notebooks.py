"""Benchmark of the notebooks (make bench): run time against a floor, and memory.

Run time: each notebook (notebooks/NN-*.ipynb and the dashboard) is executed top to bottom in a
fresh kernel with nbclient, from kernel start to the end of its last code cell; the median of
--repeats runs is compared with the FLOOR, a notebook whose only cell holds the import statements
of the notebooks' setup cells (nothing else), timed the same way. Target: within 1.5x the floor.

Memory: the kernel's peak resident memory (VmHWM in /proc/<pid>/status), read after the last cell,
before the kernel shuts down. Target: under 500 MB for the heaviest notebook. Then JupyterLab
(started as the tests start it, tests/servers.py) with notebooks/dashboard.ipynb open in Chromium
until the three explorers are drawn: the server's and the kernel's resident memory.

Usage: python benchmarks/notebooks.py [--repeats 3] [--only 02 --only dashboard] [--no-lab]
Prints tables; asserts nothing.
"""

from __future__ import annotations

import argparse
import ast
import copy
import json
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import nbformat
from nbclient import NotebookClient

REPO = Path(__file__).resolve().parent.parent
NB_DIR = REPO / "notebooks"
NOTEBOOKS = [*sorted(NB_DIR.glob("[0-9][0-9]-*.ipynb")), NB_DIR / "dashboard.ipynb"]
TIME_TARGET = 1.5        # x the floor
MEMORY_TARGET_MB = 500   # heaviest notebook's kernel
EXPLORERS = ("platforms", "languages", "timing")


def proc_status(pid: int) -> dict[str, float]:
    """VmRSS and VmHWM of a process, in MB."""
    values = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, rest = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            values[key] = int(rest.split()[0]) / 1024   # kB -> MB (MiB)
    return values


def setup_imports(paths: list[Path]) -> str:
    """The import statements of the notebooks' setup cells (their first code cell), one per name."""
    lines: list[str] = []
    for path in paths:
        nb = nbformat.read(path, as_version=4)
        setup = next(c for c in nb.cells if c.cell_type == "code")
        for node in ast.parse(setup.source).body:
            if isinstance(node, ast.Import):
                found = [ast.Import(names=[alias]) for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                found = [ast.ImportFrom(module=node.module, names=[a], level=node.level) for a in node.names]
            else:
                continue
            lines += [ast.unparse(n) for n in found if ast.unparse(n) not in lines]
    return "\n".join(lines)


@dataclass
class Run:
    seconds: float
    peak_mb: float


def run_once(nb: nbformat.NotebookNode) -> Run:
    """Execute ``nb`` in a fresh kernel (started in notebooks/); time and kernel peak memory."""
    client = NotebookClient(copy.deepcopy(nb), timeout=900, kernel_name="python3",
                            resources={"metadata": {"path": str(NB_DIR)}})
    marks: dict[str, float] = {}

    def after_cell(**_):
        marks["end"] = time.perf_counter()
        marks["peak"] = proc_status(client.km.provisioner.process.pid)["VmHWM"]

    client.on_cell_executed = after_cell
    start = time.perf_counter()
    client.execute(stderr=subprocess.DEVNULL)   # the kernel's start-up warnings; cell errors still raise
    return Run(marks["end"] - start, marks["peak"])


def measure(nb: nbformat.NotebookNode, repeats: int) -> tuple[float, float]:
    runs = [run_once(nb) for _ in range(repeats)]
    return statistics.median(r.seconds for r in runs), max(r.peak_mb for r in runs)


def notebook_bench(paths: list[Path], repeats: int) -> None:
    floor_source = setup_imports(NOTEBOOKS)
    floor_nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(floor_source)])
    print(f"Notebooks: fresh kernel, kernel start included, median of {repeats} run(s); "
          f"peak = kernel VmHWM (max of runs).")
    print("FLOOR = one cell with the setup cells' imports:\n    " + floor_source.replace("\n", "\n    "))
    floor_s, floor_mb = measure(floor_nb, repeats)
    target = f"<= {TIME_TARGET}x"
    print(f"\n  {'notebook':38s} {'time (s)':>9s} {'x floor':>8s} {target:>8s} {'peak (MB)':>10s}")
    print(f"  {'FLOOR (imports only)':38s} {floor_s:9.2f} {1:8.2f} {'-':>8s} {floor_mb:10.0f}")
    rows = []
    for path in paths:
        try:
            seconds, peak = measure(nbformat.read(path, as_version=4), repeats)
        except Exception as exc:   # a failing notebook is reported, and the others still run
            name, value = getattr(exc, "ename", type(exc).__name__), getattr(exc, "evalue", str(exc))
            print(f"  {path.stem:38s} FAILED: {name}: {value.splitlines()[0][:100] if value else ''}")
            continue
        ratio = seconds / floor_s
        rows.append((path.stem, peak))
        within = "yes" if ratio <= TIME_TARGET else "NO"
        print(f"  {path.stem:38s} {seconds:9.2f} {ratio:8.2f} {within:>8s} {peak:10.0f}")
    if rows:
        name, peak = max(rows, key=lambda r: r[1])
        verdict = "meets" if peak < MEMORY_TARGET_MB else "MISSES"
        print(f"  heaviest kernel: {name}, {peak:.0f} MB (target < {MEMORY_TARGET_MB} MB): {verdict} the target")


def children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def lab_memory() -> None:
    """JupyterLab + the dashboard's kernel, explorers drawn in Chromium: resident memory."""
    sys.path.insert(0, str(REPO / "tests"))
    from playwright.sync_api import sync_playwright
    from servers import CHROMIUM, TOKEN, chromium_context, lab

    if not CHROMIUM:
        print("\nJupyterLab memory: skipped (no Chromium; apt-get install chromium)")
        return

    tmp = Path(tempfile.mkdtemp())
    with lab(tmp) as base, sync_playwright() as p:
        ctx = chromium_context(p)
        page = ctx.pages[0]
        page.goto(f"{base}/lab/tree/notebooks/dashboard.ipynb?token={TOKEN}&reset")
        page.wait_for_function("""() => { const w = window.jupyterapp && window.jupyterapp.shell.currentWidget;
            const k = w && w.sessionContext && w.sessionContext.session && w.sessionContext.session.kernel;
            return k && k.connectionStatus === 'connected' && k.status === 'idle'; }""", timeout=120_000)
        for _ in range(3):   # Run All can race the kernel's start (as in tests/test_browser.py)
            page.evaluate("window.jupyterapp.commands.execute('notebook:run-all-cells')")
            try:
                for explorer in EXPLORERS:
                    page.wait_for_selector(f".ck-explorer-{explorer} .ck-figure .js-plotly-plot", timeout=60_000)
                break
            except Exception:
                continue
        else:
            raise RuntimeError("the dashboard's explorers did not appear in JupyterLab")
        server = json.loads(next((tmp / "rt").glob("jpserver-*.json")).read_text())["pid"]
        kernels = [pid for pid in children(server)
                   if "ipykernel" in Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace")]
        mem = {"JupyterLab server": proc_status(server),
               **{f"kernel (pid {k})": proc_status(k) for k in kernels}}
        ctx.close()
    print("\nJupyterLab with notebooks/dashboard.ipynb open in Chromium, explorers drawn (browser not counted):")
    print(f"  {'process':28s} {'RSS (MB)':>9s} {'peak (MB)':>10s}")
    for name, m in mem.items():
        print(f"  {name:28s} {m['VmRSS']:9.0f} {m['VmHWM']:10.0f}")
    total = sum(m["VmRSS"] for m in mem.values())
    print(f"  {'server + kernel':28s} {total:9.0f} {sum(m['VmHWM'] for m in mem.values()):10.0f}"
          f"   (no target of its own; a Binder session has 1-2 GB)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3, help="runs per notebook (median); default 3")
    parser.add_argument("--only", action="append", default=[], metavar="TEXT",
                        help="only notebooks whose name contains TEXT (repeatable)")
    parser.add_argument("--no-lab", action="store_true", help="skip the JupyterLab memory measurement")
    opts = parser.parse_args()
    paths = [p for p in NOTEBOOKS if not opts.only or any(t in p.name for t in opts.only)]
    notebook_bench(paths, opts.repeats)
    if not opts.no_lab:
        lab_memory()


if __name__ == "__main__":
    main()
