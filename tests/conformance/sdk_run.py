"""Drive the official client against a sandbox: its configuration file, its commands, the data.

Only the SDK's own commands are used (``delivery`` for the upload and the static, ``workflow``
for the rest); the test reads the sandbox over HTTP only to check what the SDK did.
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import List

from tests.conformance.sdk_venv import clean_env, venv_python

HERE = Path(__file__).resolve().parent
DELIVERY = HERE / "delivery"
WORKFLOW = HERE / "workflow_wmts.jsonc"
# (nature, x, y) of 20 m squares in Lambert-93, in the centre of Paris.
PARCELS = [("bati", 652000 + 40 * i, 6862000 + 40 * j) for i in range(3) for j in range(3)]
PARCELS += [("jardin", 652200 + 40 * i, 6862000) for i in range(3)]


def config_ini(sandbox, datastore_id: str, workdir: Path) -> str:
    """The SDK's config.ini for this sandbox (the rest keeps the SDK's defaults)."""
    return "\n".join([
        "[logging]", "log_level=INFO",
        "[store_authentification]",
        f"token_url={sandbox.token_url}",
        "grant_type=password", "client_id=gpf-warehouse", "client_secret=",
        # The sandbox's public training account (sandbox/README.md).
        "login=formateur", "password=formateur",
        "nb_attempts=2", "sec_between_attempt=1",
        "[store_api]",
        f"root_url={sandbox.api_url}",
        f"datastore={datastore_id}",
        "nb_attempts=2", "sec_between_attempt=1",
        # Polls every second instead of ten: the sandbox's jobs take a fraction of a second.
        "[upload]", "nb_sec_between_check_updates=1",
        "[processing_execution]", "nb_sec_between_check_updates=1",
        "[miscellaneous]", f"tmp_workdir={workdir}",
        "",
    ])


def write_parcels(target: Path) -> None:
    """A small GeoPackage, table ``parcelles`` (EPSG:2154), column ``nature``."""
    from osgeo import ogr, osr

    target.parent.mkdir(parents=True, exist_ok=True)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(2154)
    source = ogr.GetDriverByName("GPKG").CreateDataSource(str(target))
    layer = source.CreateLayer("parcelles", srs, ogr.wkbPolygon)
    layer.CreateField(ogr.FieldDefn("nature", ogr.OFTString))
    for nature, x, y in PARCELS:
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField("nature", nature)
        feature.SetGeometry(ogr.CreateGeometryFromWkt(
            f"POLYGON(({x} {y},{x + 20} {y},{x + 20} {y + 20},{x} {y + 20},{x} {y}))"))
        layer.CreateFeature(feature)
    source = None  # closes and flushes the GeoPackage


@dataclass
class SdkRunner:
    venv: Path
    workdir: Path

    @classmethod
    def prepare(cls, venv: Path, workdir: Path, sandbox, datastore_id: str) -> SdkRunner:
        workdir.mkdir(parents=True, exist_ok=True)
        for item in DELIVERY.iterdir():
            shutil.copy(item, workdir / item.name)
        write_parcels(workdir / "parcelles" / "parcelles.gpkg")
        (workdir / "config.ini").write_text(config_ini(sandbox, datastore_id, workdir),
                                            encoding="utf-8")
        return cls(venv=venv, workdir=workdir)

    def run(self, *args: str, timeout_s: float = 600) -> subprocess.CompletedProcess:
        """``python -m sdk_entrepot_gpf --ini config.ini ARGS`` in the SDK's own venv."""
        command: List[str] = [str(venv_python(self.venv)), "-m", "sdk_entrepot_gpf",
                              "--ini", str(self.workdir / "config.ini"), *args]
        return subprocess.run(command, cwd=self.workdir, env=clean_env(), capture_output=True,
                               text=True, encoding="utf-8", errors="replace",
                               timeout=timeout_s, check=False)

    def sdk_python(self, script: Path, *args: str) -> subprocess.CompletedProcess:
        """A script of ours run by the SDK's interpreter, for its Python API."""
        command = [str(venv_python(self.venv)), str(script), *args]
        return subprocess.run(command, cwd=self.workdir, env=clean_env(), capture_output=True,
                              text=True, encoding="utf-8", errors="replace", timeout=600,
                              check=False)

    def workflow_step(self, step: str, **params: str) -> subprocess.CompletedProcess:
        args = ["workflow", "--file", str(WORKFLOW), "--step", step]
        for key, value in params.items():
            args += ["--params", key, value]
        return self.run(*args)


def explain(reply: subprocess.CompletedProcess) -> str:
    return f"exit {reply.returncode}\n{reply.stdout[-4000:]}\n{reply.stderr[-4000:]}"
