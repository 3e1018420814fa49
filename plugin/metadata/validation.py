"""Checks of a ServiceMetadata before anything is sent, with messages in English and French."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from ..text_controls import PARAGRAPH_CONTROLS, refused_characters
from .codelists import CHARSETS, RESOURCE_TYPES, TOPIC_CATEGORIES, UPDATE_FREQUENCIES
from .model import ServiceMetadata

# The platform's own rules (cartes.gouv.fr common-schemas-validation).
TECHNICAL_NAME_PATTERN = re.compile(r"[A-Za-z_][A-Za-z0-9_.-]*")
FILE_IDENTIFIER_PATTERN = re.compile(r"[\w.-]+", re.ASCII)
# Pragmatic address check: one @, no spaces, a dot in the domain.
EMAIL_PATTERN = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s.]+")
CRS_PATTERN = re.compile(r"(EPSG:\d+|https?://www\.opengis\.net/def/crs/EPSG/0/\d+)")
LANGUAGE_PATTERN = re.compile(r"[a-z]{3}")
RESOLUTION_RANGE = (200, 10_000_000)

# Our limits: long enough for any sensible value, short enough for catalogue screens.
MAX_LENGTHS = {
    "technical_name": 100,
    "file_identifier": 255,
    "public_title": 255,
    "service_title": 255,
    "attribution_text": 255,
    "organisation": 255,
    "abstract": 10_000,
    "lineage": 10_000,
}

LABELS = {  # field → (English, French as cartes.gouv.fr labels it)
    "public_title": ("Public title", "Intitulé (nom public)"),
    "service_title": ("Service title", "Titre du service"),
    "technical_name": ("Technical name", "Nom technique du service"),
    "abstract": ("Summary", "Résumé"),
    "file_identifier": ("Unique resource identifier", "Identificateur de ressource unique"),
    "attribution_text": ("Attribution text", "Texte d'attribution"),
    "attribution_url": ("Attribution URL", "URL d'attribution"),
    "resource_type": ("Resource type", "Type de ressource"),
    "language": ("Metadata language", "Langue des métadonnées"),
    "charset": ("Character set", "Jeu de caractères"),
    "crs": ("Coordinate reference system", "Référentiel de coordonnées"),
    "resolution": ("Spatial resolution", "Résolution spatiale"),
    "contact_email": ("Metadata contact e-mail", "Adresse électronique de contact"),
    "organisation": ("Organisation", "Organisme"),
    "organisation_email": ("Organisation e-mail", "Adresse électronique de l'organisme"),
    "topic_categories": ("Topic category", "Catégorie thématique"),
    "update_frequency": ("Update frequency", "Fréquence de mise à jour"),
    "lineage": ("Lineage", "Généalogie"),
    "creation_date": ("Creation date", "Date de création de la ressource"),
    "bbox": ("Bounding box", "Emprise"),
    "thumbnail_url": ("Thumbnail URL", "URL de la vignette"),
}

REQUIRED = (
    "public_title", "service_title", "technical_name", "abstract", "file_identifier",
    "resource_type", "language", "charset", "crs", "contact_email", "organisation",
    "organisation_email", "update_frequency", "creation_date",
)


@dataclass(frozen=True)
class FieldError:
    field: str
    message_en: str
    message_fr: str

    def message(self, language: str = "en") -> str:
        return self.message_fr if language.lower().startswith("fr") else self.message_en


def _error(name: str, en: str, fr: str) -> FieldError:
    label_en, label_fr = LABELS[name]
    return FieldError(name, f"{label_en}: {en}", f"{label_fr} : {fr}")


# Paragraphs keep line feeds and tabs; every other text refuses controls (text_controls).
MULTILINE_FIELDS = ("abstract", "lineage")


def _is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _is_web_url(value: str) -> bool:
    parts = urlsplit(value)
    return parts.scheme in ("http", "https") and bool(parts.netloc) and " " not in value


def validate(
    md: ServiceMetadata,
    *,
    layer_name_prefix: str = "",
    file_identifier_prefix: str = "",
) -> list[FieldError]:
    """Every problem found, in form order; empty when the record can be sent.
    The prefixes are the datastore's `configuration_layer_name_prefix` and
    `metadata_file_identifier_prefix` (names must start with "<prefix>.")."""
    errors: list[FieldError] = []
    missing = {name for name in REQUIRED if _is_blank(getattr(md, name))}
    for name in REQUIRED:
        if name in missing:
            errors.append(_error(name, "this field is required.", "ce champ est obligatoire."))

    for name, limit in MAX_LENGTHS.items():
        value = getattr(md, name)
        if len(value) > limit:
            errors.append(_error(name, f"at most {limit} characters ({len(value)} given).",
                                 f"{limit} caractères au plus ({len(value)} saisis)."))

    for name in LABELS:
        value = getattr(md, name, None)
        allowed = PARAGRAPH_CONTROLS if name in MULTILINE_FIELDS else ()
        codes = refused_characters(value, allowed) if isinstance(value, str) else []
        if codes:
            errors.append(_error(
                name, f"remove the invisible control or formatting character ({', '.join(codes)}).",
                f"supprimez le caractère de contrôle ou de mise en forme invisible "
                f"({', '.join(codes)})."))

    if "technical_name" not in missing:
        if not TECHNICAL_NAME_PATTERN.fullmatch(md.technical_name):
            errors.append(_error(
                "technical_name",
                "use only unaccented letters, digits, '_', '.' and '-', starting with a letter "
                "or '_'.",
                "utilisez uniquement des lettres sans accent, des chiffres, « _ », « . » et "
                "« - », en commençant par une lettre ou « _ ».",
            ))
        if layer_name_prefix and not md.technical_name.startswith(layer_name_prefix + "."):
            errors.append(_error("technical_name", f"must start with '{layer_name_prefix}.'.",
                                 f"doit commencer par « {layer_name_prefix}. »."))

    if "file_identifier" not in missing:
        if not FILE_IDENTIFIER_PATTERN.fullmatch(md.file_identifier):
            errors.append(_error(
                "file_identifier",
                "use only unaccented letters, digits, '_', '.' and '-'.",
                "utilisez uniquement des lettres sans accent, des chiffres, « _ », « . » et « - ».",
            ))
        if file_identifier_prefix and not md.file_identifier.startswith(
                file_identifier_prefix + "."):
            errors.append(_error("file_identifier", f"must start with '{file_identifier_prefix}.'.",
                                 f"doit commencer par « {file_identifier_prefix}. »."))

    for name in ("contact_email", "organisation_email"):
        value = getattr(md, name)
        if name not in missing and not EMAIL_PATTERN.fullmatch(value.strip()):
            errors.append(_error(name, f"'{value}' is not a valid e-mail address.",
                                 f"« {value} » n'est pas une adresse électronique valide."))

    for name in ("attribution_url", "thumbnail_url"):
        value = getattr(md, name)
        if not _is_blank(value) and not _is_web_url(value.strip()):
            errors.append(_error(name, f"'{value}' is not a valid http(s) URL.",
                                 f"« {value} » n'est pas une URL http(s) valide."))

    if "resource_type" not in missing and md.resource_type not in RESOURCE_TYPES:
        errors.append(_error("resource_type", "choose 'dataset' or 'series'.",
                             "choisissez « Jeu de données » ou « Collection de données »."))
    if "language" not in missing and not LANGUAGE_PATTERN.fullmatch(md.language):
        errors.append(_error("language", "use a three-letter ISO 639-2 code such as 'fre'.",
                             "utilisez un code ISO 639-2 à trois lettres, par exemple « fre »."))
    if "charset" not in missing and md.charset not in CHARSETS:
        errors.append(_error("charset", f"choose one of {', '.join(CHARSETS)}.",
                             f"choisissez parmi {', '.join(CHARSETS)}."))
    if "crs" not in missing and not CRS_PATTERN.fullmatch(md.crs):
        errors.append(_error("crs", "use an EPSG code such as 'EPSG:3857'.",
                             "utilisez un code EPSG, par exemple « EPSG:3857 »."))
    if "update_frequency" not in missing and md.update_frequency not in UPDATE_FREQUENCIES:
        errors.append(_error("update_frequency", f"'{md.update_frequency}' is not an ISO 19115 "
                             "maintenance frequency.", f"« {md.update_frequency} » n'est pas "
                             "une fréquence de mise à jour ISO 19115."))

    if not md.topic_categories:
        errors.append(_error("topic_categories", "choose at least one.",
                             "choisissez-en au moins une."))
    unknown = [c for c in md.topic_categories if c not in TOPIC_CATEGORIES]
    if unknown:
        errors.append(_error("topic_categories", f"unknown ISO category {', '.join(unknown)}.",
                             f"catégorie ISO inconnue {', '.join(unknown)}."))

    if md.resolution is not None and not RESOLUTION_RANGE[0] <= md.resolution <= \
            RESOLUTION_RANGE[1]:
        low, high = RESOLUTION_RANGE
        errors.append(_error("resolution", f"a scale denominator between {low} and {high}.",
                             f"un dénominateur d'échelle entre {low} et {high}."))

    if md.bbox is not None:
        west, south, east, north = md.bbox
        if not (-180 <= west < east <= 180 and -90 <= south < north <= 90):
            errors.append(_error(
                "bbox", "west < east within ±180 and south < north within ±90 (degrees).",
                "ouest < est entre ±180 et sud < nord entre ±90 (degrés).",
            ))
    return errors
