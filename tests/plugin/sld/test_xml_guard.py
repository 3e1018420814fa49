"""The schema check never runs while a preview of the plugin holds GeoPackages open or is
closing them (plugin/sld/xml_guard.py): on QGIS 3.40 a GeoPackage closed in another thread
during the compile crashed the process (tests/ui/test_map_wizard.py, matrix run)."""

from __future__ import annotations

import threading

from gpf_wmts_publisher.plugin.sld.validate import validate_sld
from gpf_wmts_publisher.plugin.sld.xml_guard import GEOPACKAGES_AND_SCHEMA

from .test_validate import FILL, GOOD

SLD = GOOD.replace(b"__SYMBOLIZER__", FILL)


def test_a_schema_check_waits_for_a_preview_holding_geopackages():
    events = []
    preview_holds, preview_may_end = threading.Event(), threading.Event()

    def preview():   # stands for map_check.preview_map / preview.preview_fidelity_of
        with GEOPACKAGES_AND_SCHEMA:
            events.append("preview opened its layers")
            preview_holds.set()
            preview_may_end.wait(10)
            events.append("preview closed its layers")

    def check():
        findings = validate_sld(SLD)
        events.append(f"schema checked ({len(findings)} findings)")

    previewing = threading.Thread(target=preview)
    previewing.start()
    assert preview_holds.wait(10)
    checking = threading.Thread(target=check)
    checking.start()
    checking.join(2)        # without the lock the check ends here, before the preview
    preview_may_end.set()
    checking.join(30)
    previewing.join(30)
    assert events == ["preview opened its layers", "preview closed its layers",
                      "schema checked (0 findings)"]
