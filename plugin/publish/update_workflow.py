"""An update in place, run, resumed or undone like a first publication.

The update has its own journal, ``update__<WMTS configuration id>``, beside the
publications' ones: the published state read at the start (plugin/publish/update_target.py),
the changes' fingerprint, every resource created (with an intent before each create, as in
plugin/publish/steps/base.py) and a flag after each switch. Running the same request again
resumes it; other changes while one is unfinished are refused (resume or undo it first). A
finished update's journal is set aside (``….done-<n>.json``), so the next update starts anew.

Undo, possible until the old version starts being removed: the metadata record's previous
XML put back, the WMTS and the WMS-V configurations put back as they were and their
offerings synchronised (so they serve the old pyramid and style again), then every resource
the update created removed, newest first.
"""

from __future__ import annotations

import os
import threading
import time
from typing import Callable, List, Optional

from ..entrepot.api import EntrepotApi
from ..i18n import tr
from .adopt import adopt_interrupted
from .context import Timeouts
from .errors import PublishError
from .journal import Journal
from .pyramid_versions import next_version_name
from .spec import Publication
from .step_runner import StepRunner
from .steps import DataStep, IntegrationStep, PyramidStep
from .steps.base import Step, abort_running_executions
from .steps.integration import table_relations
from .undo import remove_resources
from .update import UpdateChanges, UpdateRequest, UpdateResult, settings_after
from .update_steps import (
    CleanupStep,
    UpdateMetadataStep,
    UpdateStyleStep,
    WmsvSwitchStep,
    WmtsSwitchStep,
    replace_configuration,
    sync_offering,
)
from .update_target import UpdateTarget, replace_body, resolve_target
from .waiting import FIRST_DELAY_S, MAX_DELAY_S

OverallProgress = Callable[[float, str, str], None]


def update_journal_key(wmts_configuration_id: str) -> str:
    return f"update__{wmts_configuration_id}"


def update_steps(changes: UpdateChanges) -> List[Step]:
    """The steps these changes need, in order."""
    steps: List[Step] = []
    if changes.data is not None:
        steps += [DataStep(), IntegrationStep()]
    if changes.new_style:
        steps += [UpdateStyleStep([*changes.new_data, *changes.restyled]), WmsvSwitchStep()]
    if changes.new_pyramid:
        steps += [PyramidStep(), WmtsSwitchStep()]
    if changes.metadata is not None:
        steps.append(UpdateMetadataStep())
    if changes.new_pyramid:
        steps.append(CleanupStep())
    return steps


def _unprefixed(layer_name: str, prefix: Optional[str]) -> str:
    return layer_name[len(prefix) + 1:] if prefix and layer_name.startswith(prefix + ".") \
        else layer_name


def update_spec(target: UpdateTarget, changes: UpdateChanges, datastore) -> Publication:
    """The publication spec the reused steps read: the published names and titles, the
    new versions' names, the new levels and area."""
    wmts, wmsv = target.wmts_configuration, target.wmsv_configuration
    extent = changes.extent_wgs84 or (changes.data.extent_wgs84 if changes.data and not
                                      target.is_map else None) or target.bbox
    prefix = datastore.layer_name_prefix
    return Publication(
        datastore_id=target.datastore_id, datasheet_name=target.datasheet_name,
        wmsv_name=_unprefixed(target.wmsv_layer_name, prefix),
        wmts_name=_unprefixed(wmts.get("layer_name", ""), prefix),
        pyramid_name=next_version_name(target.pyramid_name, target.existing_names),
        wmsv_title=(wmsv.get("type_infos") or {}).get("title") or wmsv.get("name", ""),
        wmts_title=(wmts.get("type_infos") or {}).get("title") or wmts.get("name", ""),
        abstract=(wmts.get("type_infos") or {}).get("abstract", ""),
        layer=None if target.is_map and changes.data else changes.data or changes.style,
        layers=tuple(changes.new_data) if target.is_map and changes.data else (),
        data_name=next_version_name(target.vectordb_name, target.existing_names),
        top_level=changes.top_level if changes.top_level is not None else target.top_level,
        bottom_level=(changes.bottom_level if changes.bottom_level is not None
                      else target.bottom_level),
        extent_wgs84=tuple(extent) if extent else None, image_format=target.image_format,
        restricted=not target.wmts_open, metadata=changes.metadata)


class UpdateWorkflow(StepRunner):
    """One update (see the module's docstring). ``run`` starts or resumes it, ``cancel``
    stops it at the next wait or request, ``undo`` gives the old version back."""

    def __init__(self, api: EntrepotApi, request: UpdateRequest, *,
                 journal_dir: Optional[str] = None, work_dir: Optional[str] = None,
                 progress: Optional[OverallProgress] = None,
                 cancel_event: Optional[threading.Event] = None,
                 checkpoint_hook: Optional[Callable[[str], None]] = None,
                 timeouts: Optional[Timeouts] = None,
                 poll_first_s: float = FIRST_DELAY_S, poll_max_s: float = MAX_DELAY_S):
        self.api = api.in_datastore(request.datastore_id)
        self.request = request
        self._set_up(Journal.open(request.datastore_id,
                                  update_journal_key(request.wmts_configuration_id),
                                  journal_dir),
                     update_steps(request.changes), None, work_dir=work_dir,
                     progress=progress, cancel_event=cancel_event,
                     checkpoint_hook=checkpoint_hook, timeouts=timeouts,
                     poll_first_s=poll_first_s, poll_max_s=poll_max_s)

    # -- running ------------------------------------------------------------------------
    def prepare(self) -> None:
        """The published state (read now, or the journal's), the spec, the values the
        reused steps read from the journal."""
        ctx, journal, changes = self.ctx, self.journal, self.request.changes
        ctx.current_step = "preflight"
        if not self.steps:
            raise PublishError(tr("nothing to update: choose what changes"), step="update")
        ctx.me = self.api.me()
        ctx.datastore = self.api.datastore()
        known = journal.get("changes")
        if known is not None and known != changes.fingerprint():
            raise PublishError(tr("an unfinished update of this WMTS is waiting with other"
                                  " choices: resume it with the same choices or undo it"),
                               step="update")
        if journal.get("target") is None:
            target = resolve_target(self.api, self.request.wmts_configuration_id)
            target = self._focused(target, changes)
            journal.put("target", target.to_dict())
            journal.put("changes", changes.fingerprint())
            journal.put("change_kinds", changes.kinds())
        target = UpdateTarget.from_dict(journal.get("target"))
        ctx.spec = update_spec(target, changes, ctx.datastore)
        for step in self.steps:   # a map's new data: its tables keep their layers' names
            if isinstance(step, (DataStep, IntegrationStep)):
                step.map_tables = bool(target.restyled)
        os.makedirs(ctx.work_dir, exist_ok=True)
        for key, value in (("wmsv_layer_name", target.wmsv_layer_name),
                           ("wmsv_url", target.wmsv_url), ("wmsv_private", target.wmsv_private),
                           ("data_replaced", changes.data is not None),
                           ("vectordb_id", target.vectordb_id), ("table", target.table),
                           ("harvest_layers", target.harvest_layers)):
            if journal.get(key) is None:
                journal.put(key, value)
        if changes.style is not None and changes.data is None and not journal.get("relations"):
            journal.put("relations", table_relations(self.api.stored_data(target.vectordb_id)))
        if target.restyled and not journal.get("relations_of"):   # a map's: per stored data
            journal.put("relations_of", {
                stored: table_relations(self.api.stored_data(stored))
                for stored in dict.fromkeys(r["stored_data"] for r in target.restyled
                                            if not r.get("new_data"))})
        adopt_interrupted(ctx)
        if target.wmsv_private and changes.new_pyramid:
            self._harvest_key(target)
        journal.put("api_url", self.api.client.api_url)
        journal.set_spec(ctx.spec.summary())

    @staticmethod
    def _focused(target: UpdateTarget, changes: UpdateChanges) -> UpdateTarget:
        """A map's update of its layers' styles or data acts on those layers' relations
        only (plugin/publish/update_map.py)."""
        if not target.is_map:
            return target
        renewed = [source.name for source in changes.new_data]
        return target.restyling([*renewed, *[s.name for s in changes.restyled
                                             if s.name not in renewed]], tuple(renewed))

    def _harvest_key(self, target: UpdateTarget) -> None:
        """A private WMS-V is harvested with a key: the one its publication made (found by
        name; its hash stays in memory), else a new one with an access (the update's)."""
        from .steps.wmsv import WmsvStep, key_hash

        name = f"harvest_{self.ctx.spec.wmsv_name}"
        key = next((k for k in self.api.list_keys() if k.name == name), None)
        if key is not None:
            self.ctx.secrets["harvest_apikey"] = key_hash(self.api.key(key.id))
        else:
            WmsvStep()._harvest_key(self.ctx, self.api.offering(target.wmsv_offering_id))

    def run(self) -> UpdateResult:
        self._run_steps()
        result = self.result()
        self._tell_publication_journals(result)
        self._set_aside()
        return result

    def _tell_publication_journals(self, result: UpdateResult) -> None:
        """The publication journals beside this one that hold this WMTS learn the new
        versions and settings (plugin/publish/update.py ``record_in_publication``): an undo,
        a resume or a reopening of the wizard then acts on what the WMTS really serves."""
        from .update import record_in_publication
        from .update_owner import publication_journals

        for journal in publication_journals(self.journal, self.request.wmts_configuration_id):
            record_in_publication(journal, result)

    def _run_step(self, step: Step) -> None:
        ctx, journal = self.ctx, self.journal
        if journal.is_done(step.name):
            return
        ctx.check_cancel()
        ctx.current_step = step.name
        interrupted = journal.step_status(step.name) != "pending"
        started = time.monotonic()
        journal.mark_step(step.name, "running")
        ctx.progress(0.0, "started")
        if interrupted:
            step.resume(ctx, journal)
        else:
            step.run(ctx)
        journal.mark_step(step.name, "done", seconds=round(time.monotonic() - started, 3))
        ctx.progress(1.0, "done")
        ctx.checkpoint(f"done:update_{step.name}")

    def result(self) -> UpdateResult:
        target = UpdateTarget.from_dict(self.journal.get("target"))
        offering = self.api.offering(target.wmts_offering_id)
        levels = self.journal.get("wmts_levels") or [
            str(target.top_level), str(target.bottom_level)]
        pyramid = self.ctx.spec.pyramid_name if self.request.changes.new_pyramid \
            else target.pyramid_name
        changes, journal = self.request.changes, self.journal
        replaced = {}
        if changes.new_pyramid:
            replaced["stored_data_pyramid"] = target.pyramid_id
        if changes.new_style:
            replaced["static_sld"] = target.static_id
        if target.restyled:   # a map's restyled layers and layers with new data
            from .update_map import replaced_by

            replaced.update(replaced_by(journal, target))
        elif changes.data is not None:
            replaced["stored_data_vector"] = target.vectordb_id
            if journal.get("old_upload_id"):
                replaced["upload"] = journal.get("old_upload_id")
        return UpdateResult(wmts_layer_name=offering.layer_name,
                            wmts_url=offering.url("WMTS") or "", pyramid_name=pyramid,
                            levels=(levels[0], levels[1]), changes=changes.kinds(),
                            journal_path=journal.path, created=journal.resources(),
                            replaced=replaced, kept=list(journal.get("kept") or []),
                            settings=settings_after(changes, self.ctx.spec,
                                                    journal.get("metadata_digest") or ""))

    def _set_aside(self) -> None:
        """A finished update's journal is history: the next update starts a new one."""
        stem = self.journal.path[:-len(".json")]
        number = 1
        while os.path.exists(f"{stem}.done-{number}.json"):
            number += 1
        os.replace(self.journal.path, f"{stem}.done-{number}.json")
        self.journal.path = f"{stem}.done-{number}.json"

    # -- undo ---------------------------------------------------------------------------
    def undo(self) -> List[str]:
        """Give the old version back and remove what the update created (see above)."""
        ctx, journal = self.ctx, self.journal
        ctx.current_step = "undo"
        ctx.cancel_event.clear()
        if not journal.exists_on_disk() or journal.get("target") is None:
            return []
        if journal.get("cleanup_started"):
            raise PublishError(tr("this update has already removed the previous version: it"
                                  " can only be resumed"), step="undo")
        ctx.datastore = ctx.datastore or self.api.datastore()
        target = UpdateTarget.from_dict(journal.get("target"))
        ctx.spec = ctx.spec or update_spec(target, self.request.changes, ctx.datastore)
        adopt_interrupted(ctx)
        abort_running_executions(ctx, journal)
        if journal.get("metadata_replaced"):
            with open(journal.get("old_metadata_path"), encoding="utf-8") as handle:
                self.api.replace_metadata(target.metadata_id, handle.read().encode("utf-8"))
            journal.put("metadata_replaced", False)
        for prefix, configuration, configuration_id, offering_id in (
                ("wmts", target.wmts_configuration, target.wmts_configuration_id,
                 target.wmts_offering_id),
                ("wmsv", target.wmsv_configuration, target.wmsv_configuration_id,
                 target.wmsv_offering_id)):
            if journal.get(f"{prefix}_switched"):
                replace_configuration(ctx, configuration_id, replace_body(configuration),
                                      f"{prefix}_restored")
                sync_offering(ctx, offering_id, f"{prefix}_restore_synced")
                journal.put(f"{prefix}_switched", False)
        removed = remove_resources(ctx, journal.resources())
        for step in self.steps:
            if journal.step_status(step.name) != "pending":
                journal.mark_step(step.name, "undone")
        self._set_aside()
        return removed
