"""End-to-end publication overhead on the local sandbox, measured in one run.

Prints: wall time of the whole publication vs the sum of the sandbox's own processing times
(executions' start → finish), the HTTP requests it took (the client's count and the
sandbox's /admin/stats), and how many status polls a 10-minute / 1-hour harvest costs with
the workflow's wait_for schedule (computed from that schedule).

Run alone: ``.venv/bin/python bench/e2e_overhead.py [--runs N]``.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SAMPLE = ROOT / "resources" / "sample" / "communes_demo.gpkg"
SAMPLE_LAYER = "Communes Démo"


def executions_seconds(api, datastore_id, resources) -> float:
    total = 0.0
    for entry in resources:
        if entry["kind"].startswith("execution"):
            execution = api.in_datastore(datastore_id).execution(entry["id"]).raw
            if execution.get("start") and execution.get("finish"):
                total += (datetime.fromisoformat(execution["finish"])
                          - datetime.fromisoformat(execution["start"])).total_seconds()
    return total


def one_run(sandbox, source, index: int, work: str) -> dict:
    from gpf_wmts_publisher.plugin.publish.session import password_api
    from gpf_wmts_publisher.plugin.publish.spec import Publication
    from gpf_wmts_publisher.plugin.publish.workflow import Workflow

    account = sandbox.accounts["formateur"]
    api = password_api(sandbox.api_url, sandbox.token_url, account["username"],
                       account["password"])
    datastore = sandbox.datastores()["sandbox"]
    name = f"bench_{index}_{int(time.time())}"
    spec = Publication(datastore_id=datastore, datasheet_name=name, wmsv_name=f"{name}_wmsv",
                       wmts_name=f"{name}_wmts", pyramid_name=f"{name}_pyr",
                       wmsv_title="Bench", wmts_title="Bench", abstract="Bench",
                       layer=source, top_level=10, bottom_level=14)
    before = sandbox.stats()["total"]
    started = time.monotonic()
    workflow = Workflow(api, spec, journal_dir=work)   # the default poll schedule
    result = workflow.run()
    wall = time.monotonic() - started
    after = sandbox.stats()["total"]
    processing = executions_seconds(api, datastore, result.resources)
    workflow.undo()
    return {"wall": wall, "processing": processing, "client_requests":
            api.client.requests, "sandbox_requests": after - before}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    from qgis.core import QgsApplication, QgsVectorLayer

    app = QgsApplication([], False)
    app.initQgis()
    from gpf_wmts_publisher.plugin.publish.layer_source import LayerSource
    from gpf_wmts_publisher.plugin.publish.waiting import (
        FIRST_DELAY_S,
        GROWTH,
        MAX_DELAY_S,
        polls_for,
    )

    from tests.fixtures.sandbox import start_sandbox

    layer = QgsVectorLayer(f"{SAMPLE}|layername={SAMPLE_LAYER}", SAMPLE_LAYER, "ogr")
    source = LayerSource.from_layer(layer)
    with tempfile.TemporaryDirectory() as work, \
            start_sandbox(Path(work) / "sandbox", step_delay=0.2) as sandbox:
        runs = [one_run(sandbox, source, i, work) for i in range(args.runs)]
    print(f"e2e_overhead: {args.runs} publications of {SAMPLE.name} (300 polygons, levels "
          "10–14) on the local sandbox, default poll schedule")
    for i, run in enumerate(runs, 1):
        print(f"  run {i}: wall {run['wall']:.2f} s, sandbox processing {run['processing']:.2f}"
              f" s, client requests {run['client_requests']}, sandbox requests "
              f"{run['sandbox_requests']}")
    wall = sorted(r["wall"] for r in runs)[len(runs) // 2]
    processing = sorted(r["processing"] for r in runs)[len(runs) // 2]
    print(f"median wall / sandbox processing = {wall / processing:.2f} "
          f"(client overhead {wall - processing:.2f} s per publication)")
    print(f"median HTTP requests per publication: client "
          f"{sorted(r['client_requests'] for r in runs)[len(runs) // 2]}, seen by the sandbox "
          f"{sorted(r['sandbox_requests'] for r in runs)[len(runs) // 2]} "
          "(includes the harvest's GetMap calls)")
    print(f"wait_for schedule (first {FIRST_DELAY_S} s, ×{GROWTH}, cap {MAX_DELAY_S} s): "
          f"{polls_for(600)} polls for a 10-minute harvest, {polls_for(3600)} for 1 hour "
          f"(a fixed 2 s poll would cost {600 // 2} and {3600 // 2})")
    app.exitQgis()
    return 0


if __name__ == "__main__":
    sys.exit(main())
