"""What a publication (plugin/publish/workflow.py) and an update in place
(plugin/publish/update_workflow.py) do alike around their steps: the overall progress from
the steps' weights, and what a cancel leaves behind. One place, so both report and stop the
same way.

``_set_up`` gives the class using it its ``journal``, ``steps`` and ``ctx`` (the work folder
beside the journal unless one is given), and the progress bookkeeping.
"""

from __future__ import annotations

import os
import tempfile
import threading
from typing import Callable, List, Optional

from ..entrepot.errors import Cancelled as ClientCancelled
from .context import PublishContext, Timeouts
from .errors import PublishCancelledError
from .journal import Journal
from .steps.base import Step, abort_running_executions


class StepRunner:
    def _set_up(self, journal: Journal, steps: List[Step], spec, *,
                work_dir: Optional[str] = None,
                progress: Optional[Callable[[float, str, str], None]] = None,
                cancel_event: Optional[threading.Event] = None,
                checkpoint_hook: Optional[Callable[[str], None]] = None,
                timeouts: Optional[Timeouts] = None, poll_first_s: float,
                poll_max_s: float) -> None:
        self.journal, self.steps = journal, steps
        self._overall = progress
        self._total_weight = sum(s.weight for s in steps) or 1.0
        self._last_percent = 0.0
        work_dir = work_dir or os.path.join(
            os.path.dirname(journal.path) or tempfile.gettempdir(),
            os.path.basename(journal.path)[:-len(".json")] + ".work")
        self.ctx = PublishContext(
            api=self.api, spec=spec, journal=journal, work_dir=work_dir,
            cancel_event=cancel_event or threading.Event(), progress_sink=self._on_progress,
            timeouts=timeouts or Timeouts(), checkpoint_hook=checkpoint_hook,
            poll_first_s=poll_first_s, poll_max_s=poll_max_s)

    def cancel(self) -> None:
        """Ask the run to stop at its next wait or request (thread safe)."""
        self.ctx.cancel_event.set()

    def step_names(self) -> List[str]:
        return [s.name for s in self.steps]

    def _run_steps(self, until: Optional[str] = None) -> None:
        """``prepare()``, then every step not yet done (stop after ``until`` when given): a
        cancel aborts what runs on the platform, a failure is written in the journal."""
        try:
            self.prepare()
            for step in self.steps:
                self._run_step(step)
                if step.name == until:
                    break
        except ClientCancelled:
            self._after_cancel()
            raise PublishCancelledError(step=self.ctx.current_step) from None
        except PublishCancelledError:
            self._after_cancel()
            raise
        except BaseException as error:
            if self.ctx.current_step and self.ctx.current_step != "preflight":
                self.journal.mark_step(self.ctx.current_step, "failed", error=str(error)[:500])
            raise

    def _after_cancel(self) -> None:
        """Abort what runs on the platform; keep the journal so the run can resume/undo."""
        step = self.ctx.current_step
        self.ctx.cancel_event.clear()    # the aborts below must be allowed to go out
        try:
            abort_running_executions(self.ctx, self.journal)
        finally:
            if step and step != "preflight":
                self.journal.mark_step(step, "cancelled")

    def _on_progress(self, step_name: str, fraction: float, message: str) -> None:
        if self._overall is None:
            return
        done = sum(s.weight for s in self.steps if self.journal.is_done(s.name)
                   and s.name != step_name)
        weight = next((s.weight for s in self.steps if s.name == step_name), 0.0)
        percent = 100.0 * (done + weight * fraction) / self._total_weight
        # Never backwards: a platform's first real count may sit below a status estimate.
        self._last_percent = max(self._last_percent, min(percent, 100.0))
        self._overall(self._last_percent, step_name, message)
