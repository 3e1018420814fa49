"""Steps of the publication spoken directly to the sandbox API (test helpers, not tests)."""

from __future__ import annotations

import hashlib
import time
from pathlib import Path
from typing import Callable, Optional

ROOT = Path(__file__).resolve().parents[2]
SAMPLE_GPKG = ROOT / "resources" / "sample" / "communes_demo.gpkg"
SLD_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<StyledLayerDescriptor version="1.0.0" xmlns="http://www.opengis.net/sld"'
    ' xmlns:ogc="http://www.opengis.net/ogc" xmlns:xlink="http://www.w3.org/1999/xlink"'
    ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'
    ' xsi:schemaLocation="http://www.opengis.net/sld StyledLayerDescriptor.xsd">'
)


def sld(table: str, rules: str) -> bytes:
    return (f"{SLD_HEAD}<NamedLayer><Name>{table}</Name><UserStyle><Name>{table}</Name>"
            f"<FeatureTypeStyle>{rules}</FeatureTypeStyle></UserStyle></NamedLayer>"
            "</StyledLayerDescriptor>").encode()


def category_rule(value: str, colour: str, field: str = "catégorie") -> str:
    return (f"<Rule><Name>{value}</Name><ogc:Filter><ogc:PropertyIsEqualTo>"
            f"<ogc:PropertyName>{field}</ogc:PropertyName><ogc:Literal>{value}</ogc:Literal>"
            f"</ogc:PropertyIsEqualTo></ogc:Filter><PolygonSymbolizer><Fill>"
            f'<CssParameter name="fill">{colour}</CssParameter></Fill></PolygonSymbolizer></Rule>')


COMMUNES_SLD = sld("communes démo", category_rule("Urbaine", "#d7301f")
                   + category_rule("Rurale", "#78c679"))


def wait_until(read: Callable[[], dict], done: Callable[[dict], bool], timeout_s: float = 120,
               every_s: float = 0.05) -> dict:
    deadline = time.monotonic() + timeout_s
    while True:
        value = read()
        if done(value):
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"still waiting after {timeout_s} s: {value}")
        time.sleep(every_s)


class Flow:
    """One user's calls on one datastore."""

    def __init__(self, sandbox, account: str = "formateur", which: str = "own"):
        self.sandbox = sandbox
        self.http = sandbox.session(account)
        self.ds = sandbox.datastores(account)[which]
        self.url = f"{sandbox.api_url}/datastores/{self.ds}"

    def get(self, path: str, **kw):
        return self.http.get(self.url + path, timeout=30, **kw)

    def post(self, path: str, **kw):
        return self.http.post(self.url + path, timeout=60, **kw)

    def delete(self, path: str, **kw):
        return self.http.delete(self.url + path, timeout=30, **kw)

    def processing(self, name: str) -> str:
        items = self.get("/processings", params={"limit": 50}).json()
        return next(p["_id"] for p in items if p["name"] == name)

    def endpoint(self, kind: str, is_open: bool = True) -> dict:
        datastore = self.get("").json()
        return next(e["endpoint"] for e in datastore["endpoints"]
                    if e["endpoint"]["type"] == kind and e["endpoint"]["open"] == is_open)

    def upload(self, gpkg: Path = SAMPLE_GPKG, srs: str = "EPSG:2154", md5: Optional[str] = None,
               name: str = "communes") -> str:
        upload = self.post("/uploads", json={"name": name, "description": name,
                                              "type": "VECTOR", "srs": srs})
        assert upload.status_code == 201, upload.text
        up = upload.json()["_id"]
        with gpkg.open("rb") as handle:
            sent = self.post(f"/uploads/{up}/data", params={"path": f"data/{gpkg.name}"},
                             files={"file": (gpkg.name, handle)})
        assert sent.ok, sent.text
        digest = md5 or hashlib.md5(gpkg.read_bytes()).hexdigest()
        line = f"{digest}  data/{gpkg.name}\n".encode()
        assert self.post(f"/uploads/{up}/md5", files={"file": ("data.md5", line)}).ok
        closed = self.post(f"/uploads/{up}/close")
        assert closed.ok, closed.text
        return up

    def wait_checks(self, up: str) -> dict:
        return wait_until(lambda: self.get(f"/uploads/{up}").json(),
                          lambda u: u["status"] in ("CLOSED", "UNSTABLE") and
                          not self.get(f"/uploads/{up}/checks").json()["in_progress"]
                          and not self.get(f"/uploads/{up}/checks").json()["asked"])

    def execute(self, processing_name: str, body: dict) -> dict:
        body = dict(body, processing=self.processing(processing_name))
        created = self.post("/processings/executions", json=body)
        assert created.status_code == 201, created.text
        execution = created.json()
        launched = self.post(f"/processings/executions/{execution['_id']}/launch")
        assert launched.ok, launched.text
        return execution

    def wait_execution(self, ex: str) -> dict:
        return wait_until(lambda: self.get(f"/processings/executions/{ex}").json(),
                          lambda e: e["status"] in ("SUCCESS", "FAILURE", "ABORTED"))

    def integrate(self, up: str) -> dict:
        from sandbox.seed import INTEGRATION

        execution = self.execute(INTEGRATION, {
            "inputs": {"upload": [up]},
            "output": {"stored_data": {"name": "communes", "storage_tags": ["VECTEUR"]}},
            "parameters": {}})
        return self.wait_execution(execution["_id"])

    def vector_db(self) -> str:
        """A GENERATED VECTOR-DB of the sample data, made from scratch."""
        up = self.upload()
        assert self.wait_checks(up)["status"] == "CLOSED"
        execution = self.integrate(up)
        assert execution["status"] == "SUCCESS", self.get(
            f"/processings/executions/{execution['_id']}/logs").text
        return execution["output"]["stored_data"]["_id"]

    def style(self, data: bytes = COMMUNES_SLD, name: str = "communes_demo"):
        return self.post("/statics", data={"name": name, "type": "GEOSERVER-STYLE"},
                         files={"file": ("style.sld", data)})

    def wms_config(self, sd: str, style: str, layer_name: str, table: str = "communes démo"):
        return self.post("/configurations", json={
            "type": "WMS-VECTOR", "name": layer_name, "layer_name": layer_name,
            "type_infos": {"title": "Communes", "abstract": "Démo", "keywords": ["démo"],
                           "used_data": [{"stored_data": sd, "relations": [
                               {"name": table, "style": style}]}]}})

    def offer(self, config: str, endpoint: str, is_open: bool = True):
        return self.post(f"/configurations/{config}/offerings",
                         json={"endpoint": endpoint, "open": is_open})

    def wait_offering(self, off: str) -> dict:
        return wait_until(lambda: self.get(f"/offerings/{off}").json(),
                          lambda o: o["status"] in ("PUBLISHED", "UNSTABLE"))


def area_of(bbox: dict) -> str:
    w, s, e, n = bbox["west"], bbox["south"], bbox["east"], bbox["north"]
    return f"POLYGON(({w} {n},{e} {n},{e} {s},{w} {s},{w} {n}))"


def published_wms(flow: Flow, layer_name: str, is_open: bool = True) -> dict:
    """A WMS-V configuration of the sample data, published; returns the configuration."""
    sd = flow.vector_db()
    style = flow.style().json()["_id"]
    config = flow.wms_config(sd, style, layer_name)
    assert config.status_code == 201, config.text
    offering = flow.offer(config.json()["_id"], flow.endpoint("WMS-VECTOR", is_open)["_id"],
                          is_open)
    assert offering.status_code == 201, offering.text
    assert flow.wait_offering(offering.json()["_id"])["status"] == "PUBLISHED"
    return flow.get(f"/configurations/{config.json()['_id']}").json()


def pyramid(flow: Flow, wms_layer: str, levels=(8,)) -> dict:
    """A GENERATED pyramid harvested from a public WMS-V layer."""
    from sandbox.seed import HARVEST

    listed = next(c for c in flow.get("/configurations", params={"limit": 50}).json()
                  if c["layer_name"] == wms_layer)
    config = flow.get(f"/configurations/{listed['_id']}").json()  # lists carry no type_infos
    url = flow.endpoint("WMS-VECTOR")["urls"][0]["url"]
    execution = flow.execute(HARVEST, {
        "output": {"stored_data": {"name": f"{wms_layer}_pyr"}},
        "parameters": {"harvest_layers": wms_layer, "harvest_url": url,
                       "harvest_levels": [str(z) for z in sorted(levels, reverse=True)],
                       "bottom": str(max(levels)), "top": str(min(levels)),
                       "harvest_area": area_of(config["type_infos"]["bbox"]),
                       "harvest_format": "image/jpeg"}})
    finished = flow.wait_execution(execution["_id"])
    assert finished["status"] == "SUCCESS", flow.get(
        f"/processings/executions/{execution['_id']}/logs").text
    return flow.get(f"/stored_data/{finished['output']['stored_data']['_id']}").json()


def wmts_config(flow: Flow, pyramid_id: str, layer_name: str, top="8", bottom="8"):
    return flow.post("/configurations", json={
        "type": "WMTS-TMS", "name": layer_name, "layer_name": layer_name,
        "type_infos": {"title": layer_name, "abstract": "Démo", "used_data": [
            {"stored_data": pyramid_id, "top_level": top, "bottom_level": bottom}]}})


def gpkg_without_crs(path):
    """One polygon table written with no CRS: GDAL files it under srs_id 0."""
    from osgeo import ogr

    source = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    layer = source.CreateLayer("parcelles", srs=None, geom_type=ogr.wkbPolygon)
    feature = ogr.Feature(layer.GetLayerDefn())
    feature.SetGeometry(ogr.CreateGeometryFromWkt(
        "POLYGON((700000 6600000,700100 6600000,700100 6600100,700000 6600000))"))
    layer.CreateFeature(feature)
    source = None
    return path
