"""Papermill sweep: each notebook runs for every value its parameter takes in the shipped data,
and the injected value visibly changes what the notebook shows."""

from __future__ import annotations

import json
import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from conftest import REPO

from campaignkit.data import parameter_values
from campaignkit.names import language_name, state_name

papermill = pytest.importorskip("papermill")

NOTEBOOKS = sorted((REPO / "notebooks").glob("[0-9][0-9]-*.ipynb"))
WORKERS = min(2, os.cpu_count() or 1)


def _focus_output(path: Path, name: str, value: str, out_dir: Path) -> str:
    out = out_dir / f"{path.stem}-{value}.ipynb"
    nb = papermill.execute_notebook(
        str(path), str(out), parameters={name: value}, cwd=str(path.parent), kernel_name="python3",
        progress_bar=False, store_widget_state=False, log_output=False)
    focus = next(c for c in nb.cells if "focus" in c.metadata.get("tags", []))
    return "".join(o.get("text", "") for o in focus.outputs if o.get("output_type") == "stream")


def _visible(value: str, shown: str) -> bool:
    return any(form in shown for form in {value, state_name(value), language_name(value)})


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_runs_for_every_parameter_value(path, tmp_path):
    meta = json.loads(path.read_text(encoding="utf-8"))["metadata"]["campaignkit"]["parameter"]
    values = parameter_values(meta["domain"])
    assert len(values) >= 2
    with ThreadPoolExecutor(WORKERS) as pool:
        shown = dict(zip(values, pool.map(lambda v: _focus_output(path, meta["name"], v, tmp_path), values)))
    for value, text in shown.items():
        assert _visible(value, text), f"{meta['name']}={value!r}: focus cell shows {text!r}"
    assert len(set(shown.values())) == len(values), "two parameter values gave the same focus output"
