"""Names as the platform stores them: integration lower-cases table and field names and removes
accents and hyphens (ENTREPOT_API.md §2). A mapping read from the stored data's
``type_infos.relations`` always wins over this rule."""

from __future__ import annotations

import unicodedata
from typing import Iterable, Mapping, Optional


def normalise_name(name: str) -> str:
    # lower first: lower-casing can itself produce accents ("İ" -> "i̇")
    decomposed = unicodedata.normalize("NFKD", name.lower())
    without_accents = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return without_accents.replace("-", "").lower()  # NFKD can yield capitals ("ℌ" -> "H")


def stored_field_name(
    name: str,
    field_map: Optional[Mapping[str, str]] = None,
    stored_fields: Optional[Iterable[str]] = None,
) -> str:
    """The column name the stored data has for the layer field ``name``.

    Order: the caller's explicit mapping; then a stored column equal to the name or to its
    normalised form (so a mapping built from ``type_infos.relations`` attributes is honoured
    even when it differs from the rule); then the rule itself.
    """
    if field_map and name in field_map:
        return field_map[name]
    normalised = normalise_name(name)
    if stored_fields is not None:
        stored = list(stored_fields)
        if name in stored:
            return name
        for column in stored:
            if normalise_name(column) == normalised:
                return column
    return normalised


def relation_attributes(relations: Iterable[Mapping], table_name: str) -> Optional[dict]:
    """The columns (name -> type) of ``table_name`` in a stored data's
    ``type_infos.relations``, or None when the table is not there."""
    for relation in relations:
        if relation.get("name") == table_name:
            return dict(relation.get("attributes") or {})
    return None
