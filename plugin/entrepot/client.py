"""The HTTP side of the entrepôt API: one session, timeouts, retries, errors, pages, uploads.

:class:`EntrepotClient` knows nothing of the resources (see ``api.py``): it sends a request
under ``api_url``, retries what is safe to retry, maps failures to ``errors.py`` and logs
method, path, status and elapsed time — never headers, bodies or query strings.
"""

from __future__ import annotations

import copy
import json as jsonlib
import logging
import re
import time
from typing import Any, Callable, Dict, Iterator, Mapping, Optional, Tuple
from urllib.parse import urlsplit

import requests

from .errors import Cancelled, ConnectionFailed, EntrepotError, error_from_response
from .multipart import FieldValue, FileSource, MultipartBody, ProgressCallback
from .network import network_session
from .network_limits import configured_retry, configured_timeout
from .proxy import ProxySettings
from .retry import RETRYABLE_STATUSES, RetryPolicy, parse_retry_after
from .secret import Secret
from .useragent import user_agent

LOGGER = logging.getLogger(__name__)

DEFAULT_TIMEOUT = (10.0, 60.0)  # (connect, read) seconds
DEFAULT_PAGE_LIMIT = 50  # the documented maximum
MAX_PAGES = 10_000  # a server that ignores `page` must not loop us forever
WAIT_SLICE_S = 0.1  # cancellation is checked at least this often while waiting
CONTENT_RANGE = re.compile(r"(\d+)\s*-\s*(\d+)\s*/\s*(\d+|\*)")
URL_CREDENTIALS = re.compile(r"//[^/@\s]+@")

Cancel = Callable[[], bool]


def _never() -> bool:
    return False


def parse_content_range(value: Optional[str]) -> Optional[Tuple[int, int, Optional[int]]]:
    """``first-last/total`` → (first, last, total or None for ``*``); None if unparsable."""
    match = CONTENT_RANGE.search(value or "")
    if not match:
        return None
    total = None if match.group(3) == "*" else int(match.group(3))
    return int(match.group(1)), int(match.group(2)), total


def response_json(response: requests.Response) -> Any:
    """The JSON of a 2xx reply; an empty body reads as ``{}``."""
    if not response.content.strip():
        return {}
    try:
        return response.json()
    except ValueError:
        raise EntrepotError(status=response.status_code,
                            details=["the Géoplateforme sent a reply that is not JSON"],
                            path=urlsplit(response.url).path) from None


class EntrepotClient:
    """One ``requests.Session`` (network.py's) for the whole plugin; safe to share between
    tasks as long as each thread's calls are its own (requests' sessions pool connections per
    thread use).

    ``token_provider`` has ``access_token() -> Secret`` and
    ``refresh_after_unauthorized(rejected) -> Secret`` (see ``auth.py``); ``None`` sends no
    Authorization header. ``sleep`` and ``retry`` are injectable so tests wait milliseconds.
    """

    def __init__(
        self,
        api_url: str,
        token_provider=None,
        *,
        session: Optional[requests.Session] = None,
        timeout=None,
        retry: Optional[RetryPolicy] = None,
        sleep: Callable[[float], None] = time.sleep,
        cancelled: Cancel = _never,
        proxy_settings: Optional[ProxySettings] = None,
        agent: Optional[str] = None,
        clock: Callable[[], float] = time.monotonic,
    ):
        self.api_url = api_url.rstrip("/")
        self.token_provider = token_provider
        # QGIS's proxy and trusted CAs when inside QGIS (network.py: the plugin's one HTTP path)
        self.session = session or network_session()
        self.session.headers["User-Agent"] = agent or user_agent()
        # None: the defaults, shortened by the environment when it says so (network_limits)
        self.timeout = timeout or configured_timeout(DEFAULT_TIMEOUT)
        self.retry = retry or configured_retry(RetryPolicy())
        self._sleep = sleep
        self._cancelled = cancelled
        self.proxy_settings = proxy_settings
        self._clock = clock
        self.requests = 0  # HTTP requests sent (retries and pages included), for reports
        # What does not change during a session (a datastore's processings), shared with
        # the with_cancel twins: read once per session, not once per publication step.
        self.session_cache: Dict[Any, Any] = {}

    def __repr__(self) -> str:
        return f"EntrepotClient({self.api_url!r})"

    def close(self) -> None:
        self.session.close()

    def with_cancel(self, cancelled: Cancel) -> EntrepotClient:
        """The same session, token provider and settings, but every request (and wait) also
        stops once ``cancelled()`` is true; its request count starts at 0. One per task: a
        task's cancel must not stop the other users of a shared client."""
        twin = copy.copy(self)
        twin._cancelled = self._combined_cancel(cancelled)
        twin.requests = 0
        return twin

    # -- the one request loop ----------------------------------------------------------
    def request(
        self,
        method: str,
        path: str,
        *,
        params: Optional[Mapping[str, Any]] = None,
        json: Any = None,
        data: Any = None,
        headers: Optional[Mapping[str, str]] = None,
        retry_safe: bool = False,
        cancelled: Optional[Cancel] = None,
        timeout=None,
    ) -> requests.Response:
        """Sends ``method path`` and returns the 2xx reply, or raises an EntrepotError.

        Connection errors, 5xx and 429 are retried with backoff (``Retry-After`` honoured)
        only for idempotent methods or when ``retry_safe``; a 401 refreshes the token and
        retries once, whatever the method (the request never reached the application).
        """
        method = method.upper()
        url = self.url(path)
        log_path = urlsplit(url).path
        cancel = self._combined_cancel(cancelled)
        may_retry = self.retry.may_retry_method(method, retry_safe)
        attempt = 0
        auth_retried = False
        body = data
        send_headers = dict(headers or {})
        if json is not None:
            body = jsonlib.dumps(json).encode("utf-8")
            send_headers.setdefault("Content-Type", "application/json")
        while True:
            if cancel():
                raise Cancelled(details=[f"{method} {log_path}"], path=log_path)
            attempt += 1
            self.requests += 1
            token = self._authorize(url, send_headers)
            started = self._clock()
            try:
                response = self.session.request(
                    method, url, params=params, data=body, headers=send_headers,
                    timeout=timeout or self.timeout,
                    proxies=self.proxy_settings.for_url(url) if self.proxy_settings else None,
                )
            except Cancelled:
                raise
            except requests.RequestException as exc:
                error = ConnectionFailed(details=[_describe(exc)], path=log_path)
                LOGGER.warning("%s %s failed (%s) after %.0f ms, try %d", method, log_path,
                               type(exc).__name__, (self._clock() - started) * 1000, attempt)
                if may_retry and attempt < self.retry.max_attempts:
                    self._wait(self.retry.delay_s(attempt, None), cancel, method, log_path)
                    continue
                raise error from None
            status = response.status_code
            # polls repeat every second: successes are DEBUG, server failures stand out
            level = logging.DEBUG if status < 400 else (
                logging.INFO if status < 500 else logging.WARNING)
            LOGGER.log(level,
                       "%s %s -> %d in %.0f ms", method, log_path, status,
                       (self._clock() - started) * 1000)
            if 200 <= status < 300:
                return response
            if status == 401 and token is not None and not auth_retried:
                auth_retried = True
                attempt -= 1  # a refreshed token is not a retry of a failure
                self.token_provider.refresh_after_unauthorized(token)
                continue
            retry_after = parse_retry_after(response.headers.get("Retry-After"))
            if status in RETRYABLE_STATUSES and may_retry and attempt < self.retry.max_attempts:
                self._wait(self.retry.delay_s(attempt, retry_after), cancel, method, log_path)
                continue
            raise error_from_response(
                status, response.content,
                content_type=response.headers.get("Content-Type", ""),
                path=log_path, retry_after_s=retry_after,
            )

    def url(self, path: str) -> str:
        if path.startswith(("http://", "https://")):
            return path
        return f"{self.api_url}/{path.lstrip('/')}"

    def _authorize(self, url: str, headers: Dict[str, str]) -> Optional[Secret]:
        # the token is for the API only: an absolute URL elsewhere never receives it
        if self.token_provider is None or not _same_origin(url, self.api_url):
            headers.pop("Authorization", None)
            return None
        token = self.token_provider.access_token()
        headers["Authorization"] = f"Bearer {token.reveal()}"
        return token

    def _combined_cancel(self, cancelled: Optional[Cancel]) -> Cancel:
        if cancelled is None:
            return self._cancelled
        return lambda: bool(cancelled() or self._cancelled())

    def _wait(self, seconds: float, cancel: Cancel, method: str, path: str) -> None:
        LOGGER.info("%s %s: retrying in %.1f s", method, path, seconds)
        deadline = self._clock() + seconds
        while True:
            if cancel():
                raise Cancelled(details=[f"{method} {path}"], path=path)
            left = deadline - self._clock()
            if left <= 0:
                return
            self._sleep(min(WAIT_SLICE_S, left))

    # -- JSON helpers ------------------------------------------------------------------
    def get_json(self, path: str, params: Optional[Mapping[str, Any]] = None, **kw) -> Any:
        return response_json(self.request("GET", path, params=params, **kw))

    def post_json(self, path: str, body: Any = None, **kw) -> Any:
        return response_json(self.request("POST", path, json=body, **kw))

    def put_json(self, path: str, body: Any = None, **kw) -> Any:
        return response_json(self.request("PUT", path, json=body, **kw))

    def patch_json(self, path: str, body: Any = None, **kw) -> Any:
        return response_json(self.request("PATCH", path, json=body, **kw))

    def delete(self, path: str, params: Optional[Mapping[str, Any]] = None, **kw) -> None:
        self.request("DELETE", path, params=params, **kw)

    def get_text(self, path: str, params: Optional[Mapping[str, Any]] = None, **kw) -> str:
        response = self.request("GET", path, params=params, **kw)
        response.encoding = response.encoding or "utf-8"
        return response.text

    # -- pagination --------------------------------------------------------------------
    def iter_pages(
        self,
        path: str,
        params: Optional[Mapping[str, Any]] = None,
        *,
        limit: int = DEFAULT_PAGE_LIMIT,
        cancelled: Optional[Cancel] = None,
    ) -> Iterator[Any]:
        """Every item of a list route, page after page (``page`` is 1-based).

        Stops on the ``Content-Range`` total; with no header or a ``*`` total it stops at the
        first short page; with no header at all it reads a single page (the server did not
        paginate, so asking page 2 would repeat page 1).
        """
        page = 1
        seen = 0
        while page <= MAX_PAGES:
            query = dict(params or {})
            query.update(page=page, limit=limit)
            response = self.request("GET", path, params=query, cancelled=cancelled)
            items = response_json(response)
            if not isinstance(items, list):
                raise EntrepotError(status=response.status_code,
                                    details=["a list was expected from the Géoplateforme"],
                                    path=urlsplit(response.url).path)
            yield from items
            seen += len(items)
            content_range = parse_content_range(response.headers.get("Content-Range"))
            if not items or len(items) < limit or content_range is None:
                return
            total = content_range[2]  # first/last may be 0- or 1-based: count what came
            if total is not None and seen >= total:
                return
            page += 1

    # -- upload ------------------------------------------------------------------------
    def upload(
        self,
        path: str,
        source: FileSource,
        *,
        params: Optional[Mapping[str, Any]] = None,
        field: str = "file",
        filename: Optional[str] = None,
        content_type: str = "application/octet-stream",
        fields: Optional[Mapping[str, FieldValue]] = None,
        method: str = "POST",
        on_progress: Optional[ProgressCallback] = None,
        cancelled: Optional[Cancel] = None,
        retry_safe: bool = False,
        timeout=None,
    ) -> Tuple[str, requests.Response]:
        """POSTs (or PUTs) ``source`` (a path or bytes) as a streamed multipart part ``field``.

        Memory stays constant whatever the file size; returns (md5 hex, reply).
        """
        body = MultipartBody(
            source, field=field, filename=filename, content_type=content_type,
            fields=dict(fields or {}), on_progress=on_progress,
            cancelled=self._combined_cancel(cancelled),
        )
        response = self.request(
            method, path, params=params, data=body,
            headers={"Content-Type": body.content_type}, retry_safe=retry_safe,
            cancelled=cancelled, timeout=timeout,
        )
        if body.md5_hex is None:  # cannot happen unless the server answered before the end
            raise EntrepotError(details=["the upload stopped before the end of the file"],
                                path=urlsplit(response.url).path)
        return body.md5_hex, response


def _same_origin(url: str, base: str) -> bool:
    a, b = urlsplit(url), urlsplit(base)
    return (a.scheme, a.netloc) == (b.scheme, b.netloc)


def _describe(exc: requests.RequestException) -> str:
    """A short description of a network failure, without any URL credentials."""
    kind = "timeout" if isinstance(exc, requests.Timeout) else type(exc).__name__
    text = URL_CREDENTIALS.sub("//***@", str(exc))
    return f"{kind}: {text}"[:300]
