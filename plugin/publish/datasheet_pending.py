"""What a datasheet delete still has to remove, kept on disk while it runs.

Some resources are found only through others: a style static through the configuration
that draws with it. Once the configuration is deleted, a new plan cannot see the static any
more, so a run stopped between the two (a failure, a cancel, QGIS killed) would leave it
behind. The plan is therefore written next to the publication journals before the first
removal, merged into the next plan of the same datasheet, and removed once a run ends.
"""

from __future__ import annotations

import json
import os
from typing import Callable, List, Optional

from .datasheet_delete import ORDER, DeletePlan, Removal
from .journal import journal_file_name
from .live import is_alive


def pending_path(directory: str, datastore_id: str, datasheet: str) -> str:
    return os.path.join(directory, journal_file_name(datastore_id, f"delete__{datasheet}"))


def load(path: Optional[str]) -> List[Removal]:
    if not path or not os.path.exists(path):
        return []
    with open(path, encoding="utf-8") as handle:
        rows = json.load(handle).get("removals", [])
    return [Removal(r["kind"], r["id"], r.get("name", ""), r.get("action", "delete"))
            for r in rows]


def save(path: Optional[str], plan: DeletePlan) -> None:
    if not path:
        return
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    rows = [{"kind": r.kind, "id": r.id, "name": r.name, "action": r.action}
            for r in plan.removals]
    tmp = f"{path}.tmp"
    with open(tmp, "w", encoding="utf-8") as handle:
        json.dump({"datasheet": plan.datasheet, "removals": rows}, handle, indent=1)
    os.replace(tmp, path)


def forget(path: Optional[str]) -> None:
    if path and os.path.exists(path):
        os.unlink(path)


def still_there(api, removal: Removal) -> bool:
    """Whether the platform still has it (kinds without a detail route are kept: their
    removal answers 404 when they are gone, which counts as removed)."""
    from ..entrepot.errors import NotFound

    read = {"statics": api.static, "annexes": api.annex, "configurations": api.configuration,
            "offerings": api.offering, "stored_data": api.stored_data, "uploads": api.upload,
            "metadata": api.metadata, "executions": api.execution,
            "keys": api.key}.get(removal.kind)
    if read is None:
        return True
    try:
        return is_alive(read(removal.id))
    except NotFound:
        return False


def merged(fresh: DeletePlan, earlier: List[Removal],
           exists: Callable[[Removal], bool] = lambda _r: True) -> DeletePlan:
    """``fresh`` plus what an earlier run planned, a new plan cannot see and ``exists``
    still, in order."""
    known = {(r.kind, r.id, r.action) for r in fresh.removals}
    extra = [r for r in earlier if (r.kind, r.id, r.action) not in known and exists(r)]
    if not extra:
        return fresh
    rank = {step: index for index, step in enumerate(ORDER)}
    removals = sorted(fresh.removals + extra, key=lambda r: rank[(r.kind, r.action)])
    return DeletePlan(fresh.datasheet, removals, fresh.key_accesses, fresh.kept_permissions)
