"""Background work: upload checks, processing executions, offering (un)publication.

Each job moves its documents through the platform's statuses, pausing ``step_delay_s`` between
them so a client polling sees them move. Jobs left half-way by a stop are resumed at start.
"""

from __future__ import annotations

import copy
import hashlib
import logging
import threading
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Callable, List

from . import gpkg, jobs
from .job_errors import Aborted, JobFailed, Stopped
from .store import now_iso
from .work_meter import WorkMeter

log = logging.getLogger("sandbox.workers")

CHECKS = [
    {"_id": str(uuid.uuid5(uuid.NAMESPACE_URL, "sandbox/check/standard")),
     "name": "Vérification standard"},
    {"_id": str(uuid.uuid5(uuid.NAMESPACE_URL, "sandbox/check/vector")),
     "name": "Vérification vecteur"},
]


def md5_of(path: Path) -> str:
    digest = hashlib.md5()  # noqa: S324 - the platform's own check uses MD5
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


class Workers:
    def __init__(self, sb, max_workers: int = 4):
        self.sb = sb
        self.pool = ThreadPoolExecutor(max_workers=max_workers, thread_name_prefix="sandbox-job")
        self._aborted: set = set()
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self.meter = WorkMeter()  # busy and pause time, for /admin/work (benchmarks)

    @property
    def store(self):
        return self.sb.store

    def shutdown(self) -> None:
        # Wake the pausing jobs so the process exits now instead of finishing every job
        # (the interpreter joins the pool's threads at exit).
        self._stopping.set()
        self.pool.shutdown(wait=False, cancel_futures=True)

    def _pause(self) -> None:
        if self._stopping.wait(self.sb.step_delay_s):
            raise Stopped()
        self.meter.paused(self.sb.step_delay_s)

    def _submit(self, job: Callable, *args) -> None:
        def run():
            self.meter.job_started()
            try:
                job(*args)
            except Stopped:
                log.info("job %s left for the next start", job.__name__)
            except Exception:  # a job must never kill its worker silently
                log.exception("job %s failed unexpectedly", job.__name__)
            finally:
                self.meter.job_ended()
        self.pool.submit(run)

    def resume_pending(self) -> None:
        """After a restart: finish what was running when the server stopped."""
        # A stop may land before a closed upload's checks even started (status still CLOSED).
        waiting = {run["upload"] for run in self.store.all("check_executions")
                   if run["status"] in ("WAITING", "PROGRESS")}
        for upload in self.store.all("uploads"):
            if upload["status"] == "CHECKING" or (
                    upload["status"] == "CLOSED" and upload["_id"] in waiting):
                self._submit(self._run_checks, upload["_id"])
        for execution in self.store.all("executions"):
            if execution["status"] in ("WAITING", "PROGRESS"):
                self._submit(self._run_execution, execution["_id"])
        for offering in self.store.all("offerings"):
            if offering["status"] in ("PUBLISHING", "MODIFYING"):
                self._submit(self._run_publish, offering["_id"])
            elif offering["status"] == "UNPUBLISHING":
                self._submit(self._run_unpublish, offering["_id"])

    # --- upload checks ------------------------------------------------------------------------

    def start_checks(self, upload_id: str) -> None:
        upload = self.store.get("uploads", upload_id)
        for check in CHECKS:
            self.store.put("check_executions", {
                "datastore": upload["datastore"], "upload": upload_id, "check": check,
                "status": "WAITING", "creation": now_iso(), "logs": [],
            })
        self._submit(self._run_checks, upload_id)

    def _run_checks(self, upload_id: str) -> None:
        self._pause()
        upload = self.store.update("uploads", upload_id, lambda u: u.update(status="CHECKING"))
        if upload is None:
            return
        runs = sorted(self.store.find("check_executions", upload=upload_id),
                      key=lambda r: r["check"]["name"])
        all_passed = True
        for run in runs:
            if run["status"] in ("SUCCESS", "FAILURE"):
                all_passed &= run["status"] == "SUCCESS"
                continue
            self.store.update("check_executions", run["_id"],
                              lambda r: r.update(status="PROGRESS", start=now_iso()))
            self._pause()
            logs: List[str] = [f"{now_iso()} Début de la vérification « {run['check']['name']} »"]
            try:
                if self.sb.faults.step_fails("checks"):
                    raise JobFailed("Erreur interne injectée (fail_step=checks)")
                check = self._standard_check if "standard" in run["check"]["name"] \
                    else self._vector_check
                check(upload, logs)
                status = "SUCCESS"
            except JobFailed as failure:
                logs.append(f"ERROR {failure}")
                status = "FAILURE"
                all_passed = False
            logs.append(f"{now_iso()} Fin : {status}")
            self.store.update("check_executions", run["_id"],
                              lambda r, s=status, lg=logs: r.update(
                                  status=s, finish=now_iso(), logs=lg))
        final = "CLOSED" if all_passed else "UNSTABLE"
        self.store.update("uploads", upload_id, lambda u: u.update(
            status=final, last_event={"title": "checks", "date": now_iso()}))

    def upload_files(self, upload_id: str) -> Path:
        return self.store.files("uploads", upload_id, "x").parent

    def _standard_check(self, upload: dict, logs: List[str]) -> None:
        root = self.upload_files(upload["_id"])
        files = [p for p in root.rglob("*") if p.is_file()]
        if not files:
            raise JobFailed("La livraison ne contient aucun fichier")
        for name, expected in (upload.get("_md5") or {}).items():
            path = root / name
            if not path.is_file():
                raise JobFailed(f"Fichier annoncé dans le md5 absent de la livraison : {name}")
            actual = md5_of(path)
            if actual != expected:
                raise JobFailed(f"Somme MD5 différente pour {name} : attendue {expected},"
                                f" calculée {actual}")
            logs.append(f"INFO {name} : MD5 conforme")
        logs.append(f"INFO {len(files)} fichier(s) reçu(s)")

    def _vector_check(self, upload: dict, logs: List[str]) -> None:
        root = self.upload_files(upload["_id"])
        packages = [p for p in root.rglob("*") if p.is_file() and p.suffix.lower() == ".gpkg"]
        others = [p for p in root.rglob("*") if p.is_file() and p.suffix.lower() != ".gpkg"]
        if others:
            names = ", ".join(p.name for p in others)
            raise JobFailed(f"Format non pris en charge par le bac à sable (GeoPackage seulement) :"
                            f" {names}")
        if not packages:
            raise JobFailed("Aucun GeoPackage dans la livraison")
        for package in packages:
            try:
                layers = gpkg.open_layers(package)
            except RuntimeError as error:
                raise JobFailed(str(error)) from None
            if not any(layer.spatial for layer in layers):
                raise JobFailed(f"{package.name} ne contient aucune table géographique")
            for layer in layers:
                if not layer.spatial:
                    logs.append(f"INFO {package.name}/{layer.name} : table non géographique"
                                " ignorée")
                    continue
                if layer.srs != upload["srs"]:
                    found = layer.srs or "aucune projection identifiable"
                    raise JobFailed(f"La projection de la table {layer.name} ({found}) ne"
                                    f" correspond pas à celle déclarée ({upload['srs']})")
                logs.append(f"INFO {package.name}/{layer.name} : {layer.features} objets,"
                            f" {layer.srs}")

    # --- processing executions ----------------------------------------------------------------

    def launch(self, execution_id: str) -> None:
        self._submit(self._run_execution, execution_id)

    def abort(self, execution_id: str) -> None:
        with self._lock:
            self._aborted.add(execution_id)

    def is_aborted(self, execution_id: str) -> bool:
        with self._lock:
            return execution_id in self._aborted

    def log_line(self, execution_id: str, line: str) -> None:
        self.store.update("executions", execution_id,
                          lambda e: e.setdefault("logs", []).append(f"{now_iso()} {line}"))

    def _run_execution(self, execution_id: str) -> None:
        self._pause()
        execution = self.store.get("executions", execution_id)
        if execution is None or execution["status"] not in ("WAITING", "PROGRESS"):
            return
        execution = self.store.update("executions", execution_id, lambda e: e.update(
            status="PROGRESS", start=now_iso()))
        output_id = execution["output"]["stored_data"]["_id"]
        self.store.update("stored_data", output_id, lambda s: s.update(status="GENERATING"))
        self.log_line(execution_id, "Début du traitement")
        kind = self.store.get("processings", execution["processing"]["_id"])["kind"]
        try:
            if self.sb.faults.step_fails(kind):
                raise JobFailed(f"Erreur interne injectée (fail_step={kind})")
            run = jobs.integration if kind == "integration" else jobs.harvest
            run(self, execution)
            if self.is_aborted(execution_id):
                raise Aborted()
            status, sd_status = "SUCCESS", "GENERATED"
        except Aborted:
            status, sd_status = "ABORTED", "UNSTABLE"
            self.log_line(execution_id, "Traitement interrompu à la demande")
        except JobFailed as failure:
            status, sd_status = "FAILURE", "UNSTABLE"
            self.log_line(execution_id, f"ERROR {failure}")
        except Exception as error:
            log.exception("execution %s", execution_id)
            status, sd_status = "FAILURE", "UNSTABLE"
            self.log_line(execution_id, f"ERROR erreur interne : {type(error).__name__}")
        self.store.update("stored_data", output_id, lambda s: s.update(
            status=sd_status, last_event={"title": "generation", "date": now_iso()}))
        self.log_line(execution_id, f"Fin du traitement : {status}")
        self.store.update("executions", execution_id, lambda e: e.update(
            status=status, finish=now_iso()))

    # --- offerings ----------------------------------------------------------------------------

    def publish(self, offering_id: str) -> None:
        self._submit(self._run_publish, offering_id)

    def unpublish(self, offering_id: str) -> None:
        self._submit(self._run_unpublish, offering_id)

    def _run_publish(self, offering_id: str) -> None:
        self._pause()
        status = "UNSTABLE" if self.sb.faults.step_fails("publication") else "PUBLISHED"
        with self.store.lock:
            def finish(o):
                # A resync (MODIFYING) keeps the owner's ``available`` choice.
                kept = o["status"] == "PUBLISHING" or o.get("available", True)
                o.update(status=status, available=status == "PUBLISHED" and kept,
                         update=now_iso())

            offering = self.store.get("offerings", offering_id)
            config = offering and self.store.get("configurations", offering["configuration"])
            if status == "PUBLISHED" and config:
                # What the service serves from now on: the configuration as it is at this
                # publication or resynchronisation (a PUT alone changes nothing served).
                served = copy.deepcopy(config["type_infos"])
                self.store.update("offerings", offering_id, lambda o: o.update(_served=served))
            offering = self.store.update("offerings", offering_id, finish)
            # The configuration was already published when it was only being resynchronised.
            if offering and config and (status == "PUBLISHED"
                                        or config["status"] == "SYNCHRONIZING"):
                self.store.update("configurations", offering["configuration"],
                                  lambda c: c.update(status="PUBLISHED"))

    def _run_unpublish(self, offering_id: str) -> None:
        self._pause()
        with self.store.lock:  # clients never see the offering gone and the config PUBLISHED
            offering = self.store.delete("offerings", offering_id)
            if offering is None:
                return
            config_id = offering["configuration"]
            if not any(self.store.find("offerings", configuration=config_id)):
                self.store.update("configurations", config_id,
                                  lambda c: c.update(status="UNPUBLISHED"))
