"""The room for each thing: small modules, and no widget in plugin/.

``plugin/`` must stay testable without a window (README, "The tree"); a module that grows past
400 lines mixes concerns and is split by what it does.
"""

from __future__ import annotations

import ast
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
MAX_LINES = 400
WIDGET_MODULES = ("qgis.PyQt.QtWidgets", "PyQt5.QtWidgets", "PyQt6.QtWidgets", "qgis.gui")


def _python_files(folder: str, root: Path = REPO_ROOT):
    return sorted((root / folder).rglob("*.py"))


def _line_count(path: Path) -> int:
    with path.open(encoding="utf-8") as handle:
        return sum(1 for _ in handle)


def oversized_modules(root: Path = REPO_ROOT, folders=("plugin", "ui", "sandbox")):
    return [f"{path.relative_to(root).as_posix()}: {count} lines"
            for folder in folders for path in _python_files(folder, root)
            if (count := _line_count(path)) > MAX_LINES]


def widget_imports(source: str):
    """Modules of WIDGET_MODULES that ``source`` imports, however it spells the import."""
    found = []
    for node in ast.walk(ast.parse(source)):
        names = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
        found += [n for n in names if n in WIDGET_MODULES]
    return found


def test_no_module_of_plugin_ui_or_sandbox_passes_400_lines():
    assert oversized_modules() == []


def test_plugin_imports_no_widget_module():
    offenders = {}
    for path in _python_files("plugin"):
        imports = widget_imports(path.read_text(encoding="utf-8"))
        if imports:
            offenders[path.relative_to(REPO_ROOT).as_posix()] = imports
    assert offenders == {}


def test_the_widget_import_check_sees_every_spelling():
    assert widget_imports("from qgis.PyQt.QtWidgets import QAction") == ["qgis.PyQt.QtWidgets"]
    assert widget_imports("from qgis.PyQt import QtWidgets") == ["qgis.PyQt.QtWidgets"]
    assert widget_imports("import qgis.gui") == ["qgis.gui"]
    assert widget_imports("from qgis.gui import QgsMapCanvas") == ["qgis.gui"]
    assert widget_imports("def f():\n    from PyQt5.QtWidgets import QWidget\n") == [
        "PyQt5.QtWidgets"]
    assert widget_imports("from qgis.PyQt.QtGui import QIcon\nimport requests\n") == []


def test_the_size_check_counts_lines(tmp_path):
    (tmp_path / "plugin").mkdir()
    (tmp_path / "plugin" / "big.py").write_text("x = 1\n" * (MAX_LINES + 1), encoding="utf-8")
    (tmp_path / "plugin" / "fits.py").write_text("x = 1\n" * MAX_LINES, encoding="utf-8")
    assert oversized_modules(tmp_path, ("plugin",)) == [f"plugin/big.py: {MAX_LINES + 1} lines"]
