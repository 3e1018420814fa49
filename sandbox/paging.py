"""List replies: filters, ``page``/``limit`` and the ``Content-Range: first-last/total`` header."""

from __future__ import annotations

import re
from typing import Iterable, List, Mapping, Tuple

from .errors import ApiError

MAX_LIMIT = 50
DEFAULT_LIMIT = 10


def tag_filters(args: Mapping[str, str]) -> dict:
    """``tags[key]=value`` query parameters as a dict."""
    return {
        key[5:-1]: value
        for key, value in args.items()
        if key.startswith("tags[") and key.endswith("]")
    }


def matches_tags(doc: dict, wanted: dict) -> bool:
    tags = doc.get("tags") or {}
    return all(tags.get(k) == v for k, v in wanted.items())


def like(value: str, pattern: str) -> bool:
    """The platform's name filter: case-insensitive, exact unless ``%`` (any run of
    characters) appears in the pattern."""
    regex = ".*".join(re.escape(part) for part in pattern.lower().split("%"))
    return re.fullmatch(regex, (value or "").lower(), re.DOTALL) is not None


def _int_arg(args: Mapping[str, str], name: str, default: int) -> int:
    raw = args.get(name)
    if raw in (None, ""):
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ApiError(400, f"Le paramètre {name} doit être un entier") from None
    if value < 1:
        raise ApiError(400, f"Le paramètre {name} doit être supérieur à 0")
    return value


def paginate(items: Iterable[dict], args: Mapping[str, str]) -> Tuple[List[dict], dict]:
    """One page of ``items`` (sorted by creation) and the headers describing it."""
    items = list(items)
    sort = args.get("sort", "")
    if sort:
        field, _, direction = sort.replace(",", ":").partition(":")
        items.sort(key=lambda d: str(d.get(field, "")), reverse=direction.lower() == "desc")
    page = _int_arg(args, "page", 1)
    limit = min(_int_arg(args, "limit", DEFAULT_LIMIT), MAX_LIMIT)
    start = (page - 1) * limit
    chunk = items[start : start + limit]
    total = len(items)
    if chunk:
        content_range = f"{start + 1}-{start + len(chunk)}/{total}"
    else:
        content_range = f"0-0/{total}"
    return chunk, {"Content-Range": content_range}
