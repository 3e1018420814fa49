"""One inventory: every resource of a datastore that a publication can create, by kind,
read through the API (the soak, the tests and the datasheet view all use it).

An *orphan* is a resource a run created that neither its journal (live entries) nor a live
datasheet references once the run was resumed or undone. Executions are the platform's
history of processings, not something a publication owns: once finished they stay, and only
one that is still running, or that no journal entry knows, counts as an orphan.
"""

from __future__ import annotations

from typing import Any, Dict, Iterable, Mapping, Set

from .live import alive

KINDS = ("uploads", "stored_data", "statics", "annexes", "configurations", "offerings",
         "permissions", "keys", "key_accesses", "metadata", "executions")
RUNNING = ("CREATED", "WAITING", "PROGRESS")

Inventory = Dict[str, Dict[str, Dict[str, Any]]]   # kind -> id -> {name, status, ...}

# Journal kinds (``upload``, ``stored_data_pyramid``, ``key_access``...) -> inventory kind.
_JOURNAL_FAMILIES = (("key_access", "key_accesses"), ("key", "keys"), ("upload", "uploads"),
                     ("stored_data", "stored_data"), ("static", "statics"),
                     ("annexe", "annexes"), ("configuration", "configurations"),
                     ("offering", "offerings"), ("permission", "permissions"),
                     ("metadata", "metadata"), ("execution", "executions"))


def inventory_kind(journal_kind: str) -> str:
    for family, kind in _JOURNAL_FAMILIES:
        if journal_kind == family or journal_kind.startswith(family + "_"):
            return kind
    raise ValueError(f"no inventory kind for {journal_kind!r}")


def _entry(item: Any, name: str) -> Dict[str, Any]:
    return {"name": name, "status": getattr(item, "status", "") or
            (item.raw.get("status", "") if hasattr(item, "raw") else "")}


def datastore_inventory(api) -> Inventory:
    """Every live resource of ``api``'s datastore (and the signed-in user's keys with their
    accesses), by kind: ``{kind: {id: {"name", "status", ...}}}``."""
    found: Inventory = {kind: {} for kind in KINDS}
    for upload in alive(api.uploads()):
        found["uploads"][upload.id] = _entry(upload, upload.name)
    for stored in alive(api.stored_data_list()):
        found["stored_data"][stored.id] = {**_entry(stored, stored.name), "type": stored.type}
    for static in alive(api.statics()):
        found["statics"][static.id] = _entry(static, static.name)
    for annex in alive(api.annexes()):
        found["annexes"][annex.id] = _entry(annex, ",".join(annex.paths))
    for configuration in alive(api.configurations()):
        found["configurations"][configuration.id] = {
            **_entry(configuration, configuration.layer_name), "type": configuration.type}
    for offering in alive(api.offerings()):
        found["offerings"][offering.id] = _entry(offering, offering.layer_name)
    for permission in api.permissions():
        found["permissions"][permission.id] = {"name": ",".join(permission.offering_ids),
                                               "status": ""}
    for key in api.list_keys():
        found["keys"][key.id] = _entry(key, key.name)
        for row in api.key_accesses(key.id):
            offering = row.get("offering") or {}
            offering_id = offering.get("_id") if isinstance(offering, Mapping) else offering
            found["key_accesses"][row.get("_id") or f"{key.id}|{offering_id}"] = {
                "name": f"{key.name} -> {offering_id}", "status": "", "key": key.id}
    for metadata in api.metadata_list():
        found["metadata"][metadata.id] = _entry(metadata, metadata.file_identifier)
    for execution in api.executions():
        found["executions"][execution.id] = _entry(execution, execution.id)
    return found


def added(before: Inventory, after: Inventory) -> Dict[str, Set[str]]:
    """Ids present after and not before, by kind."""
    return {kind: set(after.get(kind, {})) - set(before.get(kind, {})) for kind in KINDS}


def journal_ids(entries: Iterable[Mapping[str, Any]]) -> Dict[str, Set[str]]:
    """The ids journal entries hold, by inventory kind."""
    ids: Dict[str, Set[str]] = {kind: set() for kind in KINDS}
    for entry in entries:
        ids[inventory_kind(entry["kind"])].add(entry["id"])
    return ids


def unreferenced(before: Inventory, after: Inventory,
                 live_entries: Iterable[Mapping[str, Any]],
                 all_entries: Iterable[Mapping[str, Any]] = ()) -> Dict[str, Set[str]]:
    """Resources added between ``before`` and ``after`` that no live journal entry references
    (executions: only those still running, or unknown to every entry, removed ones too)."""
    new = added(before, after)
    live, known = journal_ids(live_entries), journal_ids(all_entries)
    left = {kind: new[kind] - live[kind] for kind in KINDS}
    left["executions"] = {
        i for i in new["executions"]
        if i not in live["executions"] and (
            i not in known["executions"]
            or after["executions"][i]["status"] in RUNNING)}
    return left


def count(ids_by_kind: Mapping[str, Set[str]]) -> int:
    return sum(len(ids) for ids in ids_by_kind.values())


def duplicates_and_orphans(before: Inventory, after: Inventory,
                           live_entries: Iterable[Mapping[str, Any]],
                           all_entries: Iterable[Mapping[str, Any]] = ()) -> Dict[str, int]:
    """What a run added that its journal does not reference, split in two: *duplicates*
    (another resource of a kind the journal holds: a second upload, permission, access...)
    and *orphans* (a kind the journal no longer holds, e.g. after undo)."""
    live_entries = list(live_entries)
    left = unreferenced(before, after, live_entries, all_entries)
    ours = journal_ids(live_entries)
    duplicates = sum(len(ids) for kind, ids in left.items() if ours[kind])
    return {"duplicates": duplicates, "orphans": count(left) - duplicates}
