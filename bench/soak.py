"""Fault soak: seeded publications against the local sandbox under injected faults.

Each run publishes a small layer with its own names while the sandbox injects, from a seed,
5xx replies, 429 + Retry-After, connection resets, slow replies and a short token lifetime;
some runs also get a processing failure at a chosen step (once, or on every try), or are
cancelled in a chosen step and then undone. A failed try is resumed by running the same
publication again, up to ``--attempts`` times. Faults are switched off to count, through the
API only, what each run left on the platform.

Prints one line per run and a summary: runs PUBLISHED, runs ended with a clear error (an
EntrepotError/PublishError with a user message), runs ended otherwise (a bare exception: must
be 0), duplicate resources (must be 0), orphans after cancel + undo (must be 0). Exit code 1
when a must-be-0 figure is not 0. Loopback only; bounded by ``--runs`` and ``--max-seconds``.

    .venv/bin/python bench/soak.py [--runs 9] [--seed 8] [--max-seconds 480] [--attempts 8]
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import random
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Dict, List, Optional

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from gpf_wmts_publisher.plugin.entrepot.auth import TokenProvider  # noqa: E402
from gpf_wmts_publisher.plugin.entrepot.errors import EntrepotError  # noqa: E402
from gpf_wmts_publisher.plugin.entrepot.secret import Secret  # noqa: E402
from gpf_wmts_publisher.plugin.publish.context import Timeouts  # noqa: E402
from gpf_wmts_publisher.plugin.publish.errors import (  # noqa: E402
    PublishCancelledError,
    PublishError,
)
from gpf_wmts_publisher.plugin.publish.session import api_for  # noqa: E402
from gpf_wmts_publisher.plugin.publish.spec import Publication  # noqa: E402
from gpf_wmts_publisher.plugin.publish.workflow import (  # noqa: E402
    Workflow,
    publication_error_text,
)

from tests.e2e.counting import platform_counts  # noqa: E402

KINDS = ("transient", "cancel", "broken")   # rotated, so even 3 runs cover each kind
PROCESSING_STEPS = ("checks", "integration", "harvest", "publication")
# Failed checks mean the file is bad: retrying the same file must fail again, so a one-off
# ("transient") failure is drawn among the platform's processings only.
TRANSIENT_STEPS = ("integration", "harvest", "publication")
# Where a "cancel" run is cancelled: workflow step names (progress callback) → first message.
CANCEL_STEPS = ("data", "integration", "wmsv", "pyramid", "metadata", "wmts")
FAULTS_OFF = {"error_rate": 0.0, "rate_429": 0.0, "reset_rate": 0.0, "slow_rate": 0.0,
              "fail_step": None, "token_lifetime": None}
# Bounded waits: a wedged platform must end a run, not the soak.
SOAK_TIMEOUTS = Timeouts(checks_s=120, integration_s=120, harvest_s=180, offering_s=120,
                         unpublish_s=60)

LOG = logging.getLogger("soak")


@dataclass(frozen=True)
class RunPlan:
    """What one run suffers, drawn from its own seed."""

    index: int
    seed: int
    kind: str
    faults: Dict[str, object]
    fail_step: Optional[str] = None      # processing failure (transient: first try only)
    cancel_step: Optional[str] = None
    restricted: bool = False

    @classmethod
    def draw(cls, base_seed: int, index: int) -> RunPlan:
        seed = base_seed * 1000 + index
        rng = random.Random(seed)
        kind = KINDS[index % len(KINDS)]
        faults = {
            "error_rate": round(rng.uniform(0.02, 0.08), 3),
            "statuses": [500, 502, 503],
            "rate_429": round(rng.uniform(0.02, 0.06), 3),
            "retry_after": 1,
            "reset_rate": round(rng.uniform(0.01, 0.04), 3),
            "slow_rate": round(rng.uniform(0.02, 0.08), 3),
            "slow_s": round(rng.uniform(0.1, 0.4), 2),
            "token_lifetime": rng.choice([2.0, 4.0, 8.0]),
        }
        fail_step = {"transient": rng.choice(TRANSIENT_STEPS), "cancel": None,
                     "broken": rng.choice(PROCESSING_STEPS)}[kind]
        cancel_step = rng.choice(CANCEL_STEPS) if kind == "cancel" else None
        return cls(index=index, seed=seed, kind=kind, faults=faults, fail_step=fail_step,
                   cancel_step=cancel_step, restricted=rng.random() < 0.5)

    def describe(self) -> str:
        f = self.faults
        extra = (f"cancel in {self.cancel_step}" if self.cancel_step
                 else f"fail {self.fail_step}{' once' if self.kind == 'transient' else ''}")
        return (f"5xx {f['error_rate']:.0%}, 429 {f['rate_429']:.0%}, reset "
                f"{f['reset_rate']:.0%}, slow {f['slow_rate']:.0%}×{f['slow_s']}s, token "
                f"{f['token_lifetime']:.0f}s, {extra}")


@dataclass
class RunOutcome:
    plan: RunPlan
    outcome: str = "not run"    # published | clear error | cancelled | unclear error
    attempts: int = 0
    seconds: float = 0.0
    message: str = ""
    duplicates: int = 0
    orphans: int = 0            # resources left after cancel/failure + undo
    running_after_cancel: int = 0
    injected: Dict[str, int] = field(default_factory=dict)


@dataclass
class SoakReport:
    runs: List[RunOutcome]
    seconds: float
    skipped_for_time: int = 0

    def count(self, outcome: str) -> int:
        return sum(1 for r in self.runs if r.outcome == outcome)

    @property
    def duplicates(self) -> int:
        return sum(r.duplicates for r in self.runs)

    @property
    def orphans_after_cancel(self) -> int:
        return sum(r.orphans + r.running_after_cancel for r in self.runs
                   if r.plan.kind == "cancel")

    @property
    def orphans_after_failure(self) -> int:
        return sum(r.orphans for r in self.runs if r.plan.kind != "cancel")

    @property
    def injected(self) -> Counter:
        total: Counter = Counter()
        for run in self.runs:
            total.update(run.injected)
        return total

    @property
    def healthy(self) -> bool:
        return (self.count("unclear error") == 0 and self.duplicates == 0
                and self.orphans_after_cancel == 0 and self.orphans_after_failure == 0)

    def summary_lines(self) -> List[str]:
        transient = [r for r in self.runs if r.plan.kind == "transient"]
        recovered = sum(1 for r in transient if r.outcome == "published")
        injected = ", ".join(f"{k} {v}" for k, v in sorted(self.injected.items())) or "none"
        return [
            f"runs: {len(self.runs)} in {self.seconds:.0f} s"
            + (f" ({self.skipped_for_time} not started: time budget)"
               if self.skipped_for_time else ""),
            f"reached PUBLISHED: {self.count('published')}",
            f"ended with a clear error: {self.count('clear error')}",
            f"cancelled then undone: {self.count('cancelled')}",
            f"one-off processing failures recovered by resume: {recovered} of "
            f"{len(transient)}",
            f"ended without a clear error (must be 0): {self.count('unclear error')}",
            f"duplicate resources (must be 0): {self.duplicates}",
            f"orphans after cancel (must be 0): {self.orphans_after_cancel}",
            f"left after undo of failed runs (must be 0): {self.orphans_after_failure}",
            f"faults injected: {injected}",
        ]


def inventory(api, datastore_id: str) -> Dict[str, set]:
    """Ids of every live resource of the datastore (and the user's keys), by family."""
    api = api.in_datastore(datastore_id)

    def alive(items):
        return {i.id for i in items if i.raw.get("status") != "DELETED"}

    return {"uploads": alive(api.uploads()), "stored_data": alive(api.stored_data_list()),
            "statics": alive(api.statics()), "configurations": alive(api.configurations()),
            "offerings": alive(api.offerings()), "metadata": alive(api.metadata_list()),
            "permissions": alive(api.permissions()), "keys": alive(api.list_keys())}


def new_resources(before: Dict[str, set], after: Dict[str, set]) -> int:
    return sum(len(after[family] - before.get(family, set())) for family in after)


def running_executions(api, datastore_id: str) -> int:
    return sum(1 for e in api.in_datastore(datastore_id).executions()
               if e.status in ("CREATED", "WAITING", "PROGRESS"))


def is_clear(error: BaseException) -> bool:
    """An error the plugin shows in words: ours (PublishError) or the platform's."""
    if not isinstance(error, (EntrepotError, PublishError)):
        return False
    text = publication_error_text(error)
    return bool(text.strip()) and "Traceback" not in text


class Soak:
    """Runs the plans one after the other on one sandbox (a tests.fixtures RunningSandbox)."""

    def __init__(self, sandbox, layer_source, work_dir: str, *, datastore_id: str,
                 attempts: int = 8, deadline: Optional[float] = None,
                 say: Callable[[str], None] = print):
        self.sandbox = sandbox
        self.layer_source = layer_source
        self.work_dir = work_dir
        self.datastore_id = datastore_id
        self.attempts = attempts
        self.deadline = deadline
        self.say = say
        account = sandbox.accounts["formateur"]
        tokens = TokenProvider.password(sandbox.token_url, account["username"],
                                        Secret(account["password"]))
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

    def workflow(self, spec: Publication, progress=None) -> Workflow:
        return Workflow(self.api, spec, journal_dir=os.path.join(self.work_dir, "journals"),
                        progress=progress, timeouts=SOAK_TIMEOUTS, poll_first_s=0.05,
                        poll_max_s=0.5)

    # -- one run ---------------------------------------------------------------------------
    def run(self, plan: RunPlan) -> RunOutcome:
        result = RunOutcome(plan)
        spec = self.spec_for(plan)
        started = time.monotonic()
        self.sandbox.reset_faults()
        before = inventory(self.api, spec.datastore_id)
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

    def _attempts(self, plan: RunPlan, spec: Publication, result: RunOutcome) -> None:
        last_error: Optional[BaseException] = None
        recovered = False
        for attempt in range(1, self.attempts + 1):
            result.attempts = attempt
            holder: Dict[str, Workflow] = {}

            def cancel_in_step(percent, step, message, holder=holder):
                if plan.cancel_step and step == plan.cancel_step:
                    holder["workflow"].cancel()

            holder["workflow"] = self.workflow(spec, cancel_in_step)
            try:
                holder["workflow"].run()
                result.outcome, result.message = "published", ""
                return
            except PublishCancelledError:
                result.outcome, result.message = "cancelled", f"cancelled in {plan.cancel_step}"
                result.running_after_cancel = self._running_after_cancel(spec)
                return
            except Exception as error:
                last_error = error
                if not is_clear(error):
                    result.outcome = "unclear error"
                    result.message = f"{type(error).__name__}: {error}"[:300]
                    LOG.error("run %s ended without a clear error", plan.index, exc_info=True)
                    return
                LOG.info("run %s try %s: %s", plan.index, attempt,
                         publication_error_text(error))
            if plan.kind == "transient" and isinstance(last_error, PublishError) \
                    and not recovered:
                # The processing failed as planned (a PublishError is the workflow's report
                # of it, not a network fault): the platform recovers for the next try.
                self.sandbox.set_faults(fail_step=None)
                recovered = True
            if self.out_of_time():
                break
        result.outcome = "clear error"
        result.message = publication_error_text(last_error)[:300] if last_error else ""

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

    def _count(self, spec: Publication, before: Dict[str, set], result: RunOutcome) -> None:
        counts = platform_counts(self.api, spec)
        result.duplicates = sum(max(0, n - 1) for n in counts.values())
        if result.outcome == "published":
            missing = [kind for kind, n in counts.items() if n == 0]
            if missing:
                result.message = f"published but missing: {', '.join(missing)}"
        else:
            result.orphans = new_resources(before, inventory(self.api, spec.datastore_id))

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
                     f"{'y' if outcome.attempts == 1 else 'ies'}, {outcome.seconds:.1f} s, "
                     f"dup {outcome.duplicates}, orphans {outcome.orphans}"
                     + (f" — {outcome.message}" if outcome.message else ""))
        return SoakReport(outcomes, time.monotonic() - started,
                          skipped_for_time=runs - len(outcomes))


def make_layer_source(directory: str):
    """The e2e tests' small styled polygon layer, snapshotted (needs a running QgsApplication)."""
    from gpf_wmts_publisher.plugin.publish.layer_source import LayerSource

    from tests.e2e.layers import make_polygon_gpkg, open_styled_layer

    return LayerSource.from_layer(open_styled_layer(make_polygon_gpkg(directory)))


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--max-seconds", type=float, default=480.0,
                        help="no new run starts after this; a run stops retrying after it")
    parser.add_argument("--attempts", type=int, default=8, help="tries per run (resumes)")
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
              f"{args.attempts} tries each, budget {args.max_seconds:.0f} s; log {args.log}")
        soak = Soak(sandbox, make_layer_source(tmp), tmp,
                    datastore_id=sandbox.datastores()["own"], attempts=args.attempts,
                    deadline=deadline)
        report = soak.soak(args.runs, args.seed)
    print()
    for line in report.summary_lines():
        print(line)
    with contextlib.suppress(Exception):
        app.exitQgis()
    return 0 if report.healthy else 1


if __name__ == "__main__":
    sys.exit(main())
