"""Which local files may become public annexes: real, small images, nothing else.

An annex is served to anyone, without a token, at ``/annexes/<datastore>/<path>``. A symbol
whose SVG path pointed to any local file (a key, a password file) had that file published.
A file is accepted only when its *content* is an image GeoServer draws as an icon (SVG, PNG,
JPEG or GIF; the extension and the style's declared Format are not trusted), at most
``MAX_ANNEX_BYTES`` long, and, for an SVG, free of scripts and of references to anything but
itself (an SVG is XML: it could pull in another local file when rendered).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Optional, Tuple

from lxml import etree

# Icons are a few kilobytes; 1 MiB leaves room for a detailed SVG and keeps a mistaken
# file (a photo, an archive) off the public annexes. Documented in README.md.
MAX_ANNEX_BYTES = 1024 * 1024

_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
)
SVG_NS = "http://www.w3.org/2000/svg"
_XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
_SAFE_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                               huge_tree=False)


class AnnexRefused(ValueError):  # noqa: N818 - a verdict, in both languages
    def __init__(self, reason_en: str, reason_fr: str):
        super().__init__(reason_en)
        self.reason_en, self.reason_fr = reason_en, reason_fr


@dataclass(frozen=True)
class AnnexFile:
    path: str
    mime_type: str  # sniffed from the content
    size: int
    content: bytes  # what was checked is what is uploaded (the file may change meanwhile)


def _svg_problem(data: bytes) -> Optional[str]:
    """None for a self-contained SVG document; else why not."""
    try:
        root = etree.fromstring(data, _SAFE_PARSER)
    except etree.XMLSyntaxError:
        return "not an image"
    if root.tag not in (f"{{{SVG_NS}}}svg", "svg"):
        return "not an image"
    if root.getroottree().docinfo.internalDTD is not None or b"<!ENTITY" in data:
        return "an SVG referring to another file"  # an entity may pull in a local file
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        if etree.QName(element).localname in ("script", "foreignObject"):
            return "an SVG with a script"
        for name, value in element.attrib.items():
            local = etree.QName(name).localname
            if local.lower().startswith("on"):
                return "an SVG with a script"
            if (name == _XLINK_HREF or local == "href") and not value.strip().startswith(
                    ("#", "data:image/")):
                return "an SVG referring to another file"
    return None


def sniff_image(data: bytes) -> Tuple[Optional[str], str]:
    """(MIME type, "") for an accepted image, else (None, English reason)."""
    for magic, mime in _MAGIC:
        if data.startswith(magic):
            return mime, ""
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"<"):
        problem = _svg_problem(data)
        return (None, problem) if problem else ("image/svg+xml", "")
    return None, "not an image"


_REASONS_FR = {
    "not an image": "ce n'est pas une image SVG, PNG, JPEG ou GIF",
    "an SVG with a script": "c'est un SVG contenant un script",
    "an SVG referring to another file": "c'est un SVG qui fait référence à un autre fichier",
}


def read_annex_file(path: str, max_bytes: int = MAX_ANNEX_BYTES) -> AnnexFile:
    """The checked content of ``path``; raises AnnexRefused with the reason."""
    try:
        size = os.path.getsize(path)
        if size > max_bytes:
            raise AnnexRefused(
                f"{size} bytes, more than the {max_bytes} allowed for an icon",
                f"{size} octets, plus que les {max_bytes} permis pour une icône")
        with open(path, "rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as error:
        raise AnnexRefused(f"cannot be read ({error.strerror})",
                           f"illisible ({error.strerror})") from None
    if len(data) > max_bytes:
        raise AnnexRefused(f"more than the {max_bytes} bytes allowed for an icon",
                           f"plus que les {max_bytes} octets permis pour une icône")
    mime, problem = sniff_image(data)
    if mime is None:
        english = {"not an image": "not an SVG, PNG, JPEG or GIF image"}.get(problem, problem)
        raise AnnexRefused(english, _REASONS_FR[problem])
    return AnnexFile(path, mime, len(data), data)
