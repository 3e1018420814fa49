"""What the two processings do: vector integration and the WMS harvest into a PM pyramid."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

from . import gpkg
from .job_errors import Aborted, JobFailed
from .store import now_iso


def stored_data_dir(workers, sd_id: str) -> Path:
    return workers.store.files("stored_data", sd_id, "x").parent


def integration(workers, execution: dict) -> None:
    """Copy the upload's GeoPackages into the stored data's own database, tables and
    columns named by GDAL."""
    store = workers.store
    upload_id = execution["inputs"]["upload"][0]
    upload = store.get("uploads", upload_id)
    if upload is None:
        raise JobFailed(f"La livraison {upload_id} n'existe plus")
    root = workers.upload_files(upload_id)
    sources = sorted(p for p in root.rglob("*.gpkg"))
    if not sources:
        raise JobFailed("Aucun GeoPackage à intégrer")
    sd_id = execution["output"]["stored_data"]["_id"]
    target = stored_data_dir(workers, sd_id) / "database.gpkg"
    workers.log_line(execution["_id"], f"Intégration de {len(sources)} fichier(s) en base")
    relations = gpkg.integrate(sources, target,
                               column_suffix=workers.sb.faults.config.column_suffix)
    for relation in relations:
        workers.log_line(execution["_id"], f"Table {relation['name']} créée")
    bbox = gpkg.bbox_4326(target)
    srid = upload["srs"]

    def finish(sd):
        sd["type_infos"] = {"relations": relations}
        sd["srs"] = srid
        sd["size"] = target.stat().st_size
        sd["bbox"] = bbox
        if bbox:
            sd["extent"] = gpkg.bbox_polygon(bbox)
        sd["_database"] = str(target)

    store.update("stored_data", sd_id, finish)


def _wkt_bounds(wkt: str):
    """Lon/lat bounds of a WKT polygon (raises on anything else)."""
    from osgeo import ogr

    geometry = ogr.CreateGeometryFromWkt(wkt)
    if geometry is None:
        raise ValueError("WKT invalide")
    minx, maxx, miny, maxy = geometry.GetEnvelope()
    return {"west": minx, "south": miny, "east": maxx, "north": maxy}


def harvest(workers, execution: dict) -> None:
    """Ask sandbox.harvest for every level top..bottom over HTTP, then describe the pyramid."""
    from .harvest import harvest as run_harvest

    store = workers.store
    params = execution["parameters"]
    bottom = int(params["bottom"])
    top = int(params["top"]) if params.get("top") not in (None, "") else 0
    levels = list(range(top, bottom + 1))
    fmt = params["harvest_format"]
    sd_id = execution["output"]["stored_data"]["_id"]
    out_dir = stored_data_dir(workers, sd_id) / "pyramid"
    last_write = [0.0]

    def progress(done: int, total: int) -> None:
        # The real executions report no progress field: the count goes to the logs only.
        now = time.monotonic()
        if now - last_write[0] >= 2.0 or done == total:
            last_write[0] = now
            workers.log_line(execution["_id"], f"{done}/{total} tuiles moissonnées")

    reference = _referenced_pyramid(workers, execution)
    if reference is not None:   # update by reference: start from the input pyramid's tiles
        shutil.copytree(reference["_pyramid"]["dir"], out_dir, dirs_exist_ok=True)
    described = sorted(set(levels) | ({int(z) for z in reference["type_infos"]["levels"]}
                                      if reference is not None else set()))
    workers.log_line(execution["_id"], f"Moissonnage de {params['harvest_layers']} sur"
                                   f" {params['harvest_url']}, niveaux {top} à {bottom}")
    try:
        result = run_harvest(
            params["harvest_url"], params["harvest_layers"], levels, params["harvest_area"],
            fmt, str(out_dir), extras=params.get("harvest_extras") or "",
            progress=progress, cancelled=lambda: workers.is_aborted(execution["_id"]),
            render_limit=workers.sb.harvest_render_limit)
    except Exception as error:
        if workers.is_aborted(execution["_id"]):
            raise Aborted() from error
        raise JobFailed(f"Échec du moissonnage : {error}") from error
    if workers.is_aborted(execution["_id"]):
        raise Aborted()
    workers.log_line(execution["_id"],
                     f"{result.tiles} tuiles moissonnées en {result.seconds:.1f} s")
    if result.skipped:
        workers.log_line(execution["_id"], f"{result.skipped} tuiles parcourues sans être"
                                           " dessinées (--harvest-render-limit du bac à sable)")
    size = sum(f.stat().st_size for f in out_dir.rglob("*") if f.is_file())
    bbox = _wkt_bounds(params["harvest_area"])
    if reference is not None and reference.get("bbox"):
        bbox = _union(bbox, reference["bbox"])
    compression = params.get("compression") or ("png" if fmt == "image/png" else "jpg")

    def finish(sd):
        sd["srs"] = "EPSG:3857"
        sd["size"] = size
        sd["bbox"] = bbox
        sd["extent"] = gpkg.bbox_polygon(bbox)
        sd["type_infos"] = {
            "tms": "PM", "levels": [str(z) for z in reversed(described)],
            "compression": compression,
            "channels_number": int(params.get("samplesperpixel") or
                                   (4 if fmt == "image/png" else 3)),
            "channels_format": params.get("sampleformat") or "UINT8",
            "nodata_value": params.get("nodata") or "255,255,255",
        }
        sd["_tiles"] = result.tiles
        sd["_pyramid"] = {"dir": str(out_dir), "fmt": fmt, "generated": now_iso()}

    store.update("stored_data", sd_id, finish)


def _referenced_pyramid(workers, execution: dict):
    """The input pyramid of an update by reference, or None."""
    for sd_id in (execution.get("inputs") or {}).get("stored_data") or []:
        sd = workers.store.get("stored_data", sd_id)
        if sd and sd.get("_pyramid"):
            return sd
    return None


def _union(first: dict, second: dict) -> dict:
    return {"west": min(first["west"], second["west"]),
            "south": min(first["south"], second["south"]),
            "east": max(first["east"], second["east"]),
            "north": max(first["north"], second["north"])}
