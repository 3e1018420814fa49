"""Names of the successive versions of a publication's resources, for updates in place.

An update never rewrites the pyramid the WMTS serves: it builds a *new* one beside it,
switches the WMTS to it, and only then deletes the old one, so the service never stops. The
new pyramid is named after the first one with a version suffix: ``<name>`` is version 1,
``<name>_v2`` version 2, ``<name>_v3`` version 3, and so on; a stored data, a style static
replaced by an update follow the same scheme. The next version is one more than the highest
version of that base name found in the datastore (a version left by an interrupted update
counts too, so a name is never reused while its owner may still exist).
"""

from __future__ import annotations

import re
from typing import Iterable, Tuple

_VERSIONED = re.compile(r"^(?P<base>.+)_v(?P<version>[2-9]|[1-9]\d+)$")


def split_version(name: str) -> Tuple[str, int]:
    """(base name, version): ``communes_pyr_v3`` → (``communes_pyr``, 3); no suffix → 1."""
    match = _VERSIONED.match(name)
    if match is None:
        return name, 1
    return match.group("base"), int(match.group("version"))


def versioned_name(base: str, version: int) -> str:
    """``base`` for version 1, ``base_v<version>`` after."""
    return base if version <= 1 else f"{base}_v{version}"


def next_version_name(current: str, existing: Iterable[str] = ()) -> str:
    """The name of the version after ``current``, above every version of the same base
    found among ``existing`` names."""
    base, version = split_version(current)
    highest = version
    for name in existing:
        other_base, other_version = split_version(name)
        if other_base == base:
            highest = max(highest, other_version)
    return versioned_name(base, highest + 1)
