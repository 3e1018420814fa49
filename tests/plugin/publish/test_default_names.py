"""The names the plugin proposes carry the per-account prefix (a class never collides)."""

from __future__ import annotations

from gpf_wmts_publisher.plugin.publish.default_names import (
    ACCOUNT_PREFIX_SETTING,
    account_prefix,
    default_names,
    prefixed,
    stored_account_prefix,
    technical_slug,
)


class FakeSettings(dict):
    def value(self, name, default=None):
        return self.get(name, default)


def test_the_prefix_is_the_setting_else_the_login_else_the_mail():
    assert account_prefix("", login="stagiaire07") == "stagiaire07"
    assert account_prefix("Équipe A", login="stagiaire07") == "equipe_a"
    assert account_prefix("", email="jean.dupont@ign.fr") == "jean_dupont"
    assert account_prefix("  ", login="", email="") == ""
    assert len(account_prefix("x" * 80)) == 30


def test_every_proposed_name_starts_with_the_prefix():
    names = default_names("Communes Démo", "stagiaire03")
    assert names.datasheet == "stagiaire03_communes_demo"
    assert (names.wmsv, names.pyramid, names.wmts) == (
        "stagiaire03_communes_demo_wmsv", "stagiaire03_communes_demo_pyramide",
        "stagiaire03_communes_demo_wmts")
    assert default_names("Communes Démo", "").datasheet == "communes_demo"
    assert default_names("Communes Démo", "stagiaire03") != default_names(
        "Communes Démo", "stagiaire04")


def test_a_name_already_prefixed_is_left_alone():
    assert prefixed("stagiaire03", "stagiaire03_routes") == "stagiaire03_routes"
    assert prefixed("stagiaire03", "routes") == "stagiaire03_routes"
    assert technical_slug("2024 Forêts") == "_2024_forets"


def test_the_setting_is_read_from_the_plugin_settings():
    assert stored_account_prefix(FakeSettings()) == ""
    assert stored_account_prefix(FakeSettings({ACCOUNT_PREFIX_SETTING: " classe_b "})) == \
        "classe_b"
