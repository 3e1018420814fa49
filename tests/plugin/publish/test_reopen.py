"""Reopening a publication: every row of plugin/publish/reopen.py's decision table, the
platform survey and what a resume or a start-again does to the journal (no widgets)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from gpf_wmts_publisher.plugin.entrepot.errors import NotFound
from gpf_wmts_publisher.plugin.publish import reopen
from gpf_wmts_publisher.plugin.publish.adopt import step_of
from gpf_wmts_publisher.plugin.publish.journal import Journal
from gpf_wmts_publisher.plugin.publish.reopen import (
    PUBLISH,
    RESUME,
    START_AGAIN,
    UPDATE,
    Survey,
    decide,
)
from gpf_wmts_publisher.plugin.publish.reopen_survey import prepare_resume, survey
from gpf_wmts_publisher.plugin.publish.spec import Publication
from gpf_wmts_publisher.plugin.publish.steps import STEP_CLASSES

STEPS = [cls.name for cls in STEP_CLASSES]
# What a full publication journals, in creation order (kind, id, name).
CREATED = [("upload", "u1", "fiche"), ("execution_integration", "e1", "fiche"),
           ("stored_data_vector", "sv", "fiche"), ("static_sld", "st", "fiche_style"),
           ("configuration_wmsv", "cv", "fiche_wmsv"), ("offering_wmsv", "ov", "cv"),
           ("execution_pyramid", "e2", "fiche_pyramide"),
           ("stored_data_pyramid", "sp", "fiche_pyramide"), ("metadata", "md", "fiche_wmts"),
           ("configuration_wmts", "ct", "fiche_wmts"), ("offering_wmts", "ot", "ct")]


def spec(**changes) -> Publication:
    values = dict(datastore_id="ds", datasheet_name="fiche", wmsv_name="fiche_wmsv",
                  wmts_name="fiche_wmts", pyramid_name="fiche_pyramide", wmsv_title="Fiche",
                  wmts_title="Fiche WMTS", abstract="Résumé", top_level=10, bottom_level=14)
    values.update(changes)
    return Publication(**values)


def journal_of(tmp_path, *, done_until="tags", created=CREATED, published=None) -> Journal:
    """A journal as a run that finished the steps up to ``done_until`` leaves it."""
    journal = Journal.open("ds", "fiche__fiche_wmts", str(tmp_path))
    journal.set_spec((published or spec()).summary())
    last = STEPS.index(done_until) if done_until else -1
    for kind, resource_id, name in created:
        if STEPS.index(step_of(kind)) <= last:
            journal.record(kind, resource_id, step=step_of(kind), name=name)
    for name in STEPS[:last + 1]:
        journal.mark_step(name, "done")
    if last + 1 < len(STEPS):
        journal.mark_step(STEPS[last + 1], "failed", error="[x] refused")
    return journal


def run_decide(journal: Journal, new: Publication, platform: Survey = None):
    platform = platform if platform is not None else Survey(looked=1)
    return decide(journal.snapshot(), platform, new.summary(), STEPS, step_of, lang="en")


def gone(*kinds):
    """What the survey reports when the ``kinds`` of a full publication are gone."""
    ids = dict((k, i) for k, i, _n in CREATED)
    looked = [k for k in ids if not k.startswith(("upload", "execution"))]
    return Survey(looked=len(looked), gone=tuple((k, ids[k]) for k in kinds))


# -- the rows ---------------------------------------------------------------------------
def test_row_1_no_journal_offers_publish(tmp_path):
    journal = Journal.open("ds", "fiche__fiche_wmts", str(tmp_path))
    decision = run_decide(journal, spec())
    assert (decision.row, decision.offers, decision.reset_journal) == (1, (PUBLISH,), False)


def test_row_1_a_run_stopped_before_creating_anything_is_no_journal(tmp_path):
    journal = Journal.open("ds", "fiche__fiche_wmts", str(tmp_path))
    journal.set_spec(spec().summary())
    journal.mark_step("data", "failed", error="no room")
    assert run_decide(journal, spec(top_level=8)).row == 1


def test_an_intent_on_disk_is_not_no_journal(tmp_path):
    """A create may have reached the platform: the journal must not be forgotten."""
    journal = Journal.open("ds", "fiche__fiche_wmts", str(tmp_path))
    journal.intend("upload", "fiche")
    assert run_decide(journal, spec()).row == 5


def test_row_2_undone_journal_offers_publish_on_a_new_journal(tmp_path):
    journal = journal_of(tmp_path)
    for entry in journal.resources():
        journal.mark_removed(entry["kind"], entry["id"])
    decision = run_decide(journal, spec())
    assert (decision.row, decision.offers, decision.reset_journal) == (2, (PUBLISH,), True)


def test_row_3_nothing_left_on_the_platform_offers_publish(tmp_path):
    journal = journal_of(tmp_path)
    decision = run_decide(journal, spec(), gone(
        "stored_data_vector", "static_sld", "configuration_wmsv", "offering_wmsv",
        "stored_data_pyramid", "metadata", "configuration_wmts", "offering_wmts"))
    assert (decision.row, decision.offers, decision.reset_journal) == (3, (PUBLISH,), True)


def test_row_4_unreadable_platform_offers_nothing_and_says_why(tmp_path):
    journal = journal_of(tmp_path, done_until="wmsv")
    decision = run_decide(journal, spec(), Survey(error="Connexion refusée"))
    assert (decision.row, decision.offers) == (4, ())
    assert "Connexion refusée" in decision.reason


def test_row_5_incomplete_intact_same_settings_offers_resume(tmp_path):
    journal = journal_of(tmp_path, done_until="style")
    decision = run_decide(journal, spec())
    assert (decision.row, decision.offers, decision.settings) == (5, (RESUME, START_AGAIN),
                                                                  "same")
    assert decision.redo_steps == ()


def test_row_5_a_name_changed_for_a_step_not_done_still_resumes(tmp_path):
    """The configuration step was refused (409): a new WMS-V name applies to what is left."""
    journal = journal_of(tmp_path, done_until="style")
    decision = run_decide(journal, spec(wmsv_name="fiche_wmsv_2"))
    assert (decision.row, decision.offers, decision.settings) == (5, (RESUME, START_AGAIN),
                                                                  "free")
    assert decision.changed == ("wmsv_name",)


def test_row_5_a_wmts_renamed_after_its_metadata_reruns_the_metadata(tmp_path):
    """The WMTS configuration was refused (409) after the metadata step: the record is
    replaced in place with the new name (same file identifier), then the WMTS is made."""
    journal = journal_of(tmp_path, done_until="metadata",
                         published=spec(metadata_identifier="fiche_wmts"))
    decision = run_decide(journal, spec(wmts_name="fiche_wmts_2",
                                        metadata_identifier="fiche_wmts"))
    assert (decision.row, decision.settings, decision.offers[0]) == (5, "free", RESUME)
    assert decision.redo_steps == ("metadata",)


def test_row_6_a_new_metadata_identifier_cannot_be_refreshed(tmp_path):
    journal = journal_of(tmp_path, done_until="metadata")
    decision = run_decide(journal, spec(metadata_identifier="autre"))
    assert (decision.row, decision.offers) == (6, (START_AGAIN,))


def test_row_6_incomplete_with_a_change_to_a_done_step_offers_start_again(tmp_path):
    journal = journal_of(tmp_path, done_until="pyramid")
    decision = run_decide(journal, spec(bottom_level=12))
    assert (decision.row, decision.offers, decision.settings) == (6, (START_AGAIN,), "changed")
    assert "bottom_level" in decision.reason


def test_row_7_complete_intact_same_settings_has_nothing_to_do(tmp_path):
    decision = run_decide(journal_of(tmp_path), spec())
    assert (decision.row, decision.offers) == (7, (START_AGAIN,))
    assert "nothing to do" in decision.reason


def test_row_8_complete_intact_changed_settings_offers_update(tmp_path):
    decision = run_decide(journal_of(tmp_path), spec(top_level=8))
    assert (decision.row, decision.offers) == (8, (UPDATE, START_AGAIN))
    assert decision.changed == ("top_level",)


def test_row_8_a_new_style_is_a_change(tmp_path):
    from gpf_wmts_publisher.plugin.publish.layer_source import LayerSource

    def source(qml):
        return LayerSource(name="l", provider="ogr", uri="/d.gpkg", crs_authid="EPSG:2154",
                           crs_wkt="", crs_valid=True, feature_count=3, extent_wgs84=None,
                           style_qml=qml)

    journal = journal_of(tmp_path, published=spec(layer=source("<qgis>red</qgis>")))
    decision = run_decide(journal, spec(layer=source("<qgis>blue</qgis>")))
    assert (decision.row, decision.changed) == (8, ("layer_style",))


def test_row_12_a_change_no_update_makes_offers_start_again(tmp_path):
    """An update in place changes data, style, levels, extent, metadata: not a title."""
    decision = run_decide(journal_of(tmp_path), spec(wmsv_title="Autre titre", top_level=8))
    assert (decision.row, decision.offers) == (12, (START_AGAIN,))
    assert "only the data, style" in decision.reason


def test_row_9_unpublished_from_the_dock_same_settings_resumes_the_services(tmp_path):
    journal = journal_of(tmp_path)
    decision = run_decide(journal, spec(), gone("offering_wmts"))
    assert (decision.row, decision.offers, decision.platform) == (9, (RESUME, START_AGAIN),
                                                                  "taken_down")
    assert decision.redo_steps == ("wmts", "restriction", "tags")


def test_row_9_a_deleted_wmts_comes_back_with_settings_only_it_uses(tmp_path):
    """Deleted in the dock (configuration and offering gone): the WMTS step makes both
    again, so a change only the WMTS and later steps use is applied; one the live WMS-V
    uses too is not."""
    journal = journal_of(tmp_path)
    decision = run_decide(journal, spec(attribution_url="https://example.org"),
                          gone("configuration_wmts", "offering_wmts"))
    assert decision.row == 10
    journal2 = journal_of(tmp_path / "other")
    decision = run_decide(journal2, spec(restricted=True, licence="CC-BY"),
                          gone("configuration_wmts", "offering_wmts"))
    assert (decision.row, decision.settings) == (9, "free")


def test_row_10_unpublished_then_another_level_range_offers_start_again(tmp_path):
    """The bug of issue 15: after Unpublish, a new level range must not be 'resumed'."""
    journal = journal_of(tmp_path)
    decision = run_decide(journal, spec(top_level=11, bottom_level=13), gone("offering_wmts"))
    assert (decision.row, decision.offers) == (10, (START_AGAIN,))
    assert RESUME not in decision.offers and UPDATE not in decision.offers


def test_row_11_deleted_data_offers_only_start_again(tmp_path):
    journal = journal_of(tmp_path)
    decision = run_decide(journal, spec(), gone("stored_data_pyramid"))
    assert (decision.row, decision.offers) == (11, (START_AGAIN,))
    assert "stored_data_pyramid" in decision.reason


@pytest.mark.parametrize("offer", [PUBLISH, RESUME, UPDATE, START_AGAIN])
def test_every_offer_is_explained_in_one_sentence_in_both_languages(offer):
    for lang in ("en", "fr"):
        sentence = reopen.text(offer, lang)
        assert sentence.endswith(".") and sentence.count(". ") == 0, sentence
        assert reopen.text("label_" + offer, lang)


def test_a_field_unknown_to_the_table_forbids_a_resume():
    assert reopen.steps_using(["a_new_field"], STEPS) == frozenset(STEPS)


def test_every_spec_field_is_in_the_table():
    """A new Publication field must say which steps use it (or it forbids every resume)."""
    known = set(reopen.STEPS_OF_FIELD) | set(reopen.IGNORED_FIELDS)
    assert set(spec().summary()) <= known


# -- the survey -------------------------------------------------------------------------
class FakeApi:
    def __init__(self, missing=(), statuses=None, fail=None):
        self.missing, self.statuses, self.fail = set(missing), statuses or {}, fail

    def _read(self, resource_id):
        if self.fail:
            raise self.fail
        if resource_id in self.missing:
            raise NotFound("absent")
        return SimpleNamespace(status=self.statuses.get(resource_id, "PUBLISHED"))

    stored_data = static = configuration = offering = metadata = _read


def test_survey_sees_an_unpublished_offering_and_its_permission(tmp_path):
    journal = journal_of(tmp_path)
    journal.record("permission_wmts", "p1", step="restriction", name="ot")
    found = survey(FakeApi(missing={"ot"}), journal.snapshot())
    assert set(found.gone) == {("offering_wmts", "ot"), ("permission_wmts", "p1")}
    assert found.looked == 9 and not found.error


def test_survey_counts_an_unstable_offering_as_not_serving(tmp_path):
    journal = journal_of(tmp_path)
    found = survey(FakeApi(statuses={"ot": "UNSTABLE", "ov": "PUBLISHED"}), journal.snapshot())
    assert found.gone == (("offering_wmts", "ot"),)


def test_survey_reports_the_platform_words_when_it_cannot_read(tmp_path):
    from gpf_wmts_publisher.plugin.entrepot.errors import EntrepotError

    found = survey(FakeApi(fail=EntrepotError(status=503, details=["Service indisponible"])),
                   journal_of(tmp_path).snapshot())
    assert "Service indisponible" in found.error


def test_prepare_resume_forgets_what_is_gone_and_reruns_from_there(tmp_path):
    journal = journal_of(tmp_path)
    decision = run_decide(journal, spec(), gone("offering_wmts"))
    assert prepare_resume(journal, decision) == ["wmts", "restriction", "tags"]
    assert journal.resource_id("offering_wmts") is None
    assert journal.resource_id("configuration_wmts") == "ct"
    assert [s for s in STEPS if journal.is_done(s)] == STEPS[:STEPS.index("wmts")]


def test_a_memory_layer_snapshot_twice_is_the_same_setting(qgis_app, tmp_path):
    """A memory layer is copied to a new GeoPackage at each snapshot: its identity in the
    journal is the layer's own source, not the copy's path."""
    from gpf_wmts_publisher.plugin.publish.layer_source import LayerSource
    from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer

    layer = QgsVectorLayer("Point?crs=EPSG:2154", "points", "memory")
    feature = QgsFeature()
    feature.setGeometry(QgsGeometry.fromWkt("POINT(650000 6860000)"))
    layer.dataProvider().addFeatures([feature])
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first = LayerSource.from_layer(layer, scratch_dir=str(tmp_path / "a"))
    second = LayerSource.from_layer(layer, scratch_dir=str(tmp_path / "b"))
    assert first.uri != second.uri
    assert reopen.changed_fields(spec(layer=first).summary(), spec(layer=second).summary()) == []
