"""Is a platform resource still there, and does an offering still serve: one answer for the
whole plugin (reopening, the datasheet view and its delete, the inventory, adoption after a
crash, updates, reuse), so that two parts never disagree about the same resource.

The platform keeps a deleted resource listed for a while with the status ``DELETED``; an
offering serves while ``PUBLISHED`` and also while being (re)published or synchronised —
the platform keeps serving its previous state meanwhile (docs/entrepot-api.md) — but not
when ``UNSTABLE`` or ``DELETED``.
"""

from __future__ import annotations

from typing import Any, Iterable, List

DELETED = "DELETED"
SERVING = ("PUBLISHED", "PUBLISHING", "MODIFYING", "SYNCHRONIZING")


def is_alive(resource: Any) -> bool:
    """Still there: listed, and not with the status DELETED."""
    return (getattr(resource, "status", "") or "") != DELETED


def alive(items: Iterable[Any]) -> List[Any]:
    return [item for item in items if is_alive(item)]


def is_serving(offering: Any) -> bool:
    return (getattr(offering, "status", "") or "") in SERVING
