"""Errors of the entrepôt client: one base carrying the HTTP status and the platform's words.

The platform answers errors as JSON with ``error_description`` (a string or a list of
strings), sometimes ``message``, sometimes a non-JSON body (an HTML page from a gateway).
:func:`error_from_response` turns any of them into the right subclass.
"""

from __future__ import annotations

import json
from typing import Optional, Sequence, Tuple

# A gateway's HTML page can be long: the user needs its first words, not the whole page.
MAX_BODY_WORDS_CHARS = 300


class EntrepotError(Exception):
    """Base of every error raised by the client.

    ``status`` is the HTTP status (``None`` when no reply came), ``details`` the platform's own
    words, ``path`` the API path that failed (never its query string). ``summary`` is English;
    Qt code shows its own translated text chosen by the stable ``kind``, then ``details``.
    """

    kind = "error"
    summary = "The Géoplateforme refused the request."

    def __init__(
        self,
        message: str = "",
        *,
        status: Optional[int] = None,
        details: Sequence[str] = (),
        path: str = "",
    ):
        self.status = status
        self.details: Tuple[str, ...] = tuple(d for d in details if d)
        self.path = path
        super().__init__(message or self.user_message)

    @property
    def user_message(self) -> str:
        """What to show the user: our summary, then the platform's words."""
        words = " ".join(self.details)
        status = f" (HTTP {self.status})" if self.status else ""
        return f"{self.summary}{status}" + (f": {words}" if words else "")


class BadRequest(EntrepotError):  # noqa: N818 - names of the brief
    kind = "bad_request"
    summary = "The Géoplateforme rejected the request as invalid"


class AuthError(EntrepotError):
    kind = "auth"
    summary = "Authentication with the Géoplateforme failed"


class Unauthorized(AuthError):  # noqa: N818 - names of the brief
    kind = "unauthorized"
    summary = "Not signed in to the Géoplateforme, or the session expired; sign in again"


class Forbidden(AuthError):  # noqa: N818 - names of the brief
    kind = "forbidden"
    summary = "Your account has no right to do this on this datastore"


class TokenError(AuthError):
    kind = "token"
    summary = "The Géoplateforme sign-in service refused the credentials"


class NotFound(EntrepotError):  # noqa: N818 - names of the brief
    kind = "not_found"
    summary = "The Géoplateforme does not know this resource"


class Conflict(EntrepotError):  # noqa: N818 - names of the brief
    kind = "conflict"
    summary = "The Géoplateforme refused because of a conflict (name taken or wrong state)"


class TooManyRequests(EntrepotError):  # noqa: N818 - names of the brief
    kind = "too_many_requests"
    summary = "The Géoplateforme asks to slow down; try again in a moment"

    def __init__(self, *args, retry_after_s: Optional[float] = None, **kwargs):
        self.retry_after_s = retry_after_s
        super().__init__(*args, **kwargs)


class ServerError(EntrepotError):
    kind = "server_error"
    summary = "The Géoplateforme had an internal error; try again later"


class ConnectionFailed(EntrepotError):  # noqa: N818 - names of the brief
    kind = "connection_failed"
    summary = "Could not reach the Géoplateforme (network, proxy or timeout)"


class Cancelled(EntrepotError):  # noqa: N818 - names of the brief
    kind = "cancelled"
    summary = "Cancelled"


STATUS_CLASSES = {
    400: BadRequest,
    401: Unauthorized,
    403: Forbidden,
    404: NotFound,
    409: Conflict,
    429: TooManyRequests,
}


def error_class_for_status(status: int) -> type:
    if status in STATUS_CLASSES:
        return STATUS_CLASSES[status]
    if status >= 500:
        return ServerError
    return EntrepotError


def platform_words(body: bytes, content_type: str = "") -> Tuple[str, ...]:
    """The platform's own words from an error body: ``error_description`` (string or list),
    else ``message``, else ``error``, else the start of the non-JSON body."""
    text = body.decode("utf-8", errors="replace").strip()
    if not text:
        return ()
    try:
        data = json.loads(text)
    except ValueError:
        data = None
    if isinstance(data, dict):
        for key in ("error_description", "message", "error"):
            value = data.get(key)
            if isinstance(value, str) and value.strip():
                return (value.strip(),)
            if isinstance(value, (list, tuple)):
                words = tuple(str(v).strip() for v in value if str(v).strip())
                if words:
                    return words
        return ()
    if "html" in content_type.lower() or text.lstrip().startswith("<"):
        text = _strip_tags(text)
    return (" ".join(text.split())[:MAX_BODY_WORDS_CHARS],) if text else ()


def _strip_tags(html: str) -> str:
    from html.parser import HTMLParser

    class _Text(HTMLParser):
        def __init__(self):
            super().__init__()
            self.parts = []
            self._skip = 0

        def handle_starttag(self, tag, attrs):
            if tag in ("script", "style"):
                self._skip += 1

        def handle_endtag(self, tag):
            if tag in ("script", "style") and self._skip:
                self._skip -= 1

        def handle_data(self, data):
            if not self._skip:
                self.parts.append(data)

    parser = _Text()
    parser.feed(html)
    return " ".join(parser.parts)


def error_from_response(
    status: int,
    body: bytes,
    *,
    content_type: str = "",
    path: str = "",
    retry_after_s: Optional[float] = None,
) -> EntrepotError:
    cls = error_class_for_status(status)
    details = platform_words(body, content_type)
    if cls is TooManyRequests:
        return TooManyRequests(status=status, details=details, path=path,
                               retry_after_s=retry_after_s)
    return cls(status=status, details=details, path=path)
