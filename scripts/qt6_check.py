"""Qt6-readiness check for the plugin's Python and Designer files (run by `make lint`/`test`).

QGIS's own pyqt5_to_pyqt6 script is not on PyPI and needs PyQt6 installed; this check follows
its rules, reading the code's AST and asking the installed PyQt5 (through qgis.PyQt) which
names are enum values, so it needs nothing beyond what QGIS 3.22 ships.

Rules (a line ending in ``# qt6-ok: <why>`` is skipped):
  Q6001 import PyQt5/PyQt6/sip/PySide directly: use qgis.PyQt (the QGIS shim for Qt5 and Qt6)
  Q6002 qgis.PyQt.Qt: gone in Qt6 builds; import from qgis.PyQt.QtCore
  Q6003 unscoped enum (Qt.AlignLeft): PyQt6 only knows Qt.AlignmentFlag.AlignLeft, which
        PyQt5 5.15 accepts too. QVariant.Int & co. are not flagged: QGIS maps them on Qt6.
  Q6004 enum value removed in Qt6 (Qt.MidButton ...): use its replacement
  Q6005 exec_() / print_(): removed in PyQt6; exec() and print() work on both
  Q6006 class or module removed in Qt6 (QRegExp, QDesktopWidget, QtWebKit, ...)
  Q6007 qApp: removed in PyQt6; QApplication.instance() / QgsApplication.instance()
  Q6008 QApplication.desktop(): removed with QDesktopWidget; use QScreen
  Q6009 compiled resources (resources_rc, .qrc): PyQt6 has no pyrcc; load files by path
  Q6010 QFontMetrics.width(): removed; horizontalAdvance()
  Q6011 overloaded-signal subscript (activated[str]): removed; use the named signal
  Q6012 Designer spacer without a sizeHint: uic writes QSpacerItem(Policy, Policy), which
        PyQt5 reads as a 0x7 spacer that never stretches and Qt6 refuses (setupUi raises)
qgis.PyQt.QtWidgets.QAction is not flagged: QGIS's Qt6 shim keeps it importable there.

Usage: python scripts/qt6_check.py [paths...]   (default: __init__.py plugin ui)
"""

from __future__ import annotations

import argparse
import ast
import importlib
import re
import sys
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Sequence

if __package__ in (None, ""):  # run as a file: make `scripts` importable, as in the tests
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from scripts.plugin_sources import (
    PLUGIN_CODE,
    REPO_ROOT,
    Finding,
    default_targets,
    dotted_name,
    iter_files,
    shown_path,
)

DEFAULT_TARGETS = PLUGIN_CODE
SUPPRESS_MARK = "# qt6-ok"

DIRECT_BINDINGS = {"PyQt5", "PyQt6", "sip", "PySide2", "PySide6"}
REMOVED_NAMES = {
    "QRegExp": "QRegularExpression",
    "QRegExpValidator": "QRegularExpressionValidator",
    "QDesktopWidget": "QScreen (QGuiApplication.screens())",
    "QTextCodec": "Python str encoding / QStringConverter",
    "QStringRef": "Python str",
    "QMatrix": "QTransform",
    "QGLWidget": "QOpenGLWidget",
    "QSound": "QSoundEffect",
    "QWebView": "QgsWebView or a browser",
    "QWebPage": "QgsWebPage or a browser",
    "QLinkedList": "a Python list",
}
REMOVED_MODULES = {"QtWebKit", "QtWebKitWidgets", "QtMultimediaWidgets", "QtXmlPatterns"}
RENAMED_ENUMS = {
    ("Qt", "MidButton"): "Qt.MouseButton.MiddleButton",
    ("Qt", "TextColorRole"): "Qt.ItemDataRole.ForegroundRole",
    ("Qt", "BackgroundColorRole"): "Qt.ItemDataRole.BackgroundRole",
    ("QPainter", "HighQualityAntialiasing"): "QPainter.RenderHint.Antialiasing",
}
REMOVED_METHODS = {"exec_": "exec", "print_": "print"}
# QGIS keeps QVariant.Type's values (QVariant.Int ...) working on Qt6 builds.
ENUM_OWNERS_MAPPED_BY_QGIS = {"QVariant"}
OVERLOADED_SIGNALS = {"activated", "highlighted", "currentIndexChanged", "valueChanged",
                      "triggered", "buttonClicked"}
UI_REMOVED_CLASS = re.compile(r'class="(' + "|".join(REMOVED_NAMES) + r')"')
UI_SPACER = re.compile(r"<spacer\b(?:[^>]*/>|.*?</spacer>)", re.DOTALL)
UI_RESOURCE = re.compile(r"<include\s+location=\"[^\"]+\.qrc\"|\bresource=\"[^\"]+\.qrc\"")




def _qt_module(module: str) -> Optional[str]:
    """The PyQt module a qgis.PyQt import stands for, or None for any other import."""
    if module == "qgis.PyQt":
        return "qgis.PyQt"
    if module.startswith("qgis.PyQt."):
        return module
    return None


class _Visitor(ast.NodeVisitor):
    def __init__(self, path: str, lines: Sequence[str]):
        self.path = path
        self.lines = lines
        self.findings: List[Finding] = []
        # Local name -> dotted import path, for names bound by qgis.PyQt imports.
        self.qt_names: Dict[str, str] = {}
        self.font_metrics_vars: set = set()

    # -- helpers -------------------------------------------------------------------------
    def _add(self, node: ast.AST, rule: str, message: str) -> None:
        line = getattr(node, "lineno", 0)
        text = self.lines[line - 1] if 0 < line <= len(self.lines) else ""
        if SUPPRESS_MARK in text:
            return
        self.findings.append(Finding(self.path, line, getattr(node, "col_offset", 0) + 1,
                                     rule, message))

    def _resolve(self, dotted: str):
        """The live object a dotted name of this file stands for, through qgis.PyQt."""
        head, *rest = dotted.split(".")
        target = self.qt_names.get(head)
        if target is None:
            return None
        module_name, _, attr = target.partition(":")
        try:
            obj = importlib.import_module(module_name)
        except ImportError:
            return None
        for part in ([attr] if attr else []) + rest:
            obj = getattr(obj, part, None)
            if obj is None:
                return None
        return obj

    # -- imports -------------------------------------------------------------------------
    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            root = alias.name.split(".")[0]
            if root in DIRECT_BINDINGS:
                self._add(node, "Q6001", f"import {alias.name}: use qgis.PyQt instead")
            elif alias.name == "qgis.PyQt.Qt":
                self._add(node, "Q6002", "qgis.PyQt.Qt is gone in Qt6: use qgis.PyQt.QtCore")
            elif alias.name.startswith("qgis.PyQt.") and alias.asname:
                self.qt_names[alias.asname] = f"{alias.name}:"
            if alias.name.split(".")[-1] in REMOVED_MODULES:
                self._add(node, "Q6006", f"{alias.name} does not exist in Qt6")
            if alias.name.split(".")[-1] == "resources_rc":
                self._add(node, "Q6009", "compiled resources are not in PyQt6: load by path")
        self.generic_visit(node)

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        module = node.module or ""
        root = module.split(".")[0]
        if node.level == 0 and root in DIRECT_BINDINGS:
            self._add(node, "Q6001", f"from {module} import ...: use qgis.PyQt instead")
        if module == "qgis.PyQt.Qt":
            self._add(node, "Q6002", "qgis.PyQt.Qt is gone in Qt6: use qgis.PyQt.QtCore")
        qt_module = _qt_module(module) if node.level == 0 else None
        for alias in node.names:
            local = alias.asname or alias.name
            if alias.name in REMOVED_NAMES:
                self._add(node, "Q6006", f"{alias.name} is removed in Qt6: use "
                                         f"{REMOVED_NAMES[alias.name]}")
            if alias.name in REMOVED_MODULES or module.split(".")[-1] in REMOVED_MODULES:
                self._add(node, "Q6006", f"{module}.{alias.name} does not exist in Qt6")
            if alias.name == "resources_rc" or module.endswith("resources_rc"):
                self._add(node, "Q6009", "compiled resources are not in PyQt6: load by path")
            if alias.name == "qApp":
                self._add(node, "Q6007", "qApp is removed in PyQt6: QApplication.instance()")
            if qt_module == "qgis.PyQt":
                self.qt_names[local] = f"qgis.PyQt.{alias.name}:"
            elif qt_module:
                self.qt_names[local] = f"{qt_module}:{alias.name}"
        self.generic_visit(node)

    # -- uses ----------------------------------------------------------------------------
    def visit_Name(self, node: ast.Name) -> None:
        if node.id == "qApp" and isinstance(node.ctx, ast.Load):
            self._add(node, "Q6007", "qApp is removed in PyQt6: QApplication.instance()")
        self.generic_visit(node)

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
        if node.name in REMOVED_METHODS:
            self._add(node, "Q6005", f"def {node.name}: PyQt6 calls {REMOVED_METHODS[node.name]}")
        self.generic_visit(node)

    def visit_Assign(self, node: ast.Assign) -> None:
        value = node.value
        if isinstance(value, ast.Call) and dotted_name(value.func) in ("QFontMetrics",
                                                                    "QFontMetricsF"):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    self.font_metrics_vars.add(target.id)
        self.generic_visit(node)

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        if isinstance(func, ast.Attribute):
            if func.attr in REMOVED_METHODS:
                self._add(node, "Q6005", f"{func.attr}() is removed in PyQt6: use "
                                         f"{REMOVED_METHODS[func.attr]}()")
            if func.attr == "desktop" and not node.args:
                self._add(node, "Q6008", "QApplication.desktop() is removed in Qt6: QScreen")
            if func.attr == "width" and self._is_font_metrics(func.value):
                self._add(node, "Q6010", "QFontMetrics.width() is removed in Qt6: "
                                         "horizontalAdvance()")
        self.generic_visit(node)

    def _is_font_metrics(self, node: ast.AST) -> bool:
        if isinstance(node, ast.Name):
            return node.id in self.font_metrics_vars
        if isinstance(node, ast.Call):
            name = dotted_name(node.func) or ""
            return name in ("QFontMetrics", "QFontMetricsF") or name.endswith(".fontMetrics")
        return False

    def visit_Subscript(self, node: ast.Subscript) -> None:
        value, index = node.value, node.slice
        if (isinstance(value, ast.Attribute) and value.attr in OVERLOADED_SIGNALS
                and isinstance(index, ast.Name) and index.id in ("str", "int", "bool")):
            self._add(node, "Q6011", f"{value.attr}[{index.id}] overloads are removed in "
                                     f"PyQt6: use the signal's own name")
        self.generic_visit(node)

    def visit_Attribute(self, node: ast.Attribute) -> None:
        dotted = dotted_name(node)
        if dotted is not None and isinstance(node.ctx, ast.Load):
            self._check_enum(node, dotted)
        # Inner parts of a chain (Qt.AlignmentFlag) are visited too; they name types, not
        # enum values, so they add no finding.
        self.generic_visit(node)

    def _check_enum(self, node: ast.Attribute, dotted: str) -> None:
        owner_path, member = dotted.rsplit(".", 1)
        owner_name = owner_path.split(".")[-1]
        if (owner_name, member) in RENAMED_ENUMS:
            self._add(node, "Q6004", f"{dotted} is removed in Qt6: use "
                                     f"{RENAMED_ENUMS[(owner_name, member)]}")
            return
        if member in REMOVED_NAMES and owner_path.split(".")[0] in self.qt_names:
            self._add(node, "Q6006", f"{member} is removed in Qt6: use {REMOVED_NAMES[member]}")
            return
        if owner_name in ENUM_OWNERS_MAPPED_BY_QGIS:
            return
        owner = self._resolve(owner_path)
        if owner is None or not isinstance(owner, type):
            return
        value = getattr(owner, member, None)
        enum_type = type(value)
        if value is None or isinstance(value, type) or enum_type is owner:
            return
        if type(enum_type).__name__ != "enumtype":  # sip enums only (not ints, methods ...)
            return
        qualified = enum_type.__qualname__
        if qualified.startswith(owner.__name__ + ".") and member != enum_type.__name__:
            self._add(node, "Q6003", f"{dotted}: scope the enum as "
                                     f"{owner_path}.{enum_type.__name__}.{member}")


def check_python(source: str, path: str = "<string>") -> List[Finding]:
    """Findings for one Python source (syntax errors are ruff's to report)."""
    try:
        tree = ast.parse(source, filename=path)
    except SyntaxError:
        return []
    visitor = _Visitor(path, source.splitlines())
    visitor.visit(tree)
    return sorted(visitor.findings, key=lambda f: (f.line, f.column, f.rule))


def check_ui(text: str, path: str = "<string>") -> List[Finding]:
    """Findings for one Designer .ui file."""
    findings = []
    for number, line in enumerate(text.splitlines(), start=1):
        match = UI_REMOVED_CLASS.search(line)
        if match:
            name = match.group(1)
            findings.append(Finding(path, number, match.start() + 1, "Q6006",
                                    f"{name} is removed in Qt6: use {REMOVED_NAMES[name]}"))
        match = UI_RESOURCE.search(line)
        if match:
            findings.append(Finding(path, number, match.start() + 1, "Q6009",
                                    ".qrc resources are not in PyQt6: reference files by path"))
        for (owner, member), replacement in RENAMED_ENUMS.items():
            if f"{owner}::{member}" in line:
                findings.append(Finding(path, number, line.index(f"{owner}::{member}") + 1,
                                        "Q6004", f"{owner}::{member} is removed in Qt6: use "
                                                 f"{replacement.replace('.', '::')}"))
    for match in UI_SPACER.finditer(text):
        if 'name="sizeHint"' not in match.group(0):
            line = text.count("\n", 0, match.start()) + 1
            column = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
            findings.append(Finding(path, line, column, "Q6012",
                                    "spacer without a sizeHint: Qt6's setupUi refuses it; "
                                    "give it <property name=\"sizeHint\">"))
    return sorted(findings, key=lambda f: (f.line, f.column, f.rule))


def check_paths(paths: Iterable[Path], root: Path = REPO_ROOT) -> List[Finding]:
    """Findings for every .py and .ui file under ``paths`` (reported relative to root)."""
    findings: List[Finding] = []
    for file in iter_files(paths, (".py", ".ui")):
        shown = shown_path(file, root)
        text = file.read_text(encoding="utf-8", errors="replace")
        checker = check_ui if file.suffix == ".ui" else check_python
        findings.extend(checker(text, shown))
    return findings


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path)
    args = parser.parse_args(argv)
    paths = args.paths or default_targets()
    findings = check_paths(paths)
    for finding in findings:
        print(finding)
    print(f"qt6_check: {len(findings)} finding(s)", file=sys.stderr)
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
