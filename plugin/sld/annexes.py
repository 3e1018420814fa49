"""Local icons of a style become annexes the platform hosts: placeholders in the SLD until the
publish step uploads them (POST /datastores/{ds}/annexes) and rewrites the URLs."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from typing import Callable, Mapping, Optional
from urllib.parse import quote, unquote, urlsplit

from lxml import etree

from . import markers
from .annex_files import AnnexRefused, read_annex_file
from .findings import Severity
from .sld_xml import XLINK_HREF as _XLINK_HREF
from .sld_xml import local_name as _local
from .sld_xml import parse_sld
from .sld_xml import sld_tag as _sld

ANNEX_SCHEME = "gpf-annex:"
"""URLs of icons still to upload start with this; rewrite them with rewrite_annex_urls()."""


@dataclass(frozen=True)
class Annex:
    """A local icon the SLD needs hosted on the platform (POST /datastores/{ds}/annexes)."""

    local_path: str
    placeholder: str  # the URL written in the SLD until the annex is uploaded
    mime_type: str

    @property
    def file_name(self) -> str:
        """A name unique per source file (digest + base name), for the annex path."""
        return self.placeholder[len(ANNEX_SCHEME):].replace("/", "-")


PathResolver = Callable[[str], Optional[str]]


def default_resolver(base_dir: Optional[str] = None) -> PathResolver:
    """Resolve an ExternalGraphic href to an existing local file (or None)."""

    def resolve(href: str) -> Optional[str]:
        path = unquote(urlsplit(href).path) if href.startswith("file:") else href.split("?")[0]
        candidates = [path] if os.path.isabs(path) or not base_dir else [
            os.path.join(base_dir, path), path]
        return next((c for c in candidates if os.path.isfile(c)), None)

    return resolve


def is_remote(href: str) -> bool:
    return href.lower().startswith(("http://", "https://"))


def annex_placeholder(local_path: str) -> str:
    digest = hashlib.sha1(os.path.abspath(local_path).encode()).hexdigest()[:12]  # noqa: S324
    return f"{ANNEX_SCHEME}{digest}/{quote(os.path.basename(local_path))}"


class AnnexFixes:
    """The part of the SLD rewriter that turns local icons into annexes (a mixin of
    transform._Downgrader: it reports through ``_report``)."""

    def _externals(self, graphic, where: str) -> None:
        """Local icons → annex placeholders (or a fallback Mark); remote URLs are kept."""
        for external in [c for c in graphic if _local(c) == "ExternalGraphic"]:
            resource = next((c for c in external if _local(c) == "OnlineResource"), None)
            href = resource.get(_XLINK_HREF, "") if resource is not None else ""
            if href.startswith(ANNEX_SCHEME) or is_remote(href):
                continue
            local_path = self._resolver(href) if href else None
            refused = None
            if local_path and self._upload_annexes and local_path not in self.annexes:
                try:  # annexes are public: only small, real images (annex_files.py)
                    checked = read_annex_file(local_path)
                except AnnexRefused as error:
                    refused = error
                else:
                    self.annexes[local_path] = Annex(local_path, annex_placeholder(local_path),
                                                     checked.mime_type)
                    self._report(Severity.FIXED, "ANNEX_REQUIRED", where, path=local_path,
                                 mime=checked.mime_type, size=checked.size)
            if refused is not None:
                self._report(Severity.WARNING, "GRAPHIC_FALLBACK", where, path=local_path[:80],
                             reason=f"not uploaded: {refused.reason_en}",
                             reason_fr=f"non déposée : {refused.reason_fr}")
                graphic.remove(external)
                continue
            if local_path and self._upload_annexes:
                annex = self.annexes[local_path]
                query = urlsplit(href).query if not href.startswith("file:") else ""
                resource.set(_XLINK_HREF, annex.placeholder + (f"?{query}" if query else ""))
                continue
            reason = ("icons are not uploaded" if local_path else "file not found or embedded")
            reason_fr = ("les icônes ne sont pas déposées" if local_path
                         else "fichier introuvable ou intégré")
            self._report(Severity.WARNING, "GRAPHIC_FALLBACK", where,
                         path=(href[:80] or "inline"), reason=reason, reason_fr=reason_fr)
            graphic.remove(external)
        if not any(_local(c) in ("ExternalGraphic", "Mark") for c in graphic):
            mark = etree.Element(_sld("Mark"))
            etree.SubElement(mark, _sld("WellKnownName")).text = markers.DEFAULT_APPROXIMATION
            fill = etree.SubElement(mark, _sld("Fill"))
            etree.SubElement(fill, _sld("CssParameter"), name="fill").text = "#808080"
            graphic.insert(0, mark)


def rewrite_annex_urls(sld_bytes: bytes, urls: Mapping[str, str]) -> bytes:
    """Replace annex placeholders (Annex.placeholder -> public URL) once uploaded."""
    root = parse_sld(sld_bytes)
    for resource in root.iter(_sld("OnlineResource")):
        href = resource.get(_XLINK_HREF, "")
        base, _, query = href.partition("?")
        if base in urls:
            resource.set(_XLINK_HREF, urls[base] + (f"?{query}" if query else ""))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
