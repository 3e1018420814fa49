"""The short soak (bench/soak.py with one run of each kind): under injected 5xx, 429,
resets, slow replies, short tokens, processing failures, a cancel and SIGKILLs of the
publishing process, every run ends PUBLISHED, cancelled and undone, or with a clear error;
every resource kind listed through the API shows no duplicate and no orphan."""

from __future__ import annotations

import os
import time

import pytest
from gpf_wmts_publisher.plugin.entrepot.network_limits import BACKOFF_ENV

from bench.soak import KINDS, Soak, make_layer_source
from tests.fixtures.sandbox import start_sandbox

pytestmark = pytest.mark.slow   # long: handed to a worker first (tests/conftest.py)

SHORT_RUNS = len(KINDS)  # one run of each kind: kill, transient failure, cancel, broken step
SEED = 8


@pytest.fixture(scope="module")
def short_soak_report(qgis_app, tmp_path_factory):
    work = tmp_path_factory.mktemp("soak")
    # Injected 5xx and resets are retried after 50 ms, not 0.5–1 s (every retry still
    # happens; Retry-After is still honoured): the publishing processes inherit it.
    saved = os.environ.get(BACKOFF_ENV)
    os.environ[BACKOFF_ENV] = "0.05"
    try:
        with start_sandbox(work / "sandbox", step_delay=0.02) as sandbox:
            soak = Soak(sandbox, make_layer_source(str(work)), str(work),
                        datastore_id=sandbox.datastores()["own"], attempts=14,
                        deadline=time.monotonic() + 360, say=print)
            yield soak.soak(SHORT_RUNS, SEED)
    finally:
        if saved is None:
            os.environ.pop(BACKOFF_ENV, None)
        else:
            os.environ[BACKOFF_ENV] = saved


@pytest.mark.timeout(480)
def test_short_soak_runs_each_kind_and_injects_every_network_fault(short_soak_report):
    report = short_soak_report
    assert [run.plan.kind for run in report.runs] == list(KINDS)
    injected = report.injected
    assert injected["reset"] > 0 and injected["429"] > 0 and injected["slow"] > 0
    assert sum(injected[status] for status in ("500", "502", "503")) > 0


def test_the_publishing_process_is_killed_at_its_planned_points_and_resumed(
        short_soak_report):
    for run in short_soak_report.runs:
        assert run.kills == list(run.plan.kill_points), run.message
    assert sum(short_soak_report.kills_per_point.values()) == 3


def test_every_soak_run_ends_published_cancelled_or_with_a_clear_error(short_soak_report):
    outcomes = {run.plan.kind: run.outcome for run in short_soak_report.runs}
    assert outcomes["kill"] == "published", short_soak_report.summary_lines()
    assert outcomes["transient"] == "published", short_soak_report.summary_lines()
    assert outcomes["cancel"] == "cancelled"
    assert outcomes["broken"] == "clear error"
    assert all(run.message for run in short_soak_report.runs if run.outcome != "published")


def test_soak_leaves_no_duplicate_and_no_orphan(short_soak_report):
    report = short_soak_report
    assert report.duplicates == 0
    assert report.orphans == 0
    assert report.healthy
    assert report.last_line().endswith("unclear 0, duplicates 0, orphans 0")
    published = [run for run in report.runs if run.outcome == "published"]
    assert published and not any("missing" in run.message for run in published)
