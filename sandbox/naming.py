"""The platform's name normalisation at integration: lower case, no accents nor hyphens,
spaces → underscores (anything else outside ``[a-z0-9_]`` is dropped too)."""

from __future__ import annotations

import re
import unicodedata
from typing import Iterable, List


def normalise(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name)
    ascii_only = "".join(c for c in decomposed if not unicodedata.combining(c))
    lowered = ascii_only.lower().replace("-", "").replace(" ", "_")
    cleaned = re.sub(r"[^a-z0-9_]", "", lowered)
    return cleaned or "champ"


def normalise_all(names: Iterable[str]) -> List[str]:
    """Normalised names, made unique with a ``_<n>`` suffix when two collide."""
    seen: set = set()
    result = []
    for name in names:
        base = candidate = normalise(name)
        n = 1
        while candidate in seen:
            candidate = f"{base}_{n}"
            n += 1
        seen.add(candidate)
        result.append(candidate)
    return result
