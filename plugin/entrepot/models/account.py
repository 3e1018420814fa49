"""Who and where: the user, their communities, datastores and the endpoints they offer."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping, Optional, Tuple

from .fields import id_of, raw_field


@dataclass(frozen=True)
class Community:
    id: str
    name: str = ""
    technical_name: str = ""
    datastore_id: Optional[str] = None
    supervisor: Optional[str] = None
    rights: Tuple[str, ...] = ()
    raw: Mapping = raw_field()

    @classmethod
    def from_member(cls, member: Mapping) -> Community:
        """From a ``communities_member`` item ``{community:{…}, rights:[…]}``."""
        community = member.get("community") or {}
        return cls(
            id=community.get("_id", ""),
            name=community.get("name", ""),
            technical_name=community.get("technical_name", ""),
            datastore_id=id_of(community.get("datastore")),
            supervisor=id_of(community.get("supervisor")),
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
    raw: Mapping = raw_field()

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

    @property
    def name(self) -> str:
        """First and last name, else the e-mail (what the windows show)."""
        full = " ".join(p for p in (self.first_name, self.last_name) if p)
        return full or self.email


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
    raw: Mapping = raw_field()

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
    community_name: str = ""  # from the user's communities (users/me), not the datastore
    sandbox: bool = False  # the "Découverte" datastore everyone may publish in, publicly
    raw: Mapping = raw_field()

    @classmethod
    def from_dict(cls, data: Mapping) -> Datastore:
        return cls(
            sandbox=looks_like_sandbox(data.get("technical_name", ""), data.get("name", "")),
            id=data.get("_id", ""),
            name=data.get("name", ""),
            technical_name=data.get("technical_name", ""),
            community_id=id_of(data.get("community")),
            endpoints=tuple(Endpoint.from_dict(e) for e in data.get("endpoints") or ()),
            layer_name_prefix=data.get("configuration_layer_name_prefix") or None,
            metadata_prefix=data.get("metadata_file_identifier_prefix") or None,
            processing_ids=tuple(id_of(p) or "" for p in data.get("processings") or ()),
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

    @property
    def details(self) -> Mapping[str, Any]:
        """The datastore as the platform sent it (endpoints, prefixes, quotas)."""
        return self.raw

    def prefixed_layer_name(self, name: str) -> str:
        return _prefixed(self.layer_name_prefix, name)

    def prefixed_file_identifier(self, identifier: str) -> str:
        return _prefixed(self.metadata_prefix, identifier)


def looks_like_sandbox(technical_name: str, name: str) -> bool:
    """The platform flags no datastore as the sandbox: its names say it ("sandbox" in the
    technical name, "bac à sable" / "Découverte" in the name)."""
    name = name.lower()
    return "sandbox" in technical_name.lower() or "bac" in name or "découverte" in name


@dataclass(frozen=True)
class Account:
    """Who is connected and the datastores they can publish in (one per community)."""

    user: User
    datastores: Tuple[Datastore, ...] = ()

    @property
    def id(self) -> str:
        return self.user.id

    @property
    def email(self) -> str:
        return self.user.email

    @property
    def name(self) -> str:
        return self.user.name

    def datastore(self, datastore_id: str) -> Optional[Datastore]:
        return next((d for d in self.datastores if d.id == datastore_id), None)


def _prefixed(prefix: Optional[str], name: str) -> str:
    if not prefix or name.startswith(prefix + "."):
        return name
    return f"{prefix}.{name}"
