"""Pure rules inside the steps: endpoints, levels, harvest parameters, upload tree."""

from __future__ import annotations

import threading
from types import SimpleNamespace

from gpf_wmts_publisher.plugin.entrepot.models import Datastore, StoredData
from gpf_wmts_publisher.plugin.publish.context import PublishContext
from gpf_wmts_publisher.plugin.publish.journal import Journal
from gpf_wmts_publisher.plugin.publish.spec import Publication
from gpf_wmts_publisher.plugin.publish.steps.base import endpoint_url, pick_endpoint
from gpf_wmts_publisher.plugin.publish.steps.integration import table_relations
from gpf_wmts_publisher.plugin.publish.steps.pyramid import harvest_parameters
from gpf_wmts_publisher.plugin.publish.steps.wmts import capabilities_url, published_levels

DATASTORE = Datastore.from_dict({"endpoints": [
    {"endpoint": {"_id": "full", "type": "WMS-VECTOR", "open": True, "urls": []},
     "quota": 2, "use": 2},
    {"endpoint": {"_id": "open", "type": "WMS-VECTOR", "open": True,
                  "urls": [{"type": "WMS", "url": "http://x/wms-v/ows"}]}, "quota": 5, "use": 1},
    {"endpoint": {"_id": "private", "type": "WMS-VECTOR", "open": False, "urls": []},
     "quota": 5, "use": 0},
    {"endpoint": {"_id": "wmts", "type": "WMTS-TMS", "open": True,
                  "urls": [{"type": "TMS", "url": "http://x/tms"},
                           {"type": "WMTS", "url": "http://x/wmts"}]}, "quota": 5, "use": 0},
    {"endpoint": {"_id": "csw", "type": "METADATA", "open": True,
                  "urls": [{"type": "METADATA", "url": "http://x/csw"}]}},
]})
ON_DATASTORE = SimpleNamespace(datastore=DATASTORE)


def test_the_first_endpoint_of_the_type_and_openness_with_room_is_chosen():
    assert pick_endpoint(ON_DATASTORE, "WMS-VECTOR", open_=True).id == "open"
    assert pick_endpoint(ON_DATASTORE, "WMS-VECTOR", open_=False).id == "private"
    assert pick_endpoint(ON_DATASTORE, "WMTS-TMS", open_=False) is None


def test_the_url_is_picked_by_type_whatever_the_order():
    assert endpoint_url(pick_endpoint(ON_DATASTORE, "WMTS-TMS", True), "WMTS") == "http://x/wmts"


def test_the_metadata_endpoint_gives_its_only_url_for_the_csw():
    assert endpoint_url(pick_endpoint(ON_DATASTORE, "METADATA", True), "CSW") == "http://x/csw"


def test_published_levels_are_the_range_clipped_to_the_pyramid():
    assert published_levels(4, 16, list(range(0, 17))) == ("4", "16")
    assert published_levels(10, 14, [12, 13, 14, 15]) == ("12", "14")


def test_capabilities_url_replaces_any_query():
    assert capabilities_url("http://x/wmts?foo=1") == (
        "http://x/wmts?SERVICE=WMTS&VERSION=1.0.0&REQUEST=GetCapabilities")


def test_relations_put_geometric_tables_first_and_skip_views():
    stored = StoredData.from_dict({"_id": "sd", "type_infos": {"relations": [
        {"name": "meta", "type": "TABLE", "attributes": {"id": "integer"}},
        {"name": "v", "type": "VIEW", "attributes": {"geom": "geometry(Point,2154)"}},
        {"name": "parcelles", "type": "TABLE",
         "attributes": {"geom": "geometry(MultiPolygon,2154)"}}]}})
    assert [r["name"] for r in table_relations(stored)] == ["parcelles", "meta"]


def _context(tmp_path, **changes) -> PublishContext:
    values = dict(datastore_id="ds", datasheet_name="f", wmsv_name="a_wmsv", wmts_name="a_wmts",
                  pyramid_name="p", wmsv_title="t", wmts_title="t", abstract="r",
                  top_level=10, bottom_level=12)
    values.update(changes)
    journal = Journal.open("ds", "k", str(tmp_path))
    journal.put("wmsv_layer_name", "sandbox.a_wmsv")
    journal.put("wmsv_url", "http://x/wms-v/ows")
    return PublishContext(api=None, spec=Publication(**values), journal=journal,
                          work_dir=str(tmp_path), cancel_event=threading.Event())


def test_harvest_lists_every_level_bottom_first_and_sends_top_and_bottom(tmp_path):
    parameters = harvest_parameters(_context(tmp_path), (2.0, 48.0, 3.0, 49.0))
    assert parameters["harvest_levels"] == ["12", "11", "10"]
    assert (parameters["top"], parameters["bottom"]) == ("10", "12")
    assert parameters["harvest_area"] == "POLYGON((2 49,3 49,3 48,2 48,2 49))"
    assert parameters["harvest_format"] == "image/jpeg" and parameters["compression"] == "jpg"
    assert parameters["tms"] == "PM" and "harvest_extras" not in parameters


def test_png_asks_transparency_and_a_private_wmsv_gets_the_key(tmp_path):
    ctx = _context(tmp_path, image_format="image/png")
    ctx.journal.put("wmsv_private", True)
    ctx.secrets["harvest_apikey"] = "k3y"
    parameters = harvest_parameters(ctx, (2.0, 48.0, 3.0, 49.0))
    assert parameters["harvest_extras"] == "transparent=true&apikey=k3y"
    assert parameters["samplesperpixel"] == 4
    assert "k3y" not in open(ctx.journal.path, encoding="utf-8").read()


def test_execution_progress_comes_from_status_and_dates_only():
    """Real executions carry no progress count: the share grows with the time since start,
    whatever a ``progress`` field would say."""
    from datetime import datetime, timezone

    from gpf_wmts_publisher.plugin.publish.steps.base import _execution_fraction, progress_text

    now = datetime(2026, 1, 1, 12, 1, 0, tzinfo=timezone.utc)
    running = {"status": "PROGRESS", "start": "2026-01-01T12:00:00.000+00:00",
               "progress": {"done": 120, "total": 120}}
    just_started = dict(running, start="2026-01-01T12:01:00Z")
    assert _execution_fraction(just_started, now) == 0.2
    one_minute = _execution_fraction(running, now)
    assert 0.2 < one_minute < _execution_fraction(running, now.replace(hour=13)) < 0.95
    assert progress_text("the pyramid harvest", running) == "the pyramid harvest: PROGRESS"
    assert _execution_fraction({"status": "WAITING"}) == 0.05
    assert _execution_fraction({"status": "PROGRESS"}) == 0.2
    assert _execution_fraction({"status": "SUCCESS"}) == 1.0


def test_the_permission_ends_at_the_end_of_the_chosen_day_else_in_six_months():
    from datetime import datetime, timezone

    from gpf_wmts_publisher.plugin.publish.steps.services import permission_end

    assert permission_end("2027-03-31") == datetime(2027, 3, 31, 23, 59, tzinfo=timezone.utc)
    now = datetime(2026, 12, 4, 10, 0, tzinfo=timezone.utc)
    assert permission_end("", now) == datetime(2027, 6, 5, 23, 59, tzinfo=timezone.utc)
