"""The platform's fixed content, written once into a fresh data dir.

Accounts (documented in sandbox/README.md), two communities with their datastores, the
platform's endpoints and the two processings the publication uses. Ids are random per data
dir (clients must discover them); paths in endpoint URLs are relative to the server's base URL
because the port may change between runs.
"""

from __future__ import annotations

from .store import Store, new_id, now_iso

# Public training accounts: the passwords are part of the sandbox's documentation.
USERS = [
    {"username": "formateur", "password": "formateur", "totp_secret": None,
     "first_name": "Fanny", "last_name": "Formatrice", "email": "formateur@sandbox.invalid"},
    {"username": "totp", "password": "totp-sandbox",
     "totp_secret": "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP",
     "first_name": "Tom", "last_name": "Otp", "email": "totp@sandbox.invalid"},
    {"username": "stagiaire", "password": "stagiaire", "totp_secret": None,
     "first_name": "Sam", "last_name": "Stagiaire", "email": "stagiaire@sandbox.invalid"},
]
SERVICE_CLIENT = {"client_id": "sandbox-service", "client_secret": "sandbox-service-secret"}
# Public clients (no secret needed), as the platform's gpf-warehouse and qgis clients.
PUBLIC_CLIENTS = {"gpf-warehouse", "qgis"}

ALL_RIGHTS = ["COMMUNITY", "PROCESSING", "ANNEX", "BROADCAST", "UPLOAD"]
SANDBOX_RIGHTS = ["ANNEX", "BROADCAST", "PROCESSING", "UPLOAD"]
SANDBOX_PREFIX = "sandbox"
SANDBOX_LAYER_LIMIT = 20

# (technical name, type, open, [(url type, path)])
ENDPOINTS = [
    ("gpf-wms-v-open", "WMS-VECTOR", True, [("WMS", "/wms-v/ows")]),
    ("gpf-wms-v-private", "WMS-VECTOR", False, [("WMS", "/private/wms-v/ows")]),
    ("gpf-wmts-tms-open", "WMTS-TMS", True, [("WMTS", "/wmts"), ("TMS", "/tms/1.0.0")]),
    ("gpf-wmts-tms-private", "WMTS-TMS", False, [("TMS", "/private/tms/1.0.0"),
                                                  ("WMTS", "/private/wmts")]),
    ("gpf-csw", "METADATA", True, [("METADATA", "/csw")]),
    ("gpf-sandbox-csw", "METADATA", True, [("METADATA", "/sandbox/csw")]),
]

INTEGRATION = "Intégration de données vecteur livrées en base"
HARVEST = "Calcul ou mise à jour de pyramide raster par moissonnage WMS"


def _param(name, mandatory, description, default=None, **more):
    return {"name": name, "mandatory": mandatory, "description": description,
            "default_value": default, **more}


PROCESSINGS = [
    {
        "name": INTEGRATION,
        "description": "Intègre des fichiers vecteur livrés (GeoPackage) dans une base de données."
                       " Les noms des tables et des champs sont normalisés (minuscules, sans"
                       " accents ni tirets, espaces remplacées par _).",
        "input_types": {"upload": ["VECTOR"], "stored_data": []},
        "output_type": {"stored_data": "VECTOR-DB"},
        "parameters": [],
        "kind": "integration",
    },
    {
        "name": HARVEST,
        "description": "Calcule une pyramide raster (TMS PM) en moissonnant un service WMS.",
        "input_types": {"upload": [], "stored_data": ["ROK4-PYRAMID-RASTER"]},
        "output_type": {"stored_data": "ROK4-PYRAMID-RASTER"},
        "parameters": [
            _param("harvest_layers", True, "Couches WMS à moissonner, séparées par des virgules"),
            _param("harvest_levels", True, "Niveaux moissonnés, du bas vers le haut (chaînes)"),
            _param("harvest_area", True, "Zone moissonnée, polygone WKT en EPSG:4326 (lon lat)"),
            _param("harvest_format", True, "Format des images demandées",
                   enum=["image/png", "image/jpeg"]),
            _param("harvest_url", True, "URL du service WMS, avec le protocole et le chemin"),
            _param("bottom", True, "Niveau du bas de la pyramide"),
            _param("top", False, "Niveau du haut de la pyramide"),
            _param("tms", False, "Quadrillage", "PM", enum=["PM"]),
            _param("compression", False, "Compression", "jpg",
                   enum=["raw", "jpg", "png", "zip", "jpg90"]),
            _param("samplesperpixel", False, "Canaux", 3),
            _param("sampleformat", False, "Format des canaux", "UINT8"),
            _param("harvest_extras", False, "Paramètres GetMap supplémentaires"),
            _param("nodata", False, "Valeur de non-donnée"),
            _param("parallelization", False, "Parallélisation", 1),
            _param("width", False, "Dalle : tuiles en largeur", 16),
            _param("height", False, "Dalle : tuiles en hauteur", 16),
            _param("harvest_dimensions", False, "Taille maximale des GetMap"),
        ],
        "kind": "harvest",
    },
]


def seed(store: Store) -> None:
    """Fill a fresh data dir; a populated one is left as it is."""
    if store.is_empty():
        _seed(store)


def _seed(store: Store) -> None:
    created = now_iso()
    endpoints = []
    for technical_name, kind, is_open, urls in ENDPOINTS:
        endpoints.append(store.put("endpoints", {
            "_id": new_id(), "name": technical_name.replace("-", " ").upper(),
            "technical_name": technical_name, "type": kind, "open": is_open,
            "paths": [{"type": t, "path": p} for t, p in urls],
        }))
    by_name = {e["technical_name"]: e for e in endpoints}
    processings = [store.put("processings", dict(p, _id=new_id())) for p in PROCESSINGS]
    processing_ids = [p["_id"] for p in processings]

    sandbox_ds, own_ds = new_id(), new_id()
    sandbox_community = store.put("communities", {
        "_id": new_id(), "name": "Découverte", "technical_name": "decouverte",
        "datastore": sandbox_ds, "public": True, "supervisor": None,
    })
    own_community = store.put("communities", {
        "_id": new_id(), "name": "Formation IGN", "technical_name": "formation_ign",
        "datastore": own_ds, "public": False, "supervisor": None,
    })
    store.put("datastores", {
        "_id": sandbox_ds, "name": "Bac à sable Découverte", "technical_name": "sandbox",
        "community": sandbox_community["_id"], "active": True, "processings": processing_ids,
        "configuration_layer_name_prefix": SANDBOX_PREFIX,
        "metadata_file_identifier_prefix": SANDBOX_PREFIX,
        "layer_limit_per_account": SANDBOX_LAYER_LIMIT,
        "storage_quota": 2 * 1024**3,
        "endpoints": [
            {"endpoint": by_name["gpf-wms-v-open"]["_id"], "quota": 100},
            {"endpoint": by_name["gpf-wmts-tms-open"]["_id"], "quota": 100},
            {"endpoint": by_name["gpf-sandbox-csw"]["_id"], "quota": 100},
        ],
        "creation": created,
    })
    store.put("datastores", {
        "_id": own_ds, "name": "Formation IGN", "technical_name": "formation_ign",
        "community": own_community["_id"], "active": True, "processings": processing_ids,
        "storage_quota": 10 * 1024**3,
        "endpoints": [
            {"endpoint": by_name["gpf-wms-v-open"]["_id"], "quota": 50},
            {"endpoint": by_name["gpf-wms-v-private"]["_id"], "quota": 50},
            {"endpoint": by_name["gpf-wmts-tms-open"]["_id"], "quota": 50},
            {"endpoint": by_name["gpf-wmts-tms-private"]["_id"], "quota": 50},
            {"endpoint": by_name["gpf-csw"]["_id"], "quota": 50},
        ],
        "creation": created,
    })
    for account in USERS:
        communities = [(sandbox_community["_id"], SANDBOX_RIGHTS)]
        if account["username"] != "stagiaire":
            communities.append((own_community["_id"], ALL_RIGHTS))
        store.put("users", {
            "_id": new_id(), **account,
            "communities": [{"community": c, "rights": r} for c, r in communities],
            "creation": created,
        })
    store.put("users", {
        "_id": new_id(), "username": f"service-account-{SERVICE_CLIENT['client_id']}",
        "client_id": SERVICE_CLIENT["client_id"], "client_secret": SERVICE_CLIENT["client_secret"],
        "password": None, "totp_secret": None, "first_name": "Service", "last_name": "Sandbox",
        "email": "service@sandbox.invalid",
        "communities": [{"community": sandbox_community["_id"], "rights": ALL_RIGHTS}],
        "creation": created,
    })
