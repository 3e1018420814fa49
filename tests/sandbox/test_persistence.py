"""State survives a restart: documents, files, tokens, and the work left half-way."""

from __future__ import annotations

import pytest

from tests.fixtures.sandbox import start_sandbox
from tests.sandbox.flow import Flow

pytestmark = pytest.mark.slow   # long: handed to a worker first (tests/conftest.py)


def test_restart_keeps_uploads_stored_data_and_tokens(tmp_path):
    data_dir = tmp_path / "data"
    with start_sandbox(data_dir) as first:
        flow = Flow(first)
        sd = flow.vector_db()
        token = flow.http.headers["Authorization"]
        datastore = flow.ds
        before = flow.get(f"/stored_data/{sd}").json()
    with start_sandbox(data_dir) as second:
        flow = Flow(second)
        flow.http.headers["Authorization"] = token      # a token of the first run still works
        assert flow.ds == datastore                      # ids are stable across restarts
        after = flow.get(f"/stored_data/{sd}")
        assert after.status_code == 200
        assert after.json() == before
        assert flow.get("/uploads").json()


def test_work_interrupted_by_a_stop_finishes_after_restart(tmp_path):
    data_dir = tmp_path / "data"
    # Slow steps so the stop lands while the checks are still running; the stop does not
    # wait for them (it ends the jobs where they stand, as a killed server would).
    with start_sandbox(data_dir, step_delay=30) as first:
        flow = Flow(first)
        up = flow.upload()
        token = flow.http.headers["Authorization"]
        checks = flow.get(f"/uploads/{up}/checks").json()
        assert checks["asked"] or checks["in_progress"]   # not done when the stop comes
    with start_sandbox(data_dir) as second:
        flow = Flow(second)
        flow.http.headers["Authorization"] = token
        final = flow.wait_checks(up)
        assert final["status"] == "CLOSED"
        checks = flow.get(f"/uploads/{up}/checks").json()
        assert len(checks["passed"]) == 2 and checks["failed"] == []


def test_fresh_data_dirs_get_different_ids(tmp_path):
    with start_sandbox(tmp_path / "a") as a:
        first = a.datastores()
    with start_sandbox(tmp_path / "b") as b:
        second = b.datastores()
    assert first["own"] != second["own"] and first["sandbox"] != second["sandbox"]
