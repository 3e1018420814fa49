"""Requests refused before any route sees them.

A NUL byte (``%00``) in the URL path or in a query parameter can reach the file system (upload
paths, annex paths, file names), where Python raises ``ValueError: embedded null byte`` and the
request would end in a 500. The platform answers such a request with a 400; so does the sandbox,
for every mount (API, services, annexes) at once.
"""

from __future__ import annotations

import json
from urllib.parse import unquote_to_bytes

from .errors import ApiError


def has_nul(environ) -> bool:
    """A NUL in the decoded path, or in the query string once percent-decoded."""
    return "\x00" in environ.get("PATH_INFO", "") or b"\x00" in unquote_to_bytes(
        environ.get("QUERY_STRING", ""))


def nul_error() -> ApiError:
    return ApiError(400, "Caractère nul (%00) interdit dans le chemin ou les paramètres")


class RefuseNulBytes:
    """WSGI middleware: 400 with the platform's JSON error for a NUL in path or query."""

    def __init__(self, app):
        self.app = app

    def __call__(self, environ, start_response):
        if not has_nul(environ):
            return self.app(environ, start_response)
        body = json.dumps(nul_error().body(), ensure_ascii=False).encode("utf-8")
        start_response("400 Bad Request", [("Content-Type", "application/json"),
                                           ("Content-Length", str(len(body)))])
        return [body]
