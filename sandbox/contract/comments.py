"""Comments on uploads, stored data and configurations.

Source: the official SDK (``store/interface/CommentInterface.py``, ``_conf/default.ini``
``*_list_comment``/``*_add_comment``/``*_edit_comment``/``*_remove_comment``): the routes and the
``{"text": …}`` body. The reply's other fields are an assumption (sandbox/README.md).
"""

from __future__ import annotations

from .registry import route
from .schema import ID, STR, Obj, Str
from .shapes import STAMPS

DS = "/api/datastores/<ds_id>"
AUTHOR = Obj({"_id": ID, "first_name": STR, "last_name": STR})
COMMENT = Obj({**STAMPS, "_id": ID, "text": STR, "author": AUTHOR})
COMMENT_BODY = Obj({"text": Str(max_length=4000)})

for kind in ("uploads", "stored_data", "configurations"):
    comments = f"{DS}/{kind}/<doc_id>/comments"
    route(f"GET {comments}", item=COMMENT)
    route(f"POST {comments}", body=COMMENT_BODY, reply=COMMENT)
    route(f"PUT {comments}/<comment_id>", body=COMMENT_BODY, reply=COMMENT)
    route(f"DELETE {comments}/<comment_id>")
