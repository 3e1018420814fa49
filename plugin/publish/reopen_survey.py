"""What the platform still holds of a journal (GET requests only), and carrying out the
offer chosen on reopening (plugin/publish/reopen.py holds the decision table).

Only the resources a service is made of are looked at: stored data, statics, configurations,
offerings, metadata. A permission or a key access has no route of its own to read: it lives
and dies with its offering. Uploads, executions and keys are history, not services.
"""

from __future__ import annotations

import os
from typing import Any, Callable, Dict, List, Mapping, Optional

from ..entrepot.errors import NotFound
from .journal import Journal
from .live import is_alive, is_serving
from .reopen import Decision, Survey


def _readers(api) -> Dict[str, Callable[[str], Any]]:
    return {"stored_data": api.stored_data, "static": api.static,
            "configuration": api.configuration, "offering": api.offering,
            "metadata": api.metadata}


def _family(kind: str) -> str:
    return next((f for f in ("stored_data", "static", "configuration", "offering", "metadata",
                             "permission", "key_access") if kind.startswith(f)), "")


def _exists(reader: Callable[[str], Any], family: str, resource_id: str) -> bool:
    try:
        found = reader(resource_id)
    except NotFound:
        return False
    return is_serving(found) if family == "offering" else is_alive(found)


def survey(api, snapshot: Mapping[str, Any]) -> Survey:
    """Which of the journal's service resources are gone. ``api`` is an EntrepotApi on the
    publication's datastore; any error (network, rights) comes back in ``Survey.error``."""
    from ..error_messages import user_error_text

    readers = _readers(api)
    resources = [r for r in snapshot.get("resources") or [] if not r.get("removed")]
    looked, gone = 0, []
    try:
        for entry in resources:
            family = _family(entry["kind"])
            if family in readers:
                looked += 1
                if not _exists(readers[family], family, entry["id"]):
                    gone.append((entry["kind"], entry["id"]))
        gone_offerings = {i for k, i in gone if k.startswith("offering")}
        for entry in resources:
            family = _family(entry["kind"])
            if family not in ("permission", "key_access"):
                continue
            looked += 1
            offering = _offering_of(entry)
            if offering and offering in gone_offerings:
                gone.append((entry["kind"], entry["id"]))
    except Exception as error:  # the platform's words go to the user
        return Survey(looked=looked, gone=tuple(gone), error=user_error_text(error))
    return Survey(looked=looked, gone=tuple(gone))


def _offering_of(entry: Mapping[str, Any]) -> Optional[str]:
    """A permission is journaled under its offering's id; a key access under
    ``key|permission|offering`` (plugin/publish/adopt.py)."""
    name = entry.get("name") or ""
    return name.split("|")[-1] if name else None


def prepare_resume(journal: Journal, decision: Decision) -> List[str]:
    """Before a resume: forget what is no longer on the platform (so the steps make it
    again) and set the steps to rerun back to pending. Returns those steps."""
    for kind, resource_id in decision.gone:
        journal.mark_removed(kind, resource_id)
    for step in decision.redo_steps:
        journal.mark_step(step, "pending", redo="gone from the platform")
    return list(decision.redo_steps)


def start_over(workflow) -> List[str]:
    """Start again: remove what the publication left (plugin/publish/undo.py, newest first;
    reused stored data are never removed), then forget its journal so the run starts anew
    with the new settings. Returns the kinds removed."""
    removed = workflow.undo()
    workflow.journal.delete_file()
    workflow.journal = Journal(workflow.journal.path)
    workflow.ctx.journal = workflow.journal
    return removed


def carry_journal(datastore_id: str, old_key: str, new_key: str,
                  directory: Optional[str] = None) -> bool:
    """Move a journal (and its work folder) to a new key: the publication was refused a
    name that is part of the key and goes on under the new one, keeping what it created.
    Nothing moves when the new key already has a journal of its own."""
    old = Journal.open(datastore_id, old_key, directory)
    new = Journal.open(datastore_id, new_key, directory)
    if not old.exists_on_disk() or new.exists_on_disk():
        return False
    os.replace(old.path, new.path)
    old_work, new_work = old.path[:-len(".json")] + ".work", new.path[:-len(".json")] + ".work"
    if os.path.isdir(old_work) and not os.path.exists(new_work):
        os.replace(old_work, new_work)
    return True


def reconcile(workflow):
    """For callers without a window (Processing): compare the journal with the platform
    and the settings before a run, as the wizard does, and carry out the only offer that
    needs no choice — Resume (or a new journal when nothing of the old one is left). When
    only Update or Start again would tell the truth, refuse with the reason. Returns
    ``workflow``."""
    from ..i18n import tr
    from .adopt import step_of
    from .errors import PublishError
    from .reopen import PUBLISH, RESUME, decide, journal_state

    names = workflow.step_names()
    snapshot = workflow.journal.snapshot()
    if not workflow.journal.exists_on_disk() or journal_state(snapshot, names) == "none":
        return workflow
    decision = decide(snapshot, survey(workflow.api, snapshot), workflow.spec.summary(),
                      names, step_of)
    if decision.row == 7:
        return workflow   # online with these settings: the run only reports it
    if RESUME in decision.offers:
        prepare_resume(workflow.journal, decision)
    elif PUBLISH in decision.offers:
        start_over(workflow)
    else:
        raise PublishError(decision.reason + " " + tr(
            "Use “Undo a publication” (or the wizard's Start again), then run again."),
            step="preflight")
    return workflow


def after_update(datastore_id: str, journal_key: str, spec_summary: Mapping[str, Any],
                 directory: Optional[str] = None) -> Journal:
    """The publication's journal once the wizard's update in place is done: its settings
    are exactly the wizard's. The update itself already told it the resources it replaced,
    the levels served and the settings it changed (``record_in_publication``, for the dock
    too); the wizard knows the fields an update does not touch as well."""
    journal = Journal.open(datastore_id, journal_key, directory)   # as the update left it
    journal.set_spec(dict(spec_summary))
    return journal
