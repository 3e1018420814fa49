"""Time from PUBLISHED to the first pyramid level drawn in the canvas (goal ≤ 2 s on the
sandbox): capabilities read, WMTS layer built in a task and added above the source layer, the
inspector opened, the canvas set to the first level and rendered. Also writes the inspector's
contact sheet to bench-output/contact-sheet.png. Run alone: .venv/bin/python
bench/first_level_drawn.py
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.gui_stall import (  # noqa: E402
    Iface,
    drive_wizard,
    load_plugin,
    process_until,
    shut_down,
    start_qgis,
)


def main() -> None:
    from bench._util import verdict
    from tests.e2e.layers import make_polygon_gpkg, open_styled_layer
    from tests.fixtures.sandbox import start_sandbox

    work = Path(tempfile.mkdtemp(prefix="first_level_"))
    app = start_qgis(str(work / "profile"))
    from gpf_wmts_publisher.ui import actions
    from gpf_wmts_publisher.ui.stall_monitor import StallMonitor
    from qgis.core import QgsProject
    from qgis.gui import QgsLayerTreeMapCanvasBridge

    iface = Iface()
    # As QGIS does at start-up for an enabled plugin: the wizard is opened by its action.
    plugin = load_plugin(iface)
    bridge = QgsLayerTreeMapCanvasBridge(QgsProject.instance().layerTreeRoot(), iface.canvas)
    iface.window.show()
    layer = open_styled_layer(make_polygon_gpkg(str(work)))
    QgsProject.instance().addMapLayer(layer)
    marks = {}
    drawn = []

    def on_published(result):
        marks["published"] = time.monotonic()
        wizard = actions._OPEN["bench_wizard"]
        actions.after_publication(iface, wizard, result)

    def on_refreshed():
        dock = actions._OPEN.get("inspector")
        if dock is None or dock.current_level is None or "published" not in marks:
            return
        if dock.wmts_layer() in iface.canvas.layers():
            drawn.append(time.monotonic())

    iface.canvas.mapCanvasRefreshed.connect(on_refreshed)
    import gpf_wmts_publisher.ui.publish_wizard as wizard_module

    original_init = wizard_module.PublishWizard.__init__

    def remembering_init(self, *args, **kwargs):
        original_init(self, *args, **kwargs)
        actions._OPEN["bench_wizard"] = self
        self.published.connect(on_published)

    wizard_module.PublishWizard.__init__ = remembering_init
    with start_sandbox(work / "sandbox") as sandbox:
        monitor = StallMonitor()
        monitor.start()
        wizard, _seconds = drive_wizard(sandbox, iface, layer, str(work / "journals"),
                                        monitor)
        process_until(lambda: drawn, 120, "the first level drawn")
        seconds = drawn[0] - marks["published"]
        dock = actions._OPEN["inspector"]
        print(f"PUBLISHED → first level ({dock.current_level}) drawn in the canvas: "
              f"{seconds:.2f} s")
        print(verdict("P5", f"{seconds:.2f} s", "≤ 2 s", seconds <= 2.0))
        finished = []
        dock.inspectionFinished.connect(finished.append)
        dock.inspect_all()
        process_until(lambda: finished, 120, "the level checks")
        out = ROOT / "bench-output"
        out.mkdir(exist_ok=True)
        path = dock.save_contact_sheet(str(out / "contact-sheet.png"))
        scores = {r.z: round(r.score or 0.0, 3) for r in finished[-1]}
        print(f"levels {dock.levels}, similarity per level {scores}")
        print(f"contact sheet: {path}")
        monitor.stop()
    del bridge
    plugin.unload()
    shut_down(app, wizard, actions._OPEN["inspector"], iface.window)


if __name__ == "__main__":
    main()
