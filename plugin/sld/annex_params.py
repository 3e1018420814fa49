"""An SVG icon with the parameters of its SLD URL applied, as GeoServer serves it.

QGIS writes a parametric SVG marker as ``icon.svg?fill=%23ff0000&outline=...``; GeoServer reads
the query and replaces each ``param(name)`` of the SVG with the value given (or the default
written after it). QGIS's SLD reader keeps neither, so the fidelity preview applies them here.
"""

from __future__ import annotations

import hashlib
import os
import re
from urllib.parse import parse_qsl

# param(fill) or param(fill) #ff0000: the default runs to the end of the attribute value.
_PARAM = re.compile(r"param\(([\w-]+)\)(?:[ \t]+([^\"';]*[^\"';\s]))?")


def apply_parameters(svg_text: str, query: str) -> str:
    """``svg_text`` with every param(name) replaced by the query's value or its default."""
    values = dict(parse_qsl(query, keep_blank_values=True))

    def replace(match: re.Match[str]) -> str:
        name, default = match.group(1), match.group(2) or ""
        return values.get(name, default)

    return _PARAM.sub(replace, svg_text)


def icon_with_parameters(local_path: str, query: str, folder: str) -> str:
    """A copy of the SVG at ``local_path`` filled from ``query``, written in ``folder``; the
    file itself when there is nothing to fill (not an SVG, no query, no folder)."""
    if not query or not folder or not local_path.lower().endswith(".svg"):
        return local_path
    try:
        with open(local_path, encoding="utf-8") as stream:
            text = stream.read()
    except (OSError, UnicodeDecodeError):
        return local_path
    digest = hashlib.sha1((local_path + "?" + query).encode()).hexdigest()[:12]  # noqa: S324
    path = os.path.join(folder, f"{digest}-{os.path.basename(local_path)}")
    with open(path, "w", encoding="utf-8") as stream:
        stream.write(apply_parameters(text, query))
    return path
