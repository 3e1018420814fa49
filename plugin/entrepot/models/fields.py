"""What every view of a platform reply shares: the raw dict kept aside, tags, ids."""

from __future__ import annotations

from dataclasses import field
from typing import Any, Dict, Mapping, Optional


def raw_field() -> Any:
    return field(default_factory=dict, repr=False, compare=False, hash=False)


def tags_of(data: Mapping) -> Dict[str, str]:
    tags = data.get("tags") or {}
    return dict(tags) if isinstance(tags, Mapping) else {}


def id_of(value: Any) -> Optional[str]:
    """An id given either as a string or as an object with ``_id``."""
    if isinstance(value, Mapping):
        return value.get("_id")
    return value if isinstance(value, str) else None

