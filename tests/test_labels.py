"""One label per thing: disputed attributions are named with the attribution vocabulary's words
("attributed to", `disputed`), never with synonyms that suggest more or less than the data say."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
#: synonyms that the texts must not use for an attribution (the data say `disputed`)
SYNONYMS = re.compile(r"Mossad[- ]branded|Mossad[- ]linked|linked to (the )?Mossad|Mossad[- ]run|"
                      r"run by (the )?Mossad|Mossad's (Persian|Farsi) account", re.IGNORECASE)
TEXTS = sorted([*REPO.glob("notebooks/*.ipynb"), *REPO.glob("notebooks/*.md"), *REPO.glob("exercises/*.ipynb"),
                *REPO.glob("exercises/source/*/*.ipynb"), REPO / "exercises" / "INSTRUCTORS.md",
                REPO / "README.md", REPO / "datasets" / "README.md", *REPO.glob("datasets/*.csv")])


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: str(p.relative_to(REPO)))
def test_disputed_attributions_use_the_vocabulary(path):
    hits = sorted({m.group(0) for m in SYNONYMS.finditer(path.read_text(encoding="utf-8"))})
    assert not hits, f"{path.name} says {hits}; write 'attributed to the Mossad' (attribution: disputed)"


def test_the_label_check_catches_a_synonym():
    assert SYNONYMS.search("a Mossad-branded account") and SYNONYMS.search("an account linked to the Mossad")
    assert not SYNONYMS.search("the account attributed to the Mossad (attribution: disputed)")
