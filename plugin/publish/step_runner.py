"""What a publication (plugin/publish/workflow.py) and an update in place
(plugin/publish/update_workflow.py) do alike around their steps: the overall progress from
the steps' weights, and what a cancel leaves behind. One place, so both report and stop the
same way.

The class using it holds ``ctx`` (PublishContext), ``journal``, ``steps``, ``_overall`` (the
overall progress callback or None), ``_total_weight`` and ``_last_percent``.
"""

from __future__ import annotations

from .steps.base import abort_running_executions


class StepRunner:
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
