"""The inventory's bookkeeping: journal kinds, what a run left, duplicates against orphans;
and the kill hook, a no-op unless GPF_KILL_AT names the point reached."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

import pytest
from gpf_wmts_publisher.plugin.publish.inventory import (
    KINDS,
    duplicates_and_orphans,
    inventory_kind,
    unreferenced,
)
from gpf_wmts_publisher.plugin.publish.kill_points import KILL_ENV


def inv(**kinds):
    found = {kind: {} for kind in KINDS}
    for kind, items in kinds.items():
        found[kind] = {i: {"name": i, "status": status} for i, status in items.items()}
    return found


@pytest.mark.parametrize("journal_kind, kind", [
    ("upload", "uploads"), ("stored_data_pyramid", "stored_data"), ("static_sld", "statics"),
    ("annexe_0", "annexes"), ("configuration_wmts", "configurations"),
    ("offering_wmsv", "offerings"), ("permission_wmts", "permissions"),
    ("key_harvest", "keys"), ("key_access", "key_accesses"), ("metadata", "metadata"),
    ("execution_integration", "executions")])
def test_every_journal_kind_has_its_inventory_kind(journal_kind, kind):
    assert inventory_kind(journal_kind) == kind


def test_a_second_resource_of_a_journaled_kind_is_a_duplicate_another_kind_an_orphan():
    before = inv(uploads={"old": ""})
    after = inv(uploads={"old": "", "u1": "", "u2": ""}, permissions={"p1": ""},
                executions={"e1": "SUCCESS"})
    live = [{"kind": "upload", "id": "u1"}, {"kind": "execution_integration", "id": "e1"}]
    assert duplicates_and_orphans(before, after, live) == {"duplicates": 1, "orphans": 1}


def test_finished_executions_known_to_the_journal_are_history_running_ones_orphans():
    before = inv()
    after = inv(executions={"done": "ABORTED", "busy": "PROGRESS", "stranger": "SUCCESS"})
    removed = [{"kind": "execution_pyramid", "id": i, "removed": True}
               for i in ("done", "busy")]
    left = unreferenced(before, after, [], removed)
    assert left["executions"] == {"busy", "stranger"}


def _run_hook(env_value):
    env = dict(os.environ)
    env.pop(KILL_ENV, None)
    if env_value:
        env[KILL_ENV] = env_value
    code = ("from gpf_wmts_publisher.plugin.publish.kill_points import reached\n"
            "reached('created:upload'); print('alive')")
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                          text=True, timeout=60)


def test_the_kill_hook_kills_at_the_named_point_only():
    assert _run_hook(None).stdout.strip() == "alive"
    assert _run_hook("created:metadata").stdout.strip() == "alive"
    killed = _run_hook("created:upload")
    assert killed.stdout == ""
    assert killed.returncode == -getattr(signal, "SIGKILL", signal.SIGTERM)
