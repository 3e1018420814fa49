"""Which metadata fills the form: the datasheet's record wins; remembered values only fill
what a new datasheet's metadata leaves unset."""

from __future__ import annotations

from gpf_wmts_publisher.plugin.metadata.model import ServiceMetadata
from gpf_wmts_publisher.plugin.metadata.remembered import (
    form_metadata,
    recall,
    remember,
    values_to_remember,
)


class FakeSettings:
    def __init__(self):
        self.values = {}

    def value(self, name, default=None):
        return self.values.get(name, default)

    def set_value(self, name, value):
        self.values[name] = value


TYPED = ServiceMetadata(contact_email="jo@ign.fr", organisation="IGN", abstract="Communes",
                        topic_categories=["boundaries"], update_frequency="annually",
                        public_title="Communes 2026", keywords=["communes"])


def test_what_a_run_typed_comes_back_in_the_next_run():
    settings = FakeSettings()
    remember(settings, TYPED)
    assert recall(settings) == {"contact_email": "jo@ign.fr", "organisation": "IGN",
                                "topic_categories": ["boundaries"],
                                "update_frequency": "annually"}
    # titles, summary and keywords belong to one service; defaults are not worth keeping
    assert {"public_title", "abstract", "keywords"}.isdisjoint(values_to_remember(TYPED))
    assert "language" not in values_to_remember(TYPED)


def test_remembered_values_fill_only_what_a_new_datasheet_leaves_unset():
    from_layer = ServiceMetadata(organisation="Mairie")
    shown = form_metadata(from_layer, values_to_remember(TYPED))
    assert shown.organisation == "Mairie"  # the layer's own metadata says it
    assert shown.contact_email == "jo@ign.fr"
    assert shown.update_frequency == "annually"  # "unknown" is only the default


def test_the_datasheets_existing_record_wins_over_anything_remembered():
    existing = ServiceMetadata(contact_email="sig@commune.fr", organisation="Commune")
    shown = form_metadata(ServiceMetadata(), values_to_remember(TYPED), existing)
    assert shown == existing


def test_an_unreadable_or_hand_edited_setting_recalls_nothing_wrong():
    settings = FakeSettings()
    settings.values["metadata/remembered"] = "{not json"
    assert recall(settings) == {}
    settings.values["metadata/remembered"] = '{"topic_categories": "x", "password": "p", ' \
                                             '"organisation": "IGN"}'
    assert recall(settings) == {"organisation": "IGN"}
