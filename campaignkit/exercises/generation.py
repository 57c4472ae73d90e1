"""Generate the student copies of the exercise sets from their sources, with nbgrader.

nbgrader is needed only here and in grading (the instructor's tools:
``requirements-instructor.txt``); students need nothing beyond the kit.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

from ..repo import find_block, numbered, replace_block
from .catalogue import exercises_dir, overview, sets

__all__ = ["generate", "check", "nbgrader_api", "course_copy", "generate_into"]

TABLE_START, TABLE_END = "<!-- sets-table:start -->", "<!-- sets-table:end -->"


def nbgrader_api(course: Path):
    """nbgrader's Python API on a course directory, with the kit's nbgrader_config.py."""
    try:
        from nbgrader.apps import NbGraderAPI
    except ImportError:
        raise SystemExit("nbgrader is not installed: run `make grade` (it installs the instructor's "
                         "tools), or `pip install -r requirements-instructor.txt`.") from None
    from traitlets.config import PyFileConfigLoader

    # nbgrader runs `alembic` as a program to set up its gradebook: it must be on PATH.
    bindir = str(Path(sys.executable).parent)
    if bindir not in os.environ.get("PATH", "").split(os.pathsep):
        os.environ["PATH"] = bindir + os.pathsep + os.environ.get("PATH", "")
    config = PyFileConfigLoader("nbgrader_config.py", path=str(course)).load_config()
    config.CourseDirectory.root = str(course)
    return NbGraderAPI(config=config)


def course_copy(course: Path, root: Path | None = None) -> None:
    """A scratch nbgrader course directory: the kit's config and sources, nothing else."""
    base = exercises_dir(root)
    course.mkdir(parents=True, exist_ok=True)
    shutil.copy2(base / "nbgrader_config.py", course / "nbgrader_config.py")
    shutil.copytree(base / "source", course / "source", dirs_exist_ok=True)


def generate_into(course: Path, names: list[str]):
    api = nbgrader_api(course)
    for name in names:
        result = api.generate_assignment(name, force=True, create=True)
        if not result["success"]:
            raise RuntimeError(f"nbgrader could not generate {name}:\n{result.get('error') or result.get('log')}")
    return api


def generate(root: Path | None = None, write: bool = True) -> list[str]:
    """Generate every student copy from its source, and the instructor guide's table of the sets;
    return the files that were (or would be) changed."""
    changed = []
    with tempfile.TemporaryDirectory() as tmp:
        course = Path(tmp)
        course_copy(course, root)
        all_sets = sets(root)
        generate_into(course, [s.name for s in all_sets])
        for s in all_sets:
            new = (course / "release" / s.name / f"{s.name}.ipynb").read_bytes()
            if not s.student.is_file() or s.student.read_bytes() != new:
                changed.append(s.student.name)
                if write:
                    s.student.write_bytes(new)
        guide = exercises_dir(root) / "INSTRUCTORS.md"
        text = guide.read_text(encoding="utf-8")
        block = find_block(text, TABLE_START, TABLE_END)
        want = f"{TABLE_START}\n{overview(root)}\n{TABLE_END}"
        if block is None:
            changed.append(f"INSTRUCTORS.md (no {TABLE_START} marker)")
        elif block != want:
            changed.append("INSTRUCTORS.md (table of the sets)")
            if write:
                guide.write_text(replace_block(text, TABLE_START, TABLE_END, overview(root)), encoding="utf-8")
        known = {s.student.name for s in all_sets}
        for stray in numbered(exercises_dir(root)):
            if stray.name not in known:
                changed.append(f"{stray.name} (no source)")
    return changed


def check(root: Path | None = None) -> list[str]:
    """The student copies that differ from what their sources generate (empty when in sync)."""
    return generate(root, write=False)
