"""Find operational contact details in text.

The kit studies campaigns; it is never a channel to any agency. The data, prose, tests and
fixtures must hold no .onion addresses, phone numbers, messenger handles, bot names or
messenger links. This module is the one place where those patterns are defined; the
validator and the repository scan both use it.

>>> find_contact_details("Use Tor to reach the agency's dark-web site.")
[]
>>> fictional_number = "+7 495" + " 123-45-67"   # built at run time: the tree holds none
>>> [kind for kind, _ in find_contact_details("write to @some_channel or call " + fictional_number)]
['messenger handle', 'phone number']
>>> find_contact_details("see " + "a" * 16 + ".onion")[0][0]
'onion address'
"""

from __future__ import annotations

import re

__all__ = ["PATTERNS", "find_contact_details"]

PATTERNS: dict[str, re.Pattern[str]] = {
    "onion address": re.compile(r"\b[a-z2-7]{16,56}\.onion\b", re.IGNORECASE),
    "messenger link": re.compile(
        r"\b(?:t|telegram)\.me/\w+|\bwa\.me/\d+|\bsignal\.(?:me|group)/|\bchat\.whatsapp\.com/",
        re.IGNORECASE,
    ),
    # an @name followed by "/" is a package scope (@jupyterlab/...), not a handle
    "messenger handle": re.compile(r"(?<![\w.@/:+-])@[A-Za-z][A-Za-z0-9_]{3,31}\b(?!/)"),
    "bot name": re.compile(r"\b\w+_bot\b|\b[a-z0-9]+[A-Z][A-Za-z0-9]*Bot\b"),
    "phone number": re.compile(
        r"(?<![\w+])\+\d{1,3}[ .-]?(?:\(\d{1,4}\)|\d{1,4})(?:[ .-]?\d{2,4}){2,5}(?!\w)"
        r"|(?<![\w-])\(?\d{3}\)?[ .-]\d{3}[ .-]\d{4}(?![\w-])"
    ),
}


def find_contact_details(text: str, *, handles: bool = True) -> list[tuple[str, str]]:
    """Return ``(kind, match)`` for every contact detail found in ``text``.

    ``handles=False`` skips the ``@name`` pattern, for source code where ``@`` starts a
    decorator.
    """
    found = []
    for kind, pattern in PATTERNS.items():
        if kind == "messenger handle" and not handles:
            continue
        found.extend((kind, m.group(0)) for m in pattern.finditer(text))
    return found
