"""Command line: ``python -m campaignkit validate [DIR]``, ``coverage [DIR]``, ``course [--write]``
``links [--hub URL] [--save] [PATH ...]`` and ``hub`` (a rehearsal JupyterHub, ``hub --help``).

``validate`` prints one line per problem (file, line, column, what is wrong) and exits 1 when
there are problems, 0 when the package is valid, 2 when it cannot be read at all. It never
prints a Python traceback and never modifies the files.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .checks import check_package
from .errors import DataError
from .location import data_dir

EXIT_VALID, EXIT_PROBLEMS, EXIT_UNREADABLE = 0, 1, 2


def _validate(directory: Path, use_frictionless: bool) -> int:
    if not directory.is_dir():
        print(f"campaignkit validate: {directory} is not a folder", file=sys.stderr)
        return EXIT_UNREADABLE
    try:
        rows, problems = check_package(directory)
    except DataError as exc:
        for p in exc.problems:
            print(f"{directory}/{p}")
        return EXIT_UNREADABLE
    for p in problems:
        print(f"{directory}/{p}")
    if use_frictionless:
        problems += _frictionless(directory)
    n_rows = sum(len(r) for r in rows.values())
    if problems:
        print(f"INVALID: {len(problems)} problem{'s' if len(problems) != 1 else ''} "
              f"in {directory}")
        return EXIT_PROBLEMS
    print(f"VALID: {directory} ({len(rows)} tables, {n_rows} rows)")
    return EXIT_VALID


def _frictionless(directory: Path) -> list[str]:
    """Second opinion from the Frictionless framework, when it is installed (test tools)."""
    try:
        from frictionless import Package
    except ImportError:
        print("frictionless is not installed; install requirements-dev.txt for --frictionless",
              file=sys.stderr)
        return ["frictionless not installed"]
    report = Package(str(directory / "datapackage.json")).validate()
    out = []
    for task in report.tasks:
        for err in task.errors:
            row = getattr(err, "row_number", None)
            col = getattr(err, "field_name", None)
            line = f"{directory}/{task.name}.csv" + (f", line {row}" if row else "") + \
                (f", column {col}" if col else "") + f": [frictionless {err.type}] {err.note}"
            print(line)
            out.append(line)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m campaignkit",
                                     description="Validate and summarise the campaign data package.")
    sub = parser.add_subparsers(dest="command", required=True)
    v = sub.add_parser("validate", help="check a data package and list every problem")
    v.add_argument("directory", nargs="?", type=Path, default=None,
                   help="folder with datapackage.json (default: the kit's datasets/)")
    v.add_argument("--frictionless", action="store_true",
                   help="also run the Frictionless framework's validation")
    c = sub.add_parser("coverage", help="print campaign, fact and source counts as JSON")
    c.add_argument("directory", nargs="?", type=Path, default=None)
    m = sub.add_parser("course", help="check or rewrite the README course map and prev/next links")
    m.add_argument("--write", action="store_true", help="rewrite what is out of date")
    lk = sub.add_parser("links", help="print a launch link per notebook: Binder, or nbgitpuller with --hub")
    lk.add_argument("paths", nargs="*", metavar="PATH", help="notebooks to link, relative to the "
                    "repository (default: all notebooks and exercise sets)")
    lk.add_argument("--hub", help="your JupyterHub, e.g. https://your-hub.example.edu (nbgitpuller links)")
    lk.add_argument("--repository", help="GitHub address (default: pyproject.toml [tool.campaignkit])")
    lk.add_argument("--branch", help="branch (default: pyproject.toml [tool.campaignkit])")
    lk.add_argument("--save", action="store_true", help="write the address (--repository, else the "
                    "clone's GitHub origin) into pyproject.toml and rewrite the README course map")
    hb = sub.add_parser("hub", help="start a rehearsal JupyterHub on 127.0.0.1 (campaignkit/hub.py)")
    from .hub_cli import add_arguments
    add_arguments(hb)
    args = parser.parse_args(argv)
    directory = getattr(args, "directory", None) or data_dir()
    try:
        if args.command == "validate":
            return _validate(directory, args.frictionless)
        if args.command == "course":
            from .course import sync
            drift = sync(write=args.write)
            for line in drift:
                print(("rewrote " if args.write else "out of date: ") + line)
            return EXIT_VALID if (args.write or not drift) else EXIT_PROBLEMS
        if args.command == "links":
            from .links import links, origin_repository, save_repository
            try:
                if args.save:
                    address = args.repository or origin_repository()
                    save_repository(address)
                    from .course import sync
                    sync(write=True)
                    print(f"pyproject.toml [tool.campaignkit] repository = {address}; README course map rewritten")
                    return EXIT_VALID
                found = links(args.paths, args.hub, args.repository, args.branch)
            except ValueError as exc:
                print(f"campaignkit links: {exc}", file=sys.stderr)
                return EXIT_UNREADABLE
            for path, url in found:
                print(f"{path} {url}")
            return EXIT_VALID
        if args.command == "hub":
            from .hub_cli import run
            return run(args)
        from .coverage import coverage
        print(json.dumps(coverage(directory), indent=2))
        return EXIT_VALID
    except DataError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_PROBLEMS
    except Exception as exc:  # last resort: a clear line, never a traceback
        print(f"campaignkit {args.command}: unexpected error: {type(exc).__name__}: {exc}",
              file=sys.stderr)
        return EXIT_UNREADABLE


if __name__ == "__main__":
    sys.exit(main())
