"""Entrepôt routes that share a publication: permissions, annexes and tags (a mixin of
:class:`~.api.EntrepotApi`, which provides ``client``, ``_ds`` and ``_list``)."""

from __future__ import annotations

from typing import Any, Dict, Iterable, List, Mapping, Optional, Sequence

from .client import response_json
from .models import Annex, Permission
from .multipart import FileSource

TAGGABLE_KINDS = ("uploads", "stored_data", "configurations", "metadata", "annexes")


class SharingRoutes:
    # -- permissions ---------------------------------------------------------------------
    def create_permission(self, *, licence: str, offering_ids: Sequence[str],
                          community_ids: Sequence[str] = (), user_ids: Sequence[str] = (),
                          end_date: Optional[str] = None,
                          only_oauth: bool = False) -> List[Permission]:
        """A COMMUNITY permission (or ACCOUNT when ``user_ids``); the reply is a list."""
        body: Dict[str, Any] = {"licence": licence, "offerings": list(offering_ids),
                                "only_oauth": only_oauth}
        if user_ids:
            body.update(type="ACCOUNT", users=list(user_ids))
        else:
            body.update(type="COMMUNITY", communities=list(community_ids))
        if end_date:
            body["end_date"] = end_date
        reply = self.client.post_json(self._ds("permissions"), body)
        items = reply if isinstance(reply, list) else [reply]
        return [Permission.from_dict(p) for p in items if p]

    def permissions(self, **filters) -> List[Permission]:
        return [Permission.from_dict(p) for p in self._list(self._ds("permissions"), filters)]

    def delete_permission(self, permission_id: str) -> None:
        self.client.delete(self._ds("permissions", permission_id))

    def my_permissions(self, **filters) -> List[Permission]:
        """Permissions granted to the signed-in user (``/users/me/permissions``)."""
        return [Permission.from_dict(p) for p in self._list("users/me/permissions", filters)]

    # -- annexes -------------------------------------------------------------------------
    def create_annex(self, source: FileSource, *, path: str, labels: Sequence[str] = (),
                     published: bool = True, filename: Optional[str] = None,
                     content_type: str = "application/octet-stream") -> Annex:
        """A public file served at ``/annexes/<datastore technical name><path>``."""
        fields = {"paths": [path], "published": "true" if published else "false"}
        if labels:
            fields["labels"] = list(labels)
        _, reply = self.client.upload(self._ds("annexes"), source, fields=fields,
                                      filename=filename or path.rsplit("/", 1)[-1],
                                      content_type=content_type)
        return Annex.from_dict(response_json(reply))

    def annex(self, annex_id: str) -> Annex:
        return Annex.from_dict(self.client.get_json(self._ds("annexes", annex_id)))

    def annexes(self, **filters) -> List[Annex]:
        return [Annex.from_dict(a) for a in self._list(self._ds("annexes"), filters)]

    def delete_annex(self, annex_id: str) -> None:
        self.client.delete(self._ds("annexes", annex_id))

    # -- tags ----------------------------------------------------------------------------
    def add_tags(self, kind: str, resource_id: str, tags: Mapping[str, Any]) -> None:
        """Merges ``tags`` on ``uploads|stored_data|configurations|metadata|annexes/{id}``;
        tags without a value (None or "") are not sent."""
        self._check_kind(kind)
        clean = {k: str(v) for k, v in tags.items() if v is not None and str(v) != ""}
        if clean:
            self.client.post_json(self._ds(kind, resource_id, "tags"), clean, retry_safe=True)

    def delete_tags(self, kind: str, resource_id: str, keys: Iterable[str]) -> None:
        self._check_kind(kind)
        self.client.delete(self._ds(kind, resource_id, "tags"),
                           params={"tags": ",".join(keys)})

    @staticmethod
    def _check_kind(kind: str) -> None:
        if kind not in TAGGABLE_KINDS:
            raise ValueError(f"cannot tag {kind!r}; one of {', '.join(TAGGABLE_KINDS)}")

