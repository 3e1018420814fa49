"""A map's update in place (several layers, one WMS-V with one relation per layer): the
layers restyled and the layers given new data, each acting on its own relation only.

The target keeps each such layer's relation (``UpdateTarget.restyled``: its stored data,
table, static, ``kind`` of its new static in the update's journal and ``new_data``). A layer
with new data is exported as a table named after it (``map_tables``), uploaded with the
other new layers of its CRS (plugin/publish/batches.py) and integrated; its relation then
points at the new stored data and table. The WMS-V is replaced once with every relation
switched and the others, and the draw order, as they were. After the WMTS switch an old
static goes when its publication made it; an old stored data (and its upload) only when no
relation of the WMS-V still draws it.
"""

from __future__ import annotations

from typing import Any, Dict, List, Tuple

from ..entrepot.models.fields import id_of
from ..i18n import tr
from .context import PublishContext
from .errors import PublishError
from .update_target import UpdateTarget

Key = Tuple[str, str]   # (stored data id, table)


def remapped(used_data: List[Dict[str, Any]], switches: Dict[Key, Tuple[str, str, str]]
             ) -> List[Dict[str, Any]]:
    """``used_data`` (a WMS-V's) with each relation ``(stored data, table)`` of ``switches``
    drawn from ``(new stored data, new table, new static)``; relations in the same order,
    consecutive ones of one stored data in one entry (a PUT body: ids only)."""
    flat: List[Tuple[str, Dict[str, Any]]] = []
    found = set()
    for used in used_data:
        stored = id_of(used.get("stored_data")) or ""
        for relation in used.get("relations") or []:
            relation = dict(relation, style=id_of(relation.get("style")) or "")
            key = (stored, relation.get("name", ""))
            if key in switches:
                new_stored, table, static = switches[key]
                found.add(key)
                relation.update(name=table, style=static)
                flat.append((new_stored, relation))
            else:
                flat.append((stored, relation))
    missing = set(switches) - found
    if missing:
        raise PublishError(tr("the WMS-V no longer draws the table '{0}'").format(
            sorted(missing)[0][1]), step="wmsv_switch")
    result: List[Dict[str, Any]] = []
    for stored, relation in flat:
        if result and result[-1]["stored_data"] == stored:
            result[-1]["relations"].append(relation)
        else:
            result.append({"stored_data": stored, "relations": [relation]})
    return result


def new_relation(ctx: PublishContext, entry: Dict[str, Any]) -> Dict[str, Any]:
    """The integrated relation a layer's new data gave (with its stored data's id)."""
    return _new_relation(ctx.journal, entry)


def _new_relation(journal, entry: Dict[str, Any]) -> Dict[str, Any]:
    from .map_source import map_table_name
    from .steps.style import relation_for

    return relation_for(journal.get("relations") or [], map_table_name(entry["layer"]),
                        entry["layer"])


def switches(ctx: PublishContext, target: UpdateTarget) -> Dict[Key, Tuple[str, str, str]]:
    """Each restyled (or new data) relation → its new stored data, table and static."""
    result = {}
    for entry in target.restyled:
        static = ctx.journal.resource_id(entry["kind"])
        if entry.get("new_data"):
            relation = new_relation(ctx, entry)
            result[(entry["stored_data"], entry["name"])] = (
                relation["stored_data"], relation["name"], static)
        else:
            result[(entry["stored_data"], entry["name"])] = (
                entry["stored_data"], entry["name"], static)
    return result


def old_resources(ctx: PublishContext, target: UpdateTarget, upload_of) -> List[tuple]:
    """What the switched map no longer uses: each replaced static, each old stored data no
    relation draws any more, and its upload (``upload_of(stored data id)``). A stored data
    other layers still draw is said kept."""
    journal = ctx.journal
    old = [("static", e["style"]) for e in target.restyled if journal.resource_id(e["kind"])]
    drawn = set(journal.get("wmsv_stored_data") or [])
    for stored in dict.fromkeys(e["stored_data"] for e in target.restyled
                                if e.get("new_data")):
        if stored in drawn:
            ctx.log(f"old stored_data {stored} kept: other layers of the map still draw it")
            continue
        old.append(("stored_data", stored))
        uploads = dict(journal.get("old_uploads") or {})
        if stored not in uploads:
            uploads[stored] = upload_of(stored)
            journal.put("old_uploads", uploads)
        if uploads[stored]:
            old.append(("upload", uploads[stored]))
    return old


def replaced_by(journal, target: UpdateTarget) -> Dict[str, str]:
    """For the publication's journal: the update's journal kind of what replaced each old
    resource → the old id (a static by its layer's kind, a stored data or upload by the
    kind of the new one that took its layers; one no longer drawn is removed)."""
    replaced = {e["kind"]: e["style"] for e in target.restyled}
    kinds = {entry["id"]: entry["kind"] for entry in journal.resources()}
    drawn = set(journal.get("wmsv_stored_data") or [])
    uploads = journal.get("old_uploads") or {}
    for entry in target.restyled:
        if not entry.get("new_data") or entry["stored_data"] in drawn:
            continue
        new_stored = _new_relation(journal, entry)["stored_data"]
        kind = kinds.get(new_stored) or f"removed_{entry['stored_data']}"
        replaced.setdefault(kind, entry["stored_data"])
        if uploads.get(entry["stored_data"]):
            replaced.setdefault(kind.replace("stored_data_vector", "upload")
                                if kind.startswith("stored_data_vector")
                                else f"removed_{uploads[entry['stored_data']]}",
                                uploads[entry["stored_data"]])
    return replaced
