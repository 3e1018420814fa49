"""The plugin's access key reads the accesses as the platform lists them."""

from __future__ import annotations

from types import SimpleNamespace

from gpf_wmts_publisher.plugin.wmts.access_key import KEY_NAME, ensure_access_key


class FakeApi:
    """Keys and accesses in the real shapes: one access row per offering, with objects."""

    def __init__(self, rows):
        self.rows, self.posted = rows, []
        self.the_key = SimpleNamespace(id="k", name=KEY_NAME, type="HASH",
                                       raw={"type_infos": {"hash": "s3cret"}})

    def list_keys(self):
        return [self.the_key]

    def key_accesses(self, key_id):
        return self.rows

    def add_key_access(self, key_id, permission_id, offering_ids):
        self.posted.append((permission_id, list(offering_ids)))


def row(permission_id: str, offering_id: str) -> dict:
    return {"_id": f"a-{offering_id}", "creation": "2026-01-01T00:00:00Z",
            "update": "2026-01-01T00:00:00Z",
            "permission": {"_id": permission_id, "licence": "l", "only_oauth": False},
            "offering": {"_id": offering_id, "open": False, "available": True,
                         "layer_name": "x", "type": "WMTS-TMS", "status": "PUBLISHED"}}


def test_an_access_already_listed_is_not_posted_again():
    api = FakeApi([row("p1", "o2"), row("p1", "o1")])
    assert ensure_access_key(api, "o1", "p1").reveal() == "s3cret"
    assert api.posted == []


def test_an_access_to_another_offering_or_through_another_permission_is_not_enough():
    api = FakeApi([row("p2", "o1"), row("p1", "o2")])
    ensure_access_key(api, "o1", "p1")
    assert api.posted == [("p1", ["o1"])]
