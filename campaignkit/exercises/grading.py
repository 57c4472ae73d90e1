"""Grade a class's submissions with nbgrader and write the gradebook CSV.

Grading needs no Docker: nbgrader runs each submission in a local kernel, after putting the
check cells back as they were written (a student who edits a check cell gains nothing) and
adding the hidden tests.
"""

from __future__ import annotations

import csv
import json
import re
import shutil
import tempfile
import time
import warnings
from dataclasses import dataclass
from pathlib import Path

from .generation import course_copy, generate_into, nbgrader_api
from .catalogue import points as task_points, sets
from .compat import carry_old_imports

__all__ = ["Row", "collect", "grade", "write_csv", "summary", "graded_count", "CSV_FIELDS", "gradebook_rows",
           "zero_rows"]

CSV_FIELDS = ["student", "set", "task", "points", "max_points", "status", "note"]


@dataclass(frozen=True)
class Row:
    student: str
    set: str
    task: str
    points: float | None     # None: graded by hand (open question) or not gradable
    max_points: float
    status: str              # auto | manual | not submitted | error
    note: str = ""


def _set_of(path: Path, names: set[str]) -> str | None:
    """Which exercise set a submitted notebook is: by its metadata, else by its file name."""
    try:
        meta = json.loads(path.read_text(encoding="utf-8")).get("metadata", {})
        name = meta.get("campaignkit", {}).get("set")
    except (OSError, ValueError, AttributeError):
        name = None
    if name in names:
        return name
    for candidate in sorted(names, key=len, reverse=True):
        if path.stem.startswith(candidate):
            return candidate
    return None


def collect(submissions: Path, names: set[str]) -> tuple[dict, list[str]]:
    """Find each student's notebooks: ``{(student, set): path}`` and a list of warnings.

    A student is a folder of ``submissions``; notebooks may lie in it or in sub-folders
    (nbgrader's ``<student>/<set>/<set>.ipynb`` works too). A renamed notebook is recognised by
    the set name stored in its metadata.
    """
    if not submissions.is_dir():
        raise SystemExit(f"{submissions}: no such folder of submissions")
    found, warnings = {}, []
    for student_dir in sorted(p for p in submissions.iterdir() if p.is_dir() and not p.name.startswith(".")):
        student = re.sub(r"[^\w.-]+", "_", student_dir.name)
        for path in sorted(student_dir.rglob("*.ipynb")):
            if ".ipynb_checkpoints" in path.parts:
                continue
            name = _set_of(path, names)
            if name is None:
                warnings.append(f"{path}: not an exercise set of the kit, skipped")
                continue
            key = (student, name)
            if key in found:
                keep = max(found[key], path, key=lambda p: (p.name == f"{name}.ipynb", p.stat().st_mtime))
                warnings.append(f"{student}: two notebooks for {name}; graded {keep.name}")
                found[key] = keep
            else:
                found[key] = path
            if path.name != f"{name}.ipynb" and found[key] == path:
                warnings.append(f"{path}: renamed copy of {name}.ipynb, graded as {name}")
    return found, warnings


def gradebook_rows(gb, student: str, name: str, source: Path, note: str = "") -> list[Row]:
    """One row per task of ``source`` for a submission graded in nbgrader's gradebook ``gb``."""
    from nbgrader.api import MissingEntry

    rows = []
    for task, most in task_points(source).items():
        try:
            g = gb.find_grade(task, name, name, student)
        except MissingEntry:
            rows.append(Row(student, name, task, 0.0, most, "error", "task missing in submission"))
            continue
        manual = g.cell.cell_type == "markdown"
        rows.append(Row(student, name, task, None if manual else float(g.score or 0.0), float(g.max_score),
                        "manual" if manual else "auto", note))
    return rows


def zero_rows(student: str, name: str, source: Path, status: str, note: str = "") -> list[Row]:
    """A submission that is missing or could not be graded: every task at 0 points."""
    return [Row(student, name, task, 0.0, most, status, note) for task, most in task_points(source).items()]


def grade(submissions: Path, out: Path, workdir: Path | None = None, root: Path | None = None,
          log=print) -> list[Row]:
    """Autograde every submitted notebook; write the gradebook CSV ``out``; return its rows.

    ``workdir`` (default: a temporary folder) becomes an nbgrader course directory holding the
    gradebook database, so an instructor can go on grading the open questions there with
    nbgrader's formgrader.
    """
    all_sets = {s.name: s for s in sets(root)}
    found, remarks = collect(Path(submissions), set(all_sets))
    for remark in remarks:
        log(f"note: {remark}")
    if not found:
        raise SystemExit(f"{submissions}: no notebooks of the kit's exercise sets found "
                         "(expected <student>/<set>.ipynb)")
    tmp = None
    if workdir is None:
        tmp = tempfile.TemporaryDirectory()
        workdir = Path(tmp.name)
    workdir = Path(workdir)
    if (workdir / "gradebook.db").exists() or (workdir / "submitted").exists():
        # it may hold grades given by hand in nbgrader's formgrader: never overwrite them
        raise SystemExit(f"{workdir}: already holds an nbgrader gradebook (perhaps with grades given by "
                         "hand); choose a new WORKDIR, or delete this folder if it can go")
    course_copy(workdir, root)
    students = sorted({student for student, _ in found})
    used = sorted({name for _, name in found})
    api = nbgrader_api(workdir)
    generate_into(workdir, used)
    notes = {}
    for (student, name), path in sorted(found.items()):
        dest = workdir / "submitted" / student / name / f"{name}.ipynb"
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, dest)
        remarks = [f"submitted as {path.name}"] if path.name != dest.name else []
        if not _unreadable(path):
            nb = json.loads(path.read_text(encoding="utf-8"))
            if carry_old_imports(nb):
                dest.write_text(json.dumps(nb, ensure_ascii=False), encoding="utf-8")
                remarks.append("a 0.2 copy: its own imports carried into the answers")
        if remarks:
            notes[(student, name)] = "; ".join(remarks)
    rows: list[Row] = []
    from nbgrader.api import Gradebook

    for (student, name) in sorted(found):
        damage = _unreadable(found[(student, name)])
        if damage:
            log(f"{student} / {name}: could not be graded ({damage})")
            rows += zero_rows(student, name, all_sets[name].source, "error", f"not graded: {damage}")
            continue
        started = time.perf_counter()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")     # SQLAlchemy's session warnings from inside nbgrader
            result = api.autograde(name, student, force=True, create=True)
        seconds = time.perf_counter() - started
        note = notes.get((student, name), "")
        if not result["success"]:
            reason = _last_line(result.get("error") or result.get("log") or "")
            log(f"{student} / {name}: could not be graded ({reason})")
            rows += zero_rows(student, name, all_sets[name].source, "error", f"not graded: {reason}")
            continue
        with Gradebook(api.coursedir.db_url) as gb:
            rows += gradebook_rows(gb, student, name, all_sets[name].source, note)
        log(f"graded {student} / {name} in {seconds:.1f} s")
    for student in students:
        for name in used:
            if (student, name) not in found:
                rows += zero_rows(student, name, all_sets[name].source, "not submitted")
    rows.sort(key=lambda r: (r.student, r.set))
    write_csv(rows, Path(out))
    if tmp is not None:
        tmp.cleanup()
    return rows


def _unreadable(path: Path) -> str:
    """Why a submitted file is not a notebook nbgrader can read ('' when it is one)."""
    try:
        nb = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        return f"{path.name} is damaged or not a notebook ({type(exc).__name__}: {str(exc)[:80]}); ask for the file again"
    if not isinstance(nb, dict) or not isinstance(nb.get("cells"), list):
        return f"{path.name} is not a Jupyter notebook (no cells); ask for the file again"
    return ""


def _last_line(text: str) -> str:
    lines = [ln.strip() for ln in text.strip().splitlines() if ln.strip()]
    return lines[-1][:200] if lines else "unknown error"


def write_csv(rows: list[Row], out: Path) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(CSV_FIELDS)
        for r in rows:
            points = "" if r.points is None else f"{r.points:g}"
            w.writerow([r.student, r.set, r.task, points, f"{r.max_points:g}", r.status, r.note])


def summary(rows: list[Row]) -> str:
    """One line per student and set: automatic points, and points left to grade by hand.

    >>> print(summary([Row("ada", "01-x", "task-1", 2.0, 2.0, "auto"), Row("ada", "01-x", "question-1", None, 3.0, "manual"),
    ...                Row("ben", "01-x", "task-1", 0.0, 2.0, "not submitted")]))
    student  set                                auto points   to grade by hand
    ada      01-x                                  2 / 2      3 points
    ben      01-x                               not submitted
    """
    groups: dict[tuple[str, str], list[Row]] = {}
    for r in rows:
        groups.setdefault((r.student, r.set), []).append(r)
    width = max([len("student")] + [len(student) for student, _ in groups])
    lines = [f"{'student':<{width}}  {'set':<34} auto points   to grade by hand"]
    for (student, name), group in sorted(groups.items()):
        statuses = {r.status for r in group}
        if statuses <= {"not submitted", "error"}:
            what = "not submitted" if statuses == {"not submitted"} else group[0].note
            lines.append(f"{student:<{width}}  {name:<34} {what}")
            continue
        got = sum(r.points or 0.0 for r in group if r.status != "manual")
        most = sum(r.max_points for r in group if r.status != "manual")
        manual = sum(r.max_points for r in group if r.status == "manual")
        lines.append(f"{student:<{width}}  {name:<34} {got:>4g} / {most:<4g}   {manual:g} points")
    return "\n".join(lines)


def graded_count(rows: list[Row]) -> int:
    """How many submissions were graded (not counting those missing or that could not be graded)."""
    return len({(r.student, r.set) for r in rows if r.status in ("auto", "manual")})
