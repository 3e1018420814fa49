"""Uploads, their files, checks and check executions."""

from __future__ import annotations

import re

from .registry import route
from .schema import ANY, BOOL, DATE, ID, INT, STR, Enum, ListOf, Obj, Opt, Str
from .shapes import (
    BBOX,
    CHECK_STATUSES,
    EVENT,
    EXTRA,
    NAME,
    STAMPS,
    TAGS_BODY,
    UPLOAD_STATUSES,
    UPLOAD_TYPES,
)

DS = "/api/datastores/<ds_id>"
UP = f"{DS}/uploads/<up_id>"
SRS = Str(re.compile(r"^EPSG:\d+$", re.IGNORECASE), what="de la forme EPSG:<code>")

UPLOAD = Obj({
    **STAMPS, "_id": ID, "name": NAME, "description": STR, "type": Enum(*UPLOAD_TYPES),
    "open": BOOL, "status": Enum(*UPLOAD_STATUSES), "srs": STR, "contact": STR,
    "extent": Opt(ANY), "size": Opt(INT), "last_event": Opt(EVENT), "tags": TAGS_BODY,
    "extra": Opt(EXTRA), "type_infos": Opt(EXTRA),
})
# A list item: what ``fields=`` may ask (the published enum), nothing else.
UPLOAD_ITEM = Obj({
    "_id": ID, "name": NAME, "description": STR, "type": Enum(*UPLOAD_TYPES), "open": BOOL,
    "status": Enum(*UPLOAD_STATUSES), "srs": STR, "contact": STR, "size": Opt(INT),
    "last_event": Opt(EVENT), "tags": TAGS_BODY, "creation": DATE, "bbox": Opt(BBOX),
})

TREE_ENTRY = Obj({"type": Opt(STR), "name": Opt(STR), "size": Opt(INT),
                  "children": Opt(ListOf(Obj({}, extra=True)))})

CHECK_REF = Obj({**STAMPS, "_id": ID, "name": STR})
CHECK_RUN_ITEM = Obj({**STAMPS, "_id": ID, "check": CHECK_REF})
CHECKS = Obj({"asked": Opt(ListOf(CHECK_RUN_ITEM)), "in_progress": Opt(ListOf(CHECK_RUN_ITEM)),
              "passed": Opt(ListOf(CHECK_RUN_ITEM)), "failed": Opt(ListOf(CHECK_RUN_ITEM))})
CHECK_RUN = Obj({
    **STAMPS, "_id": ID, "check": CHECK_REF, "status": Enum(*CHECK_STATUSES),
    "start": Opt(DATE), "finish": Opt(DATE),
    "upload": Obj({**STAMPS, "_id": ID, "type": Enum(*UPLOAD_TYPES), "name": STR,
                   "status": Opt(Enum(*UPLOAD_STATUSES))}),
})

route(f"POST {DS}/uploads", reply=UPLOAD, body=Obj({
    "name": NAME, "description": STR, "type": Enum(*UPLOAD_TYPES), "srs": SRS,
    "extent": Opt(ANY), "extra": Opt(EXTRA),
}))
route(f"GET {DS}/uploads", item=UPLOAD_ITEM, defaults=("name", "type", "open", "srs"),
      query={"type": Enum(*UPLOAD_TYPES), "status": Enum(*UPLOAD_STATUSES)})
route(f"GET {UP}", reply=UPLOAD)
route(f"DELETE {UP}")
route(f"POST {UP}/data", reply=UPLOAD, form=Obj({"path": Opt(STR)}), files=("file",))
route(f"DELETE {UP}/data")
route(f"POST {UP}/md5", reply=UPLOAD, form=Obj({}), files=("file",))
route(f"GET {UP}/tree", reply=ListOf(TREE_ENTRY))
route(f"POST {UP}/close", reply=UPLOAD)
route(f"POST {UP}/open", reply=UPLOAD)
route(f"GET {UP}/checks", reply=CHECKS)
route(f"POST {UP}/tags", body=TAGS_BODY, reply=UPLOAD)
route(f"DELETE {UP}/tags", reply=UPLOAD)
route(f"GET {DS}/checks/executions/<run_id>", reply=CHECK_RUN)
route(f"GET {DS}/checks/executions/<run_id>/logs")
