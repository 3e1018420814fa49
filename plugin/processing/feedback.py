"""Processing's feedback seen as the workflow's cancel event."""

from __future__ import annotations

import threading


class FeedbackCancel(threading.Event):
    """Set when the Processing feedback is cancelled; ``clear()`` lets the workflow send its
    abort requests after a cancel (Qt signals cannot reach a busy worker thread)."""

    def __init__(self, feedback):
        super().__init__()
        self._feedback = feedback
        self._released = False

    def is_set(self) -> bool:
        return super().is_set() or (self._feedback.isCanceled() and not self._released)

    def clear(self) -> None:
        self._released = True
        super().clear()
