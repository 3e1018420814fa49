"""The non-poll API requests cartes.gouv.fr sends for the steps one plugin publication runs
(P6: the plugin's count over this one, goal ≤ 1.0×).

Written down from ../shared/reference/entrepot-api-detail.md (the study of cartes.gouv.fr's
backend; row numbers are that document's). The case is the plugin's default one: one
GeoPackage, one table, a public WMS-V and WMTS, one metadata record. Left out on purpose:
sign-in (token, users/me), polls, and what the reference marks optional or needs another
case (the legend annexe 2.7/2.9, capabilities annexes 1.8/3.8 — not on the sandbox
datastore —, permissions 1.7/3.7 — restricted only).
"""

from __future__ import annotations

from typing import List, Tuple

SEQUENCE: List[Tuple[str, str]] = [
    # §5 — upload and integration into a VECTOR-DB
    ("0.1", "POST /datastores/{ds}/uploads"),
    ("0.2", "POST /datastores/{ds}/uploads/{upload}/tags"),
    ("0.3", "POST /datastores/{ds}/uploads/{upload}/data"),
    ("0.4", "POST /datastores/{ds}/uploads/{upload}/md5"),
    ("0.6", "POST /datastores/{ds}/uploads/{upload}/close"),
    ("0.8", "POST /datastores/{ds}/processings/executions"),
    ("0.9", "POST /datastores/{ds}/uploads/{upload}/tags"),
    ("0.9", "POST /datastores/{ds}/stored_data/{vectordb}/tags"),
    ("0.10", "POST /datastores/{ds}/processings/executions/{exec}/launch"),
    ("0.12", "DELETE /datastores/{ds}/uploads/{upload}"),
    # §6.2 — WMS-Vector service, with the metadata record created (§7.4 M.1–M.4)
    ("1.1", "GET /datastores/{ds}/stored_data/{vectordb}"),
    ("1.2", "POST /datastores/{ds}/statics"),
    ("1.3", "GET /datastores/{ds}"),
    ("1.4", "POST /datastores/{ds}/configurations"),
    ("1.5", "POST /datastores/{ds}/configurations/{conf}/tags"),
    ("1.6", "POST /datastores/{ds}/configurations/{conf}/offerings"),
    ("M.1", "GET /datastores/{ds}/metadata?tags[datasheet_name]=…"),
    ("M.2", "POST /datastores/{ds}/metadata"),
    ("M.3", "POST /datastores/{ds}/metadata/{md}/tags"),
    ("M.4", "POST /datastores/{ds}/metadata/publication"),
    ("1.10", "PATCH /datastores/{ds}/statics/{static}"),
    ("§13", "GET /datastores/{ds}/configurations/{conf} (bbox, once PUBLISHED)"),
    # §9 — raster pyramid by harvest
    ("2.1", "GET /datastores/{ds}"),
    ("2.2", "GET /datastores/{ds}/offerings/{off_v}"),
    ("2.3", "GET /datastores/{ds}/configurations/{conf_v}"),
    ("2.4", "GET /datastores/{ds}/stored_data/{vectordb}"),
    ("2.6", "POST /datastores/{ds}/processings/executions"),
    ("2.8", "POST /datastores/{ds}/stored_data/{pyramid}/tags"),
    ("2.10", "POST /datastores/{ds}/processings/executions/{exec}/launch"),
    # §10 — WMTS service, with the metadata record updated (§7.4 M.1, M.5–M.7)
    ("3.1", "GET /datastores/{ds}/stored_data/{pyramid}"),
    ("3.2", "POST /datastores/{ds}/statics (ROK4-STYLE)"),
    ("3.3", "GET /datastores/{ds}"),
    ("3.4", "POST /datastores/{ds}/configurations"),
    ("3.5", "POST /datastores/{ds}/configurations/{conf}/tags"),
    ("3.6", "POST /datastores/{ds}/configurations/{conf}/offerings"),
    ("M.1", "GET /datastores/{ds}/metadata?tags[datasheet_name]=…"),
    ("M.5", "GET /datastores/{ds}/metadata/{md}/file"),
    ("M.6a", "PUT /datastores/{ds}/metadata/{md}"),
    ("M.7", "POST /datastores/{ds}/metadata/{md}/tags"),
    ("3.10", "PATCH /datastores/{ds}/statics/{rok4style}"),
]


def cartes_requests() -> int:
    return len(SEQUENCE)


if __name__ == "__main__":
    for row, call in SEQUENCE:
        print(f"{row:5} {call}")
    print(f"cartes.gouv.fr sequence: {cartes_requests()} non-poll requests")
