"""Names of the files the plugin writes on the user's disk, valid on Windows too.

Technical names come from the user (letters, digits, ``_ - .``), and Windows refuses more than
Linux: device names (CON, AUX, NUL, COM1 ...) whatever their extension, the characters
``< > : " / \\ | ? *``, and it drops a trailing dot or space. ``aux.gpkg`` opens the AUX device
there instead of a file.
"""

from __future__ import annotations

import re

RESERVED_DEVICE = re.compile(r"^(con|prn|aux|nul|com[1-9]|lpt[1-9])$", re.IGNORECASE)
INVALID_CHARACTERS = re.compile(r'[<>:"/\\|?*\x00-\x1f]')


def portable_file_name(stem: str, suffix: str = "") -> str:
    """``stem + suffix`` made valid on Windows (unchanged when it already is)."""
    safe = INVALID_CHARACTERS.sub("_", stem).rstrip(". ") or "_"
    if RESERVED_DEVICE.match(safe.split(".")[0]):
        safe = f"_{safe}"
    return safe + suffix
