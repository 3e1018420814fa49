"""ISO 19139 metadata records and their publication on a METADATA endpoint."""

from __future__ import annotations

from .registry import route
from .schema import BOOL, ID, STR, Enum, ListOf, Obj, Opt
from .shapes import ENDPOINT_REF, EXTRA, METADATA_LEVELS, METADATA_TYPES, STAMPS, TAGS_BODY

DS = "/api/datastores/<ds_id>"
MD = f"{DS}/metadata/<md_id>"

METADATA = Obj({**STAMPS, "_id": ID, "type": Enum(*METADATA_TYPES), "open_data": BOOL,
                "level": Enum(*METADATA_LEVELS), "file_identifier": STR,
                "tags": Opt(TAGS_BODY), "endpoints": Opt(ListOf(ENDPOINT_REF)),
                "extra": Opt(EXTRA)})
PUBLICATION = Obj({"file_identifiers": ListOf(STR, min_items=1), "endpoint": ID})

# ``type``/``open_data`` as the web application sends them (query), or as the documentation
# shows them (multipart fields): the platform takes both.
route(f"POST {DS}/metadata", reply=METADATA, files=("file",), form=Obj({
    "type": Opt(Enum(*METADATA_TYPES)), "open_data": Opt(Enum("true", "false"))}))
route(f"GET {DS}/metadata", item=METADATA)
route(f"GET {MD}", reply=METADATA)
route(f"PUT {MD}", reply=METADATA, files=("file",), form=Obj({}))
route(f"PATCH {MD}", reply=METADATA, body=Obj({
    "type": Opt(Enum(*METADATA_TYPES)), "open_data": Opt(BOOL), "extra": Opt(EXTRA)}))
route(f"DELETE {MD}")
route(f"GET {MD}/file")
route(f"POST {MD}/tags", body=TAGS_BODY, reply=METADATA)
route(f"DELETE {MD}/tags", reply=METADATA)
route(f"POST {DS}/metadata/publication", body=PUBLICATION)
route(f"POST {DS}/metadata/unpublication", body=PUBLICATION)
