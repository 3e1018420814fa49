"""A small declarative schema language for the platform's request and reply models.

Why not jsonschema: it is not a Debian dependency of the sandbox, and the checks need the
platform's own kind of error words ("Le champ x est obligatoire"), with the field's path.
Every check appends French sentences to ``errors``; an empty list means the value conforms.
"""

from __future__ import annotations

import re
from typing import Any, Callable, Dict, List, Mapping, Optional, Sequence, Tuple

ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})$")
UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


def _where(path: str) -> str:
    return f"Le champ {path}" if path else "Le corps"


class Schema:
    """Base: ``check`` appends to ``errors`` the ways ``value`` breaks the model."""

    label = "une valeur"

    def check(self, value: Any, path: str, errors: List[str]) -> None:
        raise NotImplementedError

    def errors(self, value: Any) -> List[str]:
        found: List[str] = []
        self.check(value, "", found)
        return found


class Anything(Schema):
    def check(self, value, path, errors):
        return None


class Str(Schema):
    label = "une chaîne"

    def __init__(self, pattern: Optional[re.Pattern] = None, max_length: Optional[int] = None,
                 what: str = ""):
        self.pattern, self.max_length, self.what = pattern, max_length, what

    def check(self, value, path, errors):
        if not isinstance(value, str):
            errors.append(f"{_where(path)} doit être {self.label}")
        elif self.pattern is not None and not self.pattern.match(value):
            errors.append(f"{_where(path)} doit être {self.what or 'au format attendu'}")
        elif self.max_length is not None and len(value) > self.max_length:
            errors.append(f"{_where(path)} dépasse {self.max_length} caractères")


class Int(Schema):
    label = "un entier"

    def check(self, value, path, errors):
        if isinstance(value, bool) or not isinstance(value, int):
            errors.append(f"{_where(path)} doit être {self.label}")


class Num(Schema):
    label = "un nombre"

    def check(self, value, path, errors):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            errors.append(f"{_where(path)} doit être {self.label}")


class Bool(Schema):
    label = "un booléen"

    def check(self, value, path, errors):
        if not isinstance(value, bool):
            errors.append(f"{_where(path)} doit être {self.label}")


class Enum(Schema):
    def __init__(self, *values: str):
        self.values = tuple(values)
        self.label = "l'une des valeurs " + ", ".join(values)

    def check(self, value, path, errors):
        if value not in self.values:
            errors.append(f"{_where(path)} doit valoir l'une des valeurs {', '.join(self.values)}")


class ListOf(Schema):
    label = "une liste"

    def __init__(self, item: Schema, min_items: int = 0):
        self.item, self.min_items = item, min_items

    def check(self, value, path, errors):
        if not isinstance(value, list):
            errors.append(f"{_where(path)} doit être {self.label}")
            return
        if len(value) < self.min_items:
            errors.append(f"{_where(path)} doit contenir au moins {self.min_items} élément(s)")
        for index, item in enumerate(value):
            self.item.check(item, f"{path}[{index}]", errors)


class MapOf(Schema):
    """A JSON object with free keys (``Record<string, X>``), e.g. tags."""

    label = "un objet"

    def __init__(self, value: Schema):
        self.value = value

    def check(self, value, path, errors):
        if not isinstance(value, dict):
            errors.append(f"{_where(path)} doit être {self.label}")
            return
        for key, item in value.items():
            self.value.check(item, f"{path}.{key}" if path else key, errors)


class Nullable(Schema):
    def __init__(self, inner: Schema):
        self.inner = inner
        self.label = inner.label

    def check(self, value, path, errors):
        if value is not None:
            self.inner.check(value, path, errors)


class Opt:
    """Marks an optional field of an ``Obj``."""

    def __init__(self, schema: Schema):
        self.schema = schema


class Obj(Schema):
    """A JSON object with known fields: unknown fields are refused unless ``extra``.

    ``fields`` maps a name to a Schema (required) or ``Opt(Schema)`` (optional).
    ``variants`` = (discriminator, field, {value: Schema}): the schema of ``field`` depends
    on the discriminator's value (a configuration's ``type_infos`` depends on its ``type``).
    """

    label = "un objet"

    def __init__(self, fields: Mapping[str, Any], extra: bool = False,
                 variants: Optional[Tuple[str, str, Mapping[str, Schema]]] = None,
                 rule: Optional[Callable[[dict], List[str]]] = None):
        self.fields: Dict[str, Schema] = {}
        self.required: Tuple[str, ...] = tuple(
            name for name, spec in fields.items() if not isinstance(spec, Opt))
        for name, spec in fields.items():
            self.fields[name] = spec.schema if isinstance(spec, Opt) else spec
        self.extra, self.variants, self.rule = extra, variants, rule

    def names(self) -> Tuple[str, ...]:
        return tuple(self.fields)

    def check(self, value, path, errors):
        if not isinstance(value, dict):
            errors.append(f"{_where(path)} doit être {self.label}")
            return
        prefix = f"{path}." if path else ""
        for name in self.required:
            if value.get(name) is None:
                errors.append(f"Le champ {prefix}{name} est obligatoire")
        for name, item in value.items():
            schema = self.fields.get(name)
            if schema is None:
                if not self.extra:
                    errors.append(f"Le champ {prefix}{name} n'est pas autorisé")
                continue
            if item is None and name not in self.required:
                continue
            if self.variants and name == self.variants[1]:
                chosen = self.variants[2].get(value.get(self.variants[0]))
                if chosen is not None:
                    chosen.check(item, prefix + name, errors)
                    continue
            schema.check(item, prefix + name, errors)
        if self.rule is not None and not errors:
            errors.extend(self.rule(value))


def with_fields(base: Obj, **changes: Any) -> Obj:
    """A copy of ``base`` with fields added, replaced or (value ``None``) removed."""
    fields: Dict[str, Any] = {}
    for name, schema in base.fields.items():
        fields[name] = schema if name in base.required else Opt(schema)
    for name, spec in changes.items():
        if spec is None:
            fields.pop(name, None)
        else:
            fields[name] = spec
    return Obj(fields, extra=base.extra, variants=base.variants, rule=base.rule)


def optional_all(base: Obj, keep: Sequence[str] = ("_id",)) -> Obj:
    """Every field optional but ``keep``: the shape of a list item cut down by ``fields=``."""
    return Obj({name: (schema if name in keep else Opt(schema))
                for name, schema in base.fields.items()}, extra=base.extra)


STR = Str()
INT = Int()
NUM = Num()
BOOL = Bool()
ANY = Anything()
DATE = Str(ISO_DATE, what="une date ISO 8601")
ID = Str(UUID, what="un identifiant (UUID)")
TAGS = MapOf(STR)
