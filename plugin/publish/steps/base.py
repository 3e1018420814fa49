"""What the steps share: find-or-create against the journal, endpoints, executions."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any, Callable, Dict, Iterable, List, Optional, Tuple, TypeVar

from ...code_labels import status_label
from ...entrepot.errors import Conflict, NotFound
from ...entrepot.models import Endpoint, Execution, StoredData
from ...i18n import tr
from ..context import PublishContext
from ..errors import PublishError
from ..journal import Journal
from ..pacing import job_duration_s, platform_date, reported_fraction

EXECUTION_RUNNING = ("CREATED", "WAITING", "PROGRESS")
EXECUTION_FAILED = ("FAILURE", "ABORTED")
# Seconds after which a running execution's share of its step is half-way to done (a guess:
# the platform reports no progress count, only status and dates).
TYPICAL_RUN_S = 60.0

Resource = TypeVar("Resource")


class Step:
    """A unit of the publication. Subclasses set ``name``/``weight`` and implement ``run``."""

    name = "step"
    weight = 1.0

    def run(self, ctx: PublishContext) -> None:
        raise NotImplementedError

    def resume(self, ctx: PublishContext, journal: Journal) -> None:
        """Continue after a crash/cancel: ``run`` is written to skip what the journal holds."""
        ctx.journal = journal
        self.run(ctx)

    def undo(self, ctx: PublishContext, journal: Journal) -> None:
        """Remove what this step created (reverse order of creation)."""
        from ..undo import remove_resources

        remove_resources(ctx, [r for r in journal.resources() if r["step"] == self.name])


def ensure_resource(ctx: PublishContext, kind: str, name: str,
                    find: Optional[Callable[[], Optional[Any]]] = None,
                    create: Optional[Callable[[], Any]] = None, **details: Any) -> str:
    """The id of ``kind``: from the journal, else found on the platform after an interrupted
    create (``find``, by default the lookup by name of plugin/publish/adopt.py), else
    created now. The intent is journaled before the call and the id right after it."""
    from ..adopt import find_by_intent

    known = ctx.journal.resource_id(kind)
    if known:
        return known
    if ctx.journal.intent(kind) is not None:
        found = find() if find is not None else find_by_intent(ctx.api, kind, name)
        found_id = getattr(found, "id", found)
        if found_id:
            ctx.journal.record(kind, found_id, step=ctx.current_step, name=name, **details)
            ctx.log(f"found {kind} {found_id} created by an interrupted run")
            return found_id
    ctx.journal.intend(kind, name)
    resource_id = create().id
    ctx.checkpoint(f"created:{kind}")
    ctx.journal.record(kind, resource_id, step=ctx.current_step, name=name, **details)
    return resource_id


def first_by(items: Iterable[Resource], **wanted: Any) -> Optional[Resource]:
    """The first resource whose fields equal ``wanted`` (ignoring DELETED ones)."""
    for item in items:
        if getattr(item, "status", "") == "DELETED":
            continue
        if all(getattr(item, key) == value for key, value in wanted.items()):
            return item
    return None


def pick_endpoint(ctx: PublishContext, endpoint_type: str, open_: bool) -> Optional[Endpoint]:
    """First endpoint of the type and openness with room left (the contract's rule)."""
    return ctx.datastore.choose_endpoint(endpoint_type, open_)


def endpoint_url(endpoint: Endpoint, url_type: str) -> str:
    """The endpoint's URL of that type; its only URL when it names another type (the
    METADATA endpoint lists its CSW under the type METADATA)."""
    url = endpoint.url(url_type) or (endpoint.urls[0][1] if endpoint.urls else None)
    if not url:
        raise PublishError(tr("endpoint {0} lists no {1} URL").format(endpoint.name, url_type))
    return url


def offering_url(offering, url_type: str) -> str:
    url = offering.url(url_type)
    if not url:
        raise PublishError(tr("offering {0} lists no {1} URL").format(offering.layer_name,
                                                                       url_type))
    return url


def processing_id(ctx: PublishContext, processing_name: str) -> str:
    """Processings are found by name, never by a hard-coded id."""
    cached = ctx.journal.get(f"processing:{processing_name}")
    if cached:
        return cached
    try:
        found = ctx.api.find_processing(processing_name).id
    except NotFound:
        raise PublishError(
            tr("the datastore offers no processing named '{0}'").format(processing_name)) from None
    ctx.journal.put(f"processing:{processing_name}", found)
    return found


def run_execution(ctx: PublishContext, *, execution_kind: str, stored_data_kind: str,
                  output_name: str, body: Callable[[], Dict[str, Any]],
                  tags: Callable[[str, str], None], timeout_s: float, what: str,
                  work_units: Optional[float] = None) -> StoredData:
    """Create (once), tag, launch (once) and follow an execution whose output is a new stored
    data; return that stored data once GENERATED. A failed or aborted earlier attempt is
    replaced: its unstable output is deleted first so there is never a second stored data.
    ``body()`` gives the execution's ``processing``, ``inputs``, ``output``, ``parameters``;
    ``work_units`` (tiles, features) sizes the job so its end can be predicted."""
    api, journal = ctx.api, ctx.journal
    execution_id = journal.resource_id(execution_kind)
    stored_id = journal.resource_id(stored_data_kind)
    if execution_id and stored_id:
        execution = api.execution(execution_id)
        if execution.status in EXECUTION_FAILED:
            stored = api.stored_data(stored_id)
            if stored.status != "GENERATED":
                ctx.log(f"{what}: the previous attempt ended {execution.status}; retrying")
                api.delete_stored_data(stored_id)
                journal.mark_removed(stored_data_kind, stored_id)
                journal.mark_removed(execution_kind, execution_id)
                execution_id = stored_id = None
    created_now = False
    if not (execution_id and stored_id):
        execution_id, stored_id, created_now = _create_execution(
            ctx, execution_kind, stored_data_kind, output_name, body)
    tags(execution_id, stored_id)
    # Created by this call: CREATED, nothing else can have launched it (no read needed).
    status = "CREATED" if created_now else api.execution(execution_id).status
    launched_here = status == "CREATED"
    if launched_here:
        api.launch_execution(execution_id)
        ctx.checkpoint(f"launched:{execution_kind}")
    if status in EXECUTION_RUNNING:
        # Mid-processing: launched, not finished (a quick platform may be done by the first
        # poll, so the point is reached here too, not only while PROGRESS is seen).
        ctx.checkpoint(f"running:{execution_kind}")

    def done(execution: Execution) -> bool:
        if execution.status in EXECUTION_FAILED:
            logs = api.execution_logs(execution_id)
            raise PublishError(tr("{0} ended: {1}").format(what, status_label(execution.status)),
                               step=ctx.current_step,
                               logs=logs)
        return execution.status == "SUCCESS"

    def report(execution: Execution) -> None:
        if execution.status == "PROGRESS":
            ctx.checkpoint(f"running:{execution_kind}")   # mid-integration, mid-harvest
        fraction = _execution_fraction(execution.raw)
        if fraction is not None:
            ctx.progress(fraction, progress_text(what, execution.raw))

    # A resumed job's start is unknown: its rate would be wrong, so it is not learned.
    ctx.wait(lambda: api.execution(execution_id), done, timeout_s=timeout_s, what=what,
             on_poll=report, fraction=lambda execution: reported_fraction(execution.raw),
             pace=(execution_kind, work_units), learn=launched_here,
             length_of=lambda execution: job_duration_s(execution.raw))

    def generated(stored: StoredData) -> bool:
        if stored.status == "UNSTABLE":
            raise PublishError(tr("{0}: the stored data is unstable").format(what),
                               step=ctx.current_step,
                               logs=api.execution_logs(execution_id))
        return stored.status == "GENERATED"

    return ctx.wait(lambda: api.stored_data(stored_id), generated, timeout_s=timeout_s,
                    what=what)


def _create_execution(ctx: PublishContext, execution_kind: str, stored_data_kind: str,
                      output_name: str, body: Callable[[], Dict[str, Any]]
                      ) -> Tuple[str, str, bool]:
    """The execution and its output stored data, and whether they were created now: adopted
    when an interrupted run created them (intent on disk), else created now; both journaled
    in one write, since the platform creates the output with the execution."""
    from ..adopt import adopt_execution, complete_executions

    api, journal = ctx.api, ctx.journal
    if journal.intent(execution_kind) is not None and not journal.resource_id(execution_kind):
        adopt_execution(ctx, execution_kind, output_name)
    complete_executions(ctx)
    execution_id = journal.resource_id(execution_kind)
    stored_id = journal.resource_id(stored_data_kind)
    if stored_id and not execution_id:
        # An output whose execution is gone from the listings: never launched, and in the way
        # of the new attempt's output name. Replace it.
        api.delete_stored_data(stored_id)
        journal.mark_removed(stored_data_kind, stored_id)
        stored_id = None
    if execution_id and stored_id:
        return execution_id, stored_id, False
    journal.intend(execution_kind, output_name)
    request = dict(body())
    execution = api.create_execution(request.pop("processing"), **request)
    ctx.checkpoint(f"created:{execution_kind}")
    stored_id = execution.output_stored_data_id or api.execution(
        execution.id).output_stored_data_id
    if not stored_id:
        raise PublishError(tr("the platform created an execution without output stored data"),
                           step=ctx.current_step)
    journal.record_together([
        {"kind": execution_kind, "id": execution.id, "name": output_name},
        {"kind": stored_data_kind, "id": stored_id, "name": output_name}],
        step=ctx.current_step)
    return execution.id, stored_id, True


def _execution_fraction(state: Dict[str, Any], now: Optional[datetime] = None) -> Optional[float]:
    """A share of the step from what a real execution reports: its status and dates (the
    platform sends no progress count). While PROGRESS, the share grows with the time since
    ``start`` (half of the remaining way per typical minute), so the bar never stalls."""
    status = state.get("status", "")
    if status == "PROGRESS":
        started = platform_date(state.get("start"))
        elapsed = ((now or datetime.now(timezone.utc)) - started).total_seconds() \
            if started else 0.0
        elapsed = max(elapsed, 0.0)
        return 0.2 + 0.75 * elapsed / (elapsed + TYPICAL_RUN_S)
    return {"CREATED": 0.0, "WAITING": 0.05, "SUCCESS": 1.0}.get(status)


def progress_text(what: str, state: Dict[str, Any]) -> str:
    return f"{what}: {status_label(str(state.get('status') or ''))}"


def abort_running_executions(ctx: PublishContext, journal: Journal) -> List[str]:
    """Abort every journaled execution still running and wait until the platform reports
    it stopped (an abort during PROGRESS takes effect asynchronously); return their ids."""
    aborted = []
    for entry in journal.resources():
        if not entry["kind"].startswith("execution"):
            continue
        try:
            status = ctx.api.execution(entry["id"]).status
        except Exception as error:  # best effort while cancelling: report and go on
            ctx.log(f"cannot read execution {entry['id']}: {error}")
            continue
        if status in EXECUTION_RUNNING:
            try:
                ctx.api.abort_execution(entry["id"])
            except Conflict:   # it finished between the read and the abort: nothing to stop
                continue
            aborted.append(entry["id"])
    for execution_id in aborted:
        ctx.wait(lambda i=execution_id: ctx.api.execution(i),
                 lambda execution: execution.status not in EXECUTION_RUNNING,
                 timeout_s=ctx.timeouts.abort_s, what=tr("the execution's abort"))
    return aborted
