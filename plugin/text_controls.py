"""Invisible characters refused in every text the user sends to the platform.

Sent raw, a NUL, an escape or a bidirectional override in a title broke the platform's whole
WMTS capabilities document for every user while later publications still reported success.
Unicode categories Cc (controls) and Cf (format: zero-width, bidi overrides) are refused; a
paragraph (abstract, lineage) keeps its line feeds and tabs.
"""

from __future__ import annotations

import unicodedata
from typing import Iterable, List

REFUSED_CATEGORIES = ("Cc", "Cf")
PARAGRAPH_CONTROLS = frozenset("\n\t")


def refused_characters(value: str, allowed: Iterable[str] = ()) -> List[str]:
    """The refused characters of ``value`` as ``U+XXXX`` codes, in order, each once (the
    character itself is never quoted back: it would carry the problem into the message)."""
    allowed = frozenset(allowed)
    codes: List[str] = []
    for char in value or "":
        if char in allowed or unicodedata.category(char) not in REFUSED_CATEGORIES:
            continue
        code = f"U+{ord(char):04X}"
        if code not in codes:
            codes.append(code)
    return codes
