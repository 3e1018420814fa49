"""The gateway's transport on the entrepôt client (auth, retries, errors, pages, streaming)."""

from __future__ import annotations

from typing import Any, Callable, List, Optional

from ..entrepot.client import EntrepotClient, response_json

# Creating a resource twice is what the journal prevents; the client retries POSTs only when
# the route is idempotent by nature (tags merge, launch/abort/close of a known id).
SAFE_POST_SUFFIXES = ("/tags", "/launch", "/abort", "/close", "/publication", "/unpublication")


class ClientTransport:
    """Adapts ``EntrepotClient`` to ``gateway.Transport``; counts the requests it sends."""

    def __init__(self, client: EntrepotClient, cancelled: Optional[Callable[[], bool]] = None):
        self.client = client
        self.cancelled = cancelled
        self.requests = 0

    def __repr__(self) -> str:
        return f"ClientTransport({self.client!r})"

    def request_json(self, method: str, path: str, *, params: Optional[dict] = None,
                     json: Any = None, data: Optional[dict] = None,
                     files: Optional[dict] = None) -> Any:
        self.requests += 1
        if files:
            (field, (file_name, content, content_type)), = files.items()
            _, response = self.client.upload(
                path, content, params=params, field=field, filename=file_name,
                content_type=content_type, fields=data or {}, cancelled=self.cancelled)
            return response_json(response)
        retry_safe = method.upper() == "POST" and path.endswith(SAFE_POST_SUFFIXES)
        response = self.client.request(method, path, params=params, json=json,
                                       retry_safe=retry_safe, cancelled=self.cancelled)
        return response_json(response)

    def list_all(self, path: str, params: Optional[dict] = None) -> List[Any]:
        self.requests += 1
        return list(self.client.iter_pages(path, params, cancelled=self.cancelled))

    def upload_file(self, path: str, file_path: str, *, field: str = "file",
                    params: Optional[dict] = None, progress=None) -> str:
        self.requests += 1
        md5, _ = self.client.upload(path, file_path, params=params, field=field,
                                    on_progress=progress, cancelled=self.cancelled)
        return md5
