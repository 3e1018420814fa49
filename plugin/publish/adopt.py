"""Adopting what an interrupted run created but never journaled.

Every create call writes an *intent* (the kind and the name it will carry) before it is sent
and the id after. When the process dies in between, the resource exists on the platform and
only the intent is on disk. Before anything else (the name checks, a resume, an undo) each
intent is looked up on the platform by that name, by tag or by execution output, and the
resource found is journaled as ours: it is then neither created twice, nor reported as a name
already taken, nor left behind by undo. An intent with nothing behind it is forgotten.
"""

from __future__ import annotations

from typing import Any, Callable, Dict, List, Optional, Tuple

from ..entrepot.errors import NotFound
from ..entrepot.models import Execution
from .context import PublishContext
from .journal import Journal
from .live import alive

# An execution's output is created with it: (journal kind of the output, stored data type).
EXECUTION_OUTPUTS: Dict[str, Tuple[str, str]] = {
    "execution_integration": ("stored_data_vector", "VECTOR-DB"),
    "execution_pyramid": ("stored_data_pyramid", "ROK4-PYRAMID-RASTER"),
}
CONFIGURATION_TYPES = {"configuration_wmsv": "WMS-VECTOR", "configuration_wmts": "WMTS-TMS"}
KEY_ACCESS_KIND = "key_access"
# The step that creates each kind (an adopted resource is undone with its step).
STEP_OF_KIND = {"upload": "data", "execution_integration": "integration",
                "stored_data_vector": "integration", "static": "style", "annexe": "style",
                "configuration_wmsv": "wmsv", "offering_wmsv": "wmsv", "permission_wmsv": "wmsv",
                "key_harvest": "wmsv", KEY_ACCESS_KIND: "wmsv", "execution_pyramid": "pyramid",
                "stored_data_pyramid": "pyramid", "metadata": "metadata",
                "configuration_wmts": "wmts", "offering_wmts": "wmts",
                "permission_wmts": "restriction"}


def _base_kind(kind: str) -> Tuple[str, str]:
    """("upload", "_1") for the second upload's "upload_1" (plugin/publish/batches.py)."""
    base, _, index = kind.rpartition("_")
    return (base, f"_{index}") if index.isdigit() and base else (kind, "")


def execution_output(kind: str) -> Optional[Tuple[str, str]]:
    """(journal kind of the execution's output, its stored data type), or None."""
    base, suffix = _base_kind(kind)
    if base not in EXECUTION_OUTPUTS:
        return None
    output_kind, data_type = EXECUTION_OUTPUTS[base]
    return output_kind + suffix, data_type


def step_of(kind: str) -> str:
    kind = _base_kind(kind)[0]
    return STEP_OF_KIND.get(kind) or STEP_OF_KIND.get(kind.split("_")[0], "adopt")


def key_access_intent(key_id: str, permission_id: str, offering_id: str) -> str:
    """A key access has no name: the intent names the key, permission and offering."""
    return f"{key_id}|{permission_id}|{offering_id}"


def _named(items: List[Any], **wanted: Any) -> Optional[Any]:
    return next((i for i in alive(items)
                 if all(getattr(i, k) == v for k, v in wanted.items())), None)


def find_access(api, key_id: str, permission_id: str, offering_id: str) -> Optional[str]:
    """The id of the key's access row for that permission and offering, if there is one."""
    for row in api.key_accesses(key_id):
        permission = row.get("permission") or {}
        offering = row.get("offering") or {}
        permission_id_seen = permission.get("_id") if isinstance(permission, dict) \
            else permission
        offering_id_seen = offering.get("_id") if isinstance(offering, dict) else offering
        if permission_id_seen == permission_id and offering_id_seen == offering_id:
            return row.get("_id") or key_access_intent(key_id, permission_id, offering_id)
    return None


def _finder(kind: str) -> Optional[Callable[[Any, str], Optional[str]]]:
    """How to find ``kind`` on the platform from its intent name; None for executions."""
    if kind == "upload" or kind.startswith("upload_"):   # upload_1: a map's second CRS
        return lambda api, name: _id(_named(api.uploads(), name=name))
    if kind.startswith("static_"):
        return lambda api, name: _id(_named(api.statics(), name=name))
    if kind.startswith("annexe_"):
        return lambda api, name: next((a.id for a in api.annexes() if name in a.paths), None)
    if kind in CONFIGURATION_TYPES:
        return lambda api, name: _id(_named(api.configurations(), layer_name=name,
                                            type=CONFIGURATION_TYPES[kind]))
    if kind.startswith("offering_"):   # named after its configuration
        return lambda api, name: _id(next(iter(alive(api.configuration_offerings(name))),
                                          None))
    if kind.startswith("permission_"):   # named after its offering
        return lambda api, name: next((p.id for p in api.permissions()
                                       if name in p.offering_ids), None)
    if kind == KEY_ACCESS_KIND:
        return lambda api, name: find_access(api, *name.split("|"))
    if kind.startswith("key_"):
        return lambda api, name: next((k.id for k in api.list_keys() if k.name == name), None)
    if kind == "metadata":
        return lambda api, name: _id(_named(api.metadata_list(), file_identifier=name))
    return None


def find_by_intent(api, kind: str, name: str) -> Optional[str]:
    """The id of the ``kind`` named ``name`` (as its intent says) on the platform, or None."""
    finder = _finder(kind)
    if finder is None:
        return None
    try:
        return finder(api, name)
    except NotFound:   # what it hangs on (a configuration, a key) is gone: nothing to adopt
        return None


def _id(item: Optional[Any]) -> Optional[str]:
    return item.id if item is not None else None


def execution_for_output(api, stored_id: str) -> Optional[Execution]:
    """The execution whose output is ``stored_id`` (filtered by the platform, checked here)."""
    for execution in api.executions(output_stored_data=stored_id):
        # A listing may leave the output out: the platform's filter then stands for it.
        if (execution.output_stored_data_id or stored_id) == stored_id:
            return execution
    return None


def adopt_execution(ctx: PublishContext, kind: str, output_name: str) -> bool:
    """Journal an execution and its output found by the output's name and type; True when
    found. An output whose execution cannot be found is still journaled, so undo removes it
    and a new attempt replaces it."""
    api, journal = ctx.api, ctx.journal
    output_kind, output_type = execution_output(kind)
    stored = _named(api.stored_data_list(), name=output_name, type=output_type)
    if stored is None:
        return False
    entries = [{"kind": output_kind, "id": stored.id, "name": output_name}]
    execution = execution_for_output(api, stored.id)
    if execution is not None:
        entries.insert(0, {"kind": kind, "id": execution.id, "name": output_name})
    journal.record_together(entries, step=step_of(kind))
    ctx.log(f"adopted {kind} output {stored.id} left by an interrupted run")
    return True


def complete_executions(ctx: PublishContext) -> None:
    """An execution journaled without its output (a journal written by an older version):
    its output is read from the platform and journaled beside it."""
    journal = ctx.journal
    kinds = dict.fromkeys(e["kind"] for e in journal.resources() if execution_output(e["kind"]))
    for kind in kinds:
        output_kind = execution_output(kind)[0]
        execution_id = journal.resource_id(kind)
        if execution_id and not journal.resource_id(output_kind):
            stored_id = ctx.api.execution(execution_id).output_stored_data_id
            if stored_id:
                entry = next(e for e in journal.resources() if e["id"] == execution_id)
                journal.record(output_kind, stored_id, step=entry["step"],
                               name=entry.get("name", ""))


def adopt_interrupted(ctx: PublishContext, journal: Optional[Journal] = None) -> List[str]:
    """Adopt every intent of the journal found on the platform; forget the others.
    Returns the kinds adopted."""
    journal = journal or ctx.journal
    adopted = []
    for kind, name in journal.intents().items():
        if journal.resource_id(kind):
            journal.forget_intent(kind)
            continue
        if execution_output(kind) is not None:
            found = adopt_execution(ctx, kind, name)
        else:
            found_id = find_by_intent(ctx.api, kind, name)
            if found_id:
                journal.record(kind, found_id, step=step_of(kind), name=name)
                ctx.log(f"adopted {kind} {found_id} left by an interrupted run")
            found = bool(found_id)
        if found:
            adopted.append(kind)
        else:
            journal.forget_intent(kind)
    complete_executions(ctx)
    return adopted
