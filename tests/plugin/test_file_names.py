"""plugin/file_names.py: what the plugin writes on disk has a name Windows accepts."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from gpf_wmts_publisher.plugin.file_names import portable_file_name
from gpf_wmts_publisher.plugin.publish.batches import UploadBatch
from gpf_wmts_publisher.plugin.publish.export import ExportResult
from gpf_wmts_publisher.plugin.publish.journal import Journal
from gpf_wmts_publisher.plugin.publish.steps import data as data_step


@pytest.mark.parametrize(("stem", "expected"), [
    ("parcelles", "parcelles.gpkg"),          # valid names are kept as they are
    ("parcelles.v2", "parcelles.v2.gpkg"),
    ("aux", "_aux.gpkg"),                      # device names, whatever the case
    ("CON", "_CON.gpkg"),
    ("com1.backup", "_com1.backup.gpkg"),
    ("console", "console.gpkg"),               # only the exact device name is reserved
    ("draft.", "draft.gpkg"),                  # Windows would drop the trailing dot
    ("a:b", "a_b.gpkg"),
    ("", "_.gpkg"),
])
def test_names_are_made_valid_on_windows(stem, expected):
    assert portable_file_name(stem, ".gpkg") == expected


def test_the_export_of_a_table_named_like_a_device_is_written_under_a_valid_name(
        tmp_path, monkeypatch):
    # On Windows "aux.gpkg" is the AUX device: the local copy gets another name, the platform
    # still receives data/aux.gpkg.
    def fake_export(sources, path, table_names):
        with open(path, "wb") as handle:
            handle.write(b"gpkg")
        return ExportResult(path, table_names[0], 1, "EPSG:2154", 4)

    monkeypatch.setattr(data_step, "export_geopackage_tables", fake_export)
    ctx = SimpleNamespace(spec=SimpleNamespace(effective_data_name="aux", layer=None),
                          journal=Journal(str(tmp_path / "journal.json")),
                          work_dir=str(tmp_path), progress=lambda *args: None)
    batch = UploadBatch(0, (), ("aux",), "aux", "EPSG:2154")
    export = data_step.DataStep()._export(ctx, batch, lambda *args: None)
    assert export["path"] == str(tmp_path / "_aux.gpkg")
    assert export["remote_path"] == "data/aux.gpkg"
