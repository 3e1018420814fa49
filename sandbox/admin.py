"""The trainer's knobs (``/admin/*``): faults, quotas, request counts, data reset.

They change what every trainee sees, so they answer only to the trainer: each call carries
``Authorization: Bearer <trainer token>``, the token being ``--trainer-token`` or the content of
``DIR/trainer.token`` (made at the first start, readable by its owner only). Bodies are JSON
objects. The token is never logged nor printed.
"""

from __future__ import annotations

import hmac
import secrets
from pathlib import Path

from flask import Blueprint, jsonify, request

from .context import sandbox
from .errors import ApiError
from .reset import JobsRunningError, reset_to_initial_state

bp = Blueprint("admin", __name__, url_prefix="/admin")
TRAINER_TOKEN_FILE = "trainer.token"  # noqa: S105 - a file name, not a secret


def load_or_create_trainer_token(data_dir: Path) -> str:
    path = Path(data_dir) / TRAINER_TOKEN_FILE
    if path.exists():
        return path.read_text(encoding="ascii").strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    token = secrets.token_urlsafe(24)
    path.write_text(token, encoding="ascii")
    path.chmod(0o600)
    return token


@bp.before_request
def trainer_only():
    scheme, _, given = request.headers.get("Authorization", "").partition(" ")
    expected = sandbox().trainer_token
    if scheme.lower() != "bearer" or not expected or not hmac.compare_digest(
            given.strip().encode(), expected.encode()):
        raise ApiError(401, "Jeton du formateur requis (Authorization: Bearer <jeton du"
                            f" formateur>, fichier {TRAINER_TOKEN_FILE} du dossier de données)",
                       {"WWW-Authenticate": "Bearer"})


def _json_object(required: bool = True) -> dict:
    """The body as a JSON object; an empty body counts as ``{}`` where none is needed."""
    if not required and not request.get_data():
        return {}
    body = request.get_json(silent=True) if request.is_json else None
    if not isinstance(body, dict):
        raise ApiError(400, "Le corps doit être un objet JSON (Content-Type: application/json)")
    return body


@bp.post("/faults")
def set_faults():
    try:
        config = sandbox().faults.configure(_json_object())
    except (ValueError, TypeError) as error:
        raise ApiError(400, str(error)) from None
    return jsonify(vars(config))


@bp.post("/quotas")
def set_quotas():
    """Lower (or raise) every datastore's quotas, to try what a full quota does."""
    body = _json_object()
    unknown = set(body) - {"endpoint_quota", "storage_quota", "annex_quota"}
    if unknown or not all(isinstance(v, int) and not isinstance(v, bool) and v >= 0
                          for v in body.values()):
        raise ApiError(400, "attendu : {endpoint_quota?: int, storage_quota?: int,"
                            " annex_quota?: int}")

    def apply(ds):
        if "endpoint_quota" in body:
            for entry in ds["endpoints"]:
                entry["quota"] = body["endpoint_quota"]
        for name in ("storage_quota", "annex_quota"):
            if name in body:
                ds[name] = body[name]

    store = sandbox().store
    for ds in store.all("datastores"):
        store.update("datastores", ds["_id"], apply)
    return jsonify(body)


@bp.get("/stats")
def stats():
    return jsonify(sandbox().faults.stats())


@bp.get("/work")
def work():
    """Time the background jobs kept the sandbox busy, pauses included (benchmarks)."""
    return jsonify(sandbox().workers.meter.snapshot())


@bp.post("/reset")
def reset():
    if _json_object(required=False):
        raise ApiError(400, "/admin/reset ne prend pas de paramètre")
    sandbox().faults.reset()
    return jsonify({"reset": True})


@bp.post("/reset-data")
def reset_data():
    """Between two classes: every document and file back to the class's first state (seed +
    trainee accounts), knobs and counters cleared (``sandbox.reset``)."""
    if _json_object(required=False):
        raise ApiError(400, "/admin/reset-data ne prend pas de paramètre")
    try:
        removed = reset_to_initial_state(sandbox().store)
    except JobsRunningError:
        raise ApiError(409, "Des traitements sont en cours ; réessayez dans quelques"
                            " secondes") from None
    sandbox().faults.reset()
    return jsonify({"reset": True, "removed": removed})
