"""What every step receives: the entrepôt API, the spec, the journal, progress and cancel."""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, Optional, Tuple

from ..entrepot.api import EntrepotApi
from ..entrepot.models import Datastore, User
from . import kill_points
from .errors import PublishCancelledError
from .journal import Journal
from .pacing import RATES, seen_length_s
from .spec import Publication
from .waiting import FIRST_DELAY_S, MAX_DELAY_S, wait_for

LOG = logging.getLogger("gpf_wmts_publisher.publish")

ProgressSink = Callable[[str, float, str], None]   # step, fraction of the step 0..1, message


@dataclass
class Timeouts:
    checks_s: float = 1800.0
    integration_s: float = 3600.0
    harvest_s: float = 6 * 3600.0
    offering_s: float = 900.0
    unpublish_s: float = 300.0
    abort_s: float = 120.0


@dataclass
class PublishContext:
    api: EntrepotApi            # bound to the publication's datastore
    spec: Publication
    journal: Journal
    work_dir: str
    datastore: Optional[Datastore] = None
    me: Optional[User] = None
    cancel_event: threading.Event = field(default_factory=threading.Event)
    progress_sink: Optional[ProgressSink] = None
    timeouts: Timeouts = field(default_factory=Timeouts)
    # Test seam: called with a checkpoint name ("created:upload", "done:data"...); may raise
    # to simulate a crash at that exact point.
    checkpoint_hook: Optional[Callable[[str], None]] = None
    poll_first_s: float = FIRST_DELAY_S
    poll_max_s: float = MAX_DELAY_S
    current_step: str = ""
    secrets: Dict[str, str] = field(default_factory=dict, repr=False)  # never journaled

    @property
    def ds(self) -> str:
        return self.spec.datastore_id

    def cancelled(self) -> bool:
        return self.cancel_event.is_set()

    def check_cancel(self) -> None:
        if self.cancelled():
            raise PublishCancelledError(step=self.current_step)

    def progress(self, fraction: float, message: str = "") -> None:
        if self.progress_sink is not None:
            self.progress_sink(self.current_step, max(0.0, min(1.0, fraction)), message)

    def checkpoint(self, name: str) -> None:
        kill_points.reached(name)
        if self.checkpoint_hook is not None:
            self.checkpoint_hook(name)

    def wait(self, poll, done, *, timeout_s: float, what: str, on_poll=None, fraction=None,
             pace: Optional[Tuple[str, float]] = None, learn: bool = True,
             length_of: Optional[Callable[[Any], Optional[float]]] = None):
        """Polls until ``done``. ``pace`` names the job's kind and size: its length predicted
        from earlier jobs of the kind (``pacing.RATES``) aims the polls, and when it ends its
        length is learned (unless ``learn`` is False: a resumed job's start is unknown), by
        the platform's own figure (``length_of(state)``) or else as the polls saw it."""
        timing: Dict[str, float] = {}
        state = wait_for(poll, done, timeout_s=timeout_s, first_s=self.poll_first_s,
                         max_s=self.poll_max_s, cancelled=self.cancelled, on_poll=on_poll,
                         what=what, expected_s=RATES.expected_s(*pace) if pace else None,
                         fraction=fraction, timing=timing)
        if pace and learn:
            length = (length_of(state) if length_of is not None else None) or \
                seen_length_s(timing)
            if length:
                RATES.learn(pace[0], pace[1], length)
        return state

    def log(self, message: str) -> None:
        LOG.info("%s: %s", self.current_step or "publish", message)
