"""The entrepôt API's contract: per route, the request and reply models of the real platform.

``CONTRACTS`` maps ``"METHOD /rule"`` (Flask's url_rule, e.g.
``"GET /api/datastores/<ds_id>/uploads"``) to a :class:`Route`. The sandbox checks every
request against it (a breach is the platform's 400) and every reply (a breach is a 500 in
strict mode, which the tests turn on), and cuts list replies down to the fields asked with
``fields=`` or to the route's defaults. Sources of each model: docs/entrepot-api.md.
How to add an entry: sandbox/README.md, "The contract".
"""

from __future__ import annotations

from . import (  # noqa: F401  (each module declares its routes on import)
    account,
    comments,
    configurations,
    metadata,
    permissions,
    processings,
    statics,
    stored_data,
    uploads,
)
from .registry import CONTRACTS, Route, contract_for, route

__all__ = ["CONTRACTS", "Route", "contract_for", "route"]
