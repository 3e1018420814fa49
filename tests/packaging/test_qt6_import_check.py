"""scripts/qt6_import_check.py: the plugin's code imports with PyQt6 behind qgis.PyQt.

Each run is a child process: this one already holds PyQt5 (through QGIS), and one process
cannot hold both bindings. PyQt6 comes from scripts/bootstrap (python3-pyqt6,
pyqt6-dev-tools), so nothing here skips itself.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
SCRIPT = REPO_ROOT / "scripts" / "qt6_import_check.py"

SUMMARY = re.compile(r"(\d+) module\(s\) imported, (\d+) form\(s\) built, (\d+) skipped as "
                     r"needing QGIS \(not checked\), (\d+) failed")

SPACER_WITHOUT_SIZE_HINT = (
    '<ui version="4.0"><class>Form</class><widget class="QWidget" name="Form">'
    '<layout class="QVBoxLayout" name="layout">'
    '<item><spacer name="s"><property name="orientation"><enum>Qt::Vertical</enum>'
    '</property></spacer></item></layout></widget><resources/><connections/></ui>\n')


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(SCRIPT), *args], cwd=REPO_ROOT,
                          capture_output=True, text=True, timeout=120)


def _summary(output: str):
    match = SUMMARY.search(output)
    assert match, output
    return tuple(int(group) for group in match.groups())


def test_every_module_without_qgis_imports_and_every_form_builds_with_pyqt6():
    result = _run()
    assert result.returncode == 0, result.stdout + result.stderr
    imported, built, needs_qgis, failed = _summary(result.stdout)
    assert failed == 0
    # Most of the client, metadata, pyramid and SLD code runs without QGIS: if these counts
    # collapse, the check stopped checking (e.g. every module reported as needing QGIS).
    assert imported >= 50 and built >= 5, result.stdout
    assert "  imported    plugin/entrepot/client.py" in result.stdout
    assert "  built       ui/login_dialog.ui" in result.stdout
    assert needs_qgis > 0  # and those are listed, not silently dropped
    assert "  needs QGIS  ui/main.py: qgis.core" in result.stdout


def _plant(root: Path, files: dict) -> Path:
    for name, text in {"__init__.py": "", "plugin/__init__.py": "", "ui/__init__.py": "",
                       **files}.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def test_qt5_only_code_fails_and_qgis_modules_are_only_skipped(tmp_path):
    root = _plant(tmp_path / "fake_plugin", {
        "plugin/good.py": "from qgis.PyQt.QtCore import Qt\nA = Qt.AlignmentFlag.AlignLeft\n",
        "plugin/kept_action.py": "from qgis.PyQt.QtWidgets import QAction\n",
        "plugin/unscoped_enum.py": "from qgis.PyQt.QtCore import Qt\nA = Qt.AlignLeft\n",
        "plugin/exec_underscore.py": "from qgis.PyQt.QtWidgets import QDialog\n"
                                     "RUN = QDialog.exec_\n",
        "plugin/removed_class.py": "from qgis.PyQt.QtCore import QRegExp\n",
        "plugin/direct_pyqt5.py": "from PyQt5.QtCore import QTimer\n",
        "plugin/needs_qgis.py": "from qgis.core import QgsProject\n",
        "ui/form.ui": SPACER_WITHOUT_SIZE_HINT,
    })
    result = _run("--root", str(root))
    assert result.returncode == 1, result.stdout + result.stderr
    failed = {line.split()[1].rstrip(":") for line in result.stdout.splitlines()
              if line.startswith("  FAILED")}
    assert failed == {"plugin/unscoped_enum.py", "plugin/exec_underscore.py",
                      "plugin/removed_class.py", "plugin/direct_pyqt5.py", "ui/form.ui"}
    assert "  needs QGIS  plugin/needs_qgis.py: qgis.core" in result.stdout
    assert "  imported    plugin/good.py" in result.stdout
    assert "  imported    plugin/kept_action.py" in result.stdout  # QGIS 4's shim keeps it
    assert _summary(result.stdout) == (4, 0, 1, 5)  # 2 __init__ + good + kept_action
