"""The class's first state, and the trainer's reset back to it.

The first state is what the seed wrote plus the trainee accounts (``sandbox.trainees``): it
is kept in ``DIR/initial-state.json`` and rewritten whenever accounts are added, so a reset
between two classes gives the same ids, the same accounts (same password hashes) and no
upload, stored data, configuration, offering, metadata, key or file.
"""

from __future__ import annotations

import json
from pathlib import Path

from .store import Store, write_atomically

INITIAL_STATE_FILE = "initial-state.json"
# Collections the seed writes: a data dir made before the first state was kept gets these
# (as they are now) as its first state.
SEED_COLLECTIONS = ("endpoints", "processings", "communities", "datastores", "users")
# Statuses of work still running in a worker thread: a reset waits until none is left.
RUNNING = {"uploads": ("CHECKING",), "executions": ("WAITING", "PROGRESS"),
           "offerings": ("PUBLISHING", "UNPUBLISHING", "MODIFYING", "SYNCHRONIZING")}


class JobsRunningError(Exception):
    """A reset now would race a worker that is still writing; try again in a moment."""


def _path(store: Store) -> Path:
    return store.data_dir / INITIAL_STATE_FILE


def save_initial_state(store: Store) -> None:
    """Record the store as it is now as the class's first state."""
    data = json.dumps(store.snapshot(), ensure_ascii=False).encode("utf-8")
    write_atomically(_path(store), data)


def ensure_initial_state(store: Store) -> None:
    """A data dir from before this file existed: its seed collections are its first state."""
    if _path(store).exists():
        return
    current = store.snapshot()
    kept = {name: docs for name, docs in current.items() if name in SEED_COLLECTIONS}
    write_atomically(_path(store), json.dumps(kept, ensure_ascii=False).encode("utf-8"))


def add_to_initial_state(store: Store, collection: str, docs) -> None:
    """Accounts made after the first start belong to the class's first state too."""
    state = json.loads(_path(store).read_text(encoding="utf-8"))
    for doc in docs:
        state.setdefault(collection, {})[doc["_id"]] = doc
    write_atomically(_path(store), json.dumps(state, ensure_ascii=False).encode("utf-8"))


def running_jobs(store: Store) -> int:
    return sum(1 for collection, statuses in RUNNING.items()
               for doc in store.all(collection) if doc.get("status") in statuses)


def reset_to_initial_state(store: Store) -> dict:
    """Put the store back in its first state; counts of what was removed, per collection."""
    with store.lock:
        if running_jobs(store):
            raise JobsRunningError()
        state = json.loads(_path(store).read_text(encoding="utf-8"))
        current = store.snapshot()
        removed = {name: len(set(docs) - set(state.get(name, {})))
                   for name, docs in current.items()}
        store.restore(state)
    return {name: count for name, count in removed.items() if count}
