"""The entrepôt calls the workflow makes, by path, on top of the API client's transport.

Returns the platform's JSON (dicts) so steps read exactly the fields the contract names.
The transport is the entrepôt client (``plugin/entrepot``): it owns authentication, retries,
error mapping, pagination and streaming uploads; this class only spells the routes.
"""

from __future__ import annotations

from typing import Any, Callable, Dict, Iterable, List, Optional, Protocol

ProgressCallback = Callable[[int, int], None]


class Transport(Protocol):
    def request_json(self, method: str, path: str, *, params: Optional[dict] = None,
                     json: Any = None, data: Optional[dict] = None,
                     files: Optional[dict] = None) -> Any: ...

    def list_all(self, path: str, params: Optional[dict] = None) -> List[Any]: ...

    def upload_file(self, path: str, file_path: str, *, field: str = "file",
                    params: Optional[dict] = None,
                    progress: Optional[ProgressCallback] = None) -> str: ...


class Gateway:
    """One method per route the publication uses. ``ds`` is the datastore id everywhere."""

    def __init__(self, transport: Transport):
        self.transport = transport

    # -- shorthands ---------------------------------------------------------------------
    def _get(self, path: str, params: Optional[dict] = None) -> Any:
        return self.transport.request_json("GET", path, params=params)

    def _post(self, path: str, body: Any = None, params: Optional[dict] = None) -> Any:
        return self.transport.request_json("POST", path, json=body, params=params)

    def _delete(self, path: str, params: Optional[dict] = None) -> Any:
        return self.transport.request_json("DELETE", path, params=params)

    def _list(self, path: str, params: Optional[dict] = None) -> List[Dict[str, Any]]:
        return list(self.transport.list_all(path, params))

    # -- discovery ----------------------------------------------------------------------
    def me(self) -> Dict[str, Any]:
        return self._get("/users/me")

    def datastore(self, ds: str) -> Dict[str, Any]:
        return self._get(f"/datastores/{ds}")

    def processings(self, ds: str) -> List[Dict[str, Any]]:
        return self._list(f"/datastores/{ds}/processings")

    # -- tags ---------------------------------------------------------------------------
    def add_tags(self, ds: str, family: str, resource_id: str, tags: Dict[str, str]) -> None:
        """Merge ``tags`` on an upload, stored data, configuration or metadata."""
        clean = {k: str(v) for k, v in tags.items() if v is not None and str(v) != ""}
        if clean:
            self._post(f"/datastores/{ds}/{family}/{resource_id}/tags", clean)

    # -- uploads ------------------------------------------------------------------------
    def list_uploads(self, ds: str, params: Optional[dict] = None) -> List[Dict[str, Any]]:
        return self._list(f"/datastores/{ds}/uploads", params)

    def create_upload(self, ds: str, name: str, srs: str, description: str = "") -> Dict:
        return self._post(f"/datastores/{ds}/uploads", {
            "name": name, "description": description or name, "type": "VECTOR", "srs": srs})

    def get_upload(self, ds: str, upload: str) -> Dict[str, Any]:
        return self._get(f"/datastores/{ds}/uploads/{upload}")

    def push_upload_file(self, ds: str, upload: str, local_path: str, remote_path: str,
                         progress: Optional[ProgressCallback] = None) -> str:
        """Stream one file; returns the MD5 the client computed while sending."""
        return self.transport.upload_file(
            f"/datastores/{ds}/uploads/{upload}/data", local_path, field="file",
            params={"path": remote_path}, progress=progress)

    def push_upload_md5(self, ds: str, upload: str, md5_line: str) -> None:
        self.transport.request_json(
            "POST", f"/datastores/{ds}/uploads/{upload}/md5",
            files={"file": ("checksums.md5", md5_line.encode("utf-8"), "text/plain")})

    def delete_upload_file(self, ds: str, upload: str, remote_path: str) -> None:
        self._delete(f"/datastores/{ds}/uploads/{upload}/data", {"path": remote_path})

    def upload_tree(self, ds: str, upload: str) -> List[Dict[str, Any]]:
        return self._get(f"/datastores/{ds}/uploads/{upload}/tree") or []

    def close_upload(self, ds: str, upload: str) -> None:
        self._post(f"/datastores/{ds}/uploads/{upload}/close")

    def upload_checks(self, ds: str, upload: str) -> Dict[str, Any]:
        return self._get(f"/datastores/{ds}/uploads/{upload}/checks")

    def check_logs(self, ds: str, check_execution: str) -> List[str]:
        return _lines(self._get(f"/datastores/{ds}/checks/executions/{check_execution}/logs"))

    def delete_upload(self, ds: str, upload: str) -> None:
        self._delete(f"/datastores/{ds}/uploads/{upload}")

    # -- processings and executions ------------------------------------------------------
    def create_execution(self, ds: str, body: Dict[str, Any]) -> Dict[str, Any]:
        return self._post(f"/datastores/{ds}/processings/executions", body)

    def launch_execution(self, ds: str, execution: str) -> None:
        self._post(f"/datastores/{ds}/processings/executions/{execution}/launch")

    def get_execution(self, ds: str, execution: str) -> Dict[str, Any]:
        return self._get(f"/datastores/{ds}/processings/executions/{execution}")

    def list_executions(self, ds: str, params: Optional[dict] = None) -> List[Dict[str, Any]]:
        return self._list(f"/datastores/{ds}/processings/executions", params)

    def abort_execution(self, ds: str, execution: str) -> None:
        self._post(f"/datastores/{ds}/processings/executions/{execution}/abort")

    def execution_logs(self, ds: str, execution: str) -> List[str]:
        return _lines(self._get(f"/datastores/{ds}/processings/executions/{execution}/logs"))

    # -- stored data --------------------------------------------------------------------
    def list_stored_data(self, ds: str, params: Optional[dict] = None) -> List[Dict[str, Any]]:
        return self._list(f"/datastores/{ds}/stored_data", params)

    def get_stored_data(self, ds: str, stored_data: str) -> Dict[str, Any]:
        return self._get(f"/datastores/{ds}/stored_data/{stored_data}")

    def delete_stored_data(self, ds: str, stored_data: str) -> None:
        self._delete(f"/datastores/{ds}/stored_data/{stored_data}")

    # -- statics and annexes ------------------------------------------------------------
    def list_statics(self, ds: str, params: Optional[dict] = None) -> List[Dict[str, Any]]:
        return self._list(f"/datastores/{ds}/statics", params)

    def create_static(self, ds: str, name: str, content: bytes, static_type: str,
                      file_name: str, description: str = "") -> Dict[str, Any]:
        return self.transport.request_json(
            "POST", f"/datastores/{ds}/statics",
            data={"name": name, "type": static_type, "description": description or name},
            files={"file": (file_name, content, "application/xml")})

    def delete_static(self, ds: str, static: str) -> None:
        self._delete(f"/datastores/{ds}/statics/{static}")

    def list_annexes(self, ds: str, params: Optional[dict] = None) -> List[Dict[str, Any]]:
        return self._list(f"/datastores/{ds}/annexes", params)

    def create_annexe(self, ds: str, content: bytes, file_name: str, path: str) -> Dict:
        return self.transport.request_json(
            "POST", f"/datastores/{ds}/annexes", data={"paths": path, "published": "true"},
            files={"file": (file_name, content, "application/octet-stream")})

    def delete_annexe(self, ds: str, annexe: str) -> None:
        self._delete(f"/datastores/{ds}/annexes/{annexe}")

    # -- configurations and offerings ---------------------------------------------------
    def list_configurations(self, ds: str, params: Optional[dict] = None) -> List[Dict]:
        return self._list(f"/datastores/{ds}/configurations", params)

    def create_configuration(self, ds: str, body: Dict[str, Any]) -> Dict[str, Any]:
        return self._post(f"/datastores/{ds}/configurations", body)

    def get_configuration(self, ds: str, configuration: str) -> Dict[str, Any]:
        return self._get(f"/datastores/{ds}/configurations/{configuration}")

    def delete_configuration(self, ds: str, configuration: str) -> None:
        self._delete(f"/datastores/{ds}/configurations/{configuration}")

    def configuration_offerings(self, ds: str, configuration: str) -> List[Dict[str, Any]]:
        return self._get(f"/datastores/{ds}/configurations/{configuration}/offerings") or []

    def create_offering(self, ds: str, configuration: str, endpoint: str, open_: bool) -> Dict:
        return self._post(f"/datastores/{ds}/configurations/{configuration}/offerings",
                          {"endpoint": endpoint, "open": open_})

    def list_offerings(self, ds: str, params: Optional[dict] = None) -> List[Dict[str, Any]]:
        return self._list(f"/datastores/{ds}/offerings", params)

    def get_offering(self, ds: str, offering: str) -> Dict[str, Any]:
        return self._get(f"/datastores/{ds}/offerings/{offering}")

    def delete_offering(self, ds: str, offering: str) -> None:
        self._delete(f"/datastores/{ds}/offerings/{offering}")

    # -- metadata -----------------------------------------------------------------------
    def list_metadata(self, ds: str, params: Optional[dict] = None) -> List[Dict[str, Any]]:
        return self._list(f"/datastores/{ds}/metadata", params)

    def create_metadata(self, ds: str, xml: bytes, open_data: bool = False) -> Dict[str, Any]:
        return self.transport.request_json(
            "POST", f"/datastores/{ds}/metadata",
            params={"type": "ISOAP", "open_data": "true" if open_data else "false"},
            files={"file": ("metadata.xml", xml, "application/xml")})

    def publish_metadata(self, ds: str, file_identifier: str, endpoint: str) -> None:
        self._post(f"/datastores/{ds}/metadata/publication",
                   {"file_identifiers": [file_identifier], "endpoint": endpoint})

    def unpublish_metadata(self, ds: str, file_identifier: str, endpoint: str) -> None:
        self._post(f"/datastores/{ds}/metadata/unpublication",
                   {"file_identifiers": [file_identifier], "endpoint": endpoint})

    def delete_metadata(self, ds: str, metadata: str) -> None:
        self._delete(f"/datastores/{ds}/metadata/{metadata}")

    # -- permissions and keys -----------------------------------------------------------
    def list_permissions(self, ds: str) -> List[Dict[str, Any]]:
        return self._list(f"/datastores/{ds}/permissions")

    def create_permission(self, ds: str, body: Dict[str, Any]) -> List[Dict[str, Any]]:
        reply = self._post(f"/datastores/{ds}/permissions", body)
        return reply if isinstance(reply, list) else [reply]

    def delete_permission(self, ds: str, permission: str) -> None:
        self._delete(f"/datastores/{ds}/permissions/{permission}")

    def list_keys(self) -> List[Dict[str, Any]]:
        return self._list("/users/me/keys")

    def create_key(self, name: str) -> Dict[str, Any]:
        return self._post("/users/me/keys", {"name": name, "type": "HASH", "type_infos": {}})

    def get_key(self, key: str) -> Dict[str, Any]:
        return self._get(f"/users/me/keys/{key}")

    def add_key_access(self, key: str, permission: str, offerings: Iterable[str]) -> None:
        self._post(f"/users/me/keys/{key}/accesses",
                   {"permission": permission, "offerings": list(offerings)})

    def delete_key(self, key: str) -> None:
        self._delete(f"/users/me/keys/{key}")


def _lines(reply: Any) -> List[str]:
    """Logs come as a JSON list of lines or as plain text."""
    if reply is None:
        return []
    if isinstance(reply, list):
        return [str(line) for line in reply]
    return str(reply).splitlines()
