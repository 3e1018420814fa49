"""scripts/qt6_check.py: the plugin's code stays loadable by a Qt6 build of QGIS."""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts import qt6_check

REPO_ROOT = Path(__file__).resolve().parents[2]

QT_IMPORTS = (
    "from qgis.PyQt import QtCore\n"
    "from qgis.PyQt.QtCore import Qt, QVariant\n"
    "from qgis.PyQt.QtGui import QFontMetrics, QPainter\n"
    "from qgis.PyQt.QtWidgets import QApplication, QDialog, QMessageBox, QSizePolicy\n"
    "from qgis.core import Qgis\n"
)


def _rules(source: str):
    return [f.rule for f in qt6_check.check_python(QT_IMPORTS + source, "x.py")]


def test_plugin_ui_and_entry_point_are_qt6_ready():
    findings = qt6_check.check_paths([REPO_ROOT / t for t in qt6_check.DEFAULT_TARGETS])
    assert [str(f) for f in findings] == []


@pytest.mark.parametrize(("source", "rule"), [
    ("from PyQt5.QtCore import QTimer\n", "Q6001"),
    ("import sip\n", "Q6001"),
    ("from qgis.PyQt.Qt import Qt as Q\n", "Q6002"),
    ("a = Qt.AlignLeft\n", "Q6003"),
    ("a = QtCore.Qt.AlignRight\n", "Q6003"),
    ("a = QMessageBox.Yes\n", "Q6003"),
    ("a = QSizePolicy.Expanding\n", "Q6003"),
    ("a = Qt.MidButton\n", "Q6004"),
    ("a = QPainter.HighQualityAntialiasing\n", "Q6004"),
    ("QDialog().exec_()\n", "Q6005"),
    ("class D(QDialog):\n    def exec_(self):\n        pass\n", "Q6005"),
    ("from qgis.PyQt.QtCore import QRegExp\n", "Q6006"),
    ("from qgis.PyQt.QtWebKitWidgets import QWebView\n", "Q6006"),
    ("from qgis.PyQt.QtWidgets import qApp\n", "Q6007"),
    ("QApplication.desktop()\n", "Q6008"),
    ("from . import resources_rc\n", "Q6009"),
    ("fm = QFontMetrics(font)\nw = fm.width('x')\n", "Q6010"),
    ("w = label.fontMetrics().width('x')\n", "Q6010"),
    ("combo.activated[str].connect(slot)\n", "Q6011"),
])
def test_each_qt5_only_construct_is_reported(source, rule):
    assert rule in _rules(source)


@pytest.mark.parametrize("source", [
    "a = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop\n",
    "a = QtCore.Qt.AlignmentFlag.AlignRight\n",
    "a = QMessageBox.StandardButton.Yes\n",
    "a = QVariant.Int\n",            # QGIS maps QVariant.Type values on Qt6 builds
    "a = Qgis.Critical\n",           # QGIS's own enums are not PyQt's to scope
    "QDialog().exec()\n",
    "from qgis.PyQt.QtWidgets import QAction\n",  # QGIS's shim keeps it there
    "a = self.AlignLeft\n",          # not a name bound by a qgis.PyQt import
    "a = Qt.AlignLeft  # qt6-ok: reason given\n",
])
def test_qt6_ready_code_is_not_reported(source):
    assert _rules(source) == []


def test_finding_says_where_and_how_to_fix():
    finding = qt6_check.check_python(QT_IMPORTS + "a = Qt.AlignLeft\n", "plugin/x.py")[0]
    assert (finding.path, finding.line, finding.column) == ("plugin/x.py", 6, 5)
    assert "Qt.AlignmentFlag.AlignLeft" in str(finding)


def test_designer_files_are_checked_for_removed_classes_and_qrc():
    ui = ('<ui version="4.0">\n'
          '  <widget class="QRegExpValidator" name="v"/>\n'
          '  <include location="../resources.qrc"/>\n'
          '  <enum>Qt::MidButton</enum>\n'
          '</ui>\n')
    assert [(f.line, f.rule) for f in qt6_check.check_ui(ui, "ui/x.ui")] == [
        (2, "Q6006"), (3, "Q6009"), (4, "Q6004")]


def test_command_line_fails_on_findings_and_passes_on_clean_code(tmp_path, capsys):
    bad = tmp_path / "bad.py"
    bad.write_text(QT_IMPORTS + "a = Qt.AlignLeft\n", encoding="utf-8")
    good = tmp_path / "good.py"
    good.write_text(QT_IMPORTS + "a = Qt.AlignmentFlag.AlignLeft\n", encoding="utf-8")
    assert qt6_check.main([str(bad)]) == 1
    assert "Q6003" in capsys.readouterr().out
    assert qt6_check.main([str(good)]) == 0


def test_designer_spacer_without_size_hint_is_reported():
    # uic turns it into QSpacerItem(Policy, Policy): PyQt5 reads a 0x7 spacer that never
    # stretches, PyQt6's setupUi raises TypeError.
    ui = ('<ui version="4.0">\n'
          '  <item><spacer name="s"><property name="orientation">\n'
          '    <enum>Qt::Vertical</enum></property></spacer></item>\n'
          '  <item><spacer name="t"><property name="orientation"><enum>Qt::Vertical</enum>'
          '</property><property name="sizeHint" stdset="0"><size><width>20</width>'
          '<height>40</height></size></property></spacer></item>\n'
          '  <item><spacer name="u"/></item>\n'
          '</ui>\n')
    assert [(f.line, f.column, f.rule) for f in qt6_check.check_ui(ui, "ui/x.ui")] == [
        (2, 9, "Q6012"), (5, 9, "Q6012")]
