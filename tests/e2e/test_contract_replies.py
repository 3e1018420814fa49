"""Every reply of one full publication, public and restricted, with the access key, a
datasheet-view listing, the undo (public) and Delete datasheet (restricted), checked against
the sandbox's contract module."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from gpf_wmts_publisher.plugin.publish.session import password_api
from gpf_wmts_publisher.plugin.publish.workflow import Workflow
from gpf_wmts_publisher.plugin.wmts.access_key import KEY_NAME, ensure_access_key

from sandbox.contract import CONTRACTS
from sandbox.contract.check import reply_errors
from tests.fixtures.sandbox import start_sandbox

# Routes whose replies the platform shapes differently from what the plugin once assumed:
# each must appear in the recording, so the check below covers them.
MUST_SEE = {
    "GET /api/datastores/<ds_id>/stored_data",
    "GET /api/datastores/<ds_id>/configurations",
    "GET /api/datastores/<ds_id>/offerings",
    "GET /api/datastores/<ds_id>/processings/executions",
    "GET /api/datastores/<ds_id>/annexes",
    "GET /api/datastores/<ds_id>/statics/<st_id>/file",
    "DELETE /api/datastores/<ds_id>/processings/executions/<ex_id>",
    "GET /api/datastores/<ds_id>/processings",
    "GET /api/datastores/<ds_id>/processings/executions/<ex_id>",
    "POST /api/datastores/<ds_id>/processings/executions",
    "GET /api/datastores/<ds_id>/offerings/<off_id>",
    "POST /api/datastores/<ds_id>/permissions",
    "GET /api/datastores/<ds_id>/permissions",
    "POST /api/users/me/keys",
    "POST /api/users/me/keys/<key_id>/accesses",
    "GET /api/users/me/keys/<key_id>/accesses",
    "POST /api/datastores/<ds_id>/metadata",
    "DELETE /api/datastores/<ds_id>/offerings/<off_id>",
    "DELETE /api/datastores/<ds_id>/uploads/<up_id>",
}


@pytest.fixture(scope="module")
def recorded(tmp_path_factory):
    folder = tmp_path_factory.mktemp("recorded")
    record = folder / "replies.jsonl"
    with start_sandbox(folder / "data", record=record) as running:
        yield running, record


def test_every_reply_of_a_full_publication_meets_the_contract(
        recorded, make_spec, tmp_path, qgis_app):
    from gpf_wmts_publisher.plugin.publish.datasheet import list_services
    from gpf_wmts_publisher.plugin.publish.datasheet_delete import plan_delete
    from gpf_wmts_publisher.plugin.publish.datasheet_delete_run import run_delete

    running, record = recorded
    account = running.accounts["formateur"]
    api = password_api(running.api_url, running.token_url, account["username"],
                       account["password"])
    stores = running.datastores()
    for datastore, restricted in ((stores["sandbox"], False), (stores["own"], True)):
        spec = make_spec(datastore, restricted=restricted)
        workflow = Workflow(api, spec, journal_dir=str(tmp_path / "journals"),
                            poll_first_s=0.05, poll_max_s=0.5)
        result = workflow.run()
        rows = list_services(api.client, datastore)
        assert rows and all(r.datasheet == spec.datasheet_name for r in rows
                            if r.layer_name.endswith(spec.wmts_name))
        wmts = next(o for r in rows if r.layer_name == result.wmts_layer_name
                    for o in r.offerings)
        assert any(kind == "WMTS" for kind, _url in wmts["urls"])
        if restricted:
            # "Add to map" twice: the second finds the access already granted.
            ensure_access_key(api.in_datastore(datastore), wmts["id"])
            ensure_access_key(api.in_datastore(datastore), wmts["id"])
            plugin_key = next(k.id for k in api.list_keys() if k.name == KEY_NAME)
            store = api.in_datastore(datastore)
            run_delete(store, plan_delete(store, spec.datasheet_name))
        else:
            workflow.undo()

    exchanges = [json.loads(line) for line in Path(record).read_text("utf-8").splitlines()]
    breaches = []
    for exchange in exchanges:
        fields = ",".join(exchange["query"].get("fields", [])) or None
        for breach in reply_errors(CONTRACTS[exchange["route"]], exchange["status"],
                                   exchange["reply"], fields):
            breaches.append(f"{exchange['route']} {exchange['status']}: {breach}")
    assert not breaches, "\n".join(breaches[:30])
    statuses = Counter(e["status"] for e in exchanges)
    assert statuses[500] == 0, [e for e in exchanges if e["status"] == 500][:3]
    seen = {e["route"] for e in exchanges if e["status"] < 400}
    assert not MUST_SEE - seen, sorted(MUST_SEE - seen)
    accesses = [e for e in exchanges if e["path"] == f"/api/users/me/keys/{plugin_key}/accesses"
                and e["route"].startswith("POST")]
    assert len(accesses) == 1, "the access is posted once, not at every Add to map"
    lists = [e for e in exchanges if CONTRACTS[e["route"]].is_list]
    assert lists and all(e["query"].get("fields") for e in lists
                         if CONTRACTS[e["route"]].defaults is not None), \
        "every list call with a default subset asks fields="
