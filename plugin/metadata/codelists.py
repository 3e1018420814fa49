"""ISO 19115 / 19139 code lists and the values cartes.gouv.fr offers in its form."""

from __future__ import annotations

ISO_CODELISTS = "http://standards.iso.org/iso/19139/resources/gmxCodelists.xml"
ISO639_2 = "http://www.loc.gov/standards/iso639-2/"

# MD_TopicCategoryCode (ISO 19115 B.5.27).
TOPIC_CATEGORIES = (
    "farming", "biota", "boundaries", "climatologyMeteorologyAtmosphere", "economy",
    "elevation", "environment", "geoscientificInformation", "health",
    "imageryBaseMapsEarthCover", "intelligenceMilitary", "inlandWaters", "location", "oceans",
    "planningCadastre", "society", "structure", "transportation",
    "utilitiesCommunication",
)

# MD_MaintenanceFrequencyCode (ISO 19115 B.5.18).
UPDATE_FREQUENCIES = (
    "continual", "daily", "weekly", "fortnightly", "monthly", "quarterly", "biannually",
    "annually", "asNeeded", "irregular", "notPlanned", "unknown",
)

# MD_CharacterSetCode values a metadata record realistically uses.
CHARSETS = ("utf8", "utf16", "8859part1", "8859part15", "usAscii")

RESOURCE_TYPES = ("dataset", "series")
RESOURCE_TYPE_NAMES = {"dataset": "Jeu de données", "series": "Collection de données"}

# ISO 639-2/B codes and the name written beside them (as cartes writes "français").
LANGUAGE_NAMES = {
    "fre": "français", "eng": "English", "ger": "Deutsch", "spa": "español",
    "ita": "italiano", "por": "português", "dut": "Nederlands", "bre": "brezhoneg",
    "cat": "català", "cos": "corsu", "baq": "euskara", "oci": "occitan",
}

INSPIRE_THESAURUS_TITLE = "GEMET - INSPIRE themes, version 1.0"
INSPIRE_THESAURUS_DATE = "2008-06-01"
