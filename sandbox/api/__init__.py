"""The entrepôt API under ``/api``: one module per family of routes, one shared blueprint."""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("api", __name__, url_prefix="/api")

# Route modules register themselves on ``bp`` when imported.
from . import (  # noqa: E402,F401
    account,
    annexes,
    comments,
    configurations,
    executions,
    metadata,
    permissions,
    statics,
    stored_data,
    uploads,
)
