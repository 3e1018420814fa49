"""Delete a datasheet: everything its name tags, planned from what the platform holds now.

The plan lists every removal in dependency order (the platform refuses a removal while
something still depends on it):

1. running executions are aborted (a stored data being generated cannot be deleted, an
   upload read by a running processing neither);
2. permissions naming only the datasheet's offerings (one naming other offerings too is
   kept: it serves them; the platform drops the gone offerings from it);
3. offerings, unpublished and waited for (the key accesses to them go with them; the keys
   themselves are the user's and serve other services: never deleted, but for the key a
   publication made for its own harvest, ``harvest_<WMS-V name>``, whose every access opens
   one of the datasheet's offerings: it serves nothing else, and goes just before them);
4. configurations (refused while an offering remains);
5. statics the WMS-V configurations draw with (refused while a configuration uses them);
6. annexes: labelled ``datasheet_name=<name>`` (cartes.gouv.fr's label) or referenced by
   one of those styles (the plugin's icons);
7. stored data (refused while a configuration uses them), then uploads;
8. metadata, unpublished from their endpoints first;
9. the executions that made the datasheet's data (the platform's history of them).

Planning only reads the platform. A plan made again after a failure or a cancel lists what
is left, and what an earlier run planned but can no longer be found (a static whose configuration is
gone) comes back from the record it left (datasheet_pending.py): running the delete again
finishes the job (datasheet_delete_run.py).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, Iterable, List, Mapping, Optional, Set
from urllib.parse import unquote

from ..entrepot.errors import NotFound
from .datasheet import DATASHEET_TAG, Item, access_rows
from .live import alive, is_alive

RUNNING = ("CREATED", "WAITING", "PROGRESS")
ABORT = "abort"
DELETE = "delete"
# The order removals run in (kind of each removal; ``executions`` twice: abort, delete).
ORDER = (("executions", ABORT), ("permissions", DELETE), ("keys", DELETE), ("offerings", DELETE),
         ("configurations", DELETE), ("statics", DELETE), ("annexes", DELETE),
         ("stored_data", DELETE), ("uploads", DELETE), ("metadata", DELETE),
         ("executions", DELETE))
PROVENANCE_TAGS = ("proc_int_id", "proc_pyr_creat_id")
# The key a publication makes so that the harvest may read its private WMS-V (steps/wmsv.py).
HARVEST_KEY_PREFIX = "harvest_"


@dataclass(frozen=True)
class Removal:
    kind: str          # an inventory kind (inventory.KINDS)
    id: str
    name: str
    action: str = DELETE


@dataclass
class DeletePlan:
    datasheet: str
    removals: List[Removal] = field(default_factory=list)
    key_accesses: List[Item] = field(default_factory=list)   # go with their offerings
    kept_permissions: List[Item] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not self.removals

    def counts(self) -> Dict[str, int]:
        """Resources deleted, by inventory kind (an aborted execution is deleted too)."""
        found = Counter(r.kind for r in self.removals if r.action == DELETE)
        if self.key_accesses:
            found["key_accesses"] = len(self.key_accesses)
        return dict(found)

    def names(self, kind: str) -> List[str]:
        if kind == "key_accesses":
            return [a.name for a in self.key_accesses]
        return [r.name for r in self.removals if r.kind == kind and r.action == DELETE]


def _or_none(read: Callable[[], Any]) -> Optional[Any]:
    try:
        return read()
    except NotFound:
        return None


def style_ids(configuration) -> List[str]:
    """The statics a configuration draws with: every relation's ``style`` of every used
    data (lists: a WMS-V may draw several tables) and ``type_infos.styles``."""
    ids = [r.style_id for used in configuration.used_data for r in used.relations
           if r.style_id]
    for style in configuration.type_infos.get("styles") or ():
        style_id = style.get("_id") or style.get("id") if isinstance(style, Mapping) else style
        if style_id:
            ids.append(str(style_id))
    return list(dict.fromkeys(ids))


def _annexes(api, name: str, style_texts: Iterable[str]) -> List[Any]:
    label = f"{DATASHEET_TAG}={name}"
    texts = [t + "\n" + unquote(t) for t in style_texts]
    return [a for a in api.annexes()
            if label in a.labels or any(path and path in text for path in a.paths
                                        for text in texts)]


def _uploads(api, name: str, stored: Iterable[Any]) -> List[Any]:
    found = {u.id: u for u in alive(api.uploads(tags={DATASHEET_TAG: name}))}
    for data in stored:  # the provenance tag finds an upload that lost its own tag
        upload_id = data.tags.get("upload_id")
        if upload_id and upload_id not in found:
            upload = _or_none(lambda upload_id=upload_id: api.upload(upload_id))
            if upload is not None and is_alive(upload) and \
                    upload.tags.get(DATASHEET_TAG, name) == name:
                found[upload.id] = upload
    return list(found.values())


def _executions(api, stored: Iterable[Any], uploads: Iterable[Any]) -> List[Any]:
    found: Dict[str, Any] = {}
    for data in stored:
        for execution in api.executions(output_stored_data=data.id):
            found[execution.id] = execution
    for upload in uploads:
        for execution in api.executions(input_upload=upload.id):
            found[execution.id] = execution
    for data in stored:
        for tag in PROVENANCE_TAGS:
            execution_id = data.tags.get(tag)
            if execution_id and execution_id not in found:
                execution = _or_none(lambda i=execution_id: api.execution(i))
                if execution is not None:
                    found[execution.id] = execution
    return list(found.values())


def harvest_keys(api, offering_ids: Set[str]) -> List[tuple]:
    """``(id, name)`` of the harvest keys that open only ``offering_ids``."""
    found = []
    for key in api.list_keys() if offering_ids else ():
        if not key.name.startswith(HARVEST_KEY_PREFIX):
            continue
        opened = set()
        for row in api.key_accesses(key.id):
            offering = row.get("offering") or {}
            opened.add(offering.get("_id") if isinstance(offering, Mapping) else offering)
        if opened and opened <= offering_ids:
            found.append((key.id, key.name))
    return found


def plan_delete(api, name: str, record_dir: Optional[str] = None) -> DeletePlan:
    """What deleting datasheet ``name`` removes, in order (reads only). ``record_dir``: where
    an earlier stopped run left what it still had to remove (datasheet_pending.py)."""
    tags = {DATASHEET_TAG: name}
    stored = alive(api.stored_data_list(tags=tags))
    configurations = [c for c in (_or_none(lambda c=c: api.configuration(c.id))
                                  for c in alive(api.configurations(tags=tags))) if c]
    config_ids = {c.id for c in configurations}
    offerings = [o for o in alive(api.offerings()) if o.configuration_id in config_ids]
    offering_ids = {o.id for o in offerings}
    plan = DeletePlan(name)
    by_kind: Dict[str, List[Removal]] = {}

    def add(kind: str, resource_id: str, label: str, action: str = DELETE) -> None:
        by_kind.setdefault(f"{kind}:{action}", []).append(Removal(kind, resource_id, label,
                                                                  action))

    for permission in api.permissions():
        mine = offering_ids & set(permission.offering_ids)
        if not mine:
            continue
        item = Item("permissions", permission.id, permission.licence or permission.id)
        if set(permission.offering_ids) <= offering_ids:
            add("permissions", permission.id, item.name)
        else:
            plan.kept_permissions.append(item)
    for offering in offerings:
        add("offerings", offering.id, offering.layer_name or offering.id)
    plan.key_accesses = [a for rows in access_rows(api, offering_ids).values() for a in rows]
    for key_id, key_name in harvest_keys(api, offering_ids):
        add("keys", key_id, key_name)
    statics, seen = [], set()
    for configuration in configurations:
        add("configurations", configuration.id, configuration.layer_name or configuration.name)
        for static_id in style_ids(configuration):
            static = None if static_id in seen else _or_none(lambda i=static_id: api.static(i))
            seen.add(static_id)
            if static is not None:
                statics.append(static)
                add("statics", static.id, static.name or static.id)
    texts = [_or_none(lambda s=s: api.static_file(s.id)) or "" for s in statics]
    for annex in _annexes(api, name, texts):
        add("annexes", annex.id, ",".join(annex.paths) or annex.id)
    for data in stored:
        add("stored_data", data.id, data.name)
    uploads = _uploads(api, name, stored)
    for upload in uploads:
        add("uploads", upload.id, upload.name)
    for metadata in api.metadata_list(tags=tags):
        add("metadata", metadata.id, metadata.file_identifier or metadata.id)
    for execution in _executions(api, stored, uploads):
        if execution.status in RUNNING:
            add("executions", execution.id, execution.processing_name or execution.id, ABORT)
        add("executions", execution.id, execution.processing_name or execution.id)
    plan.removals = [r for kind, action in ORDER for r in by_kind.get(f"{kind}:{action}", ())]
    if record_dir:
        from . import datasheet_pending

        path = datasheet_pending.pending_path(record_dir, api.datastore_id, name)
        plan = datasheet_pending.merged(plan, datasheet_pending.load(path),
                                        lambda r: datasheet_pending.still_there(api, r))
    return plan


def plan_ids(plan: DeletePlan) -> Dict[str, Set[str]]:
    """The ids a plan deletes, by inventory kind."""
    found: Dict[str, Set[str]] = {}
    for removal in plan.removals:
        if removal.action == DELETE:
            found.setdefault(removal.kind, set()).add(removal.id)
    return found
