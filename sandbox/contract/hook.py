"""Wires the contract into the Flask app, once, for every ``/api`` route.

- before each request: the route must have a contract; the caller is authenticated first
  (the platform answers 401 before looking at a body), then query, body and form fields are
  checked: a breach is the platform's 400 with the breach in ``error_description``.
- after each reply: list replies are cut down to ``fields=`` (or the route's defaults), and
  the reply is checked. In strict mode (``SANDBOX_CONTRACT=strict``, set by the tests) a
  reply that breaks the contract becomes a 500 describing the breach, so no test can pass on
  a shape the real platform does not send; otherwise the breach is logged.
- ``SANDBOX_CONTRACT_RECORD=<file>`` appends every API exchange (route, path, status, query,
  JSON reply) to that file, one JSON line each, for tests that re-check a whole publication.
"""

from __future__ import annotations

import json
import logging
import os
import threading
from typing import Any, Dict, Optional

from flask import Flask, request

from ..errors import ApiError
from .check import (
    body_errors,
    form_errors,
    full_item_errors,
    project,
    query_errors,
    reply_errors,
)
from .registry import CONTRACTS, Route
from .schema import ListOf

log = logging.getLogger("sandbox.contract")
_record_lock = threading.Lock()


def route_key() -> Optional[str]:
    if request.url_rule is None or not request.url_rule.rule.startswith("/api"):
        return None
    return f"{request.method} {request.url_rule.rule}"


def fields_arg() -> Optional[str]:
    """``fields=a,b`` or, as the official SDK sends a list, ``fields=a&fields=b``."""
    values = request.args.getlist("fields")
    return ",".join(values) if values else None


def _values(source, contract_form) -> Dict[str, Any]:
    found = {}
    for name in source:
        schema = contract_form.fields.get(name) if contract_form else None
        found[name] = source.getlist(name) if isinstance(schema, ListOf) else source.get(name)
    return found


def request_errors(contract: Route) -> list:
    args = {k: v for k, v in request.args.items() if k != "fields"}
    if request.args.getlist("fields"):
        args["fields"] = fields_arg()
    errors = query_errors(contract, args)
    if contract.body is not None:
        errors += body_errors(contract, request.get_json(silent=True))
    if contract.form is not None:
        errors += form_errors(contract, _values(request.form, contract.form),
                              _values(request.args, contract.form), request.files)
    return errors


def _json_of(response) -> Any:
    if response.direct_passthrough or not response.is_json:
        return None
    return response.get_json(silent=True)


def _record(path: str, key: str, status: int, body: Any) -> None:
    line = json.dumps({"route": key, "path": request.path, "status": status,
                       "query": request.args.to_dict(flat=False), "reply": body},
                      ensure_ascii=False)
    with _record_lock, open(path, "a", encoding="utf-8") as out:
        out.write(line + "\n")


def install(app: Flask, *, strict: Optional[bool] = None, record: Optional[str] = None) -> None:
    strict = os.environ.get("SANDBOX_CONTRACT") == "strict" if strict is None else strict
    record = record if record is not None else os.environ.get("SANDBOX_CONTRACT_RECORD")
    app.config["CONTRACT_STRICT"] = strict

    @app.before_request
    def check_request():
        key = route_key()
        if key is None:
            return None
        contract = CONTRACTS.get(key)
        if contract is None:
            # A route without a contract is a sandbox defect, whatever the mode.
            raise ApiError(500, f"Route sans contrat : {key} (sandbox/contract/)")
        from ..api.common import current_user

        current_user()
        errors = request_errors(contract)
        if errors:
            raise ApiError(400, errors)
        return None

    @app.after_request
    def check_reply(response):
        key = route_key()
        contract = CONTRACTS.get(key) if key else None
        if contract is None:
            return response
        body = _json_of(response)
        breach = []
        if response.status_code < 400 and contract.is_list and isinstance(body, list):
            breach = full_item_errors(contract, body)
            if "Content-Range" not in response.headers:
                breach.append("une liste sans en-tête Content-Range")
            body = project(contract, body, fields_arg())
            response.set_data(app.json.dumps(body))
        if not breach and (body is not None or response.status_code < 400):
            breach = reply_errors(contract, response.status_code, body, fields_arg())
        if breach:
            described = [f"Réponse hors contrat ({key}, {response.status_code}) : {b}"
                         for b in breach[:20]]
            log.warning("%s", "; ".join(described))
            if strict:
                error = ApiError(500, described)
                response = app.response_class(app.json.dumps(error.body()), status=500,
                                              mimetype="application/json")
                body = error.body()
        if record:
            _record(record, key, response.status_code, body)
        return response
