"""Update a published WMTS in place: same layer name, same URL, new content.

The entry point, for the services dock and the wizard alike::

    from gpf_wmts_publisher.plugin.publish.update import (
        UpdateChanges, UpdateRequest, UpdateTask)

    request = UpdateRequest(datastore_id, wmts_configuration_id, UpdateChanges(
        style=LayerSource.from_layer(layer)))          # or data=, top_level=/bottom_level=,
    task = UpdateTask(api_factory, request)            # extent_wgs84=, metadata=
    task.updated.connect(on_done)                      # UpdateResult, on the GUI thread
    task.failed.connect(on_error)                      # message, platform logs
    plugin.tasks.start(task)

``UpdateTask.undo_task()`` gives the task that undoes an unfinished update; running the
same request again resumes it (plugin/publish/update_workflow.py). For the wizard, which
knows a publication by its spec and journal: ``changes_between(journal.snapshot()["spec"],
new_spec, new_style=…)`` gives the changes, ``request_for(spec, journal, changes)`` the
request, and once it is done ``record_in_publication(journal, result)`` tells the
publication's journal which resources the update replaced (so its undo removes the new ones).

What each change does (plugin/publish/update_steps.py), the WMTS serving its old tiles all
along until the switch:
- ``data``: a new upload and integration, a new style static for the new table, the WMS-V
  configuration replaced (``PUT``) and its offering synchronised (``PUT …/offerings/{id}``),
  then a new pyramid harvested;
- ``style``: a new style static, the WMS-V replaced and synchronised, a new pyramid;
- ``top_level``/``bottom_level``, ``extent_wgs84``: a new pyramid on the new range or area;
- ``metadata``: the record replaced (``PUT …/metadata/{id}``) and published if it was not.
For a map (several layers, one WMS-V with one relation per layer), ``style`` is one of its
layers: only the relation of that layer's table is restyled (``UpdateTarget.focused``); new
data for a map is refused before anything is made.
A new pyramid is named ``<name>_v2``, ``_v3``… (plugin/publish/pyramid_versions.py); the
WMTS configuration is then replaced to draw it, its offering synchronised, and only once the
offering is PUBLISHED again are the old pyramid (and a replaced static or stored data)
deleted.
"""

from __future__ import annotations

import hashlib
import threading
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Tuple

from qgis.core import QgsTask
from qgis.PyQt.QtCore import pyqtSignal

from ..i18n import tr
from .errors import PublishCancelledError
from .layer_source import LayerSource
from .waiting import FIRST_DELAY_S, MAX_DELAY_S

DATA, STYLE, LEVELS, EXTENT, METADATA = "data", "style", "levels", "extent", "metadata"


@dataclass(frozen=True)
class UpdateChanges:
    """What changes. ``data``: the layer whose features (and style) replace the published
    ones; ``style``: the layer whose symbology replaces the style (same data); levels and
    extent (EPSG:4326 west, south, east, north); ``metadata``: a whole ServiceMetadata, or
    a dict of ServiceMetadata fields changed on the published record (``{"public_title":
    …, "abstract": …}``, what the services dock asks)."""

    data: Optional[LayerSource] = None
    style: Optional[LayerSource] = None
    top_level: Optional[int] = None
    bottom_level: Optional[int] = None
    extent_wgs84: Optional[Tuple[float, float, float, float]] = None
    metadata: Any = None

    def kinds(self) -> List[str]:
        kinds = []
        if self.data is not None:
            kinds.append(DATA)
        if self.style is not None:
            kinds.append(STYLE)
        if self.top_level is not None or self.bottom_level is not None:
            kinds.append(LEVELS)
        if self.extent_wgs84 is not None:
            kinds.append(EXTENT)
        if self.metadata is not None:
            kinds.append(METADATA)
        return kinds

    @property
    def new_style(self) -> bool:
        return self.data is not None or self.style is not None

    @property
    def new_pyramid(self) -> bool:
        return bool({DATA, STYLE, LEVELS, EXTENT} & set(self.kinds()))

    def fingerprint(self) -> str:
        """Same value for the same changes: a resume must continue the same update."""
        def layer(source: Optional[LayerSource]) -> Any:
            if source is None:
                return None
            return (source.uri, source.name, source.subset, source.selected_ids,
                    hashlib.sha256(source.style_qml.encode("utf-8")).hexdigest())

        values = (layer(self.data), layer(self.style), self.top_level, self.bottom_level,
                  self.extent_wgs84, repr(sorted(self.metadata.items()))
                  if isinstance(self.metadata, dict) else repr(self.metadata))
        return hashlib.sha256(repr(values).encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class UpdateRequest:
    """One update: the WMTS (its configuration's id in its datastore) and the changes."""

    datastore_id: str
    wmts_configuration_id: str
    changes: UpdateChanges


@dataclass
class UpdateResult:
    wmts_layer_name: str
    wmts_url: str
    pyramid_name: str
    levels: Tuple[str, str]
    changes: List[str]
    journal_path: str = ""
    created: List[Dict[str, Any]] = field(default_factory=list)   # the update's resources
    replaced: Dict[str, str] = field(default_factory=dict)        # journal kind -> old id
    settings: Dict[str, Any] = field(default_factory=dict)       # spec summary fields now
    kept: List[Dict[str, str]] = field(default_factory=list)     # old ones not removed: why


RESTYLED_LAYER = "restyled_layer"   # not a summary field: says where a map's style goes


def _summary_after(summary: Dict[str, Any], settings: Dict[str, Any]) -> Dict[str, Any]:
    """``summary`` with the update's ``settings``; a map's new style goes to its layer's
    entry of ``layers_style`` (a map's summary has no ``layer_style`` of its own)."""
    settings = dict(settings)
    restyled = settings.pop(RESTYLED_LAYER, None)
    if summary.get("layers") and "layer_style" in settings:
        digest = settings.pop("layer_style")
        styles = list(summary.get("layers_style") or [])
        for index, layer in enumerate(summary["layers"]):
            if index < len(styles) and layer.get("name") == restyled:
                styles[index] = digest
        settings["layers_style"] = styles
    return {**summary, **settings}


def settings_after(changes: UpdateChanges, spec, metadata_digest: str = "") -> Dict[str, Any]:
    """The fields of a publication's settings (its journal's spec summary,
    ``Publication.summary``) that the update changed, with their new values: what the
    wizard's summary holds for the same choices (``changes_between`` read backwards).
    ``spec``: the update's own spec (new levels and extent); ``metadata_digest``: the
    digest of the record as written (a dock edit of some fields changes the whole)."""
    from .spec import layer_fields

    settings: Dict[str, Any] = {}
    if changes.data is not None:
        settings.update(layer_fields(changes.data))
    elif changes.style is not None:
        settings["layer_style"] = layer_fields(changes.style)["layer_style"]
        settings[RESTYLED_LAYER] = changes.style.name   # a map's: which of its layers
    if LEVELS in changes.kinds():
        settings.update(top_level=spec.top_level, bottom_level=spec.bottom_level)
    if changes.extent_wgs84 is not None:
        settings["extent_wgs84"] = list(changes.extent_wgs84)
    if changes.metadata is not None:
        settings["metadata"] = metadata_digest
        organisation = getattr(changes.metadata, "organisation", None)
        if organisation is not None:   # the wizard's producer is the record's organisation
            settings["producer"] = organisation
    return settings


def record_in_publication(journal, result: UpdateResult) -> None:
    """Tell a publication's journal what an update changed: the old resources it replaced
    are gone, the new ones belong to the publication now (its undo removes them), and its
    settings and levels are the new ones (reopening the wizard compares with these). Safe
    to call again with the same result."""
    from .spec import summary_fingerprint

    new_ids = {entry["kind"]: entry["id"] for entry in result.created}
    known = {entry["id"] for entry in journal.resources(include_removed=True)}
    for kind, old_id in result.replaced.items():
        # A map's layer keeps the kind it has in the publication (``static_sld_2``…).
        own = next((e["kind"] for e in journal.resources(include_removed=True)
                    if e["id"] == old_id), kind)
        if kind in new_ids and old_id in known:
            journal.replace_resource(own, old_id, new_ids[kind])
        elif old_id in known:
            journal.mark_removed(own, old_id)
    if "static_sld" in result.replaced and "static_sld" in new_ids and journal.get("styles"):
        old_static, new_static = result.replaced["static_sld"], new_ids["static_sld"]
        journal.put("styles", [dict(style, static=new_static) if style.get("static")
                               == old_static else style for style in journal.get("styles")])
    # What replaced a resource the publication reused (not in its journal) is used by the
    # publication's services: first in the journal, so its undo removes it after them.
    known = {entry["id"] for entry in journal.resources(include_removed=True)}
    journal.record_first([entry for entry in result.created if entry["id"] not in known])
    if "stored_data_vector" in result.replaced:
        journal.put("vectordb_id", journal.resource_id("stored_data_vector"))
    if result.settings:
        summary = _summary_after(dict(journal.snapshot().get("spec") or {}), result.settings)
        summary["fingerprint"] = summary_fingerprint(summary)
        journal.set_spec(summary)
    if "stored_data_pyramid" in result.replaced:
        top, bottom = (int(level) for level in result.levels)
        journal.put("pyramid_levels", list(range(top, bottom + 1)))
        journal.put("wmts_levels", [str(top), str(bottom)])


def request_for(spec, journal, changes: UpdateChanges) -> UpdateRequest:
    """The request of a publication the wizard knows: its spec and its journal."""
    configuration_id = journal.resource_id("configuration_wmts")
    if not configuration_id:
        raise ValueError(tr("this publication has no WMTS yet: resume it instead"))
    return UpdateRequest(spec.datastore_id, configuration_id, changes)


def restyled_layer(published: Dict[str, Any], wanted) -> Optional[LayerSource]:
    """The layer whose style changed: the layer, or the one map layer whose style digest
    differs from the published one (an update in place restyles one layer of a map)."""
    if not wanted.layers:
        return wanted.layer
    from .spec import style_digest

    old = list(published.get("layers_style") or [])
    changed = [source for index, source in enumerate(wanted.layers)
               if index >= len(old) or old[index] != style_digest(source.style_qml)]
    if len(changed) != 1:
        raise ValueError(tr("an update in place restyles one layer of a map; {0} changed: "
                            "start the publication again").format(len(changed)))
    return changed[0]


def changes_between(published: Dict[str, Any], wanted, *, new_data: bool = False,
                    new_style: bool = False, new_metadata: bool = False) -> UpdateChanges:
    """The changes that turn a publication (its journal's spec summary, ``Journal.spec``)
    into ``wanted`` (a Publication): levels and extent are compared; whether the data, the
    style or the metadata are new is the caller's word (the summary keeps no style)."""
    levels = (wanted.top_level, wanted.bottom_level) != (
        published.get("top_level"), published.get("bottom_level"))
    extent = wanted.extent_wgs84
    old_extent = published.get("extent_wgs84")
    extent_changed = extent is not None and (
        old_extent is None or tuple(old_extent) != tuple(extent))
    return UpdateChanges(
        data=wanted.layer if new_data else None,
        style=restyled_layer(published, wanted) if new_style and not new_data else None,
        top_level=wanted.top_level if levels else None,
        bottom_level=wanted.bottom_level if levels else None,
        extent_wgs84=tuple(extent) if extent_changed else None,
        metadata=wanted.metadata if new_metadata else None)


class UpdateTask(QgsTask):
    """Runs (or resumes) an update in QGIS's task manager, with progress and cancel."""

    updated = pyqtSignal(object)             # UpdateResult
    undone = pyqtSignal(list)                # kinds removed by an undo
    step_progress = pyqtSignal(str, str)     # step name, message
    failed = pyqtSignal(str, list)           # message for the user, platform logs

    def __init__(self, api_factory, request: UpdateRequest, *, undo: bool = False,
                 journal_dir: Optional[str] = None, poll_first_s: float = FIRST_DELAY_S,
                 poll_max_s: float = MAX_DELAY_S):
        title = (tr("Undoing the update of a WMTS") if undo
                 else tr("Updating a WMTS in place: {0}").format(", ".join(
                     request.changes.kinds())))
        super().__init__(title, QgsTask.CanCancel)
        self.request = request
        self._api_factory = api_factory
        self._undo = undo
        self._options = dict(journal_dir=journal_dir, poll_first_s=poll_first_s,
                             poll_max_s=poll_max_s)
        self._cancel_event = threading.Event()
        self.result: Optional[UpdateResult] = None
        self.removed: List[str] = []
        self.error_message = ""
        self.error_logs: List[str] = []
        self.was_cancelled = False

    @property
    def undoing(self) -> bool:
        return self._undo

    def undo_task(self) -> UpdateTask:
        return UpdateTask(self._api_factory, self.request, undo=True, **self._options)

    def cancel(self) -> None:
        self._cancel_event.set()
        super().cancel()

    def _on_progress(self, percent: float, step: str, message: str) -> None:
        self.setProgress(percent)
        self.step_progress.emit(step, message)

    def run(self) -> bool:
        from .update_workflow import UpdateWorkflow
        from .workflow import publication_error_text

        try:
            workflow = UpdateWorkflow(self._api_factory(self._cancel_event.is_set),
                                      self.request, progress=self._on_progress,
                                      cancel_event=self._cancel_event, **self._options)
            if self._undo:
                self.removed = workflow.undo()
            else:
                self.result = workflow.run()
            return True
        except Exception as error:  # reported through `failed` on the GUI thread
            self.was_cancelled = isinstance(error, PublishCancelledError)
            self.error_message = (
                tr("Cancelled: the update can be resumed or undone.") if self.was_cancelled
                else publication_error_text(error))
            self.error_logs = list(getattr(error, "logs", []) or [])
            return False

    def finished(self, ok: bool) -> None:
        if ok and self._undo:
            self.undone.emit(self.removed)
        elif ok and self.result is not None:
            self.updated.emit(self.result)
        else:
            self.failed.emit(self.error_message or tr("The task stopped."), self.error_logs)
