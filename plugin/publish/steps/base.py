"""What the steps share: find-or-create against the journal, endpoints, executions."""

from __future__ import annotations

import time
from datetime import datetime, timezone
from typing import Any, Callable, Dict, Iterable, List, Optional, TypeVar

from ...entrepot.errors import NotFound
from ...entrepot.models import Endpoint, Execution, StoredData
from ..context import PublishContext
from ..errors import PublishError
from ..journal import Journal
from ..pacing import RATES, reported_fraction

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
                    find: Callable[[], Optional[Any]], create: Callable[[], Any],
                    **details: Any) -> str:
    """The id of ``kind``: from the journal, else found by name after an interrupted create,
    else created now and journaled before anything else happens."""
    known = ctx.journal.resource_id(kind)
    if known:
        return known
    if ctx.journal.intent(kind) is not None:
        found = find()
        if found is not None:
            found_id = found.id
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
        raise PublishError(f"endpoint {endpoint.name} lists no {url_type} URL")
    return url


def offering_url(offering, url_type: str) -> str:
    url = offering.url(url_type)
    if not url:
        raise PublishError(f"offering {offering.layer_name} lists no {url_type} URL")
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
            f"the datastore offers no processing named '{processing_name}'") from None
    ctx.journal.put(f"processing:{processing_name}", found)
    return found


def run_execution(ctx: PublishContext, *, execution_kind: str, stored_data_kind: str,
                  output_name: str, body: Callable[[], Dict[str, Any]],
                  tags: Callable[[str, str], None], timeout_s: float, what: str,
                  stored_data_type: str, work_units: Optional[float] = None) -> StoredData:
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
    if not (execution_id and stored_id):
        def find_stored() -> Optional[StoredData]:
            return first_by(api.stored_data_list(), name=output_name, type=stored_data_type)

        def create() -> Execution:
            request = dict(body())
            return api.create_execution(request.pop("processing"), **request)

        if journal.intent(execution_kind) is not None and not journal.resource_id(
                execution_kind):
            stored = find_stored()
            if stored is not None:
                found = _execution_for_output(ctx, stored.id)
                if found is not None:
                    journal.record(execution_kind, found.id, step=ctx.current_step)
                    journal.record(stored_data_kind, stored.id, step=ctx.current_step,
                                   name=output_name)
        execution_id = ensure_resource(ctx, execution_kind, output_name, lambda: None, create)
        stored_id = journal.resource_id(stored_data_kind)
        if not stored_id:
            stored_id = api.execution(execution_id).output_stored_data_id
            journal.record(stored_data_kind, stored_id, step=ctx.current_step, name=output_name)
    tags(execution_id, stored_id)
    launched_here = api.execution(execution_id).status == "CREATED"
    if launched_here:
        api.launch_execution(execution_id)
        ctx.checkpoint(f"launched:{execution_kind}")
    launched_at = time.monotonic()

    def done(execution: Execution) -> bool:
        if execution.status in EXECUTION_FAILED:
            logs = api.execution_logs(execution_id)
            raise PublishError(f"{what} ended {execution.status}", step=ctx.current_step,
                               logs=logs)
        return execution.status == "SUCCESS"

    def report(execution: Execution) -> None:
        fraction = _execution_fraction(execution.raw)
        if fraction is not None:
            ctx.progress(fraction, progress_text(what, execution.raw))

    ctx.wait(lambda: api.execution(execution_id), done, timeout_s=timeout_s, what=what,
             on_poll=report, expected_s=RATES.expected_s(execution_kind, work_units),
             fraction=lambda execution: reported_fraction(execution.raw))
    if launched_here:  # a resumed job's start is unknown: its rate would be wrong
        RATES.learn(execution_kind, work_units, time.monotonic() - launched_at)

    def generated(stored: StoredData) -> bool:
        if stored.status == "UNSTABLE":
            raise PublishError(f"{what}: the stored data is UNSTABLE", step=ctx.current_step,
                               logs=api.execution_logs(execution_id))
        return stored.status == "GENERATED"

    return ctx.wait(lambda: api.stored_data(stored_id), generated, timeout_s=timeout_s,
                    what=what)


def _execution_for_output(ctx: PublishContext, stored_id: str) -> Optional[Execution]:
    for execution in ctx.api.executions(output_stored_data=stored_id):
        if (execution.output_stored_data_id or stored_id) == stored_id:
            return execution
    return None


def _execution_fraction(state: Dict[str, Any], now: Optional[datetime] = None) -> Optional[float]:
    """A share of the step from what a real execution reports: its status and dates (the
    platform sends no progress count). While PROGRESS, the share grows with the time since
    ``start`` (half of the remaining way per typical minute), so the bar never stalls."""
    status = state.get("status", "")
    if status == "PROGRESS":
        started = _parse_date(state.get("start"))
        elapsed = ((now or datetime.now(timezone.utc)) - started).total_seconds() \
            if started else 0.0
        elapsed = max(elapsed, 0.0)
        return 0.2 + 0.75 * elapsed / (elapsed + TYPICAL_RUN_S)
    return {"CREATED": 0.0, "WAITING": 0.05, "SUCCESS": 1.0}.get(status)


def _parse_date(value: Any) -> Optional[datetime]:
    if not isinstance(value, str) or not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)


def progress_text(what: str, state: Dict[str, Any]) -> str:
    return f"{what}: {state.get('status')}"


def abort_running_executions(ctx: PublishContext, journal: Journal) -> List[str]:
    """Abort every journaled execution still running; return their ids."""
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
            ctx.api.abort_execution(entry["id"])
            aborted.append(entry["id"])
    return aborted
