"""Checks of one exchange against its contract: the request (→ 400 words) and the reply."""

from __future__ import annotations

from typing import Any, List, Mapping, Optional

from .registry import Route
from .schema import ListOf, Obj, optional_all
from .shapes import ERROR


def fields_errors(contract: Route, fields_arg: Optional[str]) -> List[str]:
    if not fields_arg:
        return []
    allowed = set(contract.selectable()) | set(contract.aliases) | {"_id"}
    unknown = [n.strip() for n in fields_arg.split(",") if n.strip() and n.strip() not in allowed]
    return [f"Le paramètre fields contient un champ inconnu : {n}" for n in unknown]


def query_errors(contract: Route, args: Mapping[str, str]) -> List[str]:
    errors: List[str] = []
    for name, schema in contract.query.items():
        if name in args:
            schema.check(args[name], name, errors)
    if contract.is_list:
        errors.extend(fields_errors(contract, args.get("fields")))
    return [e.replace("Le champ", "Le paramètre", 1) for e in errors]


def body_errors(contract: Route, body: Any) -> List[str]:
    if contract.body is None:
        return []
    if body is None or (isinstance(contract.body, Obj) and not isinstance(body, dict)):
        return ["Le corps de la requête doit être un objet JSON"]
    return contract.body.errors(body)


def form_errors(contract: Route, parts: Mapping[str, Any], query: Mapping[str, Any],
                files: Mapping[str, Any]) -> List[str]:
    """Fields of a file route: each may come from the multipart form or the query string."""
    if contract.form is None:
        return []
    errors: List[str] = []
    unknown = [n for n in parts if n not in contract.form.fields]
    errors.extend(f"Le champ {n} n'est pas autorisé" for n in unknown)
    merged = {n: query[n] for n in contract.form.fields if n in query}
    merged.update({n: parts[n] for n in contract.form.fields if n in parts})
    errors.extend(contract.form.errors(merged))
    for name in contract.files:
        if name not in files:
            errors.append(f"Le fichier (champ multipart « {name} ») est absent")
    return errors


def reply_errors(contract: Route, status: int, body: Any,
                 fields_arg: Optional[str] = None) -> List[str]:
    """How a reply breaks the contract. List items are checked as sent: with ``fields=``
    (or the defaults) applied, only the selected fields may appear, each of the right type."""
    if status >= 400:
        return ERROR.errors(body)
    if contract.is_list:
        selected = set(contract.selected(fields_arg))
        item = optional_all(contract.item)
        errors = ListOf(item).errors(body)
        for index, entry in enumerate(body if isinstance(body, list) else []):
            extra = sorted(set(entry) - selected) if isinstance(entry, dict) else []
            if extra:
                errors.append(f"[{index}] porte des champs non demandés : {', '.join(extra)}")
        return errors
    schema = contract.reply_schema()
    if schema is None:
        return [] if body is None else ["réponse JSON sur une route qui n'en rend pas"]
    return schema.errors(body)


def full_item_errors(contract: Route, items: Any) -> List[str]:
    """A list route's items before ``fields=``: every required field present."""
    return ListOf(contract.item).errors(items)


def project(contract: Route, items: List[dict], fields_arg: Optional[str]) -> List[dict]:
    keep = contract.selected(fields_arg)
    return [{k: v for k, v in item.items() if k in keep} for item in items]
