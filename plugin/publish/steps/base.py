"""What the steps share: find-or-create against the journal, endpoints, executions."""

from __future__ import annotations

from typing import Any, Callable, Dict, List, Optional

from ..context import PublishContext
from ..errors import PublishError
from ..journal import Journal

EXECUTION_RUNNING = ("CREATED", "WAITING", "PROGRESS")
EXECUTION_FAILED = ("FAILURE", "ABORTED")


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
                    find: Callable[[], Optional[Dict[str, Any]]],
                    create: Callable[[], Dict[str, Any]],
                    id_of: Callable[[Dict[str, Any]], str] = lambda r: r["_id"],
                    **details: Any) -> str:
    """The id of ``kind``: from the journal, else found by name after an interrupted create,
    else created now and journaled before anything else happens."""
    known = ctx.journal.resource_id(kind)
    if known:
        return known
    if ctx.journal.intent(kind) is not None:
        found = find()
        if found is not None:
            found_id = id_of(found)
            ctx.journal.record(kind, found_id, step=ctx.current_step, name=name, **details)
            ctx.log(f"found {kind} {found_id} created by an interrupted run")
            return found_id
    ctx.journal.intend(kind, name)
    resource = create()
    resource_id = id_of(resource)
    ctx.checkpoint(f"created:{kind}")
    ctx.journal.record(kind, resource_id, step=ctx.current_step, name=name, **details)
    return resource_id


def first_by(items: List[Dict[str, Any]], **wanted: Any) -> Optional[Dict[str, Any]]:
    """The first item whose fields equal ``wanted`` (ignoring DELETED ones)."""
    for item in items:
        if item.get("status") == "DELETED":
            continue
        if all(item.get(key) == value for key, value in wanted.items()):
            return item
    return None


def endpoints_of(datastore: Dict[str, Any], endpoint_type: str) -> List[Dict[str, Any]]:
    """The datastore's endpoints of a type, each flattened with its quota and use."""
    found = []
    for entry in datastore.get("endpoints", []):
        endpoint = dict(entry.get("endpoint", entry))
        if endpoint.get("type") == endpoint_type:
            endpoint["quota"], endpoint["use"] = entry.get("quota"), entry.get("use")
            found.append(endpoint)
    return found


def pick_endpoint(datastore: Dict[str, Any], endpoint_type: str, open_: bool
                  ) -> Optional[Dict[str, Any]]:
    """First endpoint of the type and openness with room left (the contract's rule)."""
    for endpoint in endpoints_of(datastore, endpoint_type):
        if bool(endpoint.get("open")) != open_:
            continue
        quota, use = endpoint.get("quota"), endpoint.get("use")
        if quota is None or use is None or use < quota:
            return endpoint
    return None


def endpoint_url(endpoint: Dict[str, Any], url_type: str) -> str:
    for url in endpoint.get("urls", []):
        if isinstance(url, dict) and url.get("type") == url_type:
            return url["url"]
    urls = endpoint.get("urls") or []
    if urls and isinstance(urls[0], str):
        return urls[0]
    if urls:
        return urls[0]["url"]
    raise PublishError(f"endpoint {endpoint.get('name')} lists no {url_type} URL")


def offering_url(offering: Dict[str, Any], url_type: str) -> str:
    for url in offering.get("urls", []):
        if url.get("type") == url_type:
            return url["url"]
    raise PublishError(f"offering {offering.get('layer_name')} lists no {url_type} URL")


def processing_id(ctx: PublishContext, processing_name: str) -> str:
    """Processings are found by name, never by a hard-coded id."""
    cached = ctx.journal.get(f"processing:{processing_name}")
    if cached:
        return cached
    for processing in ctx.gateway.processings(ctx.ds):
        if processing.get("name") == processing_name:
            ctx.journal.put(f"processing:{processing_name}", processing["_id"])
            return processing["_id"]
    raise PublishError(f"the datastore offers no processing named '{processing_name}'")


def run_execution(ctx: PublishContext, *, execution_kind: str, stored_data_kind: str,
                  output_name: str, body: Callable[[], Dict[str, Any]],
                  tags: Callable[[str, str], None], timeout_s: float, what: str,
                  stored_data_type: str) -> Dict[str, Any]:
    """Create (once), tag, launch (once) and follow an execution whose output is a new stored
    data; return that stored data once GENERATED. A failed or aborted earlier attempt is
    replaced: its unstable output is deleted first so there is never a second stored data."""
    gateway, ds, journal = ctx.gateway, ctx.ds, ctx.journal
    execution_id = journal.resource_id(execution_kind)
    stored_id = journal.resource_id(stored_data_kind)
    if execution_id and stored_id:
        execution = gateway.get_execution(ds, execution_id)
        if execution.get("status") in EXECUTION_FAILED:
            stored = gateway.get_stored_data(ds, stored_id)
            if stored.get("status") != "GENERATED":
                ctx.log(f"{what}: the previous attempt ended {execution['status']}; retrying")
                gateway.delete_stored_data(ds, stored_id)
                journal.mark_removed(stored_data_kind, stored_id)
                journal.mark_removed(execution_kind, execution_id)
                execution_id = stored_id = None
    if not (execution_id and stored_id):
        def find_stored() -> Optional[Dict[str, Any]]:
            return first_by(gateway.list_stored_data(ds), name=output_name,
                            type=stored_data_type)

        def create() -> Dict[str, Any]:
            return gateway.create_execution(ds, body())

        if journal.intent(execution_kind) is not None and not journal.resource_id(
                execution_kind):
            stored = find_stored()
            if stored is not None:
                found = _execution_for_output(ctx, stored["_id"])
                if found is not None:
                    journal.record(execution_kind, found["_id"], step=ctx.current_step)
                    journal.record(stored_data_kind, stored["_id"], step=ctx.current_step,
                                   name=output_name)
        execution_id = ensure_resource(ctx, execution_kind, output_name, lambda: None, create)
        stored_id = journal.resource_id(stored_data_kind)
        if not stored_id:
            execution = gateway.get_execution(ds, execution_id)
            stored_id = execution["output"]["stored_data"]["_id"]
            journal.record(stored_data_kind, stored_id, step=ctx.current_step, name=output_name)
    tags(execution_id, stored_id)
    execution = gateway.get_execution(ds, execution_id)
    if execution.get("status") == "CREATED":
        gateway.launch_execution(ds, execution_id)
        ctx.checkpoint(f"launched:{execution_kind}")

    def done(state: Dict[str, Any]) -> bool:
        status = state.get("status")
        if status in EXECUTION_FAILED:
            logs = gateway.execution_logs(ds, execution_id)
            raise PublishError(f"{what} ended {status}", step=ctx.current_step, logs=logs)
        return status == "SUCCESS"

    def report(state: Dict[str, Any]) -> None:
        fraction = _execution_fraction(state)
        if fraction is not None:
            ctx.progress(fraction, progress_text(what, state))

    ctx.wait(lambda: gateway.get_execution(ds, execution_id), done, timeout_s=timeout_s,
             what=what, on_poll=report)

    def generated(stored: Dict[str, Any]) -> bool:
        if stored.get("status") == "UNSTABLE":
            raise PublishError(f"{what}: the stored data is UNSTABLE", step=ctx.current_step,
                               logs=gateway.execution_logs(ds, execution_id))
        return stored.get("status") == "GENERATED"

    return ctx.wait(lambda: gateway.get_stored_data(ds, stored_id), generated,
                    timeout_s=timeout_s, what=what)


def _execution_for_output(ctx: PublishContext, stored_id: str) -> Optional[Dict[str, Any]]:
    for execution in ctx.gateway.list_executions(ctx.ds, {"output_stored_data": stored_id}):
        output = (execution.get("output") or {}).get("stored_data") or {}
        if output.get("_id", stored_id) == stored_id:
            return execution
    return None


def _execution_fraction(state: Dict[str, Any]) -> Optional[float]:
    """The platform's progress when it tells (``{done, total}`` units such as tiles, or a
    number 0..1 / 0..100); otherwise a rough share by status."""
    progress = state.get("progress")
    if isinstance(progress, dict) and progress.get("total"):
        return float(progress.get("done", 0)) / float(progress["total"])
    if isinstance(progress, (int, float)) and not isinstance(progress, bool):
        return progress / 100.0 if progress > 1 else float(progress)
    return {"CREATED": 0.0, "WAITING": 0.05, "PROGRESS": 0.2, "SUCCESS": 1.0}.get(
        state.get("status", ""))


def progress_text(what: str, state: Dict[str, Any]) -> str:
    progress = state.get("progress")
    if isinstance(progress, dict) and progress.get("total"):
        return f"{what}: {progress.get('done', 0)}/{progress['total']}"
    return f"{what}: {state.get('status')}"


def abort_running_executions(ctx: PublishContext, journal: Journal) -> List[str]:
    """Abort every journaled execution still running; return their ids."""
    aborted = []
    for entry in journal.resources():
        if not entry["kind"].startswith("execution"):
            continue
        try:
            status = ctx.gateway.get_execution(ctx.ds, entry["id"]).get("status")
        except Exception as error:  # best effort while cancelling: report and go on
            ctx.log(f"cannot read execution {entry['id']}: {error}")
            continue
        if status in EXECUTION_RUNNING:
            ctx.gateway.abort_execution(ctx.ds, entry["id"])
            aborted.append(entry["id"])
    return aborted
