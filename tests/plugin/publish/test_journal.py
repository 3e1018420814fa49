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
