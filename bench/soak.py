"""Fault and kill soak: seeded publications against the local sandbox.

Each run publishes a small layer with its own names while the sandbox injects, from a seed,
5xx replies, 429 + Retry-After, connection resets, slow replies and a short token lifetime.
Every attempt runs in its own process (bench/soak_child.py): ``kill`` and ``transient`` runs
SIGKILL it at named, seeded kill points (mid-upload, mid-harvest, between every create call
and its journal write: plugin/publish/kill_points.py), then resume by running it again; some
runs get a processing failure (once, or on every try) or are cancelled in a chosen step;
runs that end cancelled or with a clear error are undone. With faults off, every resource
kind of the datastore is listed through the API (plugin/publish/inventory.py) before and
after each run: what the run added and no live journal entry references is a duplicate
(another of a kind the journal holds) or an orphan. Plans: bench/soak_plan.py.

The last line reads ``soak: R runs, K kills, F faults, published P, clear errors E,
cancelled C, unclear 0, duplicates 0, orphans 0``; exit code 1 when a must-be-0 figure is not 0
or a kill point was never hit. Loopback only; bounded by ``--runs`` and ``--max-seconds``.

    .venv/bin/python bench/soak.py [--runs 30] [--seed 8] [--max-seconds 1500] [--attempts 8]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable, Dict, List, Optional

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from gpf_wmts_publisher.plugin.entrepot.auth import TokenProvider  # noqa: E402
from gpf_wmts_publisher.plugin.entrepot.secret import Secret  # noqa: E402
from gpf_wmts_publisher.plugin.publish import inventory  # noqa: E402
from gpf_wmts_publisher.plugin.publish.journal import Journal  # noqa: E402
from gpf_wmts_publisher.plugin.publish.kill_points import KILL_ENV  # noqa: E402
from gpf_wmts_publisher.plugin.publish.session import api_for  # noqa: E402
from gpf_wmts_publisher.plugin.publish.spec import Publication  # noqa: E402
from gpf_wmts_publisher.plugin.publish.workflow import (  # noqa: E402
    Workflow,
    publication_error_text,
)

from bench.soak_child import (  # noqa: E402
    PASSWORD_ENV,
    RESULT,
    SOAK_TIMEOUTS,
    is_clear,
    spec_to_json,
)
from bench.soak_plan import KINDS, RunOutcome, RunPlan, SoakReport  # noqa: E402,F401
from tests.e2e.counting import platform_counts  # noqa: E402

FAULTS_OFF = {"error_rate": 0.0, "rate_429": 0.0, "reset_rate": 0.0, "slow_rate": 0.0,
              "fail_step": None, "token_lifetime": None}
KILLED = -getattr(signal, "SIGKILL", signal.SIGTERM)
ATTEMPT_TIMEOUT_S = 600

LOG = logging.getLogger("soak")


def running_executions(api, datastore_id: str) -> int:
    return sum(1 for e in api.in_datastore(datastore_id).executions()
               if e.status in ("CREATED", "WAITING", "PROGRESS"))


class Soak:
    """Runs the plans one after the other on one sandbox (a tests.fixtures RunningSandbox)."""

    def __init__(self, sandbox, layer_source, work_dir: str, *, datastore_id: str,
                 attempts: int = 8, deadline: Optional[float] = None,
                 say: Callable[[str], None] = print):
        self.sandbox = sandbox
        self.layer_source = layer_source
        self.work_dir = work_dir
        self.journal_dir = os.path.join(work_dir, "journals")
        self.datastore_id = datastore_id
        self.attempts = attempts
        self.deadline = deadline
        self.say = say
        self.account = sandbox.accounts["formateur"]
        tokens = TokenProvider.password(sandbox.token_url, self.account["username"],
                                        Secret(self.account["password"]))
        self.api = api_for(sandbox.api_url, tokens)

    def out_of_time(self) -> bool:
        return self.deadline is not None and time.monotonic() > self.deadline

    def spec_for(self, plan: RunPlan) -> Publication:
        n = f"{plan.seed}"
        return Publication(
            datastore_id=self.datastore_id, datasheet_name=f"fiche_soak_{n}",
            wmsv_name=f"soak_{n}_wmsv", wmts_name=f"soak_{n}_wmts",
            pyramid_name=f"soak_{n}_pyramide", wmsv_title="Soak <&> « é »",
            wmts_title="Soak (WMTS)", abstract="Publication du soak sous fautes injectées",
            layer=self.layer_source, top_level=12, bottom_level=13, restricted=plan.restricted)

    def workflow(self, spec: Publication) -> Workflow:
        return Workflow(self.api, spec, journal_dir=self.journal_dir, timeouts=SOAK_TIMEOUTS,
                        poll_first_s=0.05, poll_max_s=0.5)

    # -- one run ---------------------------------------------------------------------------
    def run(self, plan: RunPlan) -> RunOutcome:
        result = RunOutcome(plan)
        spec = self.spec_for(plan)
        started = time.monotonic()
        self.sandbox.reset_faults()
        before = inventory.datastore_inventory(self.api.in_datastore(spec.datastore_id))
        self.sandbox.set_faults(seed=plan.seed, fail_step=plan.fail_step, **plan.faults)
        try:
            self._attempts(plan, spec, result)
            if result.outcome in ("cancelled", "clear error"):
                self._undo(plan, spec, result)
        finally:
            result.injected = dict(self.sandbox.stats().get("injected", {}))
            self.sandbox.set_faults(**FAULTS_OFF)
        self._count(spec, before, result)
        result.seconds = time.monotonic() - started
        return result

    def _child(self, plan: RunPlan, spec: Publication, kill_at: Optional[str]):
        """One attempt in its own process; (return code, its result or None when killed)."""
        job = {"spec": spec_to_json(spec), "api_url": self.sandbox.api_url,
               "token_url": self.sandbox.token_url, "username": self.account["username"],
               "journal_dir": self.journal_dir, "cancel_step": plan.cancel_step}
        job_path = Path(self.work_dir) / f"job-{plan.seed}.json"
        job_path.write_text(json.dumps(job, ensure_ascii=False), encoding="utf-8")
        env = dict(os.environ, **{PASSWORD_ENV: self.account["password"]})
        env.pop(KILL_ENV, None)
        if kill_at:
            env[KILL_ENV] = kill_at
        child = subprocess.run([sys.executable, str(Path(__file__).parent / "soak_child.py"),
                                str(job_path)], cwd=ROOT, env=env, capture_output=True,
                               text=True, timeout=ATTEMPT_TIMEOUT_S)
        lines = [line for line in child.stdout.splitlines() if line.startswith(RESULT)]
        if not lines and child.returncode != KILLED:
            LOG.error("attempt ended %s without a result: %s", child.returncode,
                      child.stderr[-2000:])
        return child.returncode, (json.loads(lines[-1][len(RESULT):]) if lines else None)

    def _attempts(self, plan: RunPlan, spec: Publication, result: RunOutcome) -> None:
        pending = list(plan.kill_points)
        recovered = False
        failures = 0
        last: Dict[str, object] = {}
        for attempt in range(1, self.attempts + len(plan.kill_points) + 1):
            result.attempts = attempt
            kill_at = pending[0] if pending else None
            returncode, reply = self._child(plan, spec, kill_at)
            if returncode == KILLED and kill_at:
                result.kills.append(pending.pop(0))
                continue
            if reply is None:
                result.outcome = "unclear error"
                result.message = f"the attempt ended with code {returncode} and no result"
                return
            last = reply
            if reply["outcome"] in ("published", "cancelled", "unclear error"):
                result.outcome, result.message = reply["outcome"], reply["message"]
                if reply["outcome"] == "cancelled":
                    result.running_after_cancel = self._running_after_cancel(spec)
                return
            LOG.info("run %s try %s: %s", plan.index, attempt, reply["message"])
            failures += 1 if reply.get("processing") else 0
            if plan.kind == "broken" and failures >= 2:
                break   # the processing fails on every try: seen twice, it is the answer
            if plan.kind == "transient" and reply.get("processing") and not recovered:
                # The processing failed as planned: the platform recovers for the next try.
                self.sandbox.set_faults(fail_step=None)
                recovered = True
            if self.out_of_time() or attempt >= self.attempts + len(result.kills):
                break
        result.outcome = "clear error"
        result.message = str(last.get("message", ""))

    def _running_after_cancel(self, spec: Publication) -> int:
        """Executions still running once cancel returned (counted with faults paused)."""
        stats_before = self.sandbox.stats().get("faults", {})
        self.sandbox.set_faults(**FAULTS_OFF)
        try:
            return running_executions(self.api, spec.datastore_id)
        finally:
            self.sandbox.set_faults(**{k: stats_before.get(k) for k in FAULTS_OFF})

    def _undo(self, plan: RunPlan, spec: Publication, result: RunOutcome) -> None:
        """Undo under the same network faults (no processing failure), retried like a run."""
        self.sandbox.set_faults(fail_step=None)
        for _ in range(self.attempts):
            try:
                self.workflow(spec).undo()
                return
            except Exception as error:
                if not is_clear(error):
                    result.outcome = "unclear error"
                    result.message = f"undo: {type(error).__name__}: {error}"[:300]
                    LOG.error("undo of run %s failed unclearly", plan.index, exc_info=True)
                    return
                LOG.info("undo of run %s: %s", plan.index, publication_error_text(error))
        result.message += " (undo did not finish)"

    def _count(self, spec: Publication, before, result: RunOutcome) -> None:
        """Duplicates and orphans, every resource kind listed through the API."""
        api = self.api.in_datastore(spec.datastore_id)
        after = inventory.datastore_inventory(api)
        journal = Journal.open(spec.datastore_id, spec.journal_key, self.journal_dir)
        live, every = journal.resources(), journal.resources(include_removed=True)
        figures = inventory.duplicates_and_orphans(before, after, live, every)
        by_name = platform_counts(self.api, spec)
        # The same extra resource may show in both counts: the larger one stands.
        result.duplicates = max(sum(max(0, n - 1) for n in by_name.values()),
                                figures["duplicates"])
        result.orphans = figures["orphans"]
        if figures["duplicates"] or figures["orphans"]:
            left = inventory.unreferenced(before, after, live, every)
            LOG.error("run %s left unreferenced: %s", result.plan.index,
                      {k: sorted(v) for k, v in left.items() if v})
        if result.outcome == "published":
            missing = [kind for kind, n in by_name.items() if n == 0]
            if missing:
                result.message = f"published but missing: {', '.join(missing)}"

    # -- all runs --------------------------------------------------------------------------
    def soak(self, runs: int, base_seed: int) -> SoakReport:
        started = time.monotonic()
        outcomes: List[RunOutcome] = []
        for index in range(runs):
            if self.out_of_time():
                break
            plan = RunPlan.draw(base_seed, index)
            outcome = self.run(plan)
            outcomes.append(outcome)
            self.say(f"run {index:2d} seed {plan.seed} [{plan.kind}] {plan.describe()}: "
                     f"{outcome.outcome} after {outcome.attempts} tr"
                     f"{'y' if outcome.attempts == 1 else 'ies'} ({len(outcome.kills)} "
                     f"killed), {outcome.seconds:.1f} s, dup {outcome.duplicates}, orphans "
                     f"{outcome.orphans}" + (f" — {outcome.message}" if outcome.message
                                             else ""))
        return SoakReport(outcomes, time.monotonic() - started,
                          skipped_for_time=runs - len(outcomes))


def make_layer_source(directory: str):
    """The e2e tests' small styled polygon layer, snapshotted (needs a running QgsApplication)."""
    from gpf_wmts_publisher.plugin.publish.layer_source import LayerSource

    from tests.e2e.layers import make_polygon_gpkg, open_styled_layer

    return LayerSource.from_layer(open_styled_layer(make_polygon_gpkg(directory)))


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--max-seconds", type=float, default=1500.0,
                        help="no new run starts after this; a run stops retrying after it")
    parser.add_argument("--attempts", type=int, default=12,
                        help="tries per run (resumes), kills not counted")
    parser.add_argument("--log", default=str(ROOT / "bench-output" / "soak.log"))
    args = parser.parse_args(argv)

    from qgis.core import QgsApplication

    from tests.fixtures.sandbox import start_sandbox

    Path(args.log).parent.mkdir(parents=True, exist_ok=True)
    logging.basicConfig(filename=args.log, filemode="w", level=logging.INFO,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    app = QgsApplication([], False)
    app.initQgis()
    deadline = time.monotonic() + args.max_seconds
    with tempfile.TemporaryDirectory(prefix="gpf-soak-") as tmp, \
            start_sandbox(Path(tmp) / "sandbox", step_delay=0.02) as sandbox:
        print(f"sandbox at {sandbox.base_url}; {args.runs} runs, seed {args.seed}, "
              f"{args.attempts} tries each, budget {args.max_seconds:.0f} s; log {args.log}",
              flush=True)
        soak = Soak(sandbox, make_layer_source(tmp), tmp,
                    datastore_id=sandbox.datastores()["own"], attempts=args.attempts,
                    deadline=deadline, say=lambda line: print(line, flush=True))
        report = soak.soak(args.runs, args.seed)
    print()
    for line in report.summary_lines():
        print(line)
    with contextlib.suppress(Exception):
        app.exitQgis()
    complete = args.runs < 20 or not report.points_never_hit
    return 0 if report.healthy and complete else 1


if __name__ == "__main__":
    sys.exit(main())
