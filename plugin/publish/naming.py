"""Naming and input rules, checked before anything is created on the platform.

Pure functions return ``Problem`` objects (a code and parameters) whose message exists in
French and English; ``preflight`` adds what only the platform knows (names already taken).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from typing import Any, Dict, Iterable, List, Optional, Set

from ..metadata.validation import MAX_LENGTHS
from ..text_controls import PARAGRAPH_CONTROLS, refused_characters
from .errors import NamingError
from .map_messages import MAP_MESSAGES

LAYER_NAME_PATTERN = re.compile(r"^[A-Za-z_][A-Za-z0-9_\-.]*$")
IDENTIFIER_PATTERN = re.compile(r"^[\w\-.]+$")
MAX_NAME_LENGTH = 100
# The metadata record takes the WMTS title as its titles and the abstract as its summary: the
# same limits here, so nothing accepted now is refused after the harvest.
MAX_TITLE_LENGTH = MAX_LENGTHS["service_title"]
MAX_ABSTRACT_LENGTH = MAX_LENGTHS["abstract"]
PM_MIN_LEVEL, PM_MAX_LEVEL = 0, 21
IMAGE_FORMATS = ("image/jpeg", "image/png")

MESSAGES: Dict[str, Dict[str, str]] = {
    "empty": {
        "en": "{field}: a value is required.",
        "fr": "{field} : une valeur est obligatoire.",
    },
    "bad_characters": {
        "en": "{field} '{value}': use letters, digits, '_', '-' or '.', starting with a letter "
              "or '_'.",
        "fr": "{field} « {value} » : utilisez des lettres, chiffres, « _ », « - » ou « . », en "
              "commençant par une lettre ou « _ ».",
    },
    "too_long": {
        "en": "{field} '{value}' is {length} characters long; the maximum is {maximum}.",
        "fr": "{field} « {value} » fait {length} caractères ; le maximum est {maximum}.",
    },
    "text_too_long": {
        "en": "{field} is {length} characters long; the maximum is {maximum}.",
        "fr": "{field} fait {length} caractères ; le maximum est {maximum}.",
    },
    "control_characters": {
        "en": "{field} contains an invisible control or formatting character ({codes}); "
              "remove it.",
        "fr": "{field} contient un caractère de contrôle ou de mise en forme invisible "
              "({codes}) ; supprimez-le.",
    },
    "bad_identifier": {
        "en": "{field} '{value}': use letters, digits, '_', '-' or '.' only.",
        "fr": "{field} « {value} » : utilisez uniquement des lettres, chiffres, « _ », « - » ou "
              "« . ».",
    },
    "zoom_outside": {
        "en": "Zoom level {value} is outside the PM grid (0 to 21).",
        "fr": "Le niveau de zoom {value} est hors de la grille PM (0 à 21).",
    },
    "zoom_inverted": {
        "en": "The top level ({top}) must not be greater than the bottom level ({bottom}).",
        "fr": "Le niveau haut ({top}) ne doit pas dépasser le niveau bas ({bottom}).",
    },
    "empty_layer": {
        "en": "The layer '{value}' has no feature to publish.",
        "fr": "La couche « {value} » ne contient aucune entité à publier.",
    },
    "empty_selection": {
        "en": "Only selected features were asked for, but none is selected in '{value}'.",
        "fr": "Seules les entités sélectionnées sont demandées, mais aucune n'est sélectionnée "
              "dans « {value} ».",
    },
    "invalid_crs": {
        "en": "The layer '{value}' has no valid coordinate reference system.",
        "fr": "La couche « {value} » n'a pas de système de coordonnées valide.",
    },
    "extent_outside_crs": {
        "en": "The layer '{value}' has coordinates ({extent}) far outside the area where its "
              "coordinate reference system {crs} is used: its CRS is probably wrong. Set the "
              "layer's real CRS, then publish.",
        "fr": "La couche « {value} » a des coordonnées ({extent}) très loin de la zone "
              "d'usage de son système de coordonnées {crs} : ce système est probablement "
              "faux. Indiquez le vrai système de la couche, puis publiez.",
    },
    "bad_format": {
        "en": "Tile format '{value}' is not offered; choose image/jpeg or image/png.",
        "fr": "Le format de tuile « {value} » n'est pas proposé ; choisissez image/jpeg ou "
              "image/png.",
    },
    "bad_extent": {
        "en": "The extent {value} is not a valid west, south, east, north box in degrees.",
        "fr": "L'emprise {value} n'est pas un rectangle ouest, sud, est, nord valide en degrés.",
    },
    "name_taken": {
        "en": "{field} '{value}' is already used on the platform; choose another name.",
        "fr": "{field} « {value} » est déjà utilisé sur la plateforme ; choisissez un autre nom.",
    },
    "same_names": {
        "en": "The WMS-V and WMTS technical names must differ ('{value}').",
        "fr": "Les noms techniques du WMS-V et du WMTS doivent différer (« {value} »).",
    },
    "no_source": {
        "en": "Choose a layer to upload or a stored data to reuse.",
        "fr": "Choisissez une couche à téléverser ou une donnée stockée à réutiliser.",
    },
}

MESSAGES.update(MAP_MESSAGES)

FIELD_NAMES: Dict[str, Dict[str, str]] = {
    "wmsv_name": {"en": "WMS-V technical name", "fr": "Nom technique du WMS-V"},
    "wmts_name": {"en": "WMTS technical name", "fr": "Nom technique du WMTS"},
    "pyramid_name": {"en": "Pyramid technical name", "fr": "Nom technique de la pyramide"},
    "data_name": {"en": "Data technical name", "fr": "Nom technique de la donnée"},
    "datasheet_name": {"en": "Datasheet name", "fr": "Nom de la fiche de données"},
    "wmsv_title": {"en": "WMS-V title", "fr": "Titre du WMS-V"},
    "wmts_title": {"en": "WMTS title", "fr": "Titre du service WMTS"},
    "abstract": {"en": "Summary", "fr": "Résumé"},
    "identifier": {"en": "Metadata identifier", "fr": "Identificateur de ressource unique"},
    "keywords": {"en": "Keywords", "fr": "Mots-clés"},
    "producer": {"en": "Producer", "fr": "Producteur"},
}


def default_language() -> str:
    """Two-letter language of the running QGIS (English outside QGIS)."""
    try:
        from qgis.core import QgsSettings
        from qgis.PyQt.QtCore import QLocale
    except ImportError:  # pragma: no cover - always available in this project
        return "en"
    settings = QgsSettings()
    if settings.value("locale/overrideFlag", False, type=bool):
        name = settings.value("locale/userLocale", "") or ""
    else:
        name = QLocale.system().name()
    return "fr" if (name or "").startswith("fr") else "en"


@dataclass(frozen=True)
class Problem:
    """One rule broken by the input."""

    code: str
    field: str = ""
    params: Dict[str, Any] = dataclass_field(default_factory=dict)

    def message(self, language: Optional[str] = None) -> str:
        language = language or default_language()
        language = language if language in ("fr", "en") else "en"
        field_label = FIELD_NAMES.get(self.field, {}).get(language, self.field)
        return MESSAGES[self.code][language].format(field=field_label, **self.params)


def prefixed(name: str, prefix: Optional[str]) -> str:
    """``<prefix>.<name>`` when the datastore imposes a prefix (never doubled)."""
    if not prefix or name.startswith(prefix + "."):
        return name
    return f"{prefix}.{name}"


def check_controls(value: str, field_name: str, allowed: Iterable[str] = ()) -> List[Problem]:
    codes = refused_characters(value, allowed)
    if not codes:
        return []
    return [Problem("control_characters", field_name, {"codes": ", ".join(codes)})]


def check_technical_name(value: str, field_name: str, prefix: Optional[str] = None
                         ) -> List[Problem]:
    if not value or not value.strip():
        return [Problem("empty", field_name)]
    controls = check_controls(value, field_name)
    if controls:  # the value itself is not quoted back: it would carry the control
        return controls
    problems = []
    # fullmatch: "$" alone also matches before a final line feed ("name\n" passed)
    if not LAYER_NAME_PATTERN.fullmatch(value):
        problems.append(Problem("bad_characters", field_name, {"value": value}))
    full = prefixed(value, prefix)
    if len(full) > MAX_NAME_LENGTH:
        problems.append(Problem("too_long", field_name,
                                {"value": full, "length": len(full), "maximum": MAX_NAME_LENGTH}))
    return problems


def check_identifier(value: str, field_name: str = "identifier") -> List[Problem]:
    if not value:
        return [Problem("empty", field_name)]
    controls = check_controls(value, field_name)
    if controls:
        return controls
    if not IDENTIFIER_PATTERN.fullmatch(value):
        return [Problem("bad_identifier", field_name, {"value": value})]
    return []


def check_text(value: str, field_name: str, maximum: Optional[int] = None) -> List[Problem]:
    """A free text: not blank, no control or format character (an abstract may keep line
    feeds and tabs), and at most ``maximum`` characters when given."""
    if not value or not value.strip():
        return [Problem("empty", field_name)]
    allowed = PARAGRAPH_CONTROLS if field_name == "abstract" else ()
    controls = check_controls(value, field_name, allowed)
    if controls:
        return controls
    if maximum is not None and len(value) > maximum:
        return [Problem("text_too_long", field_name,
                        {"length": len(value), "maximum": maximum})]
    return []


def check_zoom_range(top: int, bottom: int) -> List[Problem]:
    problems = [Problem("zoom_outside", "zoom", {"value": z}) for z in (top, bottom)
                if not isinstance(z, int) or not PM_MIN_LEVEL <= z <= PM_MAX_LEVEL]
    if not problems and top > bottom:
        problems.append(Problem("zoom_inverted", "zoom", {"top": top, "bottom": bottom}))
    return problems


def check_image_format(value: str) -> List[Problem]:
    return [] if value in IMAGE_FORMATS else [Problem("bad_format", "format", {"value": value})]


def check_extent(extent) -> List[Problem]:
    """(west, south, east, north) in degrees, non-empty."""
    try:
        west, south, east, north = (float(v) for v in extent)
    except (TypeError, ValueError):
        return [Problem("bad_extent", "extent", {"value": extent})]
    if not (-180 <= west < east <= 180 and -90 <= south < north <= 90):
        return [Problem("bad_extent", "extent", {"value": extent})]
    return []


def check_layer_source(source) -> List[Problem]:
    """Non-empty layer (or selection) with a valid CRS. ``source`` is a LayerSource."""
    problems = []
    if not source.crs_valid:
        problems.append(Problem("invalid_crs", "layer", {"value": source.name}))
    if source.selected_only and not source.selected_ids:
        problems.append(Problem("empty_selection", "layer", {"value": source.name}))
    elif source.feature_count == 0:
        problems.append(Problem("empty_layer", "layer", {"value": source.name}))
    if source.crs_valid and source.feature_count:
        problems += check_extent_in_crs_area(source)
    return problems


# How far outside its CRS's area of use a layer may reach, as a share of the area's size
# each side: data a little over a border is common (a UTM zone used next door); a wrong CRS
# puts it thousands of kilometres away, or out of the world.
CRS_AREA_MARGIN = 0.5


def check_extent_in_crs_area(source) -> List[Problem]:
    """The layer's extent (in degrees) must meet its CRS's area of use, widened by
    ``CRS_AREA_MARGIN``: otherwise the coordinates do not belong to the declared CRS."""
    area = getattr(source, "crs_area_wgs84", None)
    extent = getattr(source, "extent_wgs84", None)
    if area is None or extent is None:
        return []
    west, south, east, north = area
    dx, dy = (east - west) * CRS_AREA_MARGIN, (north - south) * CRS_AREA_MARGIN
    x0, y0, x1, y1 = (float(v) for v in extent)
    finite = all(math.isfinite(v) for v in (x0, y0, x1, y1))
    inside_world = finite and -180 <= x0 <= x1 <= 180 and -90 <= y0 <= y1 <= 90
    meets = inside_world and x0 <= east + dx and x1 >= west - dx and y0 <= north + dy \
        and y1 >= south - dy
    if meets:
        return []
    shown = ", ".join(f"{v:.6g}" for v in (x0, y0, x1, y1))
    return [Problem("extent_outside_crs", "layer",
                    {"value": source.name, "crs": source.crs_authid, "extent": shown})]


def check_publication(spec, prefix: Optional[str] = None) -> List[Problem]:
    """Every rule that needs no network."""
    from .sources import UPLOADED_KINDS, SourceKind, source_kind

    problems: List[Problem] = []
    kind = source_kind(spec)
    if not spec.sources and kind in UPLOADED_KINDS:
        problems.append(Problem("no_source", "layer"))
    if spec.sources and kind in UPLOADED_KINDS:
        from .map_source import check_map_sources

        for source in spec.sources:
            problems += check_layer_source(source)
        problems += check_map_sources(spec.sources)
        problems += check_technical_name(spec.effective_data_name, "data_name")
    problems += check_technical_name(spec.datasheet_name, "datasheet_name")
    new_wmsv = kind not in (SourceKind.WMSV, SourceKind.PYRAMID)   # else nothing named so
    if new_wmsv:
        problems += check_technical_name(spec.wmsv_name, "wmsv_name", prefix)
    problems += check_technical_name(spec.wmts_name, "wmts_name", prefix)
    if kind is not SourceKind.PYRAMID:
        problems += check_technical_name(spec.pyramid_name, "pyramid_name")
    if new_wmsv and spec.wmsv_name and spec.wmsv_name == spec.wmts_name:
        problems.append(Problem("same_names", "wmts_name", {"value": spec.wmts_name}))
    if new_wmsv:
        problems += check_text(spec.wmsv_title, "wmsv_title", MAX_TITLE_LENGTH)
    problems += check_text(spec.wmts_title, "wmts_title", MAX_TITLE_LENGTH)
    problems += check_text(spec.abstract, "abstract", MAX_ABSTRACT_LENGTH)
    problems += check_controls(" ".join(spec.keywords or ()), "keywords")
    problems += check_controls(getattr(spec, "producer", "") or "", "producer")
    problems += check_zoom_range(spec.top_level, spec.bottom_level)
    problems += check_image_format(spec.image_format)
    if spec.extent_wgs84 is not None:
        problems += check_extent(spec.extent_wgs84)
    return problems


def taken_names(existing: Iterable[str], ours: Set[str]) -> Set[str]:
    """Names in use on the platform, minus those this publication created itself (resume)."""
    return {name for name in existing if name and name not in ours}


def preflight(api, spec, datastore, journal) -> None:
    """Raise NamingError listing every problem, local and platform-side (names taken).
    ``api`` is an EntrepotApi on ``datastore`` (an entrepot ``Datastore``)."""
    problems = check_publication(spec, datastore.layer_name_prefix)
    if not problems:
        problems += _platform_problems(api, spec, datastore, journal)
    if problems:
        raise NamingError(problems)


def _platform_problems(api, spec, datastore, journal) -> List[Problem]:
    ours_ids = {entry["id"] for entry in journal.resources()}
    # Created by an interrupted run of this publication (intent written, id not yet), or
    # journaled by it under that name: ours.
    ours_names = set(journal.intents().values()) | {
        entry.get("name") for entry in journal.resources() if entry.get("name")}
    problems = []
    configurations = [c for c in api.configurations() if c.id not in ours_ids]
    for field_name, name, kind in (("wmsv_name", spec.wmsv_name, "WMS-VECTOR"),
                                   ("wmts_name", spec.wmts_name, "WMTS-TMS")):
        full = datastore.prefixed_layer_name(name)
        if full in ours_names or (kind == "WMS-VECTOR" and _reuses_service(spec)):
            continue
        if any(c.layer_name == full and c.type == kind for c in configurations):
            problems.append(Problem("name_taken", field_name, {"value": full}))
    pyramids = [s for s in api.stored_data_list(data_type="ROK4-PYRAMID-RASTER")
                if s.id not in ours_ids and s.type == "ROK4-PYRAMID-RASTER"]
    if spec.pyramid_name not in ours_names and not getattr(spec, "reuse_pyramid_id", None) \
            and any(s.name == spec.pyramid_name for s in pyramids):
        problems.append(Problem("name_taken", "pyramid_name", {"value": spec.pyramid_name}))
    return problems


def _reuses_service(spec) -> bool:
    """No WMS-V is created when an existing WMS-V or pyramid is the source."""
    return bool(getattr(spec, "reuse_wmsv_configuration_id", None)
                or getattr(spec, "reuse_pyramid_id", None))
