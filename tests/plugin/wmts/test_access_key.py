"""The plugin's access key: a BASIC key, its accesses read as the platform lists them, its
login/password kept in QGIS's auth database (issue 14, hole 3)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from gpf_wmts_publisher.plugin.wmts.access_key import (
    KEY_NAME,
    ensure_access_key,
    key_auth_config,
)
from gpf_wmts_publisher.plugin.wmts.key_config import (
    KEY_CONFIG_NAME,
    basic_headers,
    key_credentials,
)


class FakeApi:
    """Keys and accesses in the real shapes: one access row per offering, with objects."""

    def __init__(self, rows, key=None):
        self.rows, self.posted, self.created = rows, [], []
        self.the_key = key

    def list_keys(self):
        return [self.the_key] if self.the_key else []

    def key(self, key_id):
        return self.the_key

    def create_key(self, name, key_type, type_infos):
        self.created.append((name, key_type, dict(type_infos)))
        self.the_key = SimpleNamespace(id="k", name=name, type=key_type,
                                       raw={"type_infos": dict(type_infos)})
        return self.the_key

    def key_accesses(self, key_id):
        return self.rows

    def add_key_access(self, key_id, permission_id, offering_ids):
        self.posted.append((permission_id, list(offering_ids)))


def basic_key(login="qgis-1", password="s3cret-pass"):
    return SimpleNamespace(id="k", name=KEY_NAME, type="BASIC",
                           raw={"type_infos": {"login": login, "password": password}})


def row(permission_id: str, offering_id: str) -> dict:
    return {"_id": f"a-{offering_id}", "creation": "2026-01-01T00:00:00Z",
            "update": "2026-01-01T00:00:00Z",
            "permission": {"_id": permission_id, "licence": "l", "only_oauth": False},
            "offering": {"_id": offering_id, "open": False, "available": True,
                         "layer_name": "x", "type": "WMTS-TMS", "status": "PUBLISHED"}}


def test_an_access_already_listed_is_not_posted_again():
    api = FakeApi([row("p1", "o2"), row("p1", "o1")], basic_key())
    login, password = ensure_access_key(api, "o1", "p1")
    assert (login, password.reveal()) == ("qgis-1", "s3cret-pass")
    assert api.posted == [] and api.created == []


def test_an_access_to_another_offering_or_through_another_permission_is_not_enough():
    api = FakeApi([row("p2", "o1"), row("p1", "o2")], basic_key())
    ensure_access_key(api, "o1", "p1")
    assert api.posted == [("p1", ["o1"])]


def test_the_key_is_a_basic_key_with_a_random_login_and_password():
    api = FakeApi([])
    login, password = ensure_access_key(api, "o1", "p1")
    [(name, key_type, infos)] = api.created
    assert (name, key_type) == (KEY_NAME, "BASIC")
    assert infos == {"login": login, "password": password.reveal()}
    assert len(password.reveal()) >= 24 and login.startswith("qgis-")
    assert ensure_access_key(FakeApi([], api.the_key), "o1", "p1")[0] == login  # reused


def test_an_old_hash_key_is_not_used():
    old = SimpleNamespace(id="h", name=KEY_NAME, type="HASH", raw={"type_infos": {"hash": "x"}})
    api = FakeApi([], old)
    ensure_access_key(api, "o1", "p1")
    assert [c[1] for c in api.created] == ["BASIC"]


def test_the_key_goes_to_one_auth_configuration_whose_id_is_all_the_layer_gets(
        unlocked_auth_db):
    api = FakeApi([], basic_key(login="qgis-unit-test", password="p4ss-word-unit"))
    first = key_auth_config(api, "o1", "p1")
    assert key_auth_config(api, "o2", "p1") == first  # one configuration per key
    configs = [c for c in unlocked_auth_db.availableAuthMethodConfigs().values()
               if c.name() == KEY_CONFIG_NAME]
    assert len([c for c in configs if c.id() == first]) == 1
    login, password = key_credentials(first)
    assert (login, password.reveal()) == ("qgis-unit-test", "p4ss-word-unit")
    assert basic_headers(first)["Authorization"].startswith("Basic ")
    unlocked_auth_db.removeAuthenticationConfig(first)


def test_a_key_made_elsewhere_without_its_password_is_a_clear_error(unlocked_auth_db):
    made_elsewhere = SimpleNamespace(id="k", name=KEY_NAME, type="BASIC",
                                     raw={"type_infos": {"login": "qgis-elsewhere"}})
    with pytest.raises(ValueError, match="made elsewhere"):
        ensure_access_key(FakeApi([], made_elsewhere), "o1", "p1")
