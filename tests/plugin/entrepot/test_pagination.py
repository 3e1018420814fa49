"""Lists read page after page using Content-Range; tolerant of a missing header or `*`."""

from __future__ import annotations

import json

import pytest
from gpf_wmts_publisher.plugin.entrepot import parse_content_range
from werkzeug import Response

ITEMS = [{"_id": str(i)} for i in range(1, 124)]


def paginated(total_header=True, star=False, send_header=True):
    asked = []

    def handler(request):
        page, limit = int(request.args["page"]), int(request.args["limit"])
        asked.append((page, limit, request.args.get("tags[datasheet_name]")))
        chunk = ITEMS[(page - 1) * limit: page * limit]
        headers = {}
        if send_header and chunk:
            first = (page - 1) * limit + 1
            total = "*" if star else str(len(ITEMS))
            headers["Content-Range"] = f"{first}-{first + len(chunk) - 1}/{total}"
        return Response(json.dumps(chunk), headers=headers, content_type="application/json")

    handler.asked = asked
    return handler


def test_iterates_every_page_using_the_content_range_total(httpserver, make_client):
    handler = paginated()
    httpserver.expect_request("/api/things").respond_with_handler(handler)
    got = list(make_client().iter_pages("things", {"tags[datasheet_name]": "x"}, limit=50))
    assert got == ITEMS
    assert [a[0] for a in handler.asked] == [1, 2, 3]
    assert all(a[2] == "x" for a in handler.asked)


def test_exact_multiple_of_limit_stops_on_the_total_without_an_empty_page(
        httpserver, make_client):
    handler = paginated()
    httpserver.expect_request("/api/things").respond_with_handler(handler)
    got = list(make_client().iter_pages("things", limit=41))  # 123 = 3 × 41
    assert len(got) == 123
    assert len(handler.asked) == 3


def test_star_total_reads_until_a_short_page(httpserver, make_client):
    handler = paginated(star=True)
    httpserver.expect_request("/api/things").respond_with_handler(handler)
    assert list(make_client().iter_pages("things", limit=50)) == ITEMS


def test_missing_header_reads_a_single_page(httpserver, make_client):
    handler = paginated(send_header=False)
    httpserver.expect_request("/api/things").respond_with_handler(handler)
    assert list(make_client().iter_pages("things", limit=50)) == ITEMS[:50]
    assert len(handler.asked) == 1


@pytest.mark.parametrize("header, expected", [
    ("1-10/12", (1, 10, 12)),
    ("items 0-49/*", (0, 49, None)),
    ("", None),
    ("garbage", None),
])
def test_content_range_parsing(header, expected):
    assert parse_content_range(header) == expected
