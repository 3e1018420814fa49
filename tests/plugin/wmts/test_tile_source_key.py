"""The zoom-level inspector's own tile requests carry a restricted layer's key as the Basic
header of its auth configuration, never as a URL parameter (issue 14, hole 3)."""

from __future__ import annotations

from types import SimpleNamespace

from gpf_wmts_publisher.plugin.wmts.tile_source import fetch_tile, tile_source_from_info


class RecordingSession:
    def __init__(self):
        self.calls = []

    def get(self, url, **kwargs):
        self.calls.append((url, kwargs))
        return SimpleNamespace(status_code=404, headers={}, content=b"")


def test_tiles_are_asked_with_the_key_header_and_no_key_on_the_url(qgis_app):
    level = SimpleNamespace(zoom=12, identifier="12", limits=None)
    info = SimpleNamespace(identifier="L", default_style="normal", matrix_set="PM",
                           formats=["image/png"], levels=[level], get_tile_url="",
                           tile_templates=())
    header = {"Authorization": "Basic cWdpcy0xOnNlY3JldA=="}
    source = tile_source_from_info(info, "https://h/private/wmts?SERVICE=WMTS",
                                   headers=header)
    session = RecordingSession()
    fetch_tile(session, source, 12, 1, 2)
    [(url, kwargs)] = session.calls
    assert kwargs["headers"] == header
    assert "apikey" not in url.lower() and "apikey" not in str(kwargs["params"]).lower()
    assert "cWdpcy0x" not in repr(source)
