"""Small frozen views of the platform's replies; ``raw`` keeps the whole dict."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Dict, Mapping, Optional, Tuple


def _raw() -> Any:
    return field(default_factory=dict, repr=False, compare=False, hash=False)


def _tags(data: Mapping) -> Dict[str, str]:
    tags = data.get("tags") or {}
    return dict(tags) if isinstance(tags, Mapping) else {}


def _id_of(value: Any) -> Optional[str]:
    """An id given either as a string or as an object with ``_id``."""
    if isinstance(value, Mapping):
        return value.get("_id")
    return value if isinstance(value, str) else None


@dataclass(frozen=True)
class Community:
    id: str
    name: str = ""
    technical_name: str = ""
    datastore_id: Optional[str] = None
    supervisor: Optional[str] = None
    rights: Tuple[str, ...] = ()
    raw: Mapping = _raw()

    @classmethod
    def from_member(cls, member: Mapping) -> Community:
        """From a ``communities_member`` item ``{community:{…}, rights:[…]}``."""
        community = member.get("community") or {}
        return cls(
            id=community.get("_id", ""),
            name=community.get("name", ""),
            technical_name=community.get("technical_name", ""),
            datastore_id=_id_of(community.get("datastore")),
            supervisor=_id_of(community.get("supervisor")),
            rights=tuple(member.get("rights") or ()),
            raw=member,
        )


@dataclass(frozen=True)
class User:
    id: str
    email: str = ""
    first_name: str = ""
    last_name: str = ""
    communities: Tuple[Community, ...] = ()
    raw: Mapping = _raw()

    @classmethod
    def from_dict(cls, data: Mapping) -> User:
        return cls(
            id=data.get("_id", ""),
            email=data.get("email", ""),
            first_name=data.get("first_name", ""),
            last_name=data.get("last_name", ""),
            communities=tuple(Community.from_member(m)
                              for m in data.get("communities_member") or ()),
            raw=data,
        )


@dataclass(frozen=True)
class Endpoint:
    id: str
    name: str = ""
    technical_name: str = ""
    type: str = ""
    open: bool = True
    urls: Tuple[Tuple[str, str], ...] = ()  # (url type, url)
    quota: Optional[int] = None
    use: Optional[int] = None
    raw: Mapping = _raw()

    @classmethod
    def from_dict(cls, item: Mapping) -> Endpoint:
        """From a datastore ``endpoints`` item ``{endpoint:{…}, quota, use}`` (or a bare one)."""
        endpoint = item.get("endpoint", item)
        urls = []
        for entry in endpoint.get("urls") or ():
            if isinstance(entry, Mapping):
                urls.append((str(entry.get("type", "")), str(entry.get("url", ""))))
            elif isinstance(entry, str):
                urls.append(("", entry))
        return cls(
            id=endpoint.get("_id", ""),
            name=endpoint.get("name", ""),
            technical_name=endpoint.get("technical_name", ""),
            type=endpoint.get("type", ""),
            open=bool(endpoint.get("open", True)),
            urls=tuple(urls),
            quota=item.get("quota"),
            use=item.get("use"),
            raw=item,
        )

    @property
    def has_room(self) -> bool:
        return self.quota is None or self.use is None or self.use < self.quota

    def url(self, url_type: str) -> Optional[str]:
        """The URL of that type (``WMS``, ``WMTS``, ``TMS``…), whatever the order."""
        for kind, url in self.urls:
            if kind.upper() == url_type.upper():
                return url
        return None


# The metadata endpoint was typed CSW in older data.
ENDPOINT_TYPE_ALIASES = {"METADATA": ("METADATA", "CSW")}


@dataclass(frozen=True)
class Datastore:
    id: str
    name: str = ""
    technical_name: str = ""
    community_id: Optional[str] = None
    endpoints: Tuple[Endpoint, ...] = ()
    layer_name_prefix: Optional[str] = None
    metadata_prefix: Optional[str] = None
    processing_ids: Tuple[str, ...] = ()
    raw: Mapping = _raw()

    @classmethod
    def from_dict(cls, data: Mapping) -> Datastore:
        return cls(
            id=data.get("_id", ""),
            name=data.get("name", ""),
            technical_name=data.get("technical_name", ""),
            community_id=_id_of(data.get("community")),
            endpoints=tuple(Endpoint.from_dict(e) for e in data.get("endpoints") or ()),
            layer_name_prefix=data.get("configuration_layer_name_prefix") or None,
            metadata_prefix=data.get("metadata_file_identifier_prefix") or None,
            processing_ids=tuple(_id_of(p) or "" for p in data.get("processings") or ()),
            raw=data,
        )

    def endpoints_of(
        self, endpoint_type: str, open_: Optional[bool] = None
    ) -> Tuple[Endpoint, ...]:
        types = ENDPOINT_TYPE_ALIASES.get(endpoint_type.upper(), (endpoint_type.upper(),))
        return tuple(e for e in self.endpoints
                     if e.type.upper() in types and (open_ is None or e.open == open_))

    def choose_endpoint(self, endpoint_type: str, open_: bool = True) -> Optional[Endpoint]:
        """The first endpoint of that type and openness with quota left (as cartes.gouv.fr)."""
        for endpoint in self.endpoints_of(endpoint_type, open_):
            if endpoint.has_room:
                return endpoint
        return None

    def prefixed_layer_name(self, name: str) -> str:
        return _prefixed(self.layer_name_prefix, name)

    def prefixed_file_identifier(self, identifier: str) -> str:
        return _prefixed(self.metadata_prefix, identifier)


def _prefixed(prefix: Optional[str], name: str) -> str:
    if not prefix or name.startswith(prefix + "."):
        return name
    return f"{prefix}.{name}"


@dataclass(frozen=True)
class Processing:
    id: str
    name: str = ""
    description: str = ""
    input_types: Mapping = field(default_factory=dict, compare=False, hash=False)
    output_type: Mapping = field(default_factory=dict, compare=False, hash=False)
    parameters: Tuple[Mapping, ...] = field(default=(), compare=False, hash=False)
    raw: Mapping = _raw()

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
    raw: Mapping = _raw()

    @classmethod
    def from_dict(cls, data: Mapping) -> Upload:
        return cls(id=data.get("_id", ""), name=data.get("name", ""),
                   description=data.get("description", "") or "", type=data.get("type", ""),
                   srs=data.get("srs", "") or "", status=data.get("status", ""),
                   tags=_tags(data), raw=data)


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
    raw: Mapping = _raw()

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
    raw: Mapping = _raw()

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
    raw: Mapping = _raw()

    FINAL_STATUSES = ("SUCCESS", "FAILURE", "ABORTED")

    @classmethod
    def from_dict(cls, data: Mapping) -> Execution:
        processing = data.get("processing") or {}
        output = data.get("output") or {}
        return cls(
            id=data.get("_id", ""),
            status=data.get("status", ""),
            processing_id=_id_of(processing) or "",
            processing_name=processing.get("name", "") if isinstance(processing, Mapping)
            else "",
            output_stored_data_id=_id_of(output.get("stored_data")),
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
    raw: Mapping = _raw()

    @classmethod
    def from_dict(cls, data: Mapping) -> StoredData:
        return cls(id=data.get("_id", ""), name=data.get("name", ""), type=data.get("type", ""),
                   status=data.get("status", ""), srs=data.get("srs", "") or "",
                   tags=_tags(data), type_infos=data.get("type_infos") or {}, raw=data)

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


@dataclass(frozen=True)
class Static:
    id: str
    name: str = ""
    type: str = ""
    description: str = ""
    type_infos: Mapping = field(default_factory=dict, compare=False, hash=False)
    raw: Mapping = _raw()

    @classmethod
    def from_dict(cls, data: Mapping) -> Static:
        return cls(id=data.get("_id", ""), name=data.get("name", ""), type=data.get("type", ""),
                   description=data.get("description", "") or "",
                   type_infos=data.get("type_infos") or {}, raw=data)


@dataclass(frozen=True)
class Configuration:
    id: str
    name: str = ""
    layer_name: str = ""
    type: str = ""
    status: str = ""
    tags: Mapping = field(default_factory=dict, compare=False, hash=False)
    type_infos: Mapping = field(default_factory=dict, compare=False, hash=False)
    raw: Mapping = _raw()

    @classmethod
    def from_dict(cls, data: Mapping) -> Configuration:
        return cls(id=data.get("_id", ""), name=data.get("name", ""),
                   layer_name=data.get("layer_name", ""), type=data.get("type", ""),
                   status=data.get("status", ""), tags=_tags(data),
                   type_infos=data.get("type_infos") or {}, raw=data)


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
    raw: Mapping = _raw()

    @classmethod
    def from_dict(cls, data: Mapping) -> Offering:
        urls = tuple((str(u.get("type", "")), str(u.get("url", "")))
                     for u in data.get("urls") or () if isinstance(u, Mapping))
        return cls(id=data.get("_id", ""), status=data.get("status", ""),
                   layer_name=data.get("layer_name", ""), type=data.get("type", ""),
                   open=bool(data.get("open", True)), available=data.get("available"),
                   endpoint_id=_id_of(data.get("endpoint")),
                   configuration_id=_id_of(data.get("configuration")), urls=urls, raw=data)

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
    raw: Mapping = _raw()

    @classmethod
    def from_dict(cls, data: Mapping) -> Metadata:
        return cls(id=data.get("_id", ""), file_identifier=data.get("file_identifier", ""),
                   type=data.get("type", ""), open_data=bool(data.get("open_data", False)),
                   level=data.get("level", "") or "", tags=_tags(data),
                   endpoints=tuple(data.get("endpoints") or ()), raw=data)


@dataclass(frozen=True)
class Permission:
    id: str
    licence: str = ""
    end_date: Optional[str] = None
    offering_ids: Tuple[str, ...] = ()
    beneficiary_id: Optional[str] = None
    only_oauth: bool = False
    raw: Mapping = _raw()

    @classmethod
    def from_dict(cls, data: Mapping) -> Permission:
        return cls(id=data.get("_id", ""), licence=data.get("licence", "") or "",
                   end_date=data.get("end_date"),
                   offering_ids=tuple(_id_of(o) or "" for o in data.get("offerings") or ()),
                   beneficiary_id=_id_of(data.get("beneficiary")),
                   only_oauth=bool(data.get("only_oauth", False)), raw=data)


@dataclass(frozen=True)
class UserKey:
    """A consumer key (``/users/me/keys``); a HASH key's value is in ``raw`` only."""

    id: str
    name: str = ""
    type: str = ""
    raw: Mapping = _raw()

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
    raw: Mapping = _raw()

    @classmethod
    def from_dict(cls, data: Mapping) -> Annex:
        return cls(id=data.get("_id", ""), paths=tuple(data.get("paths") or ()),
                   labels=tuple(data.get("labels") or ()),
                   mime_type=data.get("mime_type", "") or "",
                   published=bool(data.get("published", True)), raw=data)
