"""Grading time: `make grade` on the example class (tests/fixtures/submissions), per submission.

Prints the wall time nbgrader's autograde takes for each submitted notebook (a fresh kernel runs
the notebook with its check cells and hidden tests), the time of the whole `grade` run (set-up of
the gradebook included), and the time to regenerate every student copy (`make exercises`).

    python benchmarks/grading.py [--repeats N]
"""

from __future__ import annotations

import argparse
import re
import statistics
import tempfile
import time
from pathlib import Path

from campaignkit import exercises

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "tests" / "fixtures" / "submissions"
GRADED = re.compile(r"^graded (\S+) / (\S+) in ([\d.]+) s$")


def grade_once() -> tuple[float, list[float]]:
    lines: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        exercises.grade(FIXTURES, Path(tmp) / "gradebook.csv", log=lines.append)
        total = time.perf_counter() - started
    per = [float(m.group(3)) for m in map(GRADED.match, lines) if m]
    return total, per


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeats", type=int, default=2)
    args = parser.parse_args()
    totals, per = [], []
    for _ in range(args.repeats):
        total, times = grade_once()
        totals.append(total)
        per += times
    started = time.perf_counter()
    exercises.check()
    generation = time.perf_counter() - started
    n = len(per) // args.repeats
    print("\n== Grading (nbgrader autograde, no Docker), example class tests/fixtures/submissions")
    print(f"submissions graded per run: {n} (the damaged file is reported, not graded); runs: {args.repeats}")
    print(f"per submission: median {statistics.median(per):.2f} s, min {min(per):.2f} s, max {max(per):.2f} s")
    print(f"whole `grade` run: median {statistics.median(totals):.1f} s "
          f"(includes copying the sources and setting up the gradebook)")
    print(f"regenerating all {len(exercises.sets())} student copies (`make exercises` check): {generation:.1f} s")


if __name__ == "__main__":
    main()
