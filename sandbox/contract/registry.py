"""The contract of each API route, keyed ``"METHOD /rule"`` exactly as Flask's url_rule."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Dict, Mapping, Optional, Tuple

from .schema import ListOf, Obj, Schema


@dataclass(frozen=True)
class Route:
    """What the platform takes and answers on one route.

    body     the JSON body's model (None: the route reads no JSON body).
    form     multipart/query fields of a file route (None: not a file route); ``files`` the
             multipart file parts it takes.
    query    query parameters whose values are checked when present (filters are free).
    reply    the 2xx JSON reply's model (None: no JSON reply: 204, a file, plain text).
    item     for a list route, the full item; the reply is a list of it, cut down to
             ``defaults`` (+ ``_id``) unless the caller asks ``fields=`` (``fields``: the
             names it may ask, default every item field; ``aliases``: names the platform
             spells differently in ``fields=`` than in the reply).
    """

    body: Optional[Schema] = None
    form: Optional[Obj] = None
    files: Tuple[str, ...] = ()
    query: Mapping[str, Schema] = field(default_factory=dict)
    reply: Optional[Schema] = None
    item: Optional[Obj] = None
    defaults: Optional[Tuple[str, ...]] = None
    fields: Optional[Tuple[str, ...]] = None
    aliases: Mapping[str, str] = field(default_factory=dict)

    @property
    def is_list(self) -> bool:
        return self.item is not None

    def reply_schema(self) -> Optional[Schema]:
        return ListOf(self.item) if self.item is not None else self.reply

    def selectable(self) -> Tuple[str, ...]:
        """Names ``fields=`` may carry (``_id`` is always returned)."""
        if self.fields is not None:
            return self.fields
        return tuple(n for n in self.item.names() if n != "_id") if self.item else ()

    def selected(self, fields_arg: Optional[str]) -> Tuple[str, ...]:
        """Reply keys an item keeps for this ``fields=`` value (or the defaults)."""
        if not fields_arg:
            names = self.defaults if self.defaults is not None else self.selectable()
        else:
            names = tuple(n.strip() for n in fields_arg.split(",") if n.strip())
        return ("_id", *tuple(self.aliases.get(n, n) for n in names))


CONTRACTS: Dict[str, Route] = {}


def route(key: str, **spec) -> Route:
    """Declare the contract of ``key`` (``"GET /api/datastores/<ds_id>/uploads"``)."""
    method, _, rule = key.partition(" ")
    if method not in ("GET", "POST", "PUT", "PATCH", "DELETE") or not rule.startswith("/"):
        raise ValueError(f"contract key {key!r}: expected 'METHOD /rule'")
    if key in CONTRACTS:
        raise ValueError(f"contract {key!r} declared twice")
    CONTRACTS[key] = Route(**spec)
    return CONTRACTS[key]


def contract_for(method: str, rule: str) -> Optional[Route]:
    return CONTRACTS.get(f"{method} {rule}")
