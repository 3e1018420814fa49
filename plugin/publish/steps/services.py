"""What the WMS-V and WMTS steps share: configuration + offering, found again by layer name,
and the wait until the offering is PUBLISHED."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any, Callable, Dict, List, Optional

from ..context import PublishContext
from ..errors import PublishError
from ..naming import prefixed
from .base import ensure_resource, first_by

PERMISSION_MONTHS = 6


def full_layer_name(ctx: PublishContext, name: str) -> str:
    return prefixed(name, ctx.datastore.get("configuration_layer_name_prefix"))


def ensure_configuration(ctx: PublishContext, kind: str, config_type: str, layer_name: str,
                         body: Callable[[], Dict[str, Any]]) -> str:
    gateway, ds = ctx.gateway, ctx.ds
    return ensure_resource(
        ctx, kind, layer_name,
        find=lambda: first_by(gateway.list_configurations(ds), layer_name=layer_name,
                              type=config_type),
        create=lambda: gateway.create_configuration(ds, body()))


def ensure_offering(ctx: PublishContext, kind: str, configuration_id: str,
                    endpoint: Dict[str, Any], open_: bool) -> Dict[str, Any]:
    """The configuration's offering, PUBLISHED."""
    gateway, ds = ctx.gateway, ctx.ds

    def find() -> Optional[Dict[str, Any]]:
        offerings = gateway.configuration_offerings(ds, configuration_id)
        return offerings[0] if offerings else None

    offering_id = ensure_resource(
        ctx, kind, configuration_id, find=find,
        create=lambda: gateway.create_offering(ds, configuration_id, endpoint["_id"], open_))

    def published(offering: Dict[str, Any]) -> bool:
        if offering.get("status") == "UNSTABLE":
            raise PublishError(f"offering {offering.get('layer_name')} is UNSTABLE",
                               step=ctx.current_step)
        return offering.get("status") == "PUBLISHED"

    return ctx.wait(lambda: gateway.get_offering(ds, offering_id), published,
                    timeout_s=ctx.timeouts.offering_s, what="the offering's publication")


def community_id(ctx: PublishContext) -> str:
    community = ctx.datastore.get("community") or {}
    if community.get("_id"):
        return community["_id"]
    for membership in ctx.me.get("communities_member", []):
        entry = membership.get("community") or {}
        if entry.get("datastore") == ctx.ds:
            return entry["_id"]
    raise PublishError("the datastore's community is unknown", step=ctx.current_step)


def ensure_permission(ctx: PublishContext, kind: str, offering: Dict[str, Any]) -> str:
    """A permission for the own community on ``offering``, for six months."""
    gateway, ds = ctx.gateway, ctx.ds
    offering_id = offering["_id"]

    def find() -> Optional[Dict[str, Any]]:
        return next((p for p in gateway.list_permissions(ds)
                     if offering_id in _offering_ids(p)), None)

    def create() -> Dict[str, Any]:
        end = datetime.now(timezone.utc) + timedelta(days=round(PERMISSION_MONTHS * 30.5))
        end = end.replace(hour=23, minute=59, second=0, microsecond=0)
        created = gateway.create_permission(ds, {
            "type": "COMMUNITY", "communities": [community_id(ctx)],
            "offerings": [offering_id],
            "licence": ctx.spec.licence or f"Utilisation de {offering.get('layer_name')}",
            "end_date": end.isoformat(), "only_oauth": False})
        return created[0]

    return ensure_resource(ctx, kind, offering_id, find, create)


def _offering_ids(permission: Dict[str, Any]) -> List[str]:
    return [o if isinstance(o, str) else o.get("_id") for o in permission.get("offerings", [])]
