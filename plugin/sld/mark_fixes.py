"""The part of the SLD rewriter that fixes marks: QGIS names to GeoServer's, rotated and hatch
marks, font marks (a mixin of transform._Downgrader: it reports through ``_report``)."""

from __future__ import annotations

from lxml import etree

from . import markers
from .findings import Severity
from .mark_images import SHAPES, MarkPaint, size_factor, write_mark_svg
from .schema10 import OGC_NS, SE_NS, XLINK_NS
from .sld_xml import XLINK_HREF as _XLINK_HREF
from .sld_xml import local_name as _local
from .sld_xml import plain_value as _plain_value
from .sld_xml import sld_tag as _sld
from .sld_xml import text_of as _text_of


class MarkFixes:
    def _turn_rotated_mark(self, source, graphic, where: str) -> None:
        """A QGIS diamond is GeoServer's square turned 45° (and 1/√2 the size)."""
        source_wkn = next((w for w in source.iter(f"{{{SE_NS}}}WellKnownName",
                                                  _sld("WellKnownName"))), None)
        name = (source_wkn.text or "").strip().lower() if source_wkn is not None else ""
        if name not in markers.ROTATED_MARKS:
            return
        degrees, factor = markers.ROTATED_MARKS[name]
        size = graphic.find(_sld("Size"))
        rotation = graphic.find(_sld("Rotation"))
        try:
            base = float(_plain_value(rotation)) if rotation is not None else 0.0
            if size is not None:
                size.text = f"{round(float(_plain_value(size)) * factor, 2):g}"
        except ValueError:  # data-defined size or rotation: cannot be adjusted statically
            self._report(Severity.WARNING, "WKN_APPROXIMATED", where, old=name,
                         new="square")
            return
        if rotation is None:
            rotation = etree.SubElement(graphic, _sld("Rotation"))
        for child in list(rotation):
            rotation.remove(child)
        rotation.text = f"{(base + degrees) % 360:g}"

    def _straighten_hatch(self, graphic, where: str) -> None:
        """QGIS writes a line-pattern fill as a rotated horline mark. GeoServer rotates the
        mark inside each tile (clockwise, the SE convention, where QGIS meant counter-clockwise)
        and the segments do not join: diagonal shapes tile into continuous hatches."""
        mark = graphic.find(_sld("Mark"))
        rotation = graphic.find(_sld("Rotation"))
        if mark is None or rotation is None:
            return
        wkn = mark.find(_sld("WellKnownName"))
        base = {"shape://horline": 0, "shape://vertline": 90}.get((wkn.text or "").strip()) \
            if wkn is not None else None
        literal = rotation.find(f"{{{OGC_NS}}}Literal")
        text = (literal.text if literal is not None else rotation.text) or ""
        try:
            angle = (base + float(text.strip())) % 180 if base is not None else None
        except ValueError:
            return
        hatch = markers.HATCH_BY_ANGLE.get(round(angle, 3)) if angle is not None else None
        if hatch is None:
            return
        wkn.text = hatch
        graphic.remove(rotation)
        size = graphic.find(_sld("Size"))
        if hatch in ("shape://slash", "shape://backslash") and size is not None:
            try:  # a diagonal in a square tile: keep the distance between the lines
                size.text = f"{round(float(size.text) * 2 ** 0.5, 2):g}"
            except (TypeError, ValueError):
                pass
        self._report(Severity.FIXED, "HATCH_STRAIGHTENED", where, new=hatch, angle=f"{angle:g}")

    def _well_known_name(self, name: str, in_fill: bool, where: str) -> str:
        mapped, exact = markers.translate(name, in_fill=in_fill)
        if mapped is not None:
            code = "WKN_MAPPED" if exact else "WKN_APPROXIMATED"
            self._report(Severity.FIXED if exact else Severity.WARNING, code, where,
                         old=name.strip(), new=mapped)
        written = name.strip() if mapped is None else mapped
        if markers.is_geoserver_name(written) and not markers.editable_online(written):
            self._report(Severity.WARNING, "WKN_NOT_EDITABLE_ONLINE", where, name=written)
        return written

    def _font_mark_to_wkn(self, mark, where: str):
        """SE font marks (OnlineResource ttf:// + MarkIndex) → WellKnownName ttf://Font#0xNN."""
        resource = next((c for c in mark if isinstance(c.tag, str)
                         and _local(c) == "OnlineResource"), None)
        if resource is None:
            return mark
        href = resource.get(_XLINK_HREF, "")
        copy = etree.fromstring(etree.tostring(mark))
        for child in list(copy):
            if isinstance(child.tag, str) and _local(child) in (
                    "OnlineResource", "Format", "MarkIndex", "InlineContent"):
                copy.remove(child)
        wkn = etree.Element(f"{{{SE_NS}}}WellKnownName")
        index_text = _text_of(mark, "MarkIndex")
        if href.startswith("ttf://") and index_text.isdigit():
            wkn.text = markers.font_marker_name(href[len("ttf://"):], int(index_text))
            self._report(Severity.WARNING, "FONT_MARKER_MAPPED", where, new=wkn.text)
        else:
            wkn.text = markers.DEFAULT_APPROXIMATION
            self._report(Severity.WARNING, "GRAPHIC_FALLBACK", where, path=href,
                         reason="marks from files do not exist in SLD 1.0",
                         reason_fr="les marques issues de fichiers n'existent pas en SLD 1.0")
        copy.insert(0, wkn)
        return copy

    def _mark_as_image(self, mark, where: str):
        """QGIS's arrow or semi-circle → an ExternalGraphic of an SVG with the same shape and
        colours, hosted as an annex: GeoServer and the cartes.gouv.fr editor both read it,
        where the only marks GeoServer has for them (extshape://) are refused by the editor.
        None (the mark stays) when annexes are not uploaded or the paint is data-defined."""
        name = _text_of(mark, "WellKnownName").lower()
        if not self._upload_annexes or name not in SHAPES:
            return None
        try:
            paint = _mark_paint(mark)
        except ValueError:
            return None
        external = etree.Element(_sld("ExternalGraphic"))
        etree.SubElement(external, _sld("OnlineResource"), {
            f"{{{XLINK_NS}}}type": "simple", _XLINK_HREF: write_mark_svg(name, paint)})
        etree.SubElement(external, _sld("Format")).text = "image/svg+xml"
        self._report(Severity.FIXED, "WKN_AS_IMAGE", where, old=name)
        self._image_sizes[external] = paint.size_px * size_factor(paint)
        return external

    def _size_images(self, graphic) -> None:
        """Give a converted Graphic holding a mark's image the image's Size: the mark's
        grown by the outline's margin (an ExternalGraphic without Size would be drawn at the
        image's own size, not at the mark's)."""
        for external in [c for c in graphic if c in self._image_sizes]:
            size = next((c for c in graphic if _local(c) == "Size"), None)
            if size is None:
                size = etree.Element(_sld("Size"))
                later = next((c for c in graphic if _local(c) == "Rotation"), None)
                if later is None:
                    graphic.append(size)
                else:
                    later.addprevious(size)
            for child in list(size):
                size.remove(child)
            size.text = f"{round(self._image_sizes.pop(external), 2):g}"


def _parameters(element) -> dict:
    """name -> constant value of a Fill's or Stroke's Css/SvgParameters (ValueError if not)."""
    if element is None:
        return {}
    return {child.get("name"): _plain_value(child) for child in element
            if isinstance(child.tag, str) and _local(child) in ("CssParameter", "SvgParameter")}


def _child(element, local: str):
    return next((c for c in element if isinstance(c.tag, str) and _local(c) == local), None)


def _mark_paint(mark) -> MarkPaint:
    graphic = mark.getparent()
    size = _child(graphic, "Size") if graphic is not None else None
    size_px = float(_plain_value(size)) if size is not None else 6.0  # SLD's default size
    fill_element, stroke_element = _child(mark, "Fill"), _child(mark, "Stroke")
    fill, stroke = _parameters(fill_element), _parameters(stroke_element)
    return MarkPaint(
        size_px=size_px,
        fill=fill.get("fill", "#808080") if fill_element is not None else None,
        fill_opacity=float(fill.get("fill-opacity", 1)),
        stroke=stroke.get("stroke", "#000000") if stroke_element is not None else None,
        stroke_width_px=float(stroke.get("stroke-width", 1)),
        stroke_opacity=float(stroke.get("stroke-opacity", 1)))

