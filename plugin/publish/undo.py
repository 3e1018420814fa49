"""Remove what a publication created, newest first; what is already gone counts as removed."""

from __future__ import annotations

from typing import Any, Callable, Dict, List

from ..entrepot.errors import NotFound
from .context import PublishContext
from .errors import PublishError


def _delete_offering(ctx: PublishContext, offering_id: str) -> None:
    ctx.gateway.delete_offering(ctx.ds, offering_id)

    def poll() -> bool:
        try:
            status = ctx.gateway.get_offering(ctx.ds, offering_id).get("status")
        except NotFound:
            return True
        return status in ("DELETED", None)

    ctx.wait(poll, bool, timeout_s=ctx.timeouts.unpublish_s, what="the unpublication")


def _delete_metadata(ctx: PublishContext, metadata_id: str) -> None:
    endpoint = ctx.journal.get("metadata_published")
    identifier = ctx.journal.get("metadata_file_identifier")
    if endpoint and identifier:
        try:
            ctx.gateway.unpublish_metadata(ctx.ds, identifier, endpoint)
        except NotFound:
            pass
    ctx.gateway.delete_metadata(ctx.ds, metadata_id)


def _abort_execution(ctx: PublishContext, execution_id: str) -> None:
    status = ctx.gateway.get_execution(ctx.ds, execution_id).get("status")
    if status in ("CREATED", "WAITING", "PROGRESS"):
        ctx.gateway.abort_execution(ctx.ds, execution_id)


def _deleter(kind: str) -> Callable[[PublishContext, str], None]:
    simple: Dict[str, Callable[[PublishContext, str], Any]] = {
        "upload": lambda c, i: c.gateway.delete_upload(c.ds, i),
        "static": lambda c, i: c.gateway.delete_static(c.ds, i),
        "annexe": lambda c, i: c.gateway.delete_annexe(c.ds, i),
        "stored_data": lambda c, i: c.gateway.delete_stored_data(c.ds, i),
        "configuration": lambda c, i: c.gateway.delete_configuration(c.ds, i),
        "permission": lambda c, i: c.gateway.delete_permission(c.ds, i),
        "key": lambda c, i: c.gateway.delete_key(i),
        "offering": _delete_offering,
        "metadata": _delete_metadata,
        "execution": _abort_execution,
    }
    for family, remove in simple.items():
        if kind == family or kind.startswith(family + "_"):
            return remove
    raise PublishError(f"do not know how to remove a {kind}", step="undo")


def remove_resources(ctx: PublishContext, entries: List[Dict[str, Any]]) -> List[str]:
    """Remove ``entries`` (journal resources) newest first; return the removed kinds."""
    removed = []
    for entry in reversed(entries):
        kind, resource_id = entry["kind"], entry["id"]
        try:
            _deleter(kind)(ctx, resource_id)
        except NotFound:
            pass
        ctx.journal.mark_removed(kind, resource_id)
        removed.append(kind)
    return removed
