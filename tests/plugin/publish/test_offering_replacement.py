"""An offering that ends UNSTABLE is unpublished, forgotten and replaced, never kept next to
a new one (defect: every resume failed with "offering … is UNSTABLE")."""

from __future__ import annotations

import threading
from typing import Dict, List

import pytest
from gpf_wmts_publisher.plugin.entrepot.errors import NotFound
from gpf_wmts_publisher.plugin.entrepot.models import Endpoint, Offering
from gpf_wmts_publisher.plugin.publish.context import PublishContext
from gpf_wmts_publisher.plugin.publish.errors import PublishError
from gpf_wmts_publisher.plugin.publish.journal import Journal
from gpf_wmts_publisher.plugin.publish.spec import Publication
from gpf_wmts_publisher.plugin.publish.steps.services import ensure_offering


class OfferingsApi:
    """The offering routes of one configuration; each new offering ends in the next status
    of ``outcomes``. A deleted offering stays listed (UNPUBLISHING) for one more read."""

    def __init__(self, outcomes: List[str]):
        self.outcomes = list(outcomes)
        self.offerings: Dict[str, Dict] = {}
        self.deleted: List[str] = []
        self.created = 0

    def live(self) -> List[str]:
        return [i for i, o in self.offerings.items() if o["status"] != "UNPUBLISHING"]

    def create_offering(self, configuration_id, endpoint_id, open_=True) -> Offering:
        self.created += 1
        offering_id = f"off{self.created}"
        self.offerings[offering_id] = {"_id": offering_id, "status": "PUBLISHING",
                                       "layer_name": "sandbox.x", "reads": 0}
        return Offering.from_dict(self.offerings[offering_id])

    def configuration_offerings(self, configuration_id) -> List[Offering]:
        return [Offering.from_dict(o) for o in self.offerings.values()]

    def offering(self, offering_id) -> Offering:
        if offering_id not in self.offerings:
            raise NotFound(details=["Offre introuvable"])
        entry = self.offerings[offering_id]
        entry["reads"] += 1
        if entry["status"] == "UNPUBLISHING" and entry["reads"] > 1:
            del self.offerings[offering_id]
            raise NotFound(details=["Offre introuvable"])
        if entry["status"] == "PUBLISHING":
            entry["status"] = self.outcomes.pop(0)
        return Offering.from_dict(entry)

    def delete_offering(self, offering_id) -> None:
        self.deleted.append(offering_id)
        self.offerings[offering_id].update(status="UNPUBLISHING", reads=0)


def _context(tmp_path, api) -> PublishContext:
    spec = Publication(datastore_id="ds", datasheet_name="f", wmsv_name="a_wmsv",
                       wmts_name="a_wmts", pyramid_name="p", wmsv_title="t", wmts_title="t",
                       abstract="r")
    ctx = PublishContext(api=api, spec=spec, journal=Journal.open("ds", "k", str(tmp_path)),
                         work_dir=str(tmp_path), cancel_event=threading.Event(),
                         poll_first_s=0.001, poll_max_s=0.001)
    ctx.current_step = "wmts"
    return ctx


ENDPOINT = Endpoint(id="e1", type="WMTS-TMS")


def test_an_offering_seen_unstable_is_replaced_by_one_that_publishes(tmp_path):
    api = OfferingsApi(["UNSTABLE", "PUBLISHED"])
    ctx = _context(tmp_path, api)
    offering = ensure_offering(ctx, "offering_wmts", "conf", ENDPOINT, open_=True)
    assert (offering.id, offering.status) == ("off2", "PUBLISHED")
    assert api.deleted == ["off1"] and api.live() == ["off2"]
    assert ctx.journal.resource_id("offering_wmts") == "off2"
    assert [r["id"] for r in ctx.journal.resources(include_removed=True)
            if r.get("removed")] == ["off1"]


def test_resume_after_a_failed_publication_replaces_the_unstable_offering(tmp_path):
    api = OfferingsApi(["UNSTABLE", "UNSTABLE"])
    with pytest.raises(PublishError, match=r"(?i)unstable"):  # failed twice: the platform's state
        ensure_offering(_context(tmp_path, api), "offering_wmts", "conf", ENDPOINT, True)
    assert api.live() == ["off2"]

    api.outcomes = ["PUBLISHED"]                          # the platform is well again
    ctx = _context(tmp_path, api)                         # a new run reads the same journal
    offering = ensure_offering(ctx, "offering_wmts", "conf", ENDPOINT, open_=True)
    assert offering.status == "PUBLISHED" and api.live() == [offering.id] == ["off3"]
    assert ctx.journal.resource_id("offering_wmts") == "off3"


def test_an_offering_already_gone_is_forgotten_and_made_again(tmp_path):
    api = OfferingsApi(["PUBLISHED"])
    ctx = _context(tmp_path, api)
    ctx.journal.record("offering_wmts", "vanished", step="wmts")
    offering = ensure_offering(ctx, "offering_wmts", "conf", ENDPOINT, open_=True)
    assert offering.id == "off1" and ctx.journal.resource_id("offering_wmts") == "off1"
