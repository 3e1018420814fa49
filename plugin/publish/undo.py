"""Remove what a publication created, newest first; what is already gone counts as removed."""

from __future__ import annotations

from typing import Any, Callable, Dict, List

from ..entrepot.errors import NotFound
from ..i18n import tr
from .context import PublishContext
from .errors import PublishError
from .steps.base import EXECUTION_RUNNING
from .steps.services import delete_offering
from .unpublish import delete_configuration


def _delete_metadata(ctx: PublishContext, metadata_id: str) -> None:
    endpoint = ctx.journal.get("metadata_published")
    identifier = ctx.journal.get("metadata_file_identifier")
    if endpoint and identifier:
        try:
            ctx.api.unpublish_metadata([identifier], endpoint)
        except NotFound:
            pass
    ctx.api.delete_metadata(metadata_id)


def _abort_execution(ctx: PublishContext, execution_id: str) -> None:
    if ctx.api.execution(execution_id).status in EXECUTION_RUNNING:
        ctx.api.abort_execution(execution_id)


def _deleter(kind: str) -> Callable[[PublishContext, str], None]:
    simple: Dict[str, Callable[[PublishContext, str], Any]] = {
        # No route removes one access: it goes with its key (removed after it, being older)
        # or with its offering.
        "key_access": lambda c, i: None,
        "upload": lambda c, i: c.api.delete_upload(i),
        "static": lambda c, i: c.api.delete_static(i),
        "annexe": lambda c, i: c.api.delete_annex(i),
        "stored_data": lambda c, i: c.api.delete_stored_data(i),
        "configuration": lambda c, i: delete_configuration(c.api, i, c.wait,
                                                           c.timeouts.unpublish_s),
        "permission": lambda c, i: c.api.delete_permission(i),
        "key": lambda c, i: c.api.delete_key(i),
        "offering": delete_offering,
        "metadata": _delete_metadata,
        "execution": _abort_execution,
    }
    for family, remove in simple.items():
        if kind == family or kind.startswith(family + "_"):
            return remove
    raise PublishError(tr("do not know how to remove a {0}").format(kind), step="undo")


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
