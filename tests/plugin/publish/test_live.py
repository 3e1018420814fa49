"""One answer to "is it still there?" and "does it still serve?" for every part of the
plugin (reopening, the datasheet view and its delete, the inventory, adoption, updates,
reuse), and one way to find a datasheet's metadata record (no network)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from gpf_wmts_publisher.plugin.entrepot.models import Metadata
from gpf_wmts_publisher.plugin.publish.live import alive, is_alive, is_serving
from gpf_wmts_publisher.plugin.publish.reopen_survey import _exists


@pytest.mark.parametrize("status, serving", [
    ("PUBLISHED", True), ("PUBLISHING", True), ("MODIFYING", True), ("SYNCHRONIZING", True),
    ("UNSTABLE", False), ("DELETED", False), ("", False)])
def test_an_offering_serves_while_published_or_being_republished(status, serving):
    offering = SimpleNamespace(status=status)
    assert is_serving(offering) is serving
    # Reopening's survey asks the same question for the journal's offerings.
    assert _exists(lambda _id: offering, "offering", "o1") is serving


def test_a_resource_is_there_unless_listed_as_deleted():
    items = [SimpleNamespace(status="GENERATED"), SimpleNamespace(status="DELETED"),
             SimpleNamespace(status=None), SimpleNamespace()]
    assert alive(items) == [items[0], items[2], items[3]]
    assert not is_alive(items[1])
    assert _exists(lambda _id: items[1], "stored_data", "s1") is False


class _RecordsApi:
    """A metadata list as a datastore answers a tag filter: the records it holds."""

    def __init__(self, records):
        self.records = records

    def metadata_list(self, tags=None):
        return list(self.records)

    def metadata_file(self, metadata_id):
        return (f'<gmd:MD_Metadata xmlns:gmd="http://www.isotc211.org/2005/gmd" '
                f'xmlns:gco="http://www.isotc211.org/2005/gco"><gmd:fileIdentifier>'
                f'<gco:CharacterString>{metadata_id}</gco:CharacterString></gmd:fileIdentifier>'
                f'</gmd:MD_Metadata>')


def test_the_wizard_and_the_update_find_the_same_datasheet_record():
    """The form's record (metadata/remembered.py), the update's (update_target.py) and the
    reuse's (reuse.py) are found one way: a record of another datasheet is never taken."""
    from gpf_wmts_publisher.plugin.metadata.remembered import existing_datasheet_metadata
    from gpf_wmts_publisher.plugin.publish.reuse import datasheet_metadata

    api = _RecordsApi([Metadata(id="other", tags={"datasheet_name": "autre"}),
                       Metadata(id="mine", tags={"datasheet_name": "fiche"})])
    assert datasheet_metadata(api, "fiche").id == "mine"
    assert existing_datasheet_metadata(api, "fiche").file_identifier == "mine"
    assert existing_datasheet_metadata(_RecordsApi([]), "fiche") is None
