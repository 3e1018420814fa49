"""Names as the platform stores them. Its integration goes through GDAL's PostgreSQL driver,
whose "launder" rule names the tables and columns (launder.py asks GDAL itself). A mapping
read from the stored data's ``type_infos.relations`` always wins over the prediction."""

from __future__ import annotations

from difflib import SequenceMatcher
from typing import Dict, Iterable, Mapping, Optional, Sequence

from .launder import laundered_field, laundered_names, laundered_table

# How alike a real column must be to a predicted name to stand for it (difflib ratio).
MIN_LIKENESS = 0.6


def predicted_column(name: str) -> str:
    """The column GDAL's PostgreSQL launder rule makes of the layer field ``name``."""
    return laundered_field(name)


def predicted_table(name: str) -> str:
    """The table GDAL's PostgreSQL launder rule makes of the GeoPackage table ``name``."""
    return laundered_table(name)


def predicted_columns(table: str, fields: Sequence[str]) -> Dict[str, str]:
    """Every layer field -> its predicted column, from one GDAL call on the whole table."""
    _, columns = laundered_names(table, list(fields))
    return dict(zip(fields, columns))


def stored_field_name(
    name: str,
    field_map: Optional[Mapping[str, str]] = None,
    stored_fields: Optional[Iterable[str]] = None,
) -> str:
    """The column name the stored data has for the layer field ``name``.

    Order: the caller's explicit mapping; then a stored column equal to the name or to its
    predicted form; then the prediction itself.
    """
    if field_map and name in field_map:
        return field_map[name]
    predicted = predicted_column(name)
    if stored_fields is not None:
        stored = list(stored_fields)
        if name in stored:
            return name
        if predicted in stored:
            return predicted
    return predicted


def relation_attributes(relations: Iterable[Mapping], table_name: str) -> Optional[dict]:
    """The columns (name -> type) of ``table_name`` in a stored data's
    ``type_infos.relations``, or None when the table is not there."""
    for relation in relations:
        if relation.get("name") == table_name:
            return dict(relation.get("attributes") or {})
    return None


def columns_from_relation(predicted: Mapping[str, str], real_columns: Sequence[str]
                          ) -> Dict[str, str]:
    """Layer field -> real column, when the platform named some otherwise than predicted.

    A predicted name found among the real columns is kept. Each other field takes the
    unclaimed real column most like its prediction (a newer GDAL's cut name with a hash, a
    clash's suffix), best pairs first; the order of the columns is not used, since a JSON reply
    may sort them. A field with no column alike keeps its prediction, so the SLD check
    reports it as missing rather than styling the wrong column.
    """
    result: Dict[str, str] = {f: c for f, c in predicted.items() if c in real_columns}
    claimed = set(result.values())
    free = [c for c in real_columns if c not in claimed]
    pairs = sorted(((SequenceMatcher(None, predicted[f].casefold(), c.casefold()).ratio(), f, c)
                    for f in predicted if f not in result for c in free), reverse=True)
    for score, field, column in pairs:
        if score >= MIN_LIKENESS and field not in result and column not in claimed:
            result[field] = column
            claimed.add(column)
    return {field: result.get(field, column) for field, column in predicted.items()}
