"""What an update may delete: only what its publication (or an earlier update of the same
WMTS) created, read from the journals beside the update's (no network)."""

from __future__ import annotations

from gpf_wmts_publisher.plugin.publish.journal import Journal
from gpf_wmts_publisher.plugin.publish.update_owner import (
    created_by_publication,
    publication_journals,
)
from gpf_wmts_publisher.plugin.publish.update_workflow import update_journal_key


def _journal(directory, key, resources, **values) -> Journal:
    journal = Journal.open("ds", key, str(directory))
    for kind, resource_id in resources:
        journal.record(kind, resource_id, step="s")
    for name, value in values.items():
        journal.put(name, value)
    return journal


def test_only_the_journals_of_this_wmts_say_what_its_publication_created(tmp_path):
    # The publication started from a reused pyramid and stored data: not in its journal.
    _journal(tmp_path, "fiche__second", [("configuration_wmts", "wmts-2"),
                                         ("offering_wmts", "off-2")],
             pyramid_reused="pyr-1", vectordb_id="vec-1")
    # The publication that made them serves another WMTS.
    _journal(tmp_path, "fiche__first", [("stored_data_vector", "vec-1"),
                                        ("stored_data_pyramid", "pyr-1"),
                                        ("configuration_wmts", "wmts-1")])
    earlier = _journal(tmp_path, update_journal_key("wmts-2"),
                       [("stored_data_pyramid", "pyr-2")], target={})
    earlier_path = earlier.path[:-len(".json")] + ".done-1.json"
    earlier.save()
    (tmp_path / earlier.path).rename(earlier_path)
    update = _journal(tmp_path, update_journal_key("wmts-2"), [("stored_data_pyramid", "pyr-3")],
                      target={})

    owned = created_by_publication(update, "wmts-2")

    assert owned == {"wmts-2", "off-2", "pyr-2", "pyr-3"}
    assert "pyr-1" not in owned and "vec-1" not in owned
    assert [j.resource_id("offering_wmts") for j in publication_journals(update, "wmts-2")] \
        == ["off-2"]
    assert created_by_publication(update, "wmts-1") >= {"pyr-1", "vec-1"}
