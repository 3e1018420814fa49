"""The journal: atomic JSON, resources in creation order, intents, reopen."""

from __future__ import annotations

import json
import os

from gpf_wmts_publisher.plugin.publish.journal import JOURNAL_DIR_ENV, Journal, default_journal_dir


def test_records_survive_a_reopen_in_creation_order(tmp_path):
    journal = Journal.open("ds", "fiche__wmts", str(tmp_path))
    journal.record("upload", "u1", step="data", name="fiche")
    journal.record("stored_data_vector", "s1", step="integration")
    journal.mark_step("data", "done")
    again = Journal.open("ds", "fiche__wmts", str(tmp_path))
    assert [r["id"] for r in again.resources()] == ["u1", "s1"]
    assert again.is_done("data") and again.step_status("integration") == "pending"


def test_recording_the_same_id_twice_keeps_one_entry(tmp_path):
    journal = Journal.open("ds", "k", str(tmp_path))
    journal.record("upload", "u1", step="data")
    journal.record("upload", "u1", step="data")
    assert len(journal.resources()) == 1


def test_an_intent_is_cleared_when_its_resource_is_recorded(tmp_path):
    journal = Journal.open("ds", "k", str(tmp_path))
    journal.intend("upload", "fiche")
    assert Journal.open("ds", "k", str(tmp_path)).intent("upload") == "fiche"
    journal.record("upload", "u1", step="data")
    assert Journal.open("ds", "k", str(tmp_path)).intent("upload") is None


def test_removed_resources_are_no_longer_current(tmp_path):
    journal = Journal.open("ds", "k", str(tmp_path))
    journal.record("upload", "u1", step="data")
    journal.mark_removed("upload", "u1")
    assert journal.resource_id("upload") is None
    assert journal.resources() == [] and len(journal.resources(include_removed=True)) == 1


def test_writes_are_atomic_and_leave_no_temporary_file(tmp_path):
    journal = Journal.open("ds", "k", str(tmp_path))
    for index in range(20):
        journal.put("value", index)
    assert [p.name for p in tmp_path.iterdir()] == [os.path.basename(journal.path)]
    assert json.loads(open(journal.path, encoding="utf-8").read())["values"]["value"] == 19


def test_unsafe_characters_never_reach_the_file_name(tmp_path):
    journal = Journal.open("../ds", "a/b c", str(tmp_path))
    journal.save()
    assert os.path.dirname(journal.path) == str(tmp_path)


def test_the_directory_is_beside_the_qgis_profile_unless_overridden(qgis_app, monkeypatch):
    from qgis.core import QgsApplication

    monkeypatch.delenv(JOURNAL_DIR_ENV, raising=False)
    assert default_journal_dir().startswith(QgsApplication.qgisSettingsDirPath())
    monkeypatch.setenv(JOURNAL_DIR_ENV, "/tmp/elsewhere")
    assert default_journal_dir() == "/tmp/elsewhere"


DATASTORE_UUID = "0d5c9c4e-6a43-4d0b-9a26-2f7c1f1f7c1a"


def test_journal_file_names_stay_short_enough_for_windows_paths(tmp_path):
    # Two technical names at their 100-character maximum: the journal (and the work folder
    # named after it, with the GeoPackage inside) would pass Windows' 260-character paths.
    key = f"{'f' * 100}__{'w' * 100}"
    journal = Journal.open(DATASTORE_UUID, key, str(tmp_path))
    name = os.path.basename(journal.path)
    assert len(name) <= 85 and name.endswith(".json") and name.startswith(DATASTORE_UUID)
    other = Journal.open(DATASTORE_UUID, f"{'f' * 100}__{'w' * 99}x", str(tmp_path))
    assert os.path.basename(other.path) != name  # the digest keeps them apart
    journal.record("upload", "u1", step="data")
    assert Journal.open(DATASTORE_UUID, key, str(tmp_path)).resource_id("upload") == "u1"
    short = Journal.open("ds", "fiche__wmts", str(tmp_path))
    assert os.path.basename(short.path) == "ds__fiche__wmts.json"  # short names unchanged


def test_a_journal_written_under_its_long_name_is_still_resumed(tmp_path):
    key = f"{'f' * 100}__{'w' * 100}"
    legacy = tmp_path / f"{DATASTORE_UUID}__{key}.json"
    Journal(str(legacy)).save()
    Journal(str(legacy)).record("upload", "u1", step="data")
    again = Journal.open(DATASTORE_UUID, key, str(tmp_path))
    assert again.path == str(legacy) and again.resource_id("upload") == "u1"
