"""Streaming multipart upload: right bytes, MD5 in the same pass, progress, cancel, memory."""

from __future__ import annotations

import hashlib
import json
import os
import threading

import psutil
import pytest
from gpf_wmts_publisher.plugin.entrepot import (
    Cancelled,
    EntrepotApi,
    EntrepotClient,
    MultipartBody,
)
from werkzeug import Response

from bench._util import DiscardingReceiver, write_sparse_file


@pytest.fixture
def random_file(tmp_path):
    path = tmp_path / "parcelles-é.gpkg"
    path.write_bytes(os.urandom(3 * (1 << 20) + 12345))  # not a multiple of the chunk size
    return path


def capture_upload(httpserver, path="/api/datastores/ds/uploads/up/data"):
    seen = {}

    def handler(request):
        part = request.files["file"]
        seen.update(
            path=request.args.get("path"), filename=part.filename, body=part.read(),
            content_length=request.content_length,
            chunked=request.headers.get("Transfer-Encoding"),
            form=request.form.to_dict(), args=request.args.to_dict(),
        )
        return Response("{}", content_type="application/json")

    httpserver.expect_request(path, method="POST").respond_with_handler(handler)
    return seen


def test_push_data_sends_the_file_as_field_file_and_returns_its_md5(
        httpserver, make_client, random_file):
    seen = capture_upload(httpserver)
    api = EntrepotApi(make_client(), "ds")
    md5_hex = api.push_data("up", random_file)
    content = random_file.read_bytes()
    assert md5_hex == hashlib.md5(content).hexdigest()
    assert seen["body"] == content
    assert seen["path"] == "data/parcelles-é.gpkg"
    assert seen["filename"] == "parcelles-é.gpkg"
    assert seen["chunked"] is None  # a Content-Length, not chunked encoding
    assert seen["content_length"] > len(content)


def test_progress_is_monotonic_and_ends_at_the_file_size(httpserver, make_client, random_file):
    capture_upload(httpserver)
    reports = []
    EntrepotApi(make_client(), "ds").push_data(
        "up", random_file, on_progress=lambda sent, total: reports.append((sent, total)))
    sizes = [sent for sent, _ in reports]
    assert sizes == sorted(sizes)
    assert sizes[0] == 0
    assert reports[-1] == (random_file.stat().st_size, random_file.stat().st_size)
    assert len(reports) >= 4  # one per 1 MiB chunk at least


def test_md5_file_has_the_md5sum_format(httpserver, make_client):
    seen = capture_upload(httpserver, "/api/datastores/ds/uploads/up/md5")
    EntrepotApi(make_client(), "ds").push_md5("up", {"parcelles.gpkg": "ab" * 16})
    assert seen["body"] == f"{'ab' * 16}  data/parcelles.gpkg\n".encode()


def test_text_fields_travel_with_the_file_for_statics(httpserver, make_client):
    seen = {}

    def handler(request):
        seen.update(form=request.form.to_dict(), body=request.files["file"].read())
        return Response(json.dumps({"_id": "st1", "type": "GEOSERVER-STYLE",
                                    "type_infos": {"used_attributes": ["nom"]}}),
                        content_type="application/json")

    httpserver.expect_request("/api/datastores/ds/statics", method="POST").respond_with_handler(
        handler)
    static = EntrepotApi(make_client(), "ds").create_static(
        b"<StyledLayerDescriptor/>", name="style", description="d")
    assert seen["form"] == {"name": "style", "type": "GEOSERVER-STYLE", "description": "d"}
    assert seen["body"] == b"<StyledLayerDescriptor/>"
    assert static.id == "st1" and static.type_infos["used_attributes"] == ["nom"]


def test_the_closing_boundary_goes_out_before_the_hash_is_awaited(random_file):
    # The server stores the file while the hashing thread finishes: the MD5 is known only
    # once the whole body, closing boundary included, has been handed to the socket.
    body = MultipartBody(random_file, chunk_size=1 << 16)
    handed = [(part, body.md5_hex) for part in body]
    last_part, md5_when_last_part_went = handed[-1]
    assert last_part == f"\r\n--{body.boundary}--\r\n".encode()
    assert md5_when_last_part_went is None
    assert body.md5_hex == hashlib.md5(random_file.read_bytes()).hexdigest()


def test_body_is_reiterable_for_a_retry(random_file):
    body = MultipartBody(random_file, chunk_size=1 << 16)
    first = b"".join(body)
    second = b"".join(body)
    assert first == second and len(first) == len(body)
    assert body.md5_hex == hashlib.md5(random_file.read_bytes()).hexdigest()


def test_cancel_stops_an_upload_midway(tmp_path):
    path = tmp_path / "big.gpkg"
    size = 256 << 20
    write_sparse_file(path, size)
    cancel = threading.Event()
    reports = []

    def progress(sent, total):
        reports.append(sent)
        if sent >= 8 << 20:
            cancel.set()

    with DiscardingReceiver() as receiver:
        client = EntrepotClient(receiver.url + "/api")
        with pytest.raises(Cancelled):
            EntrepotApi(client, "ds").push_data("up", path, on_progress=progress,
                                                cancelled=cancel.is_set)
        client.close()
    assert max(reports) < 16 << 20
    assert all(received < size for _, _, received in receiver.requests)


@pytest.mark.slow
def test_one_gigabyte_upload_keeps_memory_bounded(tmp_path):
    path = tmp_path / "one-gigabyte.gpkg"
    size = 1 << 30
    write_sparse_file(path, size)
    process = psutil.Process()
    start_rss = process.memory_info().rss
    peak = [start_rss]

    def progress(sent, total):
        if sent % (64 << 20) == 0:
            peak[0] = max(peak[0], process.memory_info().rss)

    with DiscardingReceiver() as receiver:
        client = EntrepotClient(receiver.url + "/api")
        md5_hex = EntrepotApi(client, "ds").push_data("up", path, on_progress=progress)
        client.close()
    peak[0] = max(peak[0], process.memory_info().rss)
    assert md5_hex == "cd573cfaace07e7949bc0c46028904ff"  # md5 of 1 GiB of zero bytes
    (_, length, received), = receiver.requests
    assert received == length > size
    growth_mb = (peak[0] - start_rss) / (1 << 20)
    assert growth_mb < 64, f"RSS grew by {growth_mb:.0f} MB"
