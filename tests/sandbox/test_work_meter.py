"""The sandbox's work meter: busy time counts overlapping jobs once, pauses apart; read by
the trainer through /admin/work only."""

from __future__ import annotations

import requests

from sandbox.work_meter import WorkMeter
from tests.sandbox.flow import Flow


class Clock:
    def __init__(self):
        self.now = 100.0

    def __call__(self):
        return self.now


def test_overlapping_jobs_count_once_and_pauses_are_reported_apart():
    clock = Clock()
    meter = WorkMeter(clock)
    meter.job_started()          # t=100
    clock.now = 102.0
    meter.job_started()          # a second job overlaps
    meter.paused(0.5)
    clock.now = 103.0
    meter.job_ended()
    clock.now = 104.0
    meter.job_ended()            # busy 100 → 104
    clock.now = 110.0            # idle: not counted
    meter.job_started()
    clock.now = 111.0
    assert meter.snapshot() == {"busy_s": 5.0, "pause_s": 0.5, "jobs": 3, "running": 1}


def test_the_admin_route_reports_the_checks_of_an_upload_and_needs_the_trainer(sandbox):
    before = sandbox.admin("GET", "work").json()
    flow = Flow(sandbox)
    flow.wait_checks(flow.upload())
    after = sandbox.admin("GET", "work").json()
    assert after["jobs"] > before["jobs"]
    assert after["busy_s"] > before["busy_s"] and after["pause_s"] > before["pause_s"]
    anonymous = requests.get(f"{sandbox.base_url}/admin/work", timeout=10)
    assert anonymous.status_code in (401, 403)
