"""Names as the platform stores them. Its integration goes through GDAL's PostgreSQL driver,
whose "launder" rule names the tables and columns (launder.py asks GDAL itself). A mapping
read from the stored data's ``type_infos.relations`` always wins over the prediction."""

from __future__ import annotations

from typing import Dict, Iterable, List, Mapping, Optional, Sequence

from .launder import laundered_field, laundered_names, laundered_table


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
    """Layer field -> real column, when the platform named them otherwise than predicted.

    A predicted name found among the real columns is kept; a real column equal to it but for
    case is taken next; the fields still unmatched take the unclaimed real columns in order
    (GDAL creates the columns in the layer's field order) when both counts agree. A field
    left without a column keeps its prediction, so the SLD check reports it as missing.
    """
    real = list(real_columns)
    result: Dict[str, str] = {}
    claimed = set()
    for field, column in predicted.items():
        if column in real and column not in claimed:
            result[field] = column
            claimed.add(column)
    for field, column in predicted.items():
        if field in result:
            continue
        same = next((c for c in real if c not in claimed and c.casefold() == column.casefold()),
                    None)
        if same is not None:
            result[field] = same
            claimed.add(same)
    left: List[str] = [f for f in predicted if f not in result]
    free = [c for c in real if c not in claimed]
    if left and len(left) == len(free):
        result.update(zip(left, free))
    for field in left:
        result.setdefault(field, predicted[field])
    return {field: result[field] for field in predicted}
