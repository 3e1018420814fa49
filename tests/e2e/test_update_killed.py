"""A real process running an update is SIGKILLed at named points (``GPF_KILL_AT``, as the
soak does for publications); the update is resumed in another process each time and ends
with one new pyramid, the WMTS serving it and the old one gone."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from gpf_wmts_publisher.plugin.entrepot.errors import NotFound
from gpf_wmts_publisher.plugin.publish.journal import Journal
from gpf_wmts_publisher.plugin.publish.kill_points import KILL_ENV
from gpf_wmts_publisher.plugin.publish.update import UpdateResult, record_in_publication

from tests.e2e.tile_poller import get_tile, square_tile

CHILD = Path(__file__).with_name("update_child.py")
KILL_POINTS = ["created:execution_pyramid", "running:execution_pyramid",
               "switched:wmts_switched", "synced:wmts_synced", "removed:old_stored_data"]


def _run_child(sandbox, ds, conf, journal_dir, kill_at=None) -> subprocess.CompletedProcess:
    account = sandbox.accounts["formateur"]
    env = dict(os.environ)
    env.pop(KILL_ENV, None)
    if kill_at:
        env[KILL_ENV] = kill_at
    root = str(Path(__file__).resolve().parents[2])
    env["PYTHONPATH"] = root + os.pathsep + env.get("PYTHONPATH", "")
    return subprocess.run(
        [sys.executable, str(CHILD), sandbox.api_url, sandbox.token_url, account["username"],
         account["password"], ds, conf, journal_dir, "12", "14"],
        env=env, capture_output=True, text=True, timeout=300, check=False)


@pytest.mark.slow
def test_an_update_killed_at_each_point_resumes_in_a_new_process(
        sandbox, api, datastores, make_spec, workflow_for, tmp_path):
    spec = make_spec(datastores["sandbox"], image_format="image/png")
    workflow = workflow_for(spec)
    result = workflow.run()
    try:
        ds_api = api.in_datastore(spec.datastore_id)
        conf = workflow.journal.resource_id("configuration_wmts")
        old_pyramid = workflow.journal.resource_id("stored_data_pyramid")
        # Beside the publication's journal, as in QGIS (the dock and the wizard share one
        # folder): that journal is what says the old pyramid is the publication's to delete.
        journal_dir = str(tmp_path / "journals")
        for point in KILL_POINTS:
            killed = _run_child(sandbox, spec.datastore_id, conf, journal_dir, point)
            # Killed there, not failed: no traceback, no end.
            assert killed.returncode != 0 and "updated" not in killed.stdout, killed.stderr
            assert "Traceback" not in killed.stderr, killed.stderr[-2000:]
        finished = _run_child(sandbox, spec.datastore_id, conf, journal_dir)
        assert finished.returncode == 0, finished.stderr[-2000:]
        pyramids = sorted(s.name for s in ds_api.stored_data_list()
                          if s.name.startswith(spec.pyramid_name))
        assert pyramids == [f"{spec.pyramid_name}_v2"]
        with pytest.raises(NotFound):
            ds_api.stored_data(old_pyramid)
        tile = get_tile(sandbox.base_url, result.wmts_layer_name, 14, *square_tile(14))
        assert tile.status_code == 200
        done = sorted(Path(journal_dir).glob("*.done-*.json"))
        assert len(done) == 1
        # The finished update's resources, from its set-aside journal, for the publication's.
        update_journal = Journal(str(done[0]), json.loads(done[0].read_text(encoding="utf-8")))
        record_in_publication(workflow.journal, UpdateResult(
            wmts_layer_name=result.wmts_layer_name, wmts_url="", pyramid_name="",
            levels=("12", "14"), changes=["levels"], created=update_journal.resources(),
            replaced={"stored_data_pyramid": old_pyramid}))
    finally:
        workflow.undo()
