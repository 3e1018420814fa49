"""Data coming in: uploads and their checks, processings, executions, stored data."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Dict, Mapping, Optional, Tuple

from .fields import id_of, raw_field, tags_of


@dataclass(frozen=True)
class Processing:
    id: str
    name: str = ""
    description: str = ""
    input_types: Mapping = field(default_factory=dict, compare=False, hash=False)
    output_type: Mapping = field(default_factory=dict, compare=False, hash=False)
    parameters: Tuple[Mapping, ...] = field(default=(), compare=False, hash=False)
    raw: Mapping = raw_field()

    @classmethod
    def from_dict(cls, data: Mapping) -> Processing:
        return cls(
            id=data.get("_id", ""),
            name=data.get("name", ""),
            description=data.get("description", "") or "",
            input_types=data.get("input_types") or {},
            output_type=data.get("output_type") or {},
            parameters=tuple(data.get("parameters") or ()),
            raw=data,
        )


@dataclass(frozen=True)
class Upload:
    id: str
    name: str = ""
    description: str = ""
    type: str = ""
    srs: str = ""
    status: str = ""
    tags: Mapping = field(default_factory=dict, compare=False, hash=False)
    raw: Mapping = raw_field()

    @classmethod
    def from_dict(cls, data: Mapping) -> Upload:
        return cls(id=data.get("_id", ""), name=data.get("name", ""),
                   description=data.get("description", "") or "", type=data.get("type", ""),
                   srs=data.get("srs", "") or "", status=data.get("status", ""),
                   tags=tags_of(data), raw=data)


@dataclass(frozen=True)
class TreeEntry:
    """One node of ``GET …/uploads/{id}/tree``."""

    name: str
    type: str = "FILE"
    size: Optional[int] = None
    children: Tuple[TreeEntry, ...] = ()

    @classmethod
    def from_dict(cls, data: Mapping) -> TreeEntry:
        return cls(name=data.get("name", ""), type=data.get("type", "FILE"),
                   size=data.get("size"),
                   children=tuple(cls.from_dict(c) for c in data.get("children") or ()))

    def files(self, prefix: str = "") -> Dict[str, Optional[int]]:
        """``{path: size}`` of every file under this node, paths joined with ``/``."""
        path = f"{prefix}/{self.name}" if prefix else self.name
        if self.type.upper() != "DIRECTORY" and not self.children:
            return {path: self.size}
        found: Dict[str, Optional[int]] = {}
        for child in self.children:
            found.update(child.files(path))
        return found


def tree_files(entries) -> Dict[str, Optional[int]]:
    """``{"data/x.gpkg": size}`` for a whole upload tree."""
    found: Dict[str, Optional[int]] = {}
    for entry in entries:
        found.update(entry.files())
    return found


@dataclass(frozen=True)
class CheckExecution:
    id: str
    name: str = ""
    status: str = ""
    raw: Mapping = raw_field()

    @classmethod
    def from_dict(cls, data: Mapping) -> CheckExecution:
        check = data.get("check") or {}
        return cls(id=data.get("_id", ""), name=check.get("name", ""),
                   status=data.get("status", ""), raw=data)


@dataclass(frozen=True)
class Checks:
    asked: Tuple[CheckExecution, ...] = ()
    in_progress: Tuple[CheckExecution, ...] = ()
    passed: Tuple[CheckExecution, ...] = ()
    failed: Tuple[CheckExecution, ...] = ()
    raw: Mapping = raw_field()

    @classmethod
    def from_dict(cls, data: Mapping) -> Checks:
        def group(name):
            return tuple(CheckExecution.from_dict(c) for c in data.get(name) or ())

        return cls(asked=group("asked"), in_progress=group("in_progress"),
                   passed=group("passed"), failed=group("failed"), raw=data)

    @property
    def finished(self) -> bool:
        return not self.asked and not self.in_progress

    @property
    def succeeded(self) -> bool:
        return self.finished and not self.failed


@dataclass(frozen=True)
class Execution:
    id: str
    status: str = ""
    processing_id: str = ""
    processing_name: str = ""
    output_stored_data_id: Optional[str] = None
    parameters: Mapping = field(default_factory=dict, compare=False, hash=False)
    raw: Mapping = raw_field()

    FINAL_STATUSES = ("SUCCESS", "FAILURE", "ABORTED")

    @classmethod
    def from_dict(cls, data: Mapping) -> Execution:
        processing = data.get("processing") or {}
        output = data.get("output") or {}
        return cls(
            id=data.get("_id", ""),
            status=data.get("status", ""),
            processing_id=id_of(processing) or "",
            processing_name=processing.get("name", "") if isinstance(processing, Mapping)
            else "",
            output_stored_data_id=id_of(output.get("stored_data")),
            parameters=data.get("parameters") or {},
            raw=data,
        )

    @property
    def finished(self) -> bool:
        return self.status in self.FINAL_STATUSES


@dataclass(frozen=True)
class StoredData:
    id: str
    name: str = ""
    type: str = ""
    status: str = ""
    srs: str = ""
    tags: Mapping = field(default_factory=dict, compare=False, hash=False)
    type_infos: Mapping = field(default_factory=dict, compare=False, hash=False)
    raw: Mapping = raw_field()

    @classmethod
    def from_dict(cls, data: Mapping) -> StoredData:
        return cls(id=data.get("_id", ""), name=data.get("name", ""), type=data.get("type", ""),
                   status=data.get("status", ""), srs=data.get("srs", "") or "",
                   tags=tags_of(data), type_infos=data.get("type_infos") or {}, raw=data)

    @property
    def relations(self) -> Tuple[Mapping, ...]:
        """VECTOR-DB tables ``{name, type, attributes, primary_key}``."""
        return tuple(self.type_infos.get("relations") or ())

    @property
    def levels(self) -> Tuple[str, ...]:
        """Pyramid level ids, sorted by zoom."""
        levels = [str(level) for level in self.type_infos.get("levels") or ()]
        return tuple(sorted(levels, key=lambda v: (not v.isdigit(), int(v) if v.isdigit()
                                                   else 0, v)))
