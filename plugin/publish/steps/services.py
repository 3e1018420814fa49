"""What the WMS-V and WMTS steps share: configuration + offering, found again by layer name,
and the wait until the offering is PUBLISHED."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any, Callable, Dict

from ...entrepot.errors import NotFound
from ...entrepot.models import Endpoint, Offering, Permission
from ...i18n import tr
from ..context import PublishContext
from ..errors import PublishError
from ..unpublish import unpublish_offering
from .base import ensure_resource

PERMISSION_MONTHS = 6


def full_layer_name(ctx: PublishContext, name: str) -> str:
    return ctx.datastore.prefixed_layer_name(name)


def ensure_configuration(ctx: PublishContext, kind: str, config_type: str, layer_name: str,
                         body: Callable[[], Dict[str, Any]]) -> str:
    api = ctx.api
    return ensure_resource(ctx, kind, layer_name,
                           create=lambda: api.create_configuration(body()))


def ensure_offering(ctx: PublishContext, kind: str, configuration_id: str,
                    endpoint: Endpoint, open_: bool) -> Offering:
    """The configuration's offering, PUBLISHED. An UNSTABLE one (a failed publication, seen
    now or left by an earlier run) is unpublished and forgotten, then a new one is made: the
    configuration never has two live offerings."""
    api = ctx.api

    def create() -> Offering:
        return api.create_offering(configuration_id, endpoint.id, open_)

    replaced = False
    while True:
        offering_id = ensure_resource(ctx, kind, configuration_id, create=create)
        try:
            offering = ctx.wait(lambda i=offering_id: api.offering(i), _settled,
                                timeout_s=ctx.timeouts.offering_s,
                                what=tr("the offering's publication"),
                                pace=(f"offering:{endpoint.type}", 1))
        except NotFound:   # removed by a run that stopped before forgetting it
            ctx.journal.mark_removed(kind, offering_id)
            continue
        if offering.status == "PUBLISHED":
            return offering
        if replaced:   # the platform failed twice in a row: its words, not a loop
            raise PublishError(tr("offering {0} is unstable").format(offering.layer_name),
                               step=ctx.current_step)
        ctx.log(f"offering {offering_id} is UNSTABLE; replacing it")
        delete_offering(ctx, offering_id)
        ctx.journal.mark_removed(kind, offering_id)
        replaced = True


def _settled(offering: Offering) -> bool:
    return offering.status in ("PUBLISHED", "UNSTABLE")


def delete_offering(ctx: PublishContext, offering_id: str) -> None:
    """Unpublish ``offering_id`` and wait until the platform no longer lists it."""
    unpublish_offering(ctx.api, offering_id, ctx.wait, ctx.timeouts.unpublish_s)


def community_id(ctx: PublishContext) -> str:
    if ctx.datastore.community_id:
        return ctx.datastore.community_id
    for community in ctx.me.communities if ctx.me else ():
        if community.datastore_id == ctx.ds:
            return community.id
    raise PublishError(tr("the datastore's community is unknown"), step=ctx.current_step)


def ensure_permission(ctx: PublishContext, kind: str, offering: Offering) -> str:
    """A permission for the own community on ``offering``, until the spec's end date (six
    months when it gives none)."""
    api = ctx.api

    def create() -> Permission:
        end = permission_end(ctx.spec.permission_end)
        created = api.create_permission(
            licence=ctx.spec.licence or f"Utilisation de {offering.layer_name}",
            offering_ids=[offering.id], community_ids=[community_id(ctx)],
            end_date=end.isoformat())
        return created[0]

    return ensure_resource(ctx, kind, offering.id, create=create)


def permission_end(last_day: str = "", now: datetime | None = None) -> datetime:
    """The end of the permission: the end of ``last_day`` (YYYY-MM-DD, the day the user chose
    on the access page), else six months from ``now``; always 23:59 UTC of that day."""
    if last_day:
        end = datetime.strptime(last_day, "%Y-%m-%d").replace(tzinfo=timezone.utc)
    else:
        end = (now or datetime.now(timezone.utc)) + timedelta(
            days=round(PERMISSION_MONTHS * 30.5))
    return end.replace(hour=23, minute=59, second=0, microsecond=0)
