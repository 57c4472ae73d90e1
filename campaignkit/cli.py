"""One command line for the kit: ``campaignkit <command>`` (or ``python -m campaignkit <command>``).

Commands: ``validate``, ``summary``, ``course``, ``links``, ``site``, ``handouts``, ``exercises generate|check|grade``,
``hub`` (a rehearsal JupyterHub);
``campaignkit <command> --help`` explains each. ``validate`` prints one line per problem (file,
line, column, code, what is wrong) and exits 1 when there are problems, 0 when the package is
valid, 2 when it cannot be read at all. No command prints a Python traceback for a mistake a
user can make; none modifies the data package.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from .repo import data_dir, repo_root
from .validation import DataError, check_package

EXIT_OK, EXIT_PROBLEMS, EXIT_UNREADABLE = 0, 1, 2


def _validate(args) -> int:
    directory = args.directory or data_dir()
    if not directory.is_dir():
        print(f"campaignkit validate: {directory} is not a folder", file=sys.stderr)
        return EXIT_UNREADABLE
    try:
        rows, problems = check_package(directory)
    except DataError as exc:
        for p in exc.problems:
            print(f"{directory}/{p} [{p.code}]")
        return EXIT_UNREADABLE
    lines = [f"{directory}/{p} [{p.code}]" for p in problems]
    if args.frictionless:
        lines += _frictionless(directory)
    if lines:
        print("\n".join(lines))
        print(f"INVALID: {len(lines)} problem{'s' if len(lines) != 1 else ''} in {directory}")
        return EXIT_PROBLEMS
    print(f"VALID: {directory} ({len(rows)} tables, {sum(len(r) for r in rows.values())} rows)")
    return EXIT_OK


def _frictionless(directory: Path) -> list[str]:
    """Second opinion from the Frictionless framework, when it is installed (test tools)."""
    try:
        from frictionless import Package
    except ImportError:
        return ["frictionless is not installed; install requirements-dev.txt for --frictionless"]
    report = Package(str(directory / "datapackage.json")).validate()
    out = []
    for task in report.tasks:
        for err in task.errors:
            row, col = getattr(err, "row_number", None), getattr(err, "field_name", None)
            out.append(f"{directory}/{task.name}.csv" + (f", line {row}" if row else "")
                       + (f", column {col}" if col else "") + f": [frictionless {err.type}] {err.note}")
    return out


def _summary(args) -> int:
    from .data import coverage

    print(json.dumps(coverage(args.directory or data_dir()), indent=2))
    return EXIT_OK


def _course(args) -> int:
    from .course import sync

    drift = sync(write=args.write)
    for line in drift:
        print(("rewrote " if args.write else "out of date: ") + line)
    return EXIT_OK if (args.write or not drift) else EXIT_PROBLEMS


def _links(args) -> int:
    from .course import links, origin_repository, save_repository, sync

    try:
        if args.save:
            address = args.repository or origin_repository()
            save_repository(address)
            sync(write=True)
            print(f"pyproject.toml [tool.campaignkit] repository = {address}; README course map rewritten")
            return EXIT_OK
        found = links(args.paths, args.hub, args.repository, args.branch)
    except ValueError as exc:
        print(f"campaignkit links: {exc}", file=sys.stderr)
        return EXIT_UNREADABLE
    for path, url in found:
        print(f"{path} {url}")
    return EXIT_OK


def _site(args) -> int:
    from .course import build_site

    started = time.perf_counter()
    written = build_site(args.out or repo_root() / "site")
    print(f"wrote {len(written)} pages to {written[0].parent} in {time.perf_counter() - started:.0f} s")
    return EXIT_OK


def _handouts(args) -> int:
    from .course.handouts import build_handouts

    started = time.perf_counter()
    written = build_handouts(args.out or repo_root() / "handouts", only=args.only)
    print(f"wrote {len(written)} PDFs to {args.out or repo_root() / 'handouts'} "
          f"in {time.perf_counter() - started:.0f} s")
    return EXIT_OK


def _exercises(args) -> int:
    from . import exercises

    if args.action == "generate":
        changed = exercises.generate()
        print("\n".join(f"updated exercises/{c}" for c in changed) or "student copies already up to date")
        return EXIT_OK
    if args.action == "check":
        changed = exercises.check()
        for c in changed:
            print(f"exercises/{c}: differs from its source: run `campaignkit exercises generate`")
        return EXIT_PROBLEMS if changed else EXIT_OK
    if args.submissions is None:
        print("campaignkit exercises grade: name the folder of submissions, e.g. "
              "`campaignkit exercises grade submissions --out gradebook.csv`", file=sys.stderr)
        return EXIT_UNREADABLE
    started = time.perf_counter()
    rows = exercises.grade(args.submissions, args.out, args.workdir)
    print(exercises.summary(rows))
    problems = len({(r.student, r.set) for r in rows if r.status == "error"})
    print(f"{exercises.graded_count(rows)} submissions graded in {time.perf_counter() - started:.0f} s"
          + (f", {problems} could not be graded (see the note column)" if problems else "")
          + f"; gradebook: {args.out}")
    return EXIT_OK


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="campaignkit", description="The teaching kit's tools: check the data "
                                "package, keep the course map and links current, build the site, "
                                "generate and grade the exercise sets.")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")
    v = sub.add_parser("validate", help="check a data package and list every problem")
    v.add_argument("directory", nargs="?", type=Path, help="folder with datapackage.json (default: datasets/)")
    v.add_argument("--frictionless", action="store_true", help="also run the Frictionless framework's checks")
    v.set_defaults(run=_validate)
    for name, text in (("summary", "print release, fact and source counts as JSON"),
                       ("coverage", "old name of `summary` (kept for 0.3)")):
        s = sub.add_parser(name, help=text)
        s.add_argument("directory", nargs="?", type=Path, help="folder with datapackage.json (default: datasets/)")
        s.set_defaults(run=_summary)
    c = sub.add_parser("course", help="check (or --write) the README course map and prev/next links")
    c.add_argument("--write", action="store_true", help="rewrite what is out of date")
    c.set_defaults(run=_course)
    lk = sub.add_parser("links", help="print a launch link per notebook: Binder, or nbgitpuller with --hub")
    lk.add_argument("paths", nargs="*", metavar="PATH",
                    help="notebooks to link, relative to the repository (default: all notebooks and exercise sets)")
    lk.add_argument("--hub", help="your JupyterHub, e.g. https://your-hub.example.edu (nbgitpuller links)")
    lk.add_argument("--repository", help="GitHub address (default: pyproject.toml [tool.campaignkit])")
    lk.add_argument("--branch", help="branch (default: pyproject.toml [tool.campaignkit])")
    lk.add_argument("--save", action="store_true", help="write the address (--repository, else the clone's "
                    "GitHub origin) into pyproject.toml and rewrite the README course map")
    lk.set_defaults(run=_links)
    from .course.hub_cli import add_arguments
    from .course.hub_cli import run as run_hub

    hb = sub.add_parser("hub", help="start a rehearsal JupyterHub on 127.0.0.1 for a class (see --help)")
    add_arguments(hb)
    hb.set_defaults(run=run_hub)
    st = sub.add_parser("site", help="build a static HTML copy of the learning path (works offline)")
    st.add_argument("out", nargs="?", type=Path, help="output folder (default: site/)")
    st.set_defaults(run=_site)
    ho = sub.add_parser("handouts", help="print a PDF per notebook, the exercise sets, the instructor guide "
                                         "and the chronology (offline; needs Chromium and Playwright)")
    ho.add_argument("out", nargs="?", type=Path, help="output folder (default: handouts/)")
    ho.add_argument("--only", nargs="+", metavar="NAME",
                    help="only these documents, e.g. 07-languages chronology exercise-sets instructor-guide")
    ho.set_defaults(run=_handouts)
    ex = sub.add_parser("exercises", help="generate, check or grade the exercise sets (needs nbgrader)")
    ex.add_argument("action", choices=["generate", "check", "grade"],
                    help="generate: rewrite the student copies; check: exit 1 if they are out of date; "
                         "grade: grade a folder of submissions (<student>/<set>.ipynb)")
    ex.add_argument("submissions", nargs="?", type=Path, help="grade: the folder of submissions")
    ex.add_argument("--out", type=Path, default=Path("gradebook.csv"), help="grade: gradebook CSV")
    ex.add_argument("--workdir", type=Path, default=None,
                    help="grade: keep nbgrader's course folder and database here (for grading open questions)")
    ex.set_defaults(run=_exercises)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.run(args)
    except DataError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_PROBLEMS
    except SystemExit:
        raise
    except Exception as exc:  # last resort: a clear line, never a traceback
        print(f"campaignkit {args.command}: unexpected error: {type(exc).__name__}: {exc}", file=sys.stderr)
        return EXIT_UNREADABLE


if __name__ == "__main__":
    sys.exit(main())
