"""Names against the platform while typed, and which page takes a new name after a refusal."""

from __future__ import annotations

from types import SimpleNamespace

from gpf_wmts_publisher.plugin.entrepot.errors import Conflict
from gpf_wmts_publisher.plugin.publish.errors import NamingError
from gpf_wmts_publisher.plugin.publish.name_check import check_name, taken_field
from gpf_wmts_publisher.plugin.publish.naming import Problem


class FakeApi:
    def __init__(self, configurations=(), pyramids=()):
        self._configurations, self._pyramids = list(configurations), list(pyramids)

    def datastore(self):
        return SimpleNamespace(prefixed_layer_name=lambda name: f"sandbox.{name}")

    def configurations(self, config_type=None, tags=None):
        return [c for c in self._configurations
                if (config_type is None or c.type == config_type)
                and all(c.tags.get(k) == v for k, v in (tags or {}).items())]

    def stored_data_list(self, data_type=None, name=None):
        return [s for s in self._pyramids if s.name == name]


def configuration(cid, kind, layer_name, **tags):
    return SimpleNamespace(id=cid, type=kind, name="Titre", layer_name=layer_name,
                           status="PUBLISHED", tags=tags)


def test_a_taken_wmsv_name_blocks_with_what_holds_it():
    api = FakeApi([configuration("c1", "WMS-VECTOR", "sandbox.fiche_wmsv")])
    verdict = check_name(api, "wmsv_name", "fiche_wmsv", lang="en")
    assert verdict.blocking and "sandbox.fiche_wmsv" in verdict.message
    assert not check_name(api, "wmts_name", "fiche_wmsv").blocking   # another type


def test_our_own_configuration_is_not_taken():
    api = FakeApi([configuration("c1", "WMS-VECTOR", "sandbox.fiche_wmsv")])
    assert not check_name(api, "wmsv_name", "fiche_wmsv", ours=["c1"]).blocking


def test_a_taken_pyramid_name_blocks():
    api = FakeApi(pyramids=[SimpleNamespace(id="p", name="pyr", status="GENERATED")])
    assert check_name(api, "pyramid_name", "pyr", lang="fr").blocking
    assert not check_name(api, "pyramid_name", "autre").blocking


def test_an_existing_datasheet_is_news_not_a_refusal():
    api = FakeApi([configuration("c1", "WMS-VECTOR", "x", datasheet_name="fiche")])
    verdict = check_name(api, "datasheet_name", "fiche", lang="en")
    assert not verdict.blocking and "already exists" in verdict.message


def test_a_409_naming_the_layer_at_the_wmsv_step_sends_back_to_the_wmsv_name():
    error = Conflict(status=409, details=["Le nom de couche « sandbox.x » est déjà utilisé"])
    field, message = taken_field(error, "wmsv", lang="en")
    assert field == "wmsv_name" and "Le nom de couche « sandbox.x »" in message
    assert taken_field(error, "wmts")[0] == "wmts_name"


def test_a_quota_409_is_not_a_name_to_change():
    error = Conflict(status=409, details=["Limite de 20 couches par compte atteinte"])
    assert taken_field(error, "wmsv") is None
    assert taken_field(Conflict(status=409, details=["nombre de tuiles"]), "wmts") is None


def test_a_preflight_name_taken_names_its_field():
    error = NamingError([Problem("name_taken", "wmts_name", {"value": "sandbox.w"})])
    assert taken_field(error, "preflight", lang="en")[0] == "wmts_name"
    assert taken_field(NamingError([Problem("empty", "wmsv_title")]), "preflight") is None
