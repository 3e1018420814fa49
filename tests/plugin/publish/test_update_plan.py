"""The version names of an update, and which steps each kind of change runs (no network)."""

from __future__ import annotations

import pytest
from gpf_wmts_publisher.plugin.publish.layer_source import LayerSource
from gpf_wmts_publisher.plugin.publish.pyramid_versions import (
    next_version_name,
    split_version,
    versioned_name,
)
from gpf_wmts_publisher.plugin.publish.update import UpdateChanges
from gpf_wmts_publisher.plugin.publish.update_workflow import update_steps


@pytest.fixture
def layer_source() -> LayerSource:
    return LayerSource(name="parcelles", provider="ogr", uri="parcelles.gpkg",
                       crs_authid="EPSG:2154", crs_wkt="", crs_valid=True, feature_count=3,
                       extent_wgs84=(2.0, 48.0, 2.1, 48.1), style_qml="<qgis/>")


def test_version_names_count_from_the_first_publication():
    assert split_version("communes_pyr") == ("communes_pyr", 1)
    assert split_version("communes_pyr_v2") == ("communes_pyr", 2)
    assert split_version("communes_pyr_v12") == ("communes_pyr", 12)
    # "_v1" and "_v0" are not versions this scheme writes: part of the name.
    assert split_version("communes_v1") == ("communes_v1", 1)
    assert versioned_name("communes_pyr", 1) == "communes_pyr"
    assert next_version_name("communes_pyr") == "communes_pyr_v2"
    assert next_version_name("communes_pyr_v2") == "communes_pyr_v3"


def test_the_next_version_is_above_every_version_left_in_the_datastore():
    existing = ["communes_pyr", "communes_pyr_v4", "autre_pyr_v9", "communes_pyr_v2"]
    assert next_version_name("communes_pyr_v2", existing) == "communes_pyr_v5"


def _names(changes: UpdateChanges):
    return [step.name for step in update_steps(changes)]


def test_each_change_runs_only_the_steps_it_needs(layer_source):
    pyramid = ["pyramid", "wmts_switch"]
    assert _names(UpdateChanges(data=layer_source)) == [
        "data", "integration", "style", "wmsv_switch", *pyramid, "cleanup"]
    assert _names(UpdateChanges(style=layer_source)) == [
        "style", "wmsv_switch", *pyramid, "cleanup"]
    assert _names(UpdateChanges(top_level=10, bottom_level=14)) == [*pyramid, "cleanup"]
    assert _names(UpdateChanges(extent_wgs84=(2.0, 48.0, 3.0, 49.0))) == [*pyramid, "cleanup"]
    assert _names(UpdateChanges(metadata=object())) == ["metadata"]
    assert _names(UpdateChanges()) == []


def test_the_fingerprint_tells_two_updates_apart(layer_source):
    levels = UpdateChanges(top_level=10, bottom_level=14)
    assert levels.fingerprint() == UpdateChanges(top_level=10, bottom_level=14).fingerprint()
    assert levels.fingerprint() != UpdateChanges(top_level=10, bottom_level=15).fingerprint()
    assert UpdateChanges(style=layer_source).fingerprint() != \
        UpdateChanges(data=layer_source).fingerprint()


def test_the_changes_between_a_published_spec_and_the_wizard_s_new_one(layer_source):
    from gpf_wmts_publisher.plugin.publish.spec import Publication
    from gpf_wmts_publisher.plugin.publish.update import changes_between

    spec = Publication(datastore_id="ds", datasheet_name="fiche", wmsv_name="w",
                       wmts_name="t", pyramid_name="p", wmsv_title="W", wmts_title="T",
                       abstract="A", layer=layer_source, top_level=10, bottom_level=14)
    published = spec.summary()
    assert changes_between(published, spec).kinds() == []
    wider = Publication(**{**spec.__dict__, "bottom_level": 16,
                           "extent_wgs84": (2.0, 48.0, 3.0, 49.0)})
    changes = changes_between(published, wider, new_style=True)
    assert changes.kinds() == ["style", "levels", "extent"]
    assert (changes.top_level, changes.bottom_level) == (10, 16)
    assert changes_between(published, spec, new_data=True, new_style=True).kinds() == ["data"]


@pytest.mark.parametrize("kind", ["style", "data", "levels", "extent", "metadata"])
def test_after_any_update_the_publication_journal_holds_the_new_settings(
        layer_source, tmp_path, kind):
    """Whoever asked the update (dock or wizard), the publication's journal then holds the
    settings the wizard would have for the same choices: reopening it with them finds
    nothing changed."""
    from dataclasses import replace

    from gpf_wmts_publisher.plugin.metadata import ServiceMetadata
    from gpf_wmts_publisher.plugin.publish.journal import Journal
    from gpf_wmts_publisher.plugin.publish.reopen import changed_fields
    from gpf_wmts_publisher.plugin.publish.spec import Publication, metadata_digest
    from gpf_wmts_publisher.plugin.publish.update import (
        UpdateResult,
        changes_between,
        record_in_publication,
        settings_after,
    )

    published = Publication(
        datastore_id="ds", datasheet_name="fiche", wmsv_name="w", wmts_name="t",
        pyramid_name="p", wmsv_title="W", wmts_title="T", abstract="A", layer=layer_source,
        top_level=10, bottom_level=14, metadata=ServiceMetadata(organisation="IGN"))
    wanted = {
        "style": replace(published, layer=replace(layer_source, style_qml="<qgis b='1'/>")),
        "data": replace(published, layer=replace(layer_source, uri="autres.gpkg",
                                                 feature_count=9, style_qml="<qgis c/>")),
        "levels": replace(published, top_level=8, bottom_level=16),
        "extent": replace(published, extent_wgs84=(1.0, 47.0, 3.0, 49.0)),
        "metadata": replace(published, producer="IGN-F",
                            metadata=ServiceMetadata(organisation="IGN-F")),
    }[kind]
    journal = Journal(str(tmp_path / "publication.json"))
    journal.set_spec(published.summary())
    changes = changes_between(published.summary(), wanted, new_data=kind == "data",
                              new_style=kind == "style", new_metadata=kind == "metadata")
    assert changes.kinds() == [kind]
    result = UpdateResult("t", "", "p_v2", ("8", "16"), changes.kinds(),
                          settings=settings_after(changes, wanted,
                                                  metadata_digest(wanted.metadata)))
    record_in_publication(journal, result)
    record_in_publication(journal, result)   # told twice (wizard and update): the same

    assert changed_fields(journal.snapshot()["spec"], wanted.summary()) == []
    assert changed_fields(journal.snapshot()["spec"], published.summary()) != []
    assert journal.snapshot()["spec"]["fingerprint"] == wanted.summary()["fingerprint"]
