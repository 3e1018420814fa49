"""The connected account and a configuration's used data are the plugin's models: the windows
show them, they do not remodel them (ui/session.py keeps no copy)."""

from __future__ import annotations

from types import SimpleNamespace

from gpf_wmts_publisher.plugin.entrepot.account import fetch_account
from gpf_wmts_publisher.plugin.entrepot.models import (
    Configuration,
    Datastore,
    LayerRelation,
    UsedData,
    User,
)

ME = {"_id": "u1", "email": "jo@example.org", "first_name": "Jo", "last_name": "Martin",
      "communities_member": [
          {"community": {"_id": "c1", "name": "Bac à sable", "technical_name": "sandbox",
                         "datastore": "ds1"}, "rights": ["ANNEX"]},
          {"community": {"_id": "c2", "name": "Commune de Test", "technical_name": "test",
                         "datastore": {"_id": "ds2"}}, "rights": []},
          {"community": {"_id": "c3", "name": "Sans entrepôt", "technical_name": "none"}}]}
DATASTORES = {"ds1": {"_id": "ds1", "name": "", "technical_name": "ds_one"},
              "ds2": {"_id": "ds2", "name": "Entrepôt de la commune", "technical_name": "ds2",
                      "metadata_file_identifier_prefix": "TEST"}}


class FakeApi:
    def me(self):
        return User.from_dict(ME)

    def datastore(self, datastore_id):
        return Datastore.from_dict(DATASTORES[datastore_id])


def test_the_account_lists_one_datastore_per_community_that_has_one():
    account = fetch_account(FakeApi())
    assert (account.id, account.email, account.name) == ("u1", "jo@example.org", "Jo Martin")
    assert [(d.id, d.name, d.community_name, d.sandbox) for d in account.datastores] == [
        ("ds1", "Bac à sable", "Bac à sable", True),
        ("ds2", "Entrepôt de la commune", "Commune de Test", False)]
    assert account.datastore("ds2").details["metadata_file_identifier_prefix"] == "TEST"
    assert account.datastore("nope") is None


def test_a_user_without_a_name_is_shown_by_e_mail():
    assert User.from_dict({"_id": "u", "email": "a@b.c"}).name == "a@b.c"


def test_the_ui_session_uses_the_plugins_models(qgis_app):
    from gpf_wmts_publisher.ui import session as session_module

    assert not hasattr(session_module, "UserInfo")
    assert not hasattr(session_module, "Datastore") or session_module.Datastore is Datastore
    session = session_module.Session()
    session.user = fetch_account(FakeApi())
    session.client = SimpleNamespace()
    assert session.connected and session.datastore("ds1").sandbox


def test_a_wms_v_draws_a_list_of_stored_data_each_with_a_list_of_tables():
    config = Configuration.from_dict({"_id": "c", "type": "WMS-VECTOR", "type_infos": {
        "used_data": [
            {"stored_data": "sd1", "relations": [{"name": "communes", "style": "st1"},
                                                 {"name": "routes", "style": "st2"}]},
            {"stored_data": {"_id": "sd2"}, "relations": [{"name": "rivieres"}]}]}})
    assert config.used_data == (
        UsedData("sd1", relations=(LayerRelation("communes", "st1"),
                                   LayerRelation("routes", "st2"))),
        UsedData("sd2", relations=(LayerRelation("rivieres"),)))
    assert config.used_data[0].to_dict() == config.type_infos["used_data"][0]


def test_a_wmts_used_data_keeps_its_levels_as_the_api_writes_them():
    used = UsedData("pyr", top_level="10", bottom_level="14")
    assert used.to_dict() == {"stored_data": "pyr", "top_level": "10", "bottom_level": "14"}
    assert UsedData.from_dict({"stored_data": "pyr", "top_level": 10,
                               "bottom_level": 14}) == used
