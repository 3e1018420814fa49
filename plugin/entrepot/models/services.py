"""What is published: statics, configurations, offerings, metadata, permissions, keys, annexes."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Dict, Mapping, Optional, Tuple

from .fields import id_of, raw_field, tags_of


@dataclass(frozen=True)
class Static:
    id: str
    name: str = ""
    type: str = ""
    description: str = ""
    type_infos: Mapping = field(default_factory=dict, compare=False, hash=False)
    raw: Mapping = raw_field()

    @classmethod
    def from_dict(cls, data: Mapping) -> Static:
        return cls(id=data.get("_id", ""), name=data.get("name", ""), type=data.get("type", ""),
                   description=data.get("description", "") or "",
                   type_infos=data.get("type_infos") or {}, raw=data)


@dataclass(frozen=True)
class LayerRelation:
    """One table a WMS-V draws, with the SLD static that styles it."""

    name: str
    style_id: str = ""

    @classmethod
    def from_dict(cls, data: Mapping) -> LayerRelation:
        return cls(name=data.get("name", ""), style_id=id_of(data.get("style")) or "")

    def to_dict(self) -> Dict[str, Any]:
        return {"name": self.name, "style": self.style_id}


@dataclass(frozen=True)
class UsedData:
    """One stored data a configuration draws (``type_infos.used_data`` is a list): for a
    WMS-V its tables, a list too; for a WMTS the pyramid's published levels. Lists
    everywhere, so that several layers in one map need no new model."""

    stored_data_id: str
    relations: Tuple[LayerRelation, ...] = ()
    top_level: Optional[str] = None
    bottom_level: Optional[str] = None

    @classmethod
    def from_dict(cls, data: Mapping) -> UsedData:
        top, bottom = data.get("top_level"), data.get("bottom_level")
        return cls(stored_data_id=id_of(data.get("stored_data")) or "",
                   relations=tuple(LayerRelation.from_dict(r)
                                   for r in data.get("relations") or ()),
                   top_level=None if top is None else str(top),
                   bottom_level=None if bottom is None else str(bottom))

    def to_dict(self) -> Dict[str, Any]:
        body: Dict[str, Any] = {"stored_data": self.stored_data_id}
        if self.relations:
            body["relations"] = [r.to_dict() for r in self.relations]
        if self.top_level is not None:
            body["top_level"] = self.top_level
        if self.bottom_level is not None:
            body["bottom_level"] = self.bottom_level
        return body


@dataclass(frozen=True)
class Configuration:
    id: str
    name: str = ""
    layer_name: str = ""
    type: str = ""
    status: str = ""
    tags: Mapping = field(default_factory=dict, compare=False, hash=False)
    type_infos: Mapping = field(default_factory=dict, compare=False, hash=False)
    raw: Mapping = raw_field()

    @classmethod
    def from_dict(cls, data: Mapping) -> Configuration:
        return cls(id=data.get("_id", ""), name=data.get("name", ""),
                   layer_name=data.get("layer_name", ""), type=data.get("type", ""),
                   status=data.get("status", ""), tags=tags_of(data),
                   type_infos=data.get("type_infos") or {}, raw=data)

    @property
    def used_data(self) -> Tuple[UsedData, ...]:
        return tuple(UsedData.from_dict(u) for u in self.type_infos.get("used_data") or ())


@dataclass(frozen=True)
class Offering:
    id: str
    status: str = ""
    layer_name: str = ""
    type: str = ""
    open: bool = True
    available: Optional[bool] = None
    endpoint_id: Optional[str] = None
    configuration_id: Optional[str] = None
    urls: Tuple[Tuple[str, str], ...] = ()
    raw: Mapping = raw_field()

    @classmethod
    def from_dict(cls, data: Mapping) -> Offering:
        urls = tuple((str(u.get("type", "")), str(u.get("url", "")))
                     for u in data.get("urls") or () if isinstance(u, Mapping))
        return cls(id=data.get("_id", ""), status=data.get("status", ""),
                   layer_name=data.get("layer_name", ""), type=data.get("type", ""),
                   open=bool(data.get("open", True)), available=data.get("available"),
                   endpoint_id=id_of(data.get("endpoint")),
                   configuration_id=id_of(data.get("configuration")), urls=urls, raw=data)

    def url(self, url_type: str) -> Optional[str]:
        for kind, url in self.urls:
            if kind.upper() == url_type.upper():
                return url
        return None


@dataclass(frozen=True)
class Metadata:
    id: str
    file_identifier: str = ""
    type: str = ""
    open_data: bool = False
    level: str = ""
    tags: Mapping = field(default_factory=dict, compare=False, hash=False)
    endpoints: Tuple[Any, ...] = field(default=(), compare=False, hash=False)
    raw: Mapping = raw_field()

    @classmethod
    def from_dict(cls, data: Mapping) -> Metadata:
        return cls(id=data.get("_id", ""), file_identifier=data.get("file_identifier", ""),
                   type=data.get("type", ""), open_data=bool(data.get("open_data", False)),
                   level=data.get("level", "") or "", tags=tags_of(data),
                   endpoints=tuple(data.get("endpoints") or ()), raw=data)


@dataclass(frozen=True)
class Permission:
    id: str
    licence: str = ""
    end_date: Optional[str] = None
    offering_ids: Tuple[str, ...] = ()
    beneficiary_id: Optional[str] = None
    only_oauth: bool = False
    raw: Mapping = raw_field()

    @classmethod
    def from_dict(cls, data: Mapping) -> Permission:
        return cls(id=data.get("_id", ""), licence=data.get("licence", "") or "",
                   end_date=data.get("end_date"),
                   offering_ids=tuple(id_of(o) or "" for o in data.get("offerings") or ()),
                   beneficiary_id=id_of(data.get("beneficiary")),
                   only_oauth=bool(data.get("only_oauth", False)), raw=data)


@dataclass(frozen=True)
class UserKey:
    """A consumer key (``/users/me/keys``); a HASH key's value is in ``raw`` only."""

    id: str
    name: str = ""
    type: str = ""
    raw: Mapping = raw_field()

    @classmethod
    def from_dict(cls, data: Mapping) -> UserKey:
        return cls(id=data.get("_id", ""), name=data.get("name", ""), type=data.get("type", ""),
                   raw=data)


@dataclass(frozen=True)
class Annex:
    """A public file of the datastore (icons of a style, legends, thumbnails)."""

    id: str
    paths: Tuple[str, ...] = ()
    labels: Tuple[str, ...] = ()
    mime_type: str = ""
    published: bool = True
    raw: Mapping = raw_field()

    @classmethod
    def from_dict(cls, data: Mapping) -> Annex:
        return cls(id=data.get("_id", ""), paths=tuple(data.get("paths") or ()),
                   labels=tuple(data.get("labels") or ()),
                   mime_type=data.get("mime_type", "") or "",
                   published=bool(data.get("published", True)), raw=data)
