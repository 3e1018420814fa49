"""Step 8 — the restriction: public (nothing to do) or private + a six-month permission for
the own community on the WMTS offering."""

from __future__ import annotations

from ...i18n import tr
from ..context import PublishContext
from .base import Step
from .services import ensure_permission


class RestrictionStep(Step):
    name = "restriction"
    weight = 1.0

    def run(self, ctx: PublishContext) -> None:
        if not ctx.spec.restricted:
            ctx.progress(1.0, tr("public"))
            return
        offering = ctx.api.offering(ctx.journal.resource_id("offering_wmts"))
        permission_id = ensure_permission(ctx, "permission_wmts", offering)
        ctx.journal.put("permission_id", permission_id)
        ctx.progress(1.0, tr("permission granted"))
