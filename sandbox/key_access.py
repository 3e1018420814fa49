"""Who may open a private offering: the consumer key a request carries, and its accesses.

The platform lets a request through a private WMS-V / WMTS / TMS when it carries one of the
user's keys (``cle.md``: HASH in ``apikey``, BASIC by HTTP Basic, HEADER by the headers the key
names) AND that key has an access to the offering through a permission its user benefits from
(``POST /users/me/keys/{key}/accesses``). A permission alone opens nothing: that is the point of
the access step, and what the services check here on every request.
"""

from __future__ import annotations

import base64
import binascii
from datetime import datetime, timezone
from typing import Callable, Dict, Iterable, Iterator, Mapping, Optional, Set, Tuple

# Key types a request can present to a diffusion service (OAUTH2 keys use a Keycloak token,
# which the sandbox's services do not take: see sandbox/README.md).
SERVICE_KEY_TYPES = ("HASH", "BASIC", "HEADER")


def presented_hash(environ: Mapping, params: Mapping[str, str]) -> Optional[str]:
    """A HASH key's value: the ``apikey`` parameter, or the ``apikey`` / ``X-Api-Key`` header."""
    return (params.get("APIKEY") or environ.get("HTTP_APIKEY")
            or environ.get("HTTP_X_API_KEY") or None)


def presented_basic(environ: Mapping) -> Optional[Tuple[str, str]]:
    """(login, password) of an ``Authorization: Basic …`` header, None without one."""
    scheme, _, value = (environ.get("HTTP_AUTHORIZATION") or "").partition(" ")
    if scheme.lower() != "basic" or not value.strip():
        return None
    try:
        decoded = base64.b64decode(value.strip(), validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError):
        return None
    login, colon, password = decoded.partition(":")
    return (login, password) if colon else None


def api_key_of(environ: Mapping, params: Mapping[str, str]) -> Optional[str]:
    """The services' default key resolver: the presented HASH value is the key's id (for a
    service built without the platform's keys; the sandbox itself resolves with
    ``sandbox.key_access.ConsumerKeys``, which knows every key type)."""
    return presented_hash(environ, params)


# (WSGI environ, upper-cased query parameters) → id of the key the request presents, or None.
KeyResolver = Callable[[Mapping, Mapping[str, str]], Optional[str]]


def refused_key(key: Optional[str], what: str) -> Tuple[str, str, str]:
    """(HTTP status, OWS code, words) for a private layer the request does not open:
    no or unknown key → 401, a known key without an access to it → 403."""
    if key is None:
        return "401 Unauthorized", "Unauthorized", f"{what} needs a valid key"
    return "403 Forbidden", "Forbidden", f"this key has no access to {what}"


def _header(environ: Mapping, name: str) -> Optional[str]:
    return environ.get("HTTP_" + name.upper().replace("-", "_"))


def key_matches(key: dict, environ: Mapping, params: Mapping[str, str]) -> bool:
    """Whether the request presents this key, by the means its type documents."""
    infos = key.get("type_infos") or {}
    kind = key.get("type")
    if kind == "HASH":
        return bool(infos.get("hash")) and presented_hash(environ, params) == infos["hash"]
    if kind == "BASIC":
        wanted = (infos.get("login"), infos.get("password"))
        return all(wanted) and presented_basic(environ) == wanted
    if kind == "HEADER":
        headers: Dict[str, str] = infos.get("headers") or {}
        return bool(headers) and all(_header(environ, n) == v for n, v in headers.items())
    return False


def find_key(store, environ: Mapping, params: Mapping[str, str]) -> Optional[dict]:
    """The key (a document of the ``keys`` collection) the request presents, if any."""
    return next((k for k in store.all("keys")
                 if k.get("type") in SERVICE_KEY_TYPES and key_matches(k, environ, params)),
                None)


def expired(permission: dict) -> bool:
    end = permission.get("end_date")
    if not end:
        return False
    try:
        moment = datetime.fromisoformat(end.replace("Z", "+00:00"))
    except ValueError:
        return False
    if moment.tzinfo is None:  # a date, or a time without offset: UTC
        moment = moment.replace(tzinfo=timezone.utc)
    return moment < datetime.now(timezone.utc)


def _ids(values: Iterable) -> Set[str]:
    """Ids from a list of ids or of ``{_id, …}`` objects (the stored shape may be either)."""
    return {v["_id"] if isinstance(v, dict) else v for v in values or ()}


def permission_offerings(permission: dict) -> Set[str]:
    return _ids(permission.get("offerings"))


def user_benefits(store, user_id: str, permission: dict) -> bool:
    """The permission names the user, or a community the user is a member of."""
    if user_id in _ids(permission.get("users")):
        return True
    communities = _ids(permission.get("communities"))
    if not communities:
        return False
    user = store.get("users", user_id) or {}
    return bool(communities & {m["community"] for m in user.get("communities", [])})


def granted_pairs(key: dict) -> Iterator[Tuple[str, str]]:
    """(permission id, offering id) of each access recorded on the key."""
    for access in key.get("accesses") or ():
        permission = access.get("permission")
        permission_id = permission["_id"] if isinstance(permission, dict) else permission
        offerings = list(access.get("offerings") or ())
        if access.get("offering"):
            offerings.append(access["offering"])
        for offering_id in _ids(offerings):
            yield permission_id, offering_id


def key_opens(store, key: dict, offering_id: str) -> bool:
    """The key has an access to the offering through a live permission that covers it and
    that the key's user benefits from (``only_oauth`` permissions take OAUTH2 keys only)."""
    for permission_id, granted_offering in granted_pairs(key):
        if granted_offering != offering_id:
            continue
        permission = store.get("permissions", permission_id)
        if (permission and offering_id in permission_offerings(permission)
                and not expired(permission) and not permission.get("only_oauth")
                and user_benefits(store, key["user"], permission)):
            return True
    return False


def keys_opening(store, offering: dict) -> Tuple[str, ...]:
    """Ids of the keys that open a private offering (an ``open`` one takes any service key)."""
    keys = [k for k in store.all("keys") if k.get("type") in SERVICE_KEY_TYPES]
    if offering.get("open"):
        return tuple(k["_id"] for k in keys)
    return tuple(k["_id"] for k in keys if key_opens(store, k, offering["_id"]))


class ConsumerKeys:
    """The services' key resolver: a request → the id of the key it presents (None when it
    presents none, or one the platform does not know: both are a 401)."""

    def __init__(self, store):
        self.store = store

    def __call__(self, environ: Mapping, params: Mapping[str, str]) -> Optional[str]:
        key = find_key(self.store, environ, params)
        return key["_id"] if key else None
