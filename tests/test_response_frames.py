"""The targeted states' answers are coded like the appeals: every response framed, two coders,
agreement reported from their own files, disagreements resolved in the open."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pandas as pd

import campaignkit as ck
from campaignkit import tables

DATA = Path(ck.data_dir())
LOG = DATA / "verification" / "frames"


def codings():
    return pd.read_csv(LOG / "coding_a.csv"), pd.read_csv(LOG / "coding_b.csv")


def test_every_response_has_a_frame_and_measure_only_stands_alone():
    frames, responses = ck.load("response_frames"), ck.load("responses")
    assert set(frames["response_id"]) == set(responses["response_id"])
    per = frames.groupby("response_id")["frame"].agg(lambda s: set(s.astype(str)))
    assert all(f == {"measure_only"} for f in per if "measure_only" in f)


def test_rows_are_the_agreed_codes_plus_those_kept_on_review():
    a, b = codings()
    both = set(zip(a.response_id, a.frame)) & set(zip(b.response_id, b.frame))
    review = list(csv.DictReader((LOG / "resolution.csv").open(encoding="utf-8")))
    kept = {(r["response_id"], r["frame"]) for r in review if r["decision"] == "keep"}
    one_sided = (set(zip(a.response_id, a.frame)) ^ set(zip(b.response_id, b.frame)))
    assert {(r["response_id"], r["frame"]) for r in review} == one_sided, "every disagreement reviewed"
    frames = ck.load("response_frames")
    rows = set(zip(frames.response_id, frames.frame.astype(str)))
    assert rows == both | kept
    for r in frames.itertuples():
        assert (r.review == "agreed") == (r.coders == "both") == ((r.response_id, r.frame) in both)
        if r.review == "kept_on_review":
            assert pd.notna(r.note) and "kept on review" in r.note


def test_agreement_in_the_data_card_is_computed_from_the_two_codings():
    a, b = codings()
    table = tables.agreement_by_label(a, b, ck.load("responses")["response_id"], "response_id", "frame")
    card = (DATA / "README.md").read_text(encoding="utf-8")
    for r in table.itertuples():
        row = f"| `{r.frame}` | {r.first} | {r.second} | {r.both} | {r.agreement:.1%} | {r.kappa:.2f} |"
        assert row in card, f"data card agreement row out of date: {row}"
    decisions = int(round((table["agreement"] * len(ck.load("responses"))).sum()))
    assert f"agreed on {decisions} of {len(table) * len(ck.load('responses'))}" in card


def test_every_frame_is_defined_in_the_codebook_and_the_card():
    codebook = (DATA / "codebook-response-frames.md").read_text(encoding="utf-8")
    card = (DATA / "README.md").read_text(encoding="utf-8")
    for frame in ck.read_package().table("response_frames").field("frame").enum:
        assert re.search(rf"^### 2\.\d+ `{frame}`", codebook, re.M), frame
        assert f"- `{frame}`: " in card, frame
