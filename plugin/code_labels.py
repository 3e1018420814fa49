"""Words a user reads for the platform's and ISO's codes (statuses, topic categories, update
frequencies, resource types), in the interface's language.

The codes themselves stay what the platform and ISO 19115 define (they are written to the
API and the metadata record); only what a widget shows goes through these functions. Each label
is a literal inside ``QCoreApplication.translate("CodeLabels", …)`` so that ``make i18n``
(pylupdate5) finds it. An unknown code is shown as it is rather than hidden: a new platform
status must stay visible even before it has a label.
"""

from __future__ import annotations

from typing import Callable, Dict

from qgis.PyQt.QtCore import QCoreApplication

translate = QCoreApplication.translate


def _statuses() -> Dict[str, str]:
    # Offerings, configurations, stored data, uploads and processing executions (contract).
    return {
        "PUBLISHED": translate("CodeLabels", "published"),
        "PUBLISHING": translate("CodeLabels", "publishing"),
        "UNPUBLISHED": translate("CodeLabels", "unpublished"),
        "UNPUBLISHING": translate("CodeLabels", "unpublishing"),
        "MODIFYING": translate("CodeLabels", "modifying"),
        "SYNCHRONIZING": translate("CodeLabels", "synchronizing"),
        "UNSTABLE": translate("CodeLabels", "unstable"),
        "CREATED": translate("CodeLabels", "created"),
        "GENERATING": translate("CodeLabels", "generating"),
        "GENERATED": translate("CodeLabels", "generated"),
        "DELETED": translate("CodeLabels", "deleted"),
        "OPEN": translate("CodeLabels", "open"),
        "CLOSED": translate("CodeLabels", "closed"),
        "CHECKING": translate("CodeLabels", "checking"),
        "WAITING": translate("CodeLabels", "waiting"),
        "PROGRESS": translate("CodeLabels", "in progress"),
        "SUCCESS": translate("CodeLabels", "succeeded"),
        "FAILURE": translate("CodeLabels", "failed"),
        "ABORTED": translate("CodeLabels", "aborted"),
    }


def _topics() -> Dict[str, str]:
    # MD_TopicCategoryCode (ISO 19115 B.5.27), worded as INSPIRE's French and English lists.
    return {
        "farming": translate("CodeLabels", "Farming"),
        "biota": translate("CodeLabels", "Biota"),
        "boundaries": translate("CodeLabels", "Boundaries"),
        "climatologyMeteorologyAtmosphere": translate(
            "CodeLabels", "Climatology, meteorology, atmosphere"),
        "economy": translate("CodeLabels", "Economy"),
        "elevation": translate("CodeLabels", "Elevation"),
        "environment": translate("CodeLabels", "Environment"),
        "geoscientificInformation": translate("CodeLabels", "Geoscientific information"),
        "health": translate("CodeLabels", "Health"),
        "imageryBaseMapsEarthCover": translate("CodeLabels",
                                               "Imagery, base maps, earth cover"),
        "intelligenceMilitary": translate("CodeLabels", "Intelligence, military"),
        "inlandWaters": translate("CodeLabels", "Inland waters"),
        "location": translate("CodeLabels", "Location"),
        "oceans": translate("CodeLabels", "Oceans"),
        "planningCadastre": translate("CodeLabels", "Planning, cadastre"),
        "society": translate("CodeLabels", "Society"),
        "structure": translate("CodeLabels", "Structure"),
        "transportation": translate("CodeLabels", "Transportation"),
        "utilitiesCommunication": translate("CodeLabels", "Utilities, communication"),
    }


def _frequencies() -> Dict[str, str]:
    # MD_MaintenanceFrequencyCode (ISO 19115 B.5.18).
    return {
        "continual": translate("CodeLabels", "Continual"),
        "daily": translate("CodeLabels", "Daily"),
        "weekly": translate("CodeLabels", "Weekly"),
        "fortnightly": translate("CodeLabels", "Fortnightly"),
        "monthly": translate("CodeLabels", "Monthly"),
        "quarterly": translate("CodeLabels", "Quarterly"),
        "biannually": translate("CodeLabels", "Twice a year"),
        "annually": translate("CodeLabels", "Annually"),
        "asNeeded": translate("CodeLabels", "As needed"),
        "irregular": translate("CodeLabels", "Irregular"),
        "notPlanned": translate("CodeLabels", "Not planned"),
        "unknown": translate("CodeLabels", "Unknown"),
    }


def _resource_types() -> Dict[str, str]:
    return {
        "dataset": translate("CodeLabels", "Dataset"),
        "series": translate("CodeLabels", "Dataset series"),
    }


def _label(table: Callable[[], Dict[str, str]], code: str) -> str:
    # Built at each call, not at import: the translator is installed after the plugin loads.
    return table().get(code, code)


def status_label(code: str) -> str:
    return _label(_statuses, code)


def topic_label(code: str) -> str:
    return _label(_topics, code)


def frequency_label(code: str) -> str:
    return _label(_frequencies, code)


def resource_type_label(code: str) -> str:
    return _label(_resource_types, code)
