"""State on disk: one JSON document per entity, written atomically, guarded by one lock.

Every collection lives in memory and under ``<data_dir>/state/<collection>/<id>.json``; a
restart reloads them, so the sandbox keeps uploads, stored data and services across runs.
Files (uploaded data, databases, pyramids, statics) live under ``<data_dir>/files``.
"""

from __future__ import annotations

import copy
import json
import os
import shutil
import tempfile
import threading
import uuid
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Dict, Iterator, List, Optional


def now_iso() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")


def new_id() -> str:
    return str(uuid.uuid4())


def write_atomically(path: Path, data: bytes) -> None:
    """Write to a temporary file then rename: a crash never leaves half a document."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


class Store:
    """Collections of JSON documents keyed by ``_id``. Callers get copies, never live dicts."""

    def __init__(self, data_dir: Path):
        self.data_dir = Path(data_dir)
        self.state_dir = self.data_dir / "state"
        self.files_dir = self.data_dir / "files"
        self.lock = threading.RLock()
        self._collections: Dict[str, Dict[str, dict]] = {}
        self._load()

    def _load(self) -> None:
        self.state_dir.mkdir(parents=True, exist_ok=True)
        self.files_dir.mkdir(parents=True, exist_ok=True)
        for folder in sorted(p for p in self.state_dir.iterdir() if p.is_dir()):
            docs = {}
            for doc_path in folder.glob("*.json"):
                doc = json.loads(doc_path.read_text(encoding="utf-8"))
                docs[doc["_id"]] = doc
            self._collections[folder.name] = docs

    def _doc_path(self, collection: str, doc_id: str) -> Path:
        return self.state_dir / collection / f"{doc_id}.json"

    def _persist(self, collection: str, doc: dict) -> None:
        data = json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8")
        write_atomically(self._doc_path(collection, doc["_id"]), data)

    def is_empty(self) -> bool:
        with self.lock:
            return not any(self._collections.values())

    def put(self, collection: str, doc: dict) -> dict:
        with self.lock:
            doc = copy.deepcopy(doc)
            doc.setdefault("_id", new_id())
            # Every platform object carries its creation and last update dates.
            doc.setdefault("creation", now_iso())
            doc["update"] = now_iso()
            self._collections.setdefault(collection, {})[doc["_id"]] = doc
            self._persist(collection, doc)
            return copy.deepcopy(doc)

    def get(self, collection: str, doc_id: str) -> Optional[dict]:
        with self.lock:
            doc = self._collections.get(collection, {}).get(doc_id)
            return copy.deepcopy(doc) if doc is not None else None

    def update(self, collection: str, doc_id: str,
               change: Callable[[dict], None]) -> Optional[dict]:
        """Apply ``change`` to the stored document under the lock; None if it is gone."""
        with self.lock:
            doc = self._collections.get(collection, {}).get(doc_id)
            if doc is None:
                return None
            change(doc)
            doc["update"] = now_iso()
            self._persist(collection, doc)
            return copy.deepcopy(doc)

    def delete(self, collection: str, doc_id: str) -> Optional[dict]:
        with self.lock:
            doc = self._collections.get(collection, {}).pop(doc_id, None)
            if doc is not None:
                path = self._doc_path(collection, doc_id)
                if path.exists():
                    path.unlink()
            return doc

    def all(self, collection: str) -> List[dict]:
        with self.lock:
            return [copy.deepcopy(d) for d in self._collections.get(collection, {}).values()]

    def find(self, collection: str, **equal) -> Iterator[dict]:
        """Documents whose top-level fields equal the given values."""
        for doc in self.all(collection):
            if all(doc.get(k) == v for k, v in equal.items()):
                yield doc

    def snapshot(self) -> Dict[str, Dict[str, dict]]:
        """Every document of every collection (a deep copy), to restore later."""
        with self.lock:
            return copy.deepcopy(self._collections)

    def restore(self, collections: Dict[str, Dict[str, dict]]) -> None:
        """Make the state exactly ``collections`` (as ``snapshot`` gave) and drop every file:
        what is not in the snapshot goes, documents come back as they were, dates included."""
        with self.lock:
            shutil.rmtree(self.state_dir, ignore_errors=True)
            shutil.rmtree(self.files_dir, ignore_errors=True)
            self.state_dir.mkdir(parents=True, exist_ok=True)
            self.files_dir.mkdir(parents=True, exist_ok=True)
            self._collections = copy.deepcopy(collections)
            for name, docs in self._collections.items():
                (self.state_dir / name).mkdir(parents=True, exist_ok=True)
                for doc in docs.values():
                    self._persist(name, doc)

    def files(self, *parts: str) -> Path:
        path = self.files_dir.joinpath(*parts)
        path.parent.mkdir(parents=True, exist_ok=True)
        return path
