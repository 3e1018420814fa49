"""Run a datasheet's delete plan (datasheet_delete.py), one removal at a time, in a task.

Idempotent: what is already gone (404) counts as removed, so after a failure or a cancel a
new plan (it lists only what is left) run again finishes the job. A failure stops the run
with a message naming the removal that failed, how many were done and the platform's words.
"""

from __future__ import annotations

from functools import partial
from typing import Callable, Dict, List, Mapping, Optional

from ..entrepot.errors import BadRequest, Cancelled, Conflict, EntrepotError, NotFound
from ..error_messages import user_error_text
from ..i18n import tr
from . import datasheet_pending
from .datasheet_delete import ABORT, RUNNING, DeletePlan, Removal
from .errors import PublishCancelledError, PublishError
from .unpublish import UNPUBLISH_TIMEOUT_S, delete_configuration, unpublish_offering
from .waiting import wait_for

BUSY_STORED_DATA = ("GENERATING", "MODIFYING")
Progress = Callable[[float, str], None]


class DatasheetDeleteError(PublishError):
    """A removal failed: ``done`` of ``total`` were made; running the delete again resumes."""

    def __init__(self, message: str, *, done: int, total: int):
        super().__init__(message, step="delete_datasheet")
        self.done = done
        self.total = total


def kind_label(kind: str) -> str:
    labels = {"executions": tr("processing execution"), "permissions": tr("permission"),
              "offerings": tr("offering"), "configurations": tr("configuration"),
              "statics": tr("style file"), "annexes": tr("annex"),
              "stored_data": tr("stored data"), "uploads": tr("upload"),
              "metadata": tr("metadata"), "key_accesses": tr("key access"),
              "keys": tr("harvest key")}
    return labels.get(kind, kind)


SUMMARY_ORDER = ("uploads", "stored_data", "statics", "annexes", "configurations", "offerings",
                 "permissions", "key_accesses", "keys", "metadata", "executions")


def kinds_label(kind: str) -> str:
    labels = {"executions": tr("processing executions"), "permissions": tr("permissions"),
              "offerings": tr("offerings (published services)"),
              "configurations": tr("configurations"), "statics": tr("style files"),
              "annexes": tr("annexes (icons, legends)"), "stored_data": tr("stored data"),
              "uploads": tr("uploads"), "metadata": tr("metadata"),
              "key_accesses": tr("key accesses"),
              "keys": tr("harvest keys made by the publication")}
    return labels.get(kind, kind)


def summary_lines(plan: DeletePlan, shown: int = 4) -> List[str]:
    """What will go, one line per kind with a count and the first names, then what stays."""
    counts, lines = plan.counts(), []
    for kind in SUMMARY_ORDER:
        if counts.get(kind):
            names = [n for n in plan.names(kind) if n]
            listed = ", ".join(names[:shown]) + (", …" if len(names) > shown else "")
            lines.append(f"{counts[kind]} {kinds_label(kind)}" + (f": {listed}" if listed
                                                                 else ""))
    for permission in plan.kept_permissions:
        lines.append(tr("Kept: the permission \"{0}\", which also serves other services.")
                     .format(permission.name))
    lines.append(tr("Your other keys are kept: they serve other services."))
    return lines


def _abort(api, removal: Removal, wait) -> None:
    if api.execution(removal.id).status not in RUNNING:
        return
    try:
        api.abort_execution(removal.id)
    except Conflict:  # it finished meanwhile
        pass
    wait(lambda: api.execution(removal.id).status, lambda s: s not in RUNNING,
         timeout_s=UNPUBLISH_TIMEOUT_S, what=tr("the processing's abort"))


def _retry_while(api_delete: Callable[[], None], busy: Callable[[], bool], wait,
                 what: str) -> None:
    """Deletes; a 409 while ``busy()`` (a job still running) is retried, any other 409
    (a dependency outside the datasheet) is the platform's answer to show."""

    def attempt() -> bool:
        try:
            api_delete()
        except Conflict:
            if busy():
                return False
            raise
        return True

    wait(attempt, bool, timeout_s=UNPUBLISH_TIMEOUT_S, what=what)


def _status_in(read_status: Callable[[], str], states) -> Callable[[], bool]:
    """``busy()`` for _retry_while: the resource still has one of ``states`` (gone: not busy)."""

    def busy() -> bool:
        try:
            return read_status() in states
        except NotFound:
            return False

    return busy


def _stored_data(api, removal: Removal, wait) -> None:
    _retry_while(lambda: api.delete_stored_data(removal.id),
                 _status_in(lambda: api.stored_data(removal.id).status, BUSY_STORED_DATA),
                 wait, tr("the stored data's deletion"))


def _execution(api, removal: Removal, wait) -> None:
    _retry_while(lambda: api.delete_execution(removal.id),
                 _status_in(lambda: api.execution(removal.id).status, RUNNING),
                 wait, tr("the execution's deletion"))


def _metadata(api, removal: Removal, _wait) -> None:
    record = api.metadata(removal.id)
    for endpoint in record.endpoints:  # published: taken off the catalogue first
        endpoint_id = endpoint.get("_id") if isinstance(endpoint, Mapping) else endpoint
        if endpoint_id and record.file_identifier:
            try:
                api.unpublish_metadata([record.file_identifier], endpoint_id)
            except (NotFound, BadRequest):
                pass
    api.delete_metadata(removal.id)


REMOVERS: Dict[str, Callable] = {
    "permissions": lambda api, r, _w: api.delete_permission(r.id),
    "keys": lambda api, r, _w: api.delete_key(r.id),
    "offerings": lambda api, r, w: unpublish_offering(api, r.id, w),
    "configurations": lambda api, r, w: delete_configuration(api, r.id, w),
    "statics": lambda api, r, _w: api.delete_static(r.id),
    "annexes": lambda api, r, _w: api.delete_annex(r.id),
    "stored_data": _stored_data,
    "uploads": lambda api, r, _w: api.delete_upload(r.id),
    "metadata": _metadata,
    "executions": _execution,
}


def run_delete(api, plan: DeletePlan, *, progress: Optional[Progress] = None,
               cancelled: Callable[[], bool] = lambda: False, wait=None,
               record_dir: Optional[str] = None) -> int:
    """Makes every removal of ``plan`` in order; returns how many were made. With
    ``record_dir``, what is left is kept there until the run ends (datasheet_pending.py)."""
    wait = wait or partial(wait_for, cancelled=cancelled)
    total = len(plan.removals)
    record = (datasheet_pending.pending_path(record_dir, api.datastore_id, plan.datasheet)
              if record_dir else None)
    datasheet_pending.save(record, plan)
    def stop(done: int) -> PublishCancelledError:
        return PublishCancelledError(
            tr("Cancelled after {0} of {1} removals: run Delete datasheet again to "
               "finish.").format(done, total), step="delete_datasheet")

    for index, removal in enumerate(plan.removals):
        if cancelled():
            raise stop(index)
        label = f"{kind_label(removal.kind)} {removal.name}"
        if progress is not None:
            progress(100.0 * index / max(total, 1), label)
        try:
            (_abort if removal.action == ABORT else REMOVERS[removal.kind])(api, removal, wait)
        except NotFound:
            pass  # already gone: removed by an earlier run, or with what it depended on
        except (PublishCancelledError, Cancelled):  # a wait or a request cut short
            raise stop(index) from None
        except (EntrepotError, PublishError) as error:
            words = user_error_text(error) if isinstance(error, EntrepotError) else str(error)
            raise DatasheetDeleteError(
                tr("Deleting the datasheet \"{0}\" stopped at the {1} ({2} of {3} removals "
                   "done): {4}. Run Delete datasheet again to finish.").format(
                    plan.datasheet, label, index, total, words),
                done=index, total=total) from error
    datasheet_pending.forget(record)
    if progress is not None:
        progress(100.0, tr("datasheet deleted"))
    return total
