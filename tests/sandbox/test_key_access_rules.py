"""The access rule of sandbox/key_access.py on documents, without a server."""

from __future__ import annotations

import base64

import pytest

from sandbox.key_access import expired, find_key, key_opens, keys_opening


class Store:
    def __init__(self, **collections):
        self.collections = collections

    def all(self, name):
        return list(self.collections.get(name, []))

    def get(self, name, doc_id):
        return next((d for d in self.collections.get(name, []) if d["_id"] == doc_id), None)


USERS = [{"_id": "u1", "communities": [{"community": "c1"}]},
         {"_id": "u2", "communities": [{"community": "c2"}]}]


def _key(kind="HASH", user="u1", accesses=(), **infos):
    return {"_id": f"k-{kind}-{user}", "type": kind, "user": user, "type_infos": infos,
            "accesses": list(accesses)}


@pytest.mark.parametrize("end,is_expired", [
    ("2000-01-01", True), ("2000-01-01T00:00:00", True), ("2000-01-01T00:00:00Z", True),
    ("2999-01-01T00:00:00+02:00", False), ("2999-01-01", False), (None, False),
    ("not a date", False)])
def test_end_dates_in_every_iso_form_are_compared_without_error(end, is_expired):
    assert expired({"end_date": end}) is is_expired


def test_only_a_live_permission_of_the_users_community_covering_the_offering_opens():
    permission = {"_id": "p1", "communities": ["c1"], "offerings": [{"_id": "o1"}]}
    store = Store(users=USERS, permissions=[permission])
    granted = _key(accesses=[{"permission": "p1", "offerings": ["o1"]}], hash="h")
    assert key_opens(store, granted, "o1")
    assert not key_opens(store, granted, "o2")                       # not in the access
    assert not key_opens(store, _key(hash="h"), "o1")                # no access at all
    other_user = dict(granted, user="u2")
    assert not key_opens(store, other_user, "o1")                    # not a beneficiary
    for change in ({"end_date": "2000-01-01"}, {"only_oauth": True}, {"offerings": ["o9"]}):
        assert not key_opens(Store(users=USERS, permissions=[{**permission, **change}]),
                             granted, "o1")
    # One row per offering with objects, as the real GET accesses answers, reads the same.
    rows = _key(accesses=[{"permission": {"_id": "p1"}, "offering": {"_id": "o1"}}])
    assert key_opens(store, rows, "o1")


def test_each_key_type_is_found_by_its_own_credentials():
    keys = [_key("HASH", hash="h-1"), _key("BASIC", login="l", password="p"),
            _key("HEADER", headers={"X-Team": "bleue"}), _key("OAUTH2")]
    store = Store(keys=keys)
    basic = "Basic " + base64.b64encode(b"l:p").decode()
    assert find_key(store, {}, {"APIKEY": "h-1"})["type"] == "HASH"
    assert find_key(store, {"HTTP_X_API_KEY": "h-1"}, {})["type"] == "HASH"
    assert find_key(store, {"HTTP_AUTHORIZATION": basic}, {})["type"] == "BASIC"
    assert find_key(store, {"HTTP_X_TEAM": "bleue"}, {})["type"] == "HEADER"
    wrong = "Basic " + base64.b64encode(b"l:x").decode()
    for environ, params in (({"HTTP_AUTHORIZATION": wrong}, {}), ({}, {"APIKEY": "h-2"}),
                            ({"HTTP_X_TEAM": "rouge"}, {}), ({"HTTP_AUTHORIZATION": "Bearer t"},
                                                             {})):
        assert find_key(store, environ, params) is None


def test_an_open_offering_on_a_private_endpoint_takes_every_service_key():
    keys = [_key("HASH", hash="h"), _key("OAUTH2")]
    assert keys_opening(Store(keys=keys), {"_id": "o1", "open": True}) == ("k-HASH-u1",)
