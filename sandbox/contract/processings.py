"""Processings (discovery) and processing executions."""

from __future__ import annotations

from .registry import route
from .schema import ANY, DATE, ID, STR, Enum, ListOf, MapOf, Obj, Opt
from .shapes import (
    EXECUTION_STATUSES,
    EXTRA,
    STAMPS,
    STORED_DATA_STATUSES,
    STORED_DATA_TYPES,
    UPLOAD_STATUSES,
    UPLOAD_TYPES,
)

DS = "/api/datastores/<ds_id>"
EX = f"{DS}/processings/executions/<ex_id>"

PROCESSING_ITEM = Obj({
    **STAMPS, "_id": ID, "name": STR, "description": STR, "priority": Opt(STR),
    "input_types": Opt(EXTRA), "output_type": Opt(EXTRA),
})
PROCESSING = Obj({
    **STAMPS, "_id": ID, "name": STR, "description": STR, "priority": Opt(STR),
    "input_types": EXTRA, "output_type": EXTRA, "parameters": ListOf(Obj({
        "name": STR, "description": Opt(STR), "mandatory": Opt(ANY),
        "default_value": Opt(ANY), "type": Opt(STR),
    }, extra=True)),
    "required_checks": Opt(ListOf(EXTRA)),
})

PROCESSING_REF = Obj({**STAMPS, "_id": ID, "name": STR})
EXECUTION_STORED_DATA = Obj({**STAMPS, "_id": ID, "name": STR,
                             "type": Enum(*STORED_DATA_TYPES),
                             "status": Enum(*STORED_DATA_STATUSES), "srs": STR})
EXECUTION_UPLOAD = Obj({**STAMPS, "_id": ID, "name": STR, "type": Enum(*UPLOAD_TYPES),
                        "status": Enum(*UPLOAD_STATUSES), "srs": Opt(STR)})
CALLBACK = Obj({"type": Enum("email"), "to_address": ListOf(STR, min_items=1),
                "entity_url": Opt(STR)})
# No ``progress``: the real executions carry their status and dates only.
EXECUTION = Obj({
    **STAMPS, "_id": ID, "processing": PROCESSING_REF, "status": Enum(*EXECUTION_STATUSES),
    "launch": Opt(DATE), "start": Opt(DATE), "finish": Opt(DATE),
    "inputs": Obj({"upload": ListOf(EXECUTION_UPLOAD),
                   "stored_data": ListOf(EXECUTION_STORED_DATA)}),
    "output": Obj({"stored_data": Opt(EXECUTION_STORED_DATA), "upload": Opt(EXECUTION_UPLOAD)}),
    "parameters": MapOf(ANY), "callback": Opt(CALLBACK),
})
EXECUTION_ITEM = Obj({
    **STAMPS, "_id": ID, "processing": PROCESSING_REF, "status": Enum(*EXECUTION_STATUSES),
    "launch": Opt(DATE), "start": Opt(DATE), "finish": Opt(DATE),
})

OUTPUT_STORED_DATA = Obj({"name": Opt(STR), "id": Opt(ID),
                          "storage_type": Opt(Enum("POSTGRESQL", "S3", "FILESYSTEM",
                                                   "OPENSEARCH", "POSTGRESQL-ROUTING")),
                          "storage_tags": Opt(ListOf(STR))})
EXECUTION_CREATE = Obj({
    "processing": ID,
    "inputs": Opt(Obj({"upload": Opt(ListOf(ID)), "stored_data": Opt(ListOf(ID))})),
    "output": Obj({"stored_data": Opt(OUTPUT_STORED_DATA),
                   "upload": Opt(Obj({"name": Opt(STR), "id": Opt(ID)}))}),
    "parameters": Opt(MapOf(ANY)), "callback": Opt(CALLBACK),
})

route(f"GET {DS}/processings", item=PROCESSING_ITEM, defaults=("name", "description"),
      fields=("creation", "name", "description", "priority", "input_types", "output_types"),
      aliases={"output_types": "output_type"})
route(f"GET {DS}/processings/<proc_id>", reply=PROCESSING)
route(f"POST {DS}/processings/executions", body=EXECUTION_CREATE, reply=EXECUTION)
route(f"GET {DS}/processings/executions", item=EXECUTION_ITEM,
      query={"status": Enum(*EXECUTION_STATUSES)})
route(f"GET {EX}", reply=EXECUTION)
route(f"DELETE {EX}")
route(f"POST {EX}/launch")
route(f"POST {EX}/abort")
route(f"GET {EX}/logs", reply=ListOf(STR))
