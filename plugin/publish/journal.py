"""The publication journal: one JSON file per publication, written atomically.

Every id the platform hands out is recorded as soon as it exists, with the step that created
it, so that a second run continues where the first stopped and ``undo`` knows what to remove
(in reverse order). Before each create call the step writes an *intent* (kind + name): a
resource created but not journaled (crash between the POST and the write) is then looked up
on the platform by that name and adopted (plugin/publish/adopt.py) instead of being created
again, refused as a taken name, or left behind by undo. No secret is ever written here.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
import threading
from datetime import datetime, timezone
from typing import Any, Dict, List, Optional

JOURNAL_DIR_ENV = "GPF_JOURNAL_DIR"
FORMAT_VERSION = 1


def default_journal_dir() -> str:
    """``<QGIS profile>/gpf_wmts_publisher/journals`` unless ``GPF_JOURNAL_DIR`` is set."""
    override = os.environ.get(JOURNAL_DIR_ENV)
    if override:
        return override
    from qgis.core import QgsApplication

    return os.path.join(QgsApplication.qgisSettingsDirPath(), "gpf_wmts_publisher", "journals")


# Windows refuses paths over 260 characters (MAX_PATH) unless long paths are switched on,
# and this file sits deep in the QGIS profile with the publication's work folder (named after
# it) and its GeoPackage below: a datastore id and two 100-character technical names would
# pass that limit. Longer names keep a readable start and a digest that tells them apart.
MAX_FILE_STEM = 80


def _unbounded_file_name(datastore_id: str, key: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", f"{datastore_id}__{key}") + ".json"


def journal_file_name(datastore_id: str, key: str) -> str:
    name = _unbounded_file_name(datastore_id, key)
    stem = name[:-len(".json")]
    if len(stem) > MAX_FILE_STEM:
        digest = hashlib.sha256(stem.encode("utf-8")).hexdigest()[:16]
        stem = f"{stem[:MAX_FILE_STEM - len(digest) - 1]}-{digest}"
    return f"{stem}.json"


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class Journal:
    """What one publication created, step by step. Thread safe; every change hits the disk."""

    def __init__(self, path: str, data: Optional[Dict[str, Any]] = None):
        self.path = path
        self._lock = threading.RLock()
        self._data: Dict[str, Any] = data or {
            "version": FORMAT_VERSION, "created_at": _now(), "spec": {},
            "steps": {}, "resources": [], "intents": {}, "values": {},
        }

    # -- opening -----------------------------------------------------------------------
    @classmethod
    def open(cls, datastore_id: str, key: str, directory: Optional[str] = None) -> Journal:
        """The journal of this publication: read back when it exists, new otherwise."""
        directory = directory or default_journal_dir()
        path = os.path.join(directory, journal_file_name(datastore_id, key))
        earlier = os.path.join(directory, _unbounded_file_name(datastore_id, key))
        if not os.path.exists(path) and os.path.exists(earlier):
            path = earlier  # written before names were bounded: resume it where it is
        if os.path.exists(path):
            with open(path, encoding="utf-8") as handle:
                return cls(path, json.load(handle))
        return cls(path)

    def exists_on_disk(self) -> bool:
        return os.path.exists(self.path)

    # -- writing -----------------------------------------------------------------------
    def save(self) -> None:
        """Write to a temporary file in the same directory, then rename over the journal."""
        with self._lock:
            directory = os.path.dirname(self.path) or "."
            os.makedirs(directory, exist_ok=True)
            self._data["updated_at"] = _now()
            fd, tmp = tempfile.mkstemp(prefix=".journal-", suffix=".tmp", dir=directory)
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as handle:
                    json.dump(self._data, handle, indent=2, ensure_ascii=False, sort_keys=True)
                    handle.flush()
                    os.fsync(handle.fileno())
                os.replace(tmp, self.path)
            except BaseException:
                if os.path.exists(tmp):
                    os.unlink(tmp)
                raise

    def delete_file(self) -> None:
        with self._lock:
            if os.path.exists(self.path):
                os.unlink(self.path)

    def set_spec(self, summary: Dict[str, Any]) -> None:
        with self._lock:
            self._data["spec"] = summary
            self.save()

    # -- steps -------------------------------------------------------------------------
    def step_status(self, step: str) -> str:
        return self._data["steps"].get(step, {}).get("status", "pending")

    def is_done(self, step: str) -> bool:
        return self.step_status(step) == "done"

    def mark_step(self, step: str, status: str, **extra: Any) -> None:
        with self._lock:
            entry = self._data["steps"].setdefault(step, {})
            entry.update(status=status, at=_now(), **extra)
            self.save()

    def step_entries(self) -> Dict[str, Dict[str, Any]]:
        return {k: dict(v) for k, v in self._data["steps"].items()}

    # -- created resources -------------------------------------------------------------
    def intend(self, kind: str, name: str) -> None:
        """About to create ``kind`` named ``name``: if the run dies now, look it up by name."""
        with self._lock:
            self._data["intents"][kind] = name
            self.save()

    def intents(self) -> Dict[str, str]:
        return dict(self._data["intents"])

    def intent(self, kind: str) -> Optional[str]:
        return self._data["intents"].get(kind)

    def record(self, kind: str, resource_id: str, *, step: str, **details: Any) -> None:
        """Remember a created resource (idempotent for the same kind and id)."""
        with self._lock:
            for entry in self._data["resources"]:
                if entry["kind"] == kind and entry["id"] == resource_id:
                    return
            self._data["resources"].append(
                {"kind": kind, "id": resource_id, "step": step, "at": _now(), **details})
            self._data["intents"].pop(kind, None)
            self.save()

    def record_together(self, entries: List[Dict[str, Any]], *, step: str) -> None:
        """Record several resources in one write (``kind``, ``id`` and details each): an
        execution and the output stored data it created exist together, so a crash must
        never leave one journaled without the other."""
        with self._lock:
            known = {(e["kind"], e["id"]) for e in self._data["resources"]}
            for entry in entries:
                if (entry["kind"], entry["id"]) in known:
                    continue
                self._data["resources"].append({**entry, "step": step, "at": _now()})
                self._data["intents"].pop(entry["kind"], None)
            self.save()

    def forget_intent(self, kind: str) -> None:
        """The interrupted create never reached the platform: nothing to adopt."""
        with self._lock:
            if self._data["intents"].pop(kind, None) is not None:
                self.save()

    def resource_id(self, kind: str) -> Optional[str]:
        for entry in reversed(self._data["resources"]):
            if entry["kind"] == kind and not entry.get("removed"):
                return entry["id"]
        return None

    def resources(self, include_removed: bool = False) -> List[Dict[str, Any]]:
        return [dict(e) for e in self._data["resources"] if include_removed or not e.get("removed")]

    def replace_resource(self, kind: str, old_id: str, new_id: str) -> None:
        """``old_id`` was replaced by ``new_id`` (an update in place): the entry keeps its
        place, so undo still removes it in the order of creation (before what uses it)."""
        with self._lock:
            for entry in self._data["resources"]:
                if entry["kind"] == kind and entry["id"] == old_id:
                    entry.update(id=new_id, replaces=old_id)
            self.save()

    def record_first(self, entries: List[Dict[str, Any]]) -> None:
        """Record resources (``kind``, ``id``, ``step`` and details each) ahead of all the
        others, in this order: undo, newest first, removes them last. For what an update
        made in place of something this publication reused, which its services now use."""
        with self._lock:
            known = {(e["kind"], e["id"]) for e in self._data["resources"]}
            new = [{"at": _now(), **entry} for entry in entries
                   if (entry["kind"], entry["id"]) not in known]
            self._data["resources"][:0] = new
            self.save()

    def mark_removed(self, kind: str, resource_id: str) -> None:
        with self._lock:
            for entry in self._data["resources"]:
                if entry["kind"] == kind and entry["id"] == resource_id:
                    entry["removed"] = True
            self.save()

    # -- values computed along the way (urls, layer names, relations...) --------------------
    def put(self, key: str, value: Any) -> None:
        with self._lock:
            self._data["values"][key] = value
            self.save()

    def get(self, key: str, default: Any = None) -> Any:
        return self._data["values"].get(key, default)

    def snapshot(self) -> Dict[str, Any]:
        with self._lock:
            return json.loads(json.dumps(self._data))


def datasheet_resource_ids(datastore_id: str, datasheet_name: str,
                           directory: Optional[str] = None) -> List[str]:
    """The ids every journal of this datastore and datasheet holds: names they use are the
    user's own publications (reopened, resumed), not names taken by someone else."""
    directory = directory or default_journal_dir()
    ids: List[str] = []
    if not os.path.isdir(directory):
        return ids
    for entry in os.listdir(directory):
        if not entry.endswith(".json"):
            continue
        try:
            with open(os.path.join(directory, entry), encoding="utf-8") as handle:
                data = json.load(handle)
        except (OSError, ValueError):
            continue   # a journal being written, or not one
        spec = data.get("spec") or {}
        if spec.get("datastore_id") == datastore_id and \
                spec.get("datasheet_name") == datasheet_name:
            ids += [r["id"] for r in data.get("resources", []) if not r.get("removed")]
    return ids
