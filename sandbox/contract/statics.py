"""Static files (styles, templates) and annexes."""

from __future__ import annotations

from .registry import route
from .schema import BOOL, ID, INT, NUM, STR, Enum, ListOf, Obj, Opt
from .shapes import EXTRA, NAME, STAMPS, STATIC_TYPES, TAGS_BODY

DS = "/api/datastores/<ds_id>"
ST = f"{DS}/statics/<st_id>"
AN = f"{DS}/annexes/<an_id>"

STYLE_INFOS = Obj({"used_attributes": ListOf(STR), "min_scale_denominator": Opt(NUM),
                   "max_scale_denominator": Opt(NUM)})
ROK4_STYLE_INFOS = Obj({"identifier": Opt(STR), "legend_url": Opt(STR)})
STATIC = Obj({**STAMPS, "_id": ID, "name": NAME, "description": Opt(STR),
              "type": Enum(*STATIC_TYPES), "extra": Opt(EXTRA), "type_infos": EXTRA},
             variants=("type", "type_infos", {"GEOSERVER-STYLE": STYLE_INFOS,
                                              "ROK4-STYLE": ROK4_STYLE_INFOS}))
STATIC_ITEM = Obj({**STAMPS, "_id": ID, "name": NAME, "type": Enum(*STATIC_TYPES),
                   "description": Opt(STR)})

route(f"POST {DS}/statics", reply=STATIC, files=("file",), form=Obj({
    "name": NAME, "type": Enum(*STATIC_TYPES), "description": Opt(STR)}))
route(f"GET {DS}/statics", item=STATIC_ITEM, query={"type": Enum(*STATIC_TYPES)})
route(f"GET {ST}", reply=STATIC)
route(f"PATCH {ST}", reply=STATIC, body=Obj({"name": Opt(NAME), "description": Opt(STR),
                                             "extra": Opt(EXTRA)}))
route(f"DELETE {ST}")
route(f"GET {ST}/file")

ANNEX = Obj({**STAMPS, "_id": ID, "paths": ListOf(STR), "size": INT, "mime_type": STR,
             "published": BOOL, "labels": Opt(ListOf(STR)), "extra": Opt(EXTRA)})
ANNEX_ITEM = Obj({**STAMPS, "_id": ID, "paths": ListOf(STR), "size": INT, "mime_type": STR,
                  "published": BOOL, "labels": Opt(ListOf(STR))})

route(f"POST {DS}/annexes", reply=ANNEX, files=("file",), form=Obj({
    "paths": ListOf(STR, min_items=1), "published": Opt(Enum("true", "false")),
    "labels": Opt(ListOf(STR))}))
route(f"GET {DS}/annexes", item=ANNEX_ITEM)
route(f"GET {AN}", reply=ANNEX)
route(f"PATCH {AN}", reply=ANNEX, body=Obj({"paths": Opt(ListOf(STR)), "published": Opt(BOOL),
                                           "labels": Opt(ListOf(STR)), "extra": Opt(EXTRA)}))
route(f"DELETE {AN}")
route(f"POST {AN}/tags", body=TAGS_BODY, reply=ANNEX)
route(f"DELETE {AN}/tags", reply=ANNEX)
