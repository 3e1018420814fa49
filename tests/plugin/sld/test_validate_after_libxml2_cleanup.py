"""SLD validation survives libxml2's global clean-up by other code in the QGIS process.

On QGIS 3.40/3.44 (GDAL 3.10+), closing a GeoPackage ends in libspatialite calling
xmlCleanupParser(): a schema compiled before that crashed the next validation (see
plugin/sld/validate.py). Each check runs in a child Python, so a crash fails one test instead
of killing the suite.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

from .test_validate import FILL, GOOD

SLD = GOOD.replace(b"__SYMBOLIZER__", FILL)
BAD_SLD = SLD.replace(b'version="1.0.0"', b'version="1.1.0"')

_CHILD_PRELUDE = f"""
from gpf_wmts_publisher.plugin.sld.validate import validate_sld
GOOD, BAD = {SLD!r}, {BAD_SLD!r}

def codes(data):
    return sorted(f.code for f in validate_sld(data))

assert codes(GOOD) == [] and codes(BAD) == ["WRONG_VERSION", "XSD_INVALID"]
"""
_CHILD_CHECK = """
for _ in range(3):
    assert codes(GOOD) == [], codes(GOOD)
    assert codes(BAD) == ["WRONG_VERSION", "XSD_INVALID"], codes(BAD)
print("validated after the clean-up")
"""


def _run_child(between: str) -> None:
    code = _CHILD_PRELUDE + textwrap.dedent(between) + _CHILD_CHECK
    run = subprocess.run([sys.executable, "-X", "faulthandler", "-c", code],
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 0 and "validated after the clean-up" in run.stdout, (
        f"exit {run.returncode}\n{run.stdout}\n{run.stderr[-3000:]}")


def test_validation_after_xml_cleanup_parser():
    # What libspatialite does: the libxml2 lxml uses, found among the process's libraries
    # (failing, not passing, if it cannot be found).
    _run_child("""
        import ctypes
        import lxml.etree
        with open("/proc/self/maps") as maps:
            paths = {line.split()[-1] for line in maps if "libxml2.so" in line}
        assert paths, "lxml does not use a shared libxml2 here"
        ctypes.CDLL(paths.pop()).xmlCleanupParser()
    """)


def test_validation_after_a_geopackage_is_closed(tmp_path):
    # The real path (a no-op clean-up where GDAL does not load libspatialite for GPKG).
    path = tmp_path / "closed.gpkg"
    _run_child(f"""
        from osgeo import ogr, osr
        ogr.UseExceptions()
        source = ogr.GetDriverByName("GPKG").CreateDataSource({str(path)!r})
        srs = osr.SpatialReference()
        srs.ImportFromEPSG(3857)
        source.CreateLayer("t", srs, ogr.wkbPoint)
        source = None
        opened = ogr.Open({str(path)!r})
        assert opened.GetLayerCount() == 1
        opened = None
    """)


def test_a_schema_compile_broken_by_a_concurrent_cleanup_is_retried(monkeypatch):
    # The race itself cannot be staged reliably: a compile failing once stands for it.
    from gpf_wmts_publisher.plugin.sld import validate
    from lxml import etree

    real = etree.XMLSchema
    calls = []

    def flaky(document):
        calls.append(document)
        if len(calls) == 1:
            raise etree.XMLSchemaParseError("failed to load external entity (cleanup race)")
        return real(document)

    monkeypatch.setattr(validate.etree, "XMLSchema", flaky)
    assert validate.validate_sld(SLD) == []
    assert len(calls) == 2
