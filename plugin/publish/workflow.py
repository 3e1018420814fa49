"""The publication, step after step: preflight, run or resume each step, undo, cancel.

``Workflow`` is what the QgsTask, the Processing algorithms, the demo and the tests call: the
same object on every path.
"""

from __future__ import annotations

import os
import threading
import time
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, List, Optional, Sequence

from ..entrepot.api import EntrepotApi
from .adopt import adopt_interrupted
from .context import Timeouts
from .errors import NamingError
from .journal import Journal
from .map_source import check_map_styles
from .naming import check_publication, default_language, preflight
from .reuse import restore_reused
from .sources import skips, source_kind
from .spec import Publication
from .step_runner import StepRunner
from .steps import STEP_CLASSES
from .steps.base import Step, abort_running_executions
from .undo import remove_resources
from .waiting import MAX_DELAY_S, configured_floor

OverallProgress = Callable[[float, str, str], None]   # percent 0..100, step, message


@dataclass
class PublishResult:
    """What the user (and the demo's report) needs once the WMTS is PUBLISHED."""

    wmts_layer_name: str
    wmts_url: str
    capabilities_url: str
    wmsv_layer_name: str
    levels: List[int]
    resources: List[Dict[str, Any]]
    step_seconds: Dict[str, float] = field(default_factory=dict)
    journal_path: str = ""
    datastore_id: str = ""
    wmts_offering_id: str = ""
    permission_id: str = ""   # empty when the WMTS is public; a key is needed otherwise


class Workflow(StepRunner):
    """One publication. Build it with an EntrepotApi and a Publication; call ``run`` (resumes
    by itself when the journal already holds finished steps), ``cancel`` from any thread, or
    ``undo``. The API is used on the publication's datastore, whatever it was bound to."""

    def __init__(self, api: EntrepotApi, spec: Publication, *,
                 journal_dir: Optional[str] = None, work_dir: Optional[str] = None,
                 progress: Optional[OverallProgress] = None,
                 cancel_event: Optional[threading.Event] = None,
                 checkpoint_hook: Optional[Callable[[str], None]] = None,
                 timeouts: Optional[Timeouts] = None,
                 steps: Optional[Sequence[Step]] = None,
                 poll_first_s: Optional[float] = None, poll_max_s: float = MAX_DELAY_S):
        self.api = api.in_datastore(spec.datastore_id)
        self.spec = spec
        self._set_up(Journal.open(spec.datastore_id, spec.journal_key, journal_dir),
                     list(steps) if steps is not None else [cls() for cls in STEP_CLASSES],
                     spec, work_dir=work_dir, progress=progress, cancel_event=cancel_event,
                     checkpoint_hook=checkpoint_hook, timeouts=timeouts,
                     poll_first_s=configured_floor() if poll_first_s is None else poll_first_s,
                     poll_max_s=poll_max_s)

    def finished_steps(self) -> List[str]:
        return [s.name for s in self.steps if self.journal.is_done(s.name)]

    # -- running ------------------------------------------------------------------------
    def prepare(self) -> None:
        """Read the user and datastore, then check every rule before creating anything."""
        ctx = self.ctx
        ctx.current_step = "preflight"
        # The rules that need no network first: nothing, not even the journal, is written
        # for a publication whose names or layer are refused.
        local_problems = check_publication(self.spec)
        if not local_problems and not self.journal.is_done("style"):
            # a map's styles, each named: before any upload (one layer: the wizard's page)
            local_problems = check_map_styles(self.spec.sources, self.spec.table_names(),
                                              default_language())
        if local_problems:
            raise NamingError(local_problems)
        ctx.me = self.api.me()
        ctx.datastore = self.api.datastore()
        if self.journal.exists_on_disk():
            # What an interrupted run created but did not journal is ours: adopt it before
            # the names are checked, or they would be "taken" by our own resources.
            adopt_interrupted(ctx)
        preflight(self.api, self.spec, ctx.datastore, self.journal)
        self.journal.put("api_url", self.api.client.api_url)
        self.journal.set_spec(self.spec.summary())

    def run(self, until: Optional[str] = None) -> PublishResult:
        """Run (or resume) every step not yet done; stop after ``until`` when given."""
        self._run_steps(until)
        return self.result()

    def _run_step(self, step: Step) -> None:
        ctx, journal = self.ctx, self.journal
        if journal.is_done(step.name):
            return
        ctx.check_cancel()
        ctx.current_step = step.name
        if skips(self.spec, step.name):   # the source already holds what it would make
            journal.mark_step(step.name, "done", skipped=source_kind(self.spec).value)
            ctx.progress(1.0, "done")
            return
        interrupted = journal.step_status(step.name) != "pending"
        os.makedirs(ctx.work_dir, exist_ok=True)
        started = time.monotonic()
        journal.mark_step(step.name, "running")
        ctx.progress(0.0, "started")
        if interrupted:
            step.resume(ctx, journal)
        else:
            step.run(ctx)
        elapsed = time.monotonic() - started
        seconds = journal.step_entries().get(step.name, {}).get("seconds", 0.0) + elapsed
        journal.mark_step(step.name, "done", seconds=round(seconds, 3))
        ctx.progress(1.0, "done")
        ctx.checkpoint(f"done:{step.name}")

    # -- results ------------------------------------------------------------------------
    def result(self) -> PublishResult:
        journal = self.journal
        return PublishResult(
            wmts_layer_name=journal.get("wmts_layer_name", ""),
            wmts_url=journal.get("wmts_url", ""),
            capabilities_url=journal.get("wmts_capabilities_url", ""),
            wmsv_layer_name=journal.get("wmsv_layer_name", ""),
            levels=[z for z in (journal.get("pyramid_levels") or [])
                    if self.spec.top_level <= z <= self.spec.bottom_level],
            resources=journal.resources(),
            step_seconds={name: entry.get("seconds", 0.0)
                          for name, entry in journal.step_entries().items()},
            journal_path=journal.path,
            datastore_id=self.spec.datastore_id,
            wmts_offering_id=journal.resource_id("offering_wmts") or "",
            permission_id=journal.get("permission_id", "") if self.spec.restricted else "")

    # -- undo ---------------------------------------------------------------------------
    def undo(self) -> List[str]:
        """Remove everything this publication created, newest first (aborting executions
        still running first). Nothing reused (stored data, WMS-V, pyramid, the datasheet's
        metadata record) is ever removed: only journal resources are, and the record is
        written back as it was."""
        ctx = self.ctx
        ctx.current_step = "undo"
        ctx.cancel_event.clear()
        if ctx.datastore is None:
            ctx.datastore = self.api.datastore()
        adopt_interrupted(ctx)   # half-built outputs too: a name is never taken for good
        abort_running_executions(ctx, self.journal)
        removed = remove_resources(ctx, self.journal.resources())
        removed += restore_reused(ctx)   # written back, never deleted
        for step in self.steps:
            if self.journal.step_status(step.name) != "pending":
                self.journal.mark_step(step.name, "undone")
        return removed


def publication_error_text(error: BaseException) -> str:
    """One line for the user: our words, then the platform's (EntrepotError carries them)."""
    from ..error_messages import user_error_text  # translated by the error's kind

    return user_error_text(error)
