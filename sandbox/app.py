"""The sandbox's WSGI application: Flask for the API and token endpoint, with the WMS-V, WMTS
and CSW engines mounted beside it at the paths the datastore's endpoints announce."""

from __future__ import annotations

import logging
import socket
import struct
import time
from pathlib import Path
from typing import Optional

from flask import Flask, jsonify, request
from werkzeug.exceptions import HTTPException
from werkzeug.middleware.dispatcher import DispatcherMiddleware

from . import admin, auth
from .api import bp as api_bp
from .context import Sandbox, sandbox
from .contract import hook as contract_hook
from .csw import CswService
from .errors import ApiError
from .faults import Faults
from .key_access import ConsumerKeys
from .request_guard import RefuseNulBytes, nul_error
from .reset import ensure_initial_state
from .seed import seed
from .services import WmsvLayers, WmtsLayers
from .store import Store
from .tokens import TokenSigner, load_or_create_secret
from .workers import Workers

log = logging.getLogger("sandbox")


def _cut_connection() -> None:
    """Reset the TCP connection (RST) so the client sees a network failure."""
    sock = request.environ.get("werkzeug.socket")
    if sock is not None:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        # close() would wait for the server's own file objects; shutdown cuts now.
        sock.shutdown(socket.SHUT_RDWR)


def _route_name() -> str:
    rule = request.url_rule.rule if request.url_rule else request.path
    return f"{request.method} {rule}"


def create_flask_app(sb: Sandbox) -> Flask:
    app = Flask("sandbox")
    app.extensions["sandbox"] = sb
    app.json.ensure_ascii = False
    app.json.sort_keys = False
    app.register_blueprint(api_bp)
    app.register_blueprint(auth.bp)
    app.register_blueprint(auth.realm_bp)
    app.register_blueprint(admin.bp)

    @app.before_request
    def inject_faults():
        if request.path.startswith("/admin"):
            return None
        decision = sb.faults.decide(_route_name())
        if decision.reset:
            _cut_connection()
            return "", 500
        if decision.delay_s:
            time.sleep(decision.delay_s)
        if decision.status:
            headers = {}
            if decision.retry_after is not None:
                headers["Retry-After"] = str(decision.retry_after)
            error = ApiError(decision.status, "Erreur injectée par le bac à sable", headers)
            return jsonify(error.body()), error.status, error.headers
        return None

    @app.errorhandler(ApiError)
    def api_error(error: ApiError):
        return jsonify(error.body()), error.status, error.headers

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException):
        body = ApiError(error.code or 500, error.description or error.name).body()
        return jsonify(body), error.code

    @app.errorhandler(Exception)
    def unexpected(error: Exception):
        if isinstance(error, ValueError) and "null byte" in str(error):
            # A NUL that came in a body or a file name (the URL is checked before routing).
            return jsonify(nul_error().body()), 400
        log.exception("unexpected error on %s", request.path)
        return jsonify(ApiError(500, "Erreur interne du bac à sable").body()), 500

    @app.get("/annexes/<technical_name>/<path:path>")
    def annexe(technical_name, path):
        """Published annexes, as the platform serves them at /annexes/<datastore>/<path>."""
        ds = next(sb.store.find("datastores", technical_name=technical_name), None)
        wanted = "/" + path
        found = ds and next((a for a in sb.store.find("annexes", datastore=ds["_id"])
                             if wanted in a["paths"] and a["published"]), None)
        if not found:
            raise ApiError(404, f"Annexe {wanted} non trouvée")
        content = sb.store.files("annexes", found["_id"], "content").read_bytes()
        return content, 200, {"Content-Type": found["mime_type"]}

    contract_hook.install(app)

    @app.get("/")
    def home():
        return jsonify({"name": "Géoplateforme sandbox", "api": f"{sandbox().base_url}/api"})

    return app


class _Counted:
    """Counts requests of a mounted service in the stats (no faults: they are diffusion)."""

    def __init__(self, name: str, app, faults: Faults):
        self.name, self.app, self.faults = name, app, faults

    def __call__(self, environ, start_response):
        self.faults.count_only(f"{environ.get('REQUEST_METHOD', 'GET')} {self.name}")
        return self.app(environ, start_response)


def _services(sb: Sandbox) -> dict:
    from .tms import TmsService
    from .wmsv import WmsvService
    from .wmts import WmtsService

    keys = ConsumerKeys(sb.store)
    wmsv = WmsvService(WmsvLayers(sb.store), key_resolver=keys)
    wmts = WmtsService(WmtsLayers(sb.store), lambda: sb.base_url, keys)
    tms = TmsService(WmtsLayers(sb.store), keys)
    csw = CswService(sb.store)
    mounts = {"/wms-v/ows": wmsv, "/private/wms-v/ows": wmsv,
              "/wmts": wmts, "/private/wmts": wmts, "/tms": tms, "/private/tms": tms,
              "/csw": csw, "/sandbox/csw": csw}
    return {path: _Counted(path, app, sb.faults) for path, app in mounts.items()}


def build(data_dir: Path, base_url: str, *, token_lifetime: float = 300.0, seed_value: int = 0,
          step_delay_s: float = 0.2, start_workers: bool = True,
          trainer_token: Optional[str] = None, harvest_render_limit: Optional[int] = None):
    """(wsgi app, Sandbox) for a data dir; seeds a fresh one and resumes pending jobs.
    ``trainer_token`` opens /admin (default: DIR/trainer.token, made at the first start)."""
    store = Store(Path(data_dir))
    seed(store)
    ensure_initial_state(store)
    signer = TokenSigner(load_or_create_secret(Path(data_dir) / "secret.key"),
                         issuer=f"{base_url}/realms/geoplateforme")
    sb = Sandbox(store=store, base_url=base_url, signer=signer, faults=Faults(seed_value),
                 token_lifetime=token_lifetime, step_delay_s=step_delay_s,
                 trainer_token=trainer_token or admin.load_or_create_trainer_token(data_dir),
                 harvest_render_limit=harvest_render_limit)
    sb.workers = Workers(sb)
    flask_app = create_flask_app(sb)
    wsgi = DispatcherMiddleware(flask_app.wsgi_app, _services(sb))
    flask_app.wsgi_app = RefuseNulBytes(wsgi)
    if start_workers:
        sb.workers.resume_pending()
    return flask_app, sb
