"""The client is pure Python: importing it loads neither Qt nor QGIS."""

from __future__ import annotations

import subprocess
import sys


def test_importing_the_client_loads_no_qt_and_no_qgis(tmp_path):
    code = ("import sys, gpf_wmts_publisher.plugin.entrepot; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in "
            "('PyQt5', 'PyQt6', 'qgis', 'sip')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=tmp_path).stdout.strip()
    assert out == "[]"
