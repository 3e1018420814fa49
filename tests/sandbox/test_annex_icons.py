"""The WMS-V reads icons hosted as this sandbox's annexes from their stored file."""

from __future__ import annotations

from pathlib import Path

from sandbox.annex_icons import local_icons
from tests.sandbox.flow import sld


class _Store:
    """The two collections local_icons reads."""

    def __init__(self, tmp: Path, published: bool = True):
        self.tmp = tmp
        self.rows = {
            "datastores": [{"_id": "ds1", "technical_name": "sandbox"}],
            "annexes": [{"_id": "an1", "datastore": "ds1", "paths": ["/styles/x/0_a.svg"],
                         "published": published}],
        }

    def find(self, kind, **where):
        return iter(r for r in self.rows[kind] if all(r.get(k) == v for k, v in where.items()))

    def files(self, kind, item_id, name):
        return self.tmp / kind / item_id / name


def _icon(url: str) -> bytes:
    return sld("t", "<Rule><PointSymbolizer><Graphic><ExternalGraphic><OnlineResource"
                    f' xlink:type="simple" xlink:href="{url}"/><Format>image/svg+xml</Format>'
                    "</ExternalGraphic></Graphic></PointSymbolizer></Rule>")


def test_an_own_published_annex_is_read_from_its_file(tmp_path):
    out = local_icons(_icon("http://127.0.0.1:9/annexes/sandbox/styles/x/0_a.svg"),
                      _Store(tmp_path))
    assert str(tmp_path / "annexes" / "an1" / "content").encode() in out


def test_other_urls_and_unpublished_annexes_are_left_alone(tmp_path):
    for data, store in (
            (_icon("https://example.org/annexes/sandbox/styles/x/0_b.svg"), _Store(tmp_path)),
            (_icon("https://example.org/icons/a.svg"), _Store(tmp_path)),
            (_icon("http://127.0.0.1:9/annexes/sandbox/styles/x/0_a.svg"),
             _Store(tmp_path, published=False))):
        assert local_icons(data, store) == data
