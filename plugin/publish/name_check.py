"""Technical names against the platform: while they are typed (one name, GET requests only)
and when a run is refused for one (which page must take a new name).

A layer name is unique on the whole platform, but only one's own datastore can be listed: a
name free here may still be refused (409) when the configuration is created. ``taken_field``
reads such a refusal (or the preflight's "name taken") and names the field to change; the
wizard goes back to its page and resumes with the new name (the journal keeps the rest).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Optional, Set, Tuple

from ..entrepot.errors import Conflict
from .errors import NamingError
from .live import is_alive
from .naming import default_language

CONFIGURATION_FIELDS = {"wmsv_name": "WMS-VECTOR", "wmts_name": "WMTS-TMS"}
NAME_WORDS = re.compile(r"\b(nom|name|layer_name)\b", re.IGNORECASE)
# The step whose create call carries each name.
FIELD_OF_STEP = {"wmsv": "wmsv_name", "wmts": "wmts_name", "pyramid": "pyramid_name"}

TEXTS = {
    "taken_configuration": (
        "Already used on the platform by the {0} service \"{1}\" (layer {2}, {3}); choose "
        "another name.",
        "Déjà utilisé sur la plateforme par le service {0} « {1} » (couche {2}, {3}) ; "
        "choisissez un autre nom."),
    "taken_pyramid": (
        "Already used on the platform by the pyramid \"{0}\" ({1}); choose another name.",
        "Déjà utilisé sur la plateforme par la pyramide « {0} » ({1}) ; choisissez un autre "
        "nom."),
    "datasheet_exists": (
        "This datasheet already exists ({0} service(s)): the publication is added to it.",
        "Cette fiche de données existe déjà ({0} service(s)) : la publication y est "
        "ajoutée."),
    "refused": ("The platform refused this name: {0}", "La plateforme a refusé ce nom : {0}"),
}


def text(key: str, lang: Optional[str], *args) -> str:
    english, french = TEXTS[key]
    return (french if (lang or default_language()).startswith("fr") else english).format(*args)


@dataclass(frozen=True)
class NameVerdict:
    """``blocking``: the name cannot be used; ``message`` is shown under the field either
    way (a datasheet that exists is only news)."""

    field: str
    name: str
    blocking: bool = False
    message: str = ""


def check_name(api, field: str, name: str, *, ours: Iterable[str] = (),
               lang: Optional[str] = None) -> NameVerdict:
    """``name`` as the user typed it (the datastore's prefix is added here) for ``field``
    (datasheet_name, wmsv_name, wmts_name or pyramid_name); ``ours`` are the ids of what
    this publication's journal holds (a resume's own resources are not "taken")."""
    ours_ids: Set[str] = set(ours)
    if field in CONFIGURATION_FIELDS:
        full = api.datastore().prefixed_layer_name(name)
        for configuration in api.configurations(config_type=CONFIGURATION_FIELDS[field]):
            if configuration.id in ours_ids or configuration.layer_name != full:
                continue
            return NameVerdict(field, name, True, text(
                "taken_configuration", lang, configuration.type, configuration.name, full,
                configuration.status))
    elif field == "pyramid_name":
        for stored in api.stored_data_list(data_type="ROK4-PYRAMID-RASTER", name=name):
            if stored.id not in ours_ids and stored.name == name and is_alive(stored):
                return NameVerdict(field, name, True, text("taken_pyramid", lang, stored.name,
                                                           stored.status))
    elif field == "datasheet_name":
        services = [c for c in api.configurations(tags={"datasheet_name": name})]
        if services:
            return NameVerdict(field, name, False, text("datasheet_exists", lang,
                                                        len(services)))
    return NameVerdict(field, name)


def taken_field(error: BaseException, step: str, lang: Optional[str] = None
                ) -> Optional[Tuple[str, str]]:
    """(field, message) when ``error`` refused a technical name, else None: a preflight
    "name taken" (our datastore), or a 409 at the step that creates the named resource whose
    words speak of a name (a name taken in a datastore we cannot list; a quota's 409 does
    not). The message carries the platform's own words."""
    if isinstance(error, NamingError):
        for problem in error.problems:
            if problem.code == "name_taken":
                return problem.field, problem.message(lang)
        return None
    field = FIELD_OF_STEP.get(step)
    if field is None or not isinstance(error, Conflict):
        return None
    words = " ".join(error.details)
    if NAME_WORDS.search(words):
        return field, text("refused", lang, words)
    return None
