"""``make demo``: publish the sample layer, then the sample map, on a local sandbox, headless.

Starts the sandbox (a fresh data dir under demo-output/), signs in as the training account
``formateur``, publishes ``resources/sample/communes_demo.gpkg`` through the plugin's own
PublishTask in QGIS's task manager (the code path of the wizard), reads the WMTS back with
the plugin's capabilities reader, renders it at two zoom levels; then publishes the sample map
(three layers, one WMTS: scripts/demo_map.py) and writes ``map_z<level>.png`` for its levels,
and a report. Then it stops the sandbox.

With a display, ``scripts/demo.py --gui`` starts the sandbox and opens QGIS with the plugin
pointed at it instead (GPF_SANDBOX_URL), for a trainer to click through the wizard.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUTPUT = ROOT / "demo-output"
SAMPLE = ROOT / "resources" / "sample" / "communes_demo.gpkg"
SAMPLE_LAYER = "Communes Démo"
ACCOUNT = ("formateur", "formateur")   # the sandbox's public training account
TOP, BOTTOM = 10, 14
RENDER_LEVELS = (11, 14)

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(ROOT))   # `sandbox` is a top-level package of the repository


def run_gui(base_url: str, work: Path) -> None:
    """Open QGIS with the plugin installed, enabled and configured for the sandbox in a
    throw-away profile under ``work`` (needs a display; ``make classroom`` does the same)."""
    from scripts.classroom_profile import make_profile, qgis_command

    make_profile(work / "profiles", base_url)
    env = dict(os.environ, GPF_SANDBOX_URL=base_url)
    env.pop("QT_QPA_PLATFORM", None)
    print(f"Sandbox at {base_url}; starting QGIS (account {ACCOUNT[0]}/{ACCOUNT[1]}).")
    subprocess.call(qgis_command(work / "profiles", str(SAMPLE)), env=env)


def publish(base_url: str, work: Path):
    """The publication through PublishTask in the task manager; returns (spec, result, the
    task's API, a probe API for reading back)."""
    from gpf_wmts_publisher.plugin.publish.layer_source import LayerSource
    from gpf_wmts_publisher.plugin.publish.session import password_api
    from gpf_wmts_publisher.plugin.publish.spec import Publication
    from gpf_wmts_publisher.plugin.settings import sandbox_urls
    from gpf_wmts_publisher.plugin.tasks import PublishTask
    from qgis.core import QgsApplication, QgsVectorLayer
    from qgis.PyQt.QtCore import QCoreApplication

    urls = sandbox_urls(base_url)
    layer = QgsVectorLayer(f"{SAMPLE}|layername={SAMPLE_LAYER}", SAMPLE_LAYER, "ogr")
    if not layer.isValid():
        raise SystemExit(f"cannot open the sample layer {SAMPLE}")
    apis = []

    def api_factory(cancelled):
        api = password_api(urls.api_url, urls.token_url, *ACCOUNT, cancelled=cancelled)
        apis.append(api)
        return api

    probe = password_api(urls.api_url, urls.token_url, *ACCOUNT)
    datastore = next(c.datastore_id for c in probe.me().communities if c.name == "Découverte")
    stamp = datetime.now().strftime("%H%M%S")
    spec = Publication(
        datastore_id=datastore, datasheet_name=f"communes_demo_{stamp}",
        data_name=f"communes_demo_{stamp}", wmsv_name=f"communes_demo_{stamp}_wmsv",
        wmts_name=f"communes_demo_{stamp}_wmts", pyramid_name=f"communes_demo_{stamp}_pyr",
        wmsv_title="Communes (démo)", wmts_title="Communes (démo) — WMTS",
        abstract="Communes fictives publiées par make demo sur le bac à sable local.",
        keywords=("démo", "communes"), layer=LayerSource.from_layer(layer),
        top_level=TOP, bottom_level=BOTTOM, producer="Démo QGIS", production_year="2026")
    task = PublishTask(api_factory, spec, journal_dir=str(work / "journals"),
                       poll_first_s=0.2, poll_max_s=2.0)
    outcome = {}
    last = {"step": ""}

    def on_step(step, message):
        if step != last["step"] or "harvest" in message:
            print(f"  [{task_progress(task):5.1f} %] {step}: {message}", flush=True)
            last["step"] = step

    task.step_progress.connect(on_step)
    task.published.connect(lambda result: outcome.setdefault("result", result))
    task.failed.connect(lambda message, logs: outcome.setdefault("error", (message, logs)))
    QgsApplication.taskManager().addTask(task)
    while not outcome:
        QCoreApplication.processEvents()
        time.sleep(0.01)
    if "error" in outcome:
        message, logs = outcome["error"]
        raise SystemExit("publication failed: " + message + "\n" + "\n".join(logs[-20:]))
    return spec, outcome["result"], apis[0], probe


def task_progress(task) -> float:
    try:
        return task.progress()
    except RuntimeError:   # the task manager already deleted the finished task
        return 100.0


def render_levels(result, spec, output: Path) -> list:
    """Renders the WMTS (wms provider URI from plugin/wmts) at two PM levels; PNG paths."""
    from gpf_wmts_publisher.plugin.pyramid import Bbox4326, bbox_4326_to_3857
    from gpf_wmts_publisher.plugin.similarity import ink_fraction
    from gpf_wmts_publisher.plugin.wmts.capabilities import CapabilitiesError
    from gpf_wmts_publisher.plugin.wmts.levels import level_extent
    from gpf_wmts_publisher.plugin.wmts.qgis_layer import open_wmts_layer
    from gpf_wmts_publisher.plugin.wmts.renders import render_layers
    from qgis.core import QgsCoordinateReferenceSystem, QgsRectangle
    from qgis.PyQt.QtCore import QSize

    # The plugin's own way in: it forgets QGIS's cached copy of the capabilities first. The
    # demo built the layer itself and QGIS answered from a copy cached on disk by an earlier
    # run whose sandbox had the same port ("Tile layer or tile matrix set not found", CI4).
    try:
        layer, info = open_wmts_layer(result.capabilities_url, result.wmts_layer_name)
    except CapabilitiesError as error:
        raise SystemExit(f"QGIS cannot open the WMTS layer: {error}") from None
    west, south, east, north = bbox_4326_to_3857(Bbox4326(*spec.layer.extent_wgs84))
    centre = ((west + east) / 2, (south + north) / 2)
    written = []
    for z in RENDER_LEVELS:
        extent = QgsRectangle(*level_extent(z, centre, 1024, 768))
        image = render_layers([layer], extent, QgsCoordinateReferenceSystem("EPSG:3857"),
                              QSize(1024, 768))
        path = output / f"canvas_z{z}.png"
        image.save(str(path))
        ink = ink_fraction(image)
        if ink == 0.0:
            print(f"WARNING: the level {z} render is blank: the WMTS served no drawing")
        written.append({"level": z, "path": str(path), "matrix_set": info.matrix_set,
                        "ink_fraction": round(ink, 3)})
    return written


def processing_seconds(api, spec, result) -> dict:
    """Each execution's own duration (start → finish) as the sandbox reports it."""
    seconds = {}
    for entry in result.resources:
        if entry["kind"].startswith("execution"):
            execution = api.in_datastore(spec.datastore_id).execution(entry["id"]).raw
            if execution.get("start") and execution.get("finish"):
                start = datetime.fromisoformat(execution["start"])
                finish = datetime.fromisoformat(execution["finish"])
                seconds[entry["kind"]] = round((finish - start).total_seconds(), 3)
    return seconds


def write_report(report: dict, output: Path) -> None:
    (output / "report.json").write_text(json.dumps(report, indent=2, ensure_ascii=False),
                                        encoding="utf-8")
    lines = [
        "# make demo — publication report", "",
        f"- Sandbox: {report['sandbox_url']} (started in {report['sandbox_start_s']} s)",
        f"- WMTS layer: `{report['wmts_layer_name']}`",
        f"- Capabilities: {report['capabilities_url']}",
        f"- Levels published: {report['levels']}",
        f"- Publication wall time: {report['publish_wall_s']} s; sandbox processing time "
        f"(executions start→finish): {report['sandbox_processing_s']} s",
        f"- HTTP requests: {report['client_requests']} by the plugin's entrepôt client, "
        f"{report['sandbox_requests']} seen by the sandbox (token, services and harvest "
        "included)", "",
        "## Step timings (s)", "", "| step | seconds |", "|---|---|",
        *[f"| {k} | {v} |" for k, v in report["step_seconds"].items()], "",
        "## Created resources", "", "| kind | id |", "|---|---|",
        *[f"| {r['kind']} | `{r['id']}` |" for r in report["resources"]], "",
        "## Canvas renders", "",
        *[f"- level {r['level']}: ![z{r['level']}]({Path(r['path']).name})"
          for r in report["renders"]], ""]
    if report.get("map"):
        from scripts.demo_map import report_lines

        lines += report_lines(report["map"])
    (output / "report.md").write_text("\n".join(lines), encoding="utf-8")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gui", action="store_true",
                        help="open QGIS on the sandbox instead of the headless run")
    parser.add_argument("--output", type=Path, default=OUTPUT,
                        help="where to write the renders and the report (default demo-output/)")
    args = parser.parse_args(argv)
    output = args.output.resolve()
    output.mkdir(parents=True, exist_ok=True)
    # Remove only what an earlier demo wrote: --output may name a folder holding other files.
    for old in [*output.glob("canvas_z*.png"), *output.glob("map_z*.png"),
                *output.glob("report.*")]:
        old.unlink()
    work = output / "work"
    if work.exists():
        shutil.rmtree(work)
    work.mkdir()
    from tests.fixtures.sandbox import start_sandbox

    started = time.monotonic()
    # The sandbox's own defaults (5 min tokens, 0.2 s job steps), not the tests' fast ones.
    with start_sandbox(work / "sandbox-data", token_lifetime=300, step_delay=0.2) as sandbox:
        return run(args, output, work, sandbox, time.monotonic() - started)


def run(args, output: Path, work: Path, sandbox, start_s: float) -> int:
    """The demo proper, while ``sandbox`` (tests.fixtures.sandbox.RunningSandbox) runs."""
    base_url = sandbox.base_url
    if args.gui:
        run_gui(base_url, work)
        return 0
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    print(f"Sandbox ready at {base_url} in {start_s:.2f} s; publishing {SAMPLE.name} …")
    started = time.monotonic()
    spec, result, api, probe = publish(base_url, work)
    wall = time.monotonic() - started
    print(f"PUBLISHED {result.wmts_layer_name} in {wall:.1f} s")
    renders = render_levels(result, spec, output)
    stats = sandbox.stats()  # /admin wants the trainer token: the launcher knows it
    processing = processing_seconds(probe, spec, result)
    from scripts.demo_map import run_map

    map_report = run_map(api, spec.datastore_id, work, output)
    write_report({
        "sandbox_url": base_url, "sandbox_start_s": round(start_s, 2),
        "wmts_layer_name": result.wmts_layer_name, "wmts_url": result.wmts_url,
        "capabilities_url": result.capabilities_url,
        "wmsv_layer_name": result.wmsv_layer_name, "levels": result.levels,
        "publish_wall_s": round(wall, 2),
        "sandbox_processing_s": round(sum(processing.values()), 2),
        "executions_s": processing, "step_seconds": result.step_seconds,
        "client_requests": api.client.requests,
        "sandbox_requests": stats.get("total"), "resources": result.resources,
        "renders": renders, "journal": result.journal_path, "map": map_report,
    }, output)
    print("Demo output:")
    for name in sorted(p.name for p in output.iterdir() if p.is_file()):
        print(f"  {output / name}")
    app.exitQgis()
    return 0


if __name__ == "__main__":
    sys.exit(main())
