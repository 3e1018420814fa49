"""Reopening a publication: what the journal says, what the platform holds, what to offer.

A publication is its datastore + datasheet + WMTS technical name (the journal's file) *and*
the settings it was made with (the journal's ``spec``, with its fingerprint). When the wizard
reaches its last page it reads the journal, asks the platform whether the journaled resources
are still there (plugin/publish/reopen_survey.py, GET requests only) and compares the settings
field by field. ``decide`` turns the three into the offers below; each comes with one sentence.

Journal states: **none** (no file, or nothing created and no create under way), **undone**
(everything it created was removed), **incomplete** (some step not done), **complete** (every
step done). Platform states (only the resources a service is made of are looked at: stored
data, statics, configurations, offerings, metadata; a permission or key access lives and dies
with its offering): **intact** (all there, or nothing to look at yet), **taken down** (only
services are gone: offerings, with their permissions and key accesses, and configurations
whose offerings are gone too — what Unpublish and Delete in the services dock do), **damaged**
(data the services are built on is gone: stored data, style, metadata), **gone** (nothing of
it is left), **unknown** (the platform could not be read). Settings: **same** (no field
differs), **free** (the changed fields are only used by steps that have nothing on the
platform: they are not done yet, or everything they made is gone; or by a step that brings
what it made up to date when it runs again — the metadata record, replaced in place: then it
reruns), **changed** (a step that already made something uses a changed field).

| # | journal                | platform   | settings     | offers (first = proposed)         |
|---|------------------------|------------|--------------|-----------------------------------|
| 1 | none                   | —          | —            | PUBLISH                           |
| 2 | undone                 | —          | —            | PUBLISH (on a new journal)        |
| 3 | incomplete or complete | gone       | any          | PUBLISH (on a new journal)        |
| 4 | incomplete or complete | unknown    | any          | none: say why; check again later  |
| 5 | incomplete             | intact     | same or free | RESUME, START_AGAIN               |
| 6 | incomplete             | intact     | changed      | START_AGAIN                       |
| 7 | complete               | intact     | same         | START_AGAIN (online: nothing to do)|
| 8 | complete               | intact     | changed      | UPDATE, START_AGAIN (when an update|
|   |                        |            |              | changes all of it: ``updatable``) |
|12 | complete               | intact     | changed      | START_AGAIN (else)                |
| 9 | incomplete or complete | taken down | same or free | RESUME (services again), START_AGAIN|
|10 | incomplete or complete | taken down | changed      | START_AGAIN                       |
|11 | incomplete or complete | damaged    | any          | START_AGAIN                       |

RESUME reruns the steps not done and those whose services are gone (every step is written to
reuse what its journal holds); START_AGAIN removes what is left (undo) and publishes from
scratch with the new settings; UPDATE changes the live service in place (same URL:
plugin/publish/update.py). "Complete & intact & free" cannot happen: a done step that made
nothing (tags, a reused stored data) still counts as done, so its fields are "changed".
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Dict, FrozenSet, Iterable, List, Mapping, Optional, Sequence, Tuple

from .naming import default_language

PUBLISH, RESUME, UPDATE, START_AGAIN = "publish", "resume", "update", "start_again"

NONE, UNDONE, INCOMPLETE, COMPLETE = "none", "undone", "incomplete", "complete"
INTACT, TAKEN_DOWN, DAMAGED, GONE, UNKNOWN = "intact", "taken_down", "damaged", "gone", "unknown"
SAME, FREE, CHANGED = "same", "free", "changed"

# The steps that use each field of the spec summary (plugin/publish/spec.py). A field not
# listed is taken as used by every step: an unknown change never allows a resume.
STEPS_OF_FIELD: Dict[str, Tuple[str, ...]] = {
    "layer": ("data", "integration", "style", "wmsv", "pyramid", "wmts"),
    "layer_style": ("style",),
    # a map's layers (several QGIS layers in one WMTS: plugin/publish/map_source.py)
    "layers": ("data", "integration", "style", "wmsv", "pyramid", "wmts"),
    "layers_style": ("style",),
    "reuse_stored_data_id": ("data", "integration", "style", "wmsv"),
    "reuse_by_datasheet": ("data", "integration"),
    # Starting from an existing WMS-V or pyramid changes what every step does.
    "reuse_wmsv_configuration_id": ("data", "integration", "style", "wmsv", "pyramid",
                                    "metadata", "wmts", "restriction", "tags"),
    "reuse_pyramid_id": ("data", "integration", "style", "wmsv", "pyramid", "metadata",
                         "wmts", "restriction", "tags"),
    "data_name": ("data", "integration"),
    "datastore_id": (), "datasheet_name": (), "wmts_name": ("metadata", "wmts"),
    "wmsv_name": ("wmsv",), "wmsv_title": ("wmsv",), "keywords": ("wmsv", "wmts"),
    "wmsv_private": ("wmsv", "pyramid"),
    "abstract": ("wmsv", "metadata", "wmts"),
    "pyramid_name": ("pyramid",), "image_format": ("pyramid",),
    "top_level": ("pyramid", "wmts"), "bottom_level": ("pyramid", "wmts"),
    "extent_wgs84": ("wmsv", "pyramid", "wmts"),
    "wmts_title": ("metadata", "wmts"),
    "metadata": ("metadata",), "metadata_identifier": ("metadata", "wmts"),
    "theme": ("wmsv", "metadata", "wmts", "tags"), "producer": ("metadata",),
    "production_year": ("metadata",),
    "attribution_title": ("wmsv", "wmts"), "attribution_url": ("wmsv", "wmts"),
    "restricted": ("metadata", "wmts", "restriction"), "licence": ("restriction",),
    "permission_end": ("restriction",), "extra_tags": ("tags",),
}
IGNORED_FIELDS = ("fingerprint",)
# What an update in place changes (plugin/publish/update.py): the data (new features), the
# style, the level range, the extent, the metadata record. Anything else (a title of a
# configuration, a name, the access, the tile format) takes a new publication.
UPDATABLE = frozenset({"layer", "layer_style", "top_level", "bottom_level", "extent_wgs84",
                       "metadata", "producer", "production_year"})
# A map (several layers, plugin/publish/map_source.py) is updated in place when the style of
# ONE of its layers changed (that layer's relation restyled), with the fields above.
MAP_UPDATABLE = frozenset({"layers_style", "top_level", "bottom_level", "extent_wgs84",
                           "metadata", "producer", "production_year"})


def updatable(changed: Sequence[str], old: Mapping[str, Any], new: Mapping[str, Any]
              ) -> bool:
    """Whether an update in place makes ``new`` of the publication ``old`` (summaries)."""
    if "layers" not in new:
        return set(changed) <= UPDATABLE
    if not set(changed) <= MAP_UPDATABLE:
        return False
    if "layers_style" not in changed:
        return True
    before, after = list(old.get("layers_style") or []), list(new["layers_style"])
    return len(before) == len(after) and sum(a != b for a, b in zip(before, after)) == 1


# What a step brings up to date in place when it runs again (its resource kept): the metadata
# record is replaced for the same file identifier (plugin/publish/steps/metadata.py).
REFRESHABLE: Dict[str, FrozenSet[str]] = {
    "metadata": frozenset({"wmts_name", "wmts_title", "abstract", "metadata", "theme",
                           "producer", "production_year", "keywords", "attribution_title",
                           "attribution_url", "restricted"}),
}

TEXTS = {
    PUBLISH: ("Publish: creates the service from the start with these settings.",
              "Publier : crée le service depuis le début avec ces réglages."),
    RESUME: ("Resume: keeps what is already on the platform and does only what is missing.",
             "Reprendre : garde ce qui est déjà sur la plateforme et ne fait que ce qui "
             "manque."),
    UPDATE: ("Update: changes the published service in place; its address stays the same.",
             "Mettre à jour : modifie le service publié sur place ; son adresse ne change "
             "pas."),
    START_AGAIN: ("Start again: removes what this publication left on the platform, then "
                  "publishes from the start with these settings.",
                  "Recommencer : supprime ce que cette publication a laissé sur la plateforme, "
                  "puis publie depuis le début avec ces réglages."),
    "label_" + PUBLISH: ("Publish the service now", "Publier le service maintenant"),
    "label_" + RESUME: ("Resume", "Reprendre"),
    "label_" + UPDATE: ("Update the service", "Mettre à jour le service"),
    "label_" + START_AGAIN: ("Start again", "Recommencer"),
    "why_none": ("No earlier run of this publication.",
                 "Aucune exécution antérieure de cette publication."),
    "why_undone": ("An earlier run was undone: nothing of it is left.",
                   "Une exécution antérieure a été annulée : il n'en reste rien."),
    "why_gone": ("An earlier run exists, but nothing it created is left on the platform.",
                 "Une exécution antérieure existe, mais rien de ce qu'elle a créé ne reste "
                 "sur la plateforme."),
    "why_unknown": ("The platform could not be read ({0}); go back, then come to this page "
                    "again to check.",
                    "La plateforme n'a pas pu être lue ({0}) ; revenez en arrière, puis "
                    "revenez sur cette page pour vérifier."),
    "why_incomplete": ("An earlier run stopped before the end; what it made is still there.",
                       "Une exécution antérieure s'est arrêtée avant la fin ; ce qu'elle a "
                       "créé est toujours là."),
    "why_online": ("Already published with these settings: nothing to do.",
                   "Déjà publié avec ces réglages : rien à faire."),
    "why_online_changed": ("Published, with other settings than these.",
                           "Publié, avec d'autres réglages que ceux-ci."),
    "why_not_updatable": ("Published, with other settings than these; an update in place "
                          "changes only the data, style (one layer's, for a map), levels, extent "
                          "and metadata.",
                          "Publié, avec d'autres réglages que ceux-ci ; une mise à jour sur "
                          "place ne change que les données, le style (d'une couche, pour une "
                          "carte), les niveaux, l'emprise et les métadonnées."),
    "why_taken_down": ("Its services were unpublished or deleted; the data is still there.",
                       "Ses services ont été dépubliés ou supprimés ; les données sont "
                       "toujours là."),
    "why_damaged": ("Part of what it was built on was deleted: {0}.",
                    "Une partie de ce sur quoi il repose a été supprimée : {0}."),
    "why_changed": (" Settings changed since: {0}.", " Réglages changés depuis : {0}."),
}


def text(key: str, lang: Optional[str] = None, *args: Any) -> str:
    english, french = TEXTS[key]
    lang = lang or default_language()
    return (french if lang.startswith("fr") else english).format(*args)


# -- journal ----------------------------------------------------------------------------
def journal_state(snapshot: Mapping[str, Any], step_names: Sequence[str]) -> str:
    """none / undone / incomplete / complete, from a Journal.snapshot()."""
    resources = snapshot.get("resources") or []
    steps = snapshot.get("steps") or {}
    if not resources and not snapshot.get("intents"):
        done = [s for s in step_names if steps.get(s, {}).get("status") == "done"]
        return NONE if not done else INCOMPLETE
    if resources and all(r.get("removed") for r in resources) and not snapshot.get("intents"):
        return UNDONE
    if all(steps.get(s, {}).get("status") == "done" for s in step_names):
        return COMPLETE
    return INCOMPLETE


# -- settings ---------------------------------------------------------------------------
def changed_fields(old: Mapping[str, Any], new: Mapping[str, Any]) -> List[str]:
    """The fields whose value differs. A field the old summary does not hold (a journal of
    an earlier version) is not a change: nothing says it was different."""
    return sorted(k for k in new if k not in IGNORED_FIELDS and k in old
                  and _plain(old[k]) != _plain(new[k]))


def _plain(value: Any) -> Any:
    """As the journal (JSON) keeps it: a tuple read back is a list."""
    return json.loads(json.dumps(value, sort_keys=True, default=str))


def steps_using(fields: Iterable[str], step_names: Sequence[str]) -> FrozenSet[str]:
    used = set()
    for name in fields:
        used.update(STEPS_OF_FIELD.get(name, tuple(step_names)))
    return frozenset(used)


def fields_used_by(step: str, fields: Iterable[str], step_names: Sequence[str]) -> List[str]:
    return [f for f in fields if step in STEPS_OF_FIELD.get(f, tuple(step_names))]


# -- the platform, as reopen_survey.py saw it -------------------------------------------------
@dataclass(frozen=True)
class Survey:
    """What the platform holds of the journal's resources: ``gone`` lists (kind, id) of the
    service resources no longer there, ``looked`` how many were looked at; ``error`` the
    platform's words when it could not be read."""

    looked: int = 0
    gone: Tuple[Tuple[str, str], ...] = ()
    error: str = ""


SERVICE_FAMILIES = ("offering", "permission", "key_access", "configuration")


def platform_state(survey: Survey) -> str:
    if survey.error:
        return UNKNOWN
    if not survey.gone:
        return INTACT
    if survey.looked and len(survey.gone) >= survey.looked:
        return GONE
    if all(kind.startswith(SERVICE_FAMILIES) for kind, _id in survey.gone):
        return TAKEN_DOWN
    return DAMAGED


# -- the decision -----------------------------------------------------------------------
@dataclass(frozen=True)
class Decision:
    row: int
    journal: str
    platform: str
    settings: str
    offers: Tuple[str, ...]
    reason: str                                  # one sentence: why these offers
    changed: Tuple[str, ...] = ()
    redo_steps: Tuple[str, ...] = ()             # steps a resume reruns though done
    gone: Tuple[Tuple[str, str], ...] = ()       # what a resume forgets (no longer there)
    reset_journal: bool = False                  # a publish starts a new journal
    lang: str = "en"

    def explain(self, offer: str) -> str:
        return text(offer, self.lang)

    def label(self, offer: str) -> str:
        return text("label_" + offer, self.lang)


def decide(snapshot: Mapping[str, Any], survey: Survey, new_summary: Mapping[str, Any],
           step_names: Sequence[str], step_of_kind, lang: Optional[str] = None) -> Decision:
    """The offers for the journal ``snapshot`` (Journal.snapshot()), the platform ``survey``
    and the settings ``new_summary`` (Publication.summary()). ``step_of_kind(kind)`` names the
    step that made a resource kind (plugin/publish/adopt.py ``step_of``)."""
    lang = lang or default_language()
    state = journal_state(snapshot, step_names)

    def decision(row, platform, settings, offers, reason, **extra) -> Decision:
        return Decision(row, state, platform, settings, tuple(offers), reason, lang=lang,
                        **extra)

    if state == NONE:
        return decision(1, "", "", [PUBLISH], text("why_none", lang))
    if state == UNDONE:
        return decision(2, "", "", [PUBLISH], text("why_undone", lang), reset_journal=True)
    platform = platform_state(survey)
    if platform == GONE:
        return decision(3, platform, "", [PUBLISH], text("why_gone", lang), reset_journal=True)
    if platform == UNKNOWN:
        return decision(4, platform, "", [], text("why_unknown", lang, survey.error))

    steps = snapshot.get("steps") or {}
    changed = changed_fields(snapshot.get("spec") or {}, new_summary)
    gone_ids = {resource_id for _kind, resource_id in survey.gone}
    live_steps, gone_steps = set(), set()
    for entry in snapshot.get("resources") or []:
        if entry.get("removed"):
            continue
        target = gone_steps if entry["id"] in gone_ids else live_steps
        target.add(step_of_kind(entry["kind"]))
    redo = [s for s in step_names if s in gone_steps]
    if redo:   # what a rerun builds on the gone services: every later step is checked again
        first = step_names.index(redo[0])
        redo = [s for s in step_names[first:] if steps.get(s, {}).get("status") == "done"]
    done = {s for s in step_names if steps.get(s, {}).get("status") == "done"} - set(redo)
    made = steps_using(changed, step_names) & (live_steps | done)
    refreshed = {s for s in made if set(fields_used_by(s, changed, step_names))
                 <= REFRESHABLE.get(s, frozenset())}
    settings = SAME if not changed else (FREE if not made - refreshed else CHANGED)
    if settings == FREE and refreshed:
        redo = [s for s in step_names if s in set(redo) | (refreshed & done)]
    note = text("why_changed", lang, ", ".join(changed)) if changed else ""
    extra = dict(changed=tuple(changed), redo_steps=tuple(redo), gone=survey.gone)

    if platform == DAMAGED:
        kinds = ", ".join(sorted({kind for kind, _id in survey.gone}))
        return decision(11, platform, settings, [START_AGAIN],
                        text("why_damaged", lang, kinds) + note, **extra)
    if platform == TAKEN_DOWN:
        if settings == CHANGED:
            return decision(10, platform, settings, [START_AGAIN],
                            text("why_taken_down", lang) + note, **extra)
        return decision(9, platform, settings, [RESUME, START_AGAIN],
                        text("why_taken_down", lang) + note, **extra)
    if state == INCOMPLETE:
        if settings == CHANGED:
            return decision(6, platform, settings, [START_AGAIN],
                            text("why_incomplete", lang) + note, **extra)
        return decision(5, platform, settings, [RESUME, START_AGAIN],
                        text("why_incomplete", lang) + note, **extra)
    if settings == SAME:
        return decision(7, platform, settings, [START_AGAIN], text("why_online", lang), **extra)
    if updatable(changed, snapshot.get("spec") or {}, new_summary):
        return decision(8, platform, settings, [UPDATE, START_AGAIN],
                        text("why_online_changed", lang) + note, **extra)
    return decision(12, platform, settings, [START_AGAIN],
                    text("why_not_updatable", lang) + note, **extra)
