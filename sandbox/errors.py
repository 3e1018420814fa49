"""API errors shaped like the entrepôt's: ``{"error": ..., "error_description": [...]}``."""

from __future__ import annotations

from typing import List, Union

REASONS = {
    400: "Bad Request",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not Found",
    409: "Conflict",
    413: "Payload Too Large",
    429: "Too Many Requests",
    500: "Internal Server Error",
    502: "Bad Gateway",
    503: "Service Unavailable",
}


class ApiError(Exception):
    """Raised by route code; turned into the platform's JSON error by the app."""

    def __init__(self, status: int, description: Union[str, List[str]], headers=None):
        super().__init__(status, description)
        self.status = status
        self.description = [description] if isinstance(description, str) else list(description)
        self.headers = dict(headers or {})

    def body(self) -> dict:
        return {
            "error": REASONS.get(self.status, "Error"),
            "error_description": self.description,
        }


def not_found(kind: str, doc_id: str) -> ApiError:
    return ApiError(404, f"{kind} {doc_id} non trouvé(e)")
