"""0.2's module names keep working for one release, with a warning that names the new import."""

from __future__ import annotations

import importlib
import subprocess
import sys
import warnings

import pytest

import campaignkit as ck
from campaignkit import _legacy

# (old module, a name it had, the module that now holds it)
MOVED = [("analysis", "response_intervals", "campaignkit.tables"), ("atlas", "show_full_text", "campaignkit.display"),
         ("atlas", "target_profile", "campaignkit.tables"), ("cases", "check_parameter", "campaignkit.data"),
         ("timing", "timeline_by", "campaignkit.figures"), ("sourcing", "append_row", "campaignkit.data"),
         ("sourcing", "cohen_kappa", "campaignkit.tables"),
         ("checking", "expect_equal", "campaignkit.exercises.checks"),
         ("checks", "check_package", "campaignkit.validation"), ("errors", "DataError", "campaignkit.validation"),
         ("safety", "find_contact_details", "campaignkit.validation"), ("location", "data_dir", "campaignkit.repo"),
         ("links", "binder_url", "campaignkit.course.launch"), ("citations", "cite", "campaignkit.data"),
         ("coverage", "coverage", "campaignkit.data"), ("schema", "read_package", "campaignkit.validation")]


@pytest.mark.parametrize("old, name, new", MOVED)
def test_old_name_forwards_with_a_warning_naming_the_new_import(old, name, new):
    module = importlib.import_module(f"campaignkit.{old}")
    with pytest.warns(DeprecationWarning, match="has moved: write `from campaignkit"):
        value = getattr(module, name)
    assert value is getattr(importlib.import_module(new), name)


def test_every_old_module_is_served():
    for old in _legacy.OLD_MODULES:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            assert importlib.import_module(f"campaignkit.{old}") is getattr(ck, old)


def test_old_compare_releases_keeps_its_signature():
    from campaignkit import cases, tables

    with pytest.warns(DeprecationWarning, match="tables.compare_releases"):
        old = cases.compare_releases(["mi6-ru-2023-07-19-prague-speech"])
    assert old.equals(tables.compare_releases(ck.campaign_overview(), ["mi6-ru-2023-07-19-prague-speech"]))


def test_unknown_old_name_is_an_attribute_error():
    from campaignkit import analysis

    with pytest.raises(AttributeError, match="campaignkit.analysis"):
        analysis.no_such_function  # noqa: B018


def test_old_command_invocations_say_the_new_one():
    result = subprocess.run([sys.executable, "-m", "campaignkit.exercises", "--help"], capture_output=True, text=True)
    assert result.returncode == 0 and "is now `campaignkit exercises`" in result.stderr
    result = subprocess.run([sys.executable, "-m", "campaignkit.site", "--help"], capture_output=True, text=True)
    assert result.returncode == 0 and "is now `campaignkit site`" in result.stderr, result.stderr
    result = subprocess.run([sys.executable, "-m", "campaignkit.analysis"], capture_output=True, text=True)
    assert result.returncode != 0 and "not a command" in result.stderr


def test_old_theme_codes_still_load_and_code(data_copy):
    """Data package 0.2.0 renamed 23 appeal themes; a copy with the old names validates and loads."""
    import csv

    path = data_copy / "themes.csv"
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    renamed = ck.read_package(data_copy).table("themes").field("theme").renamed
    new_to_old = {new: old for old, new in renamed.items()}
    for r in rows:
        r["theme"] = new_to_old.get(r["theme"], r["theme"])
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    assert "truth" in path.read_text(encoding="utf-8")
    assert ck.check_package(data_copy)[1] == []
    loaded = ck.load("themes", data_copy)["theme"].astype(str).tolist()
    assert loaded == ck.load("themes")["theme"].astype(str).tolist()
    from campaignkit import sourcing

    with pytest.warns(DeprecationWarning):
        table, kappa = sourcing.coding_agreement(["conscience"], "mi6-ru-2023-07-19-prague-speech",
                                                 ck.load("themes"), list(renamed))
    assert table.loc["appeal_to_conscience"].tolist() == [True, True, True]
