"""The entrepôt routes the publication needs (ENTREPOT_API.md §1–8), typed.

:class:`EntrepotApi` wraps an :class:`EntrepotClient` for one datastore. Methods return the
dataclasses of ``models.py``; lists are read through every page.
"""

from __future__ import annotations

import os
from typing import Any, Dict, Iterable, List, Mapping, Optional, Sequence

from . import list_fields
from .api_sharing import SharingRoutes
from .client import Cancel, EntrepotClient, response_json
from .errors import NotFound
from .models import (
    Checks,
    Configuration,
    Datastore,
    Execution,
    Metadata,
    Offering,
    Processing,
    Static,
    StoredData,
    TreeEntry,
    Upload,
    User,
    UserKey,
)
from .multipart import FileSource, ProgressCallback, md5sum_line


def tag_filters(tags: Optional[Mapping[str, str]]) -> Dict[str, str]:
    """``{"datasheet_name": "x"}`` → ``{"tags[datasheet_name]": "x"}``."""
    return {f"tags[{key}]": str(value) for key, value in (tags or {}).items()}


def data_path(filename: str) -> str:
    """Where an uploaded file lives in the upload: ``data/<file>``."""
    name = filename.replace("\\", "/").lstrip("/")
    return name if name.startswith("data/") else f"data/{name}"


class EntrepotApi(SharingRoutes):
    """Resource methods for datastore ``datastore_id`` (``None`` until discovered: only
    :meth:`me`, :meth:`datastore` and key routes work without it)."""

    def __init__(self, client: EntrepotClient, datastore_id: Optional[str] = None):
        self.client = client
        self.datastore_id = datastore_id

    def __repr__(self) -> str:
        return f"EntrepotApi({self.client.api_url!r}, datastore={self.datastore_id!r})"

    def in_datastore(self, datastore_id: str) -> EntrepotApi:
        return EntrepotApi(self.client, datastore_id)

    def with_cancel(self, cancelled: Cancel) -> EntrepotApi:
        """The same API whose every request stops once ``cancelled()`` (one per task)."""
        return EntrepotApi(self.client.with_cancel(cancelled), self.datastore_id)

    def _ds(self, *parts: str) -> str:
        if not self.datastore_id:
            raise ValueError("no datastore chosen")
        return "/".join(("datastores", self.datastore_id, *parts))

    def _list(self, path: str, params: Optional[Mapping[str, Any]] = None,
              fields: Sequence[str] = (), **kw) -> List[Any]:
        """Every page of a list route; ``fields``: the item fields the caller reads (the
        platform's lists return a default subset otherwise: list_fields.py)."""
        query = {k: v for k, v in (params or {}).items() if v is not None}
        if fields:
            query["fields"] = ",".join(fields)
        return list(self.client.iter_pages(path, query, **kw))

    # -- users ----------------------------------------------------------------------------
    def me(self) -> User:
        return User.from_dict(self.client.get_json("users/me"))

    def create_key(self, name: str, key_type: str = "HASH",
                   type_infos: Optional[Mapping] = None, **extra) -> UserKey:
        body = {"name": name, "type": key_type, "type_infos": dict(type_infos or {}), **extra}
        return UserKey.from_dict(self.client.post_json("users/me/keys", body))

    def list_keys(self) -> List[UserKey]:
        return [UserKey.from_dict(k) for k in self._list("users/me/keys")]

    def key(self, key_id: str) -> UserKey:
        return UserKey.from_dict(self.client.get_json(f"users/me/keys/{key_id}"))

    def delete_key(self, key_id: str) -> None:
        self.client.delete(f"users/me/keys/{key_id}")

    def add_key_access(self, key_id: str, permission_id: str,
                       offering_ids: Sequence[str]) -> Any:
        return self.client.post_json(f"users/me/keys/{key_id}/accesses",
                                     {"permission": permission_id,
                                      "offerings": list(offering_ids)})

    def key_accesses(self, key_id: str) -> List[Mapping]:
        return self._list(f"users/me/keys/{key_id}/accesses")

    # -- datastore and processings -------------------------------------------------------
    def datastore(self, datastore_id: Optional[str] = None) -> Datastore:
        ds = datastore_id or self.datastore_id
        return Datastore.from_dict(self.client.get_json(f"datastores/{ds}"))

    def processings(self) -> List[Processing]:
        return [Processing.from_dict(p) for p in self._list(self._ds("processings"),
                                                            fields=list_fields.PROCESSINGS)]

    def processing(self, processing_id: str) -> Processing:
        return Processing.from_dict(self.client.get_json(self._ds("processings", processing_id)))

    def find_processing(self, name: str) -> Processing:
        """The processing named ``name`` (case-insensitive): ids differ between datastores.
        The datastore's list is read once per session (the client's cache)."""
        wanted = name.casefold().strip()
        key = ("processings", self.datastore_id)
        if key not in self.client.session_cache:
            self.client.session_cache[key] = self.processings()
        for processing in self.client.session_cache[key]:
            if processing.name.casefold().strip() == wanted:
                return processing
        raise NotFound(details=[f"no processing named “{name}” in this datastore"])

    # -- uploads -------------------------------------------------------------------------
    def create_upload(self, name: str, *, srs: str, upload_type: str = "VECTOR",
                      description: Optional[str] = None) -> Upload:
        body = {"name": name, "description": description or name, "type": upload_type,
                "srs": srs}
        return Upload.from_dict(self.client.post_json(self._ds("uploads"), body))

    def upload(self, upload_id: str) -> Upload:
        return Upload.from_dict(self.client.get_json(self._ds("uploads", upload_id)))

    def uploads(self, tags: Optional[Mapping[str, str]] = None, **filters) -> List[Upload]:
        params = {**filters, **tag_filters(tags)}
        return [Upload.from_dict(u) for u in self._list(self._ds("uploads"), params,
                                                        fields=list_fields.UPLOADS)]

    def push_data(self, upload_id: str, source: FileSource, remote_name: Optional[str] = None,
                  *, on_progress: Optional[ProgressCallback] = None,
                  cancelled: Optional[Cancel] = None) -> str:
        """Streams one file to ``data/<name>``; returns its MD5 hex (computed in the pass)."""
        if remote_name is None:
            if isinstance(source, bytes):
                raise ValueError("remote_name is needed for bytes")
            remote_name = os.path.basename(os.fspath(source))
        path = data_path(remote_name)
        md5_hex, _ = self.client.upload(
            self._ds("uploads", upload_id, "data"), source, params={"path": path},
            filename=path.rsplit("/", 1)[-1], on_progress=on_progress, cancelled=cancelled)
        return md5_hex

    def push_md5(self, upload_id: str, entries: Mapping[str, str]) -> None:
        """Sends an ``md5sum`` file: ``{remote file name: md5 hex}``."""
        body = b"".join(md5sum_line(md5, data_path(name)) for name, md5 in entries.items())
        name = next(iter(entries), "data")
        filename = data_path(name).rsplit("/", 1)[-1] + ".md5"
        self.client.upload(self._ds("uploads", upload_id, "md5"), body, filename=filename,
                           content_type="text/plain", retry_safe=True)

    def delete_data(self, upload_id: str, remote_name: str) -> None:
        self.client.delete(self._ds("uploads", upload_id, "data"),
                           params={"path": data_path(remote_name)})

    def upload_tree(self, upload_id: str) -> List[TreeEntry]:
        tree = self.client.get_json(self._ds("uploads", upload_id, "tree"))
        return [TreeEntry.from_dict(e) for e in tree or ()]

    def close_upload(self, upload_id: str) -> Upload:
        # closing a known upload twice is harmless: safe to retry
        reply = self.client.post_json(self._ds("uploads", upload_id, "close"), retry_safe=True)
        return Upload.from_dict(reply) if reply else self.upload(upload_id)

    def upload_checks(self, upload_id: str) -> Checks:
        return Checks.from_dict(self.client.get_json(self._ds("uploads", upload_id, "checks")))

    def check_logs(self, check_execution_id: str) -> List[str]:
        """The check's log, plain text lines (ENTREPOT_API.md §1.6)."""
        return self.client.get_text(
            self._ds("checks", "executions", check_execution_id, "logs")).splitlines()

    def delete_upload(self, upload_id: str) -> None:
        self.client.delete(self._ds("uploads", upload_id))

    # -- processing executions -----------------------------------------------------------
    def create_execution(self, processing_id: str, *, inputs: Optional[Mapping] = None,
                         output: Optional[Mapping] = None,
                         parameters: Optional[Mapping] = None, **extra) -> Execution:
        body = {"processing": processing_id, "inputs": dict(inputs or {}),
                "output": dict(output or {}), "parameters": dict(parameters or {}), **extra}
        return Execution.from_dict(
            self.client.post_json(self._ds("processings", "executions"), body))

    def launch_execution(self, execution_id: str) -> None:
        self.client.request("POST", self._ds("processings", "executions", execution_id,
                                             "launch"), retry_safe=True)

    def execution(self, execution_id: str) -> Execution:
        return Execution.from_dict(
            self.client.get_json(self._ds("processings", "executions", execution_id)))

    def abort_execution(self, execution_id: str) -> None:
        self.client.request("POST", self._ds("processings", "executions", execution_id,
                                             "abort"), retry_safe=True)

    def execution_logs(self, execution_id: str) -> List[str]:
        """Every log line (a paginated JSON list of strings or of ``{line}`` objects)."""
        items = self._list(self._ds("processings", "executions", execution_id, "logs"))
        return [str(i.get("line", i)) if isinstance(i, Mapping) else str(i) for i in items]

    def delete_execution(self, execution_id: str) -> None:
        self.client.delete(self._ds("processings", "executions", execution_id))

    def executions(self, **filters) -> List[Execution]:
        return [Execution.from_dict(e)
                for e in self._list(self._ds("processings", "executions"), filters)]

    # -- stored data ---------------------------------------------------------------------
    def stored_data(self, stored_data_id: str) -> StoredData:
        return StoredData.from_dict(self.client.get_json(self._ds("stored_data",
                                                                  stored_data_id)))

    def stored_data_list(self, tags: Optional[Mapping[str, str]] = None,
                         data_type: Optional[str] = None, **filters) -> List[StoredData]:
        params = {**filters, "type": data_type, **tag_filters(tags)}
        return [StoredData.from_dict(s) for s in self._list(self._ds("stored_data"), params,
                                                            fields=list_fields.STORED_DATA)]

    def delete_stored_data(self, stored_data_id: str) -> None:
        self.client.delete(self._ds("stored_data", stored_data_id))

    # -- statics -------------------------------------------------------------------------
    def create_static(self, source: FileSource, *, name: str,
                      static_type: str = "GEOSERVER-STYLE", description: Optional[str] = None,
                      filename: Optional[str] = None) -> Static:
        fields = {"name": name, "type": static_type}
        if description:
            fields["description"] = description
        _, reply = self.client.upload(self._ds("statics"), source, fields=fields,
                                      filename=filename or f"{name}.sld",
                                      content_type="application/xml")
        return Static.from_dict(response_json(reply))

    def static(self, static_id: str) -> Static:
        return Static.from_dict(self.client.get_json(self._ds("statics", static_id)))

    def statics(self, **filters) -> List[Static]:
        return [Static.from_dict(s) for s in self._list(self._ds("statics"), filters)]

    def static_file(self, static_id: str) -> str:
        return self.client.get_text(self._ds("statics", static_id, "file"))

    def delete_static(self, static_id: str) -> None:
        self.client.delete(self._ds("statics", static_id))

    # -- configurations and offerings ----------------------------------------------------
    def create_configuration(self, body: Mapping) -> Configuration:
        return Configuration.from_dict(self.client.post_json(self._ds("configurations"),
                                                             dict(body)))

    def configuration(self, configuration_id: str) -> Configuration:
        return Configuration.from_dict(
            self.client.get_json(self._ds("configurations", configuration_id)))

    def configurations(self, tags: Optional[Mapping[str, str]] = None,
                       config_type: Optional[str] = None, **filters) -> List[Configuration]:
        params = {**filters, "type": config_type, **tag_filters(tags)}
        return [Configuration.from_dict(c)
                for c in self._list(self._ds("configurations"), params,
                                    fields=list_fields.CONFIGURATIONS)]

    def replace_configuration(self, configuration_id: str, body: Mapping) -> Configuration:
        """Full replace (``PUT``): the create body without ``layer_name``. An offering keeps
        serving the previous state until it is synchronised (``sync_offering``)."""
        sent = {k: v for k, v in dict(body).items() if k != "layer_name"}
        return Configuration.from_dict(self.client.put_json(
            self._ds("configurations", configuration_id), sent))

    def delete_configuration(self, configuration_id: str) -> None:
        self.client.delete(self._ds("configurations", configuration_id))

    def create_offering(self, configuration_id: str, endpoint_id: str,
                        open_: bool = True) -> Offering:
        return Offering.from_dict(self.client.post_json(
            self._ds("configurations", configuration_id, "offerings"),
            {"endpoint": endpoint_id, "open": open_}))

    def offering(self, offering_id: str) -> Offering:
        return Offering.from_dict(self.client.get_json(self._ds("offerings", offering_id)))

    def offerings(self, **filters) -> List[Offering]:
        return [Offering.from_dict(o) for o in self._list(self._ds("offerings"), filters,
                                                          fields=list_fields.OFFERINGS)]

    def configuration_offerings(self, configuration_id: str) -> List[Offering]:
        items = self._list(self._ds("configurations", configuration_id, "offerings"),
                           fields=list_fields.OFFERINGS)
        return [Offering.from_dict(o) for o in items]

    def sync_offering(self, offering_id: str) -> Offering:
        """``PUT`` with no body: the offering serves its configuration's current state once
        it is PUBLISHED again (MODIFYING meanwhile)."""
        return Offering.from_dict(self.client.put_json(self._ds("offerings", offering_id)))

    def delete_offering(self, offering_id: str) -> None:
        self.client.delete(self._ds("offerings", offering_id))

    # -- metadata ------------------------------------------------------------------------
    def upload_metadata(self, source: FileSource, *, metadata_type: str = "ISOAP",
                        open_data: bool = False, filename: str = "metadata.xml") -> Metadata:
        """``type`` and ``open_data`` in the query only, as the web application sends them."""
        flags = {"type": metadata_type, "open_data": "true" if open_data else "false"}
        _, reply = self.client.upload(self._ds("metadata"), source, params=flags,
                                      filename=filename, content_type="application/xml")
        return Metadata.from_dict(response_json(reply))

    def replace_metadata(self, metadata_id: str, source: FileSource, *,
                         filename: str = "metadata.xml") -> Metadata:
        """New XML for the same ``fileIdentifier`` (republished if it was published)."""
        _, reply = self.client.upload(self._ds("metadata", metadata_id), source,
                                      method="PUT", filename=filename,
                                      content_type="application/xml")
        return Metadata.from_dict(response_json(reply))

    def metadata(self, metadata_id: str) -> Metadata:
        return Metadata.from_dict(self.client.get_json(self._ds("metadata", metadata_id)))

    def metadata_list(self, tags: Optional[Mapping[str, str]] = None,
                      **filters) -> List[Metadata]:
        params = {**filters, **tag_filters(tags)}
        return [Metadata.from_dict(m) for m in self._list(self._ds("metadata"), params)]

    def metadata_file(self, metadata_id: str) -> str:
        return self.client.get_text(self._ds("metadata", metadata_id, "file"))

    def delete_metadata(self, metadata_id: str) -> None:
        self.client.delete(self._ds("metadata", metadata_id))

    def publish_metadata(self, file_identifiers: Iterable[str], endpoint_id: str) -> Any:
        return self.client.post_json(self._ds("metadata", "publication"),
                                     {"file_identifiers": list(file_identifiers),
                                      "endpoint": endpoint_id}, retry_safe=True)

    def unpublish_metadata(self, file_identifiers: Iterable[str], endpoint_id: str) -> Any:
        return self.client.post_json(self._ds("metadata", "unpublication"),
                                     {"file_identifiers": list(file_identifiers),
                                      "endpoint": endpoint_id}, retry_safe=True)
