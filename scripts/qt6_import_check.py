"""Imports every module of plugin/ and ui/ with PyQt6 behind qgis.PyQt, as QGIS 4 (Qt6) does.

scripts/qt6_check.py reads the code; this one runs it: a PyQt5-only name (QRegExp, an
unscoped enum such as Qt.AlignLeft evaluated at import time, exec_ ...) fails the import here
exactly as it would in a Qt6 build of QGIS. Every Designer form (.ui) is also compiled by
PyQt6's uic and, when it holds no QGIS widget, built (setupUi) on a headless QApplication:
uic output that only PyQt5 tolerates (a spacer without a sizeHint becomes
QSpacerItem(Policy, Policy), which Qt6 refuses) fails there, not in front of a user.

How: before anything is imported, a stand-in ``qgis`` package is installed whose only content
is ``qgis.PyQt``, mapping qgis.PyQt.QtCore -> PyQt6.QtCore and so on, as QGIS 4's own shim
does (its QtWidgets also keeps QAction and QShortcut, which moved to QtGui in Qt6, see QGIS
pull request 55658). The real qgis.core is never loaded, even where it is installed: a QGIS
3.x build would drag PyQt5 into the same process. So a module that imports qgis.core or
qgis.gui (directly or through another module) is reported as "needs QGIS, not checked";
scripts/qt6_check.py still checks it statically. Any other error fails the check, and so
does a direct PyQt5/sip import.

Needs a Python where PyQt6 and PyQt6.uic import (Debian: python3-pyqt6, pyqt6-dev-tools).

Usage: python3 scripts/qt6_import_check.py [--root PLUGIN_DIR]     exit 0 = every importable
module imported; 1 = a failure (or PyQt6 missing).
"""

from __future__ import annotations

import argparse
import importlib
import importlib.abc
import importlib.machinery
import importlib.util
import io
import os
import sys
import traceback
import warnings
from pathlib import Path
from types import ModuleType
from typing import Dict, List, Optional, Tuple

if __package__ in (None, ""):  # run as a file: make `scripts` importable, as in the tests
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from scripts.plugin_sources import PLUGIN_SLUG, REPO_ROOT, iter_files, shown_path

CHECKED_PACKAGES = ("plugin", "ui")
# Native QGIS modules: importing one means the module needs a running QGIS, not a Qt fix.
NEEDS_QGIS = {"qgis.core", "qgis._core", "qgis.gui", "qgis._gui", "qgis.analysis",
              "qgis._analysis", "qgis.utils", "qgis.processing", "qgis.server"}
# Names QGIS 4's qgis.PyQt.QtWidgets re-exports from QtGui so that Qt5-era imports still work.
WIDGETS_KEPT_FROM_GUI = ("QAction", "QShortcut")
BLOCKED_BINDINGS = {"PyQt5", "sip"}  # the plugin must go through qgis.PyQt


class QgisPyQt6StandIn(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """``qgis`` and ``qgis.PyQt`` as empty packages, ``qgis.PyQt.X`` as a copy of PyQt6.X."""

    def find_spec(self, fullname, path=None, target=None):
        root = fullname.split(".")[0]
        if root in BLOCKED_BINDINGS:
            raise ModuleNotFoundError(f"{fullname}: import Qt through qgis.PyQt", name=fullname)
        if root != "qgis":
            return None
        if fullname in ("qgis", "qgis.PyQt"):
            return importlib.machinery.ModuleSpec(fullname, self, is_package=True)
        if fullname.startswith("qgis.PyQt."):
            importlib.import_module("PyQt6." + fullname[len("qgis.PyQt."):])  # fails if absent
            return importlib.machinery.ModuleSpec(fullname, self)
        raise ModuleNotFoundError(f"No module named {fullname!r} (QGIS is not loaded by "
                                  f"this check)", name=fullname)

    def create_module(self, spec):
        return None  # the default module object

    def exec_module(self, module: ModuleType) -> None:
        if module.__name__ in ("qgis", "qgis.PyQt"):
            module.__path__ = []
            return
        source = importlib.import_module("PyQt6." + module.__name__[len("qgis.PyQt."):])
        module.__dict__.update({name: value for name, value in vars(source).items()
                                if not name.startswith("__")})
        if module.__name__ == "qgis.PyQt.QtWidgets":
            gui = importlib.import_module("PyQt6.QtGui")
            for name in WIDGETS_KEPT_FROM_GUI:
                setattr(module, name, getattr(gui, name))


def install_stand_in() -> None:
    for name in [n for n in sys.modules if n.split(".")[0] in ("qgis", *BLOCKED_BINDINGS)]:
        del sys.modules[name]  # nothing Qt5 may be reused by the imports below
    sys.meta_path.insert(0, QgisPyQt6StandIn())


def register_plugin_package(root: Path) -> None:
    """The plugin folder as the package ``gpf_wmts_publisher``, as QGIS loads it."""
    spec = importlib.util.spec_from_file_location(
        PLUGIN_SLUG, root / "__init__.py", submodule_search_locations=[str(root)])
    module = importlib.util.module_from_spec(spec)
    sys.modules[PLUGIN_SLUG] = module
    spec.loader.exec_module(module)


def module_names(root: Path) -> List[Tuple[str, str]]:
    """(dotted module name, file shown to the user) for every .py of the checked packages."""
    names = []
    for file in iter_files([root / package for package in CHECKED_PACKAGES]):
        parts = list(file.relative_to(root).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        names.append((".".join([PLUGIN_SLUG, *parts]), shown_path(file, root)))
    return names


def _missing_qgis_module(exc: BaseException) -> Optional[str]:
    name = getattr(exc, "name", None)
    return name if isinstance(exc, ModuleNotFoundError) and name in NEEDS_QGIS else None


def _where(exc: BaseException) -> str:
    """The innermost frame of the error: the line to fix."""
    frames = traceback.extract_tb(exc.__traceback__)
    frame = frames[-1] if frames else None
    where = f" at {frame.filename}:{frame.lineno}" if frame else ""
    message = " ".join(str(exc).split())  # PyQt's overload errors span several lines
    return f"{type(exc).__name__}: {message}{where}"


def import_all(root: Path) -> Dict[str, List[Tuple[str, str]]]:
    """{"imported"|"built"|"needs_qgis"|"failed": [(file, detail)]} for every checked module."""
    results: Dict[str, List[Tuple[str, str]]] = {
        "imported": [], "built": [], "needs_qgis": [], "failed": []}
    for name, shown in module_names(root):
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", DeprecationWarning)  # as QGIS's uic shim does
                importlib.import_module(name)
        except Exception as exc:
            missing = _missing_qgis_module(exc)
            if missing:
                results["needs_qgis"].append((shown, missing))
            else:
                results["failed"].append((shown, _where(exc)))
        else:
            results["imported"].append((shown, ""))
    return results


def _check_form(file: Path) -> Tuple[str, str]:
    """("built"|"needs_qgis"|"failed", detail) for one Designer file."""
    from qgis.PyQt import uic

    try:
        uic.compileUi(str(file), io.StringIO())  # uic's own errors, before any import
        form_class, base_class = uic.loadUiType(str(file))
    except Exception as exc:
        missing = _missing_qgis_module(exc)
        return ("needs_qgis", f"compiled; {missing}") if missing else ("failed", _where(exc))
    try:
        widget = base_class()
        form_class().setupUi(widget)
        widget.deleteLater()
    except Exception as exc:
        return "failed", _where(exc)
    return "built", ""


def check_forms(root: Path, results: Dict[str, List[Tuple[str, str]]]) -> None:
    for file in iter_files([root / package for package in CHECKED_PACKAGES], (".ui",)):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            outcome, detail = _check_form(file)
        results[outcome].append((shown_path(file, root), detail))


def _pyqt6_versions() -> Optional[str]:
    try:
        import PyQt6.uic  # noqa: F401
        from PyQt6 import QtCore
    except ImportError as exc:
        print(f"qt6_import_check: {exc} with {sys.executable}: install python3-pyqt6 and "
              f"pyqt6-dev-tools (PyQt6.uic)", file=sys.stderr)
        return None
    return f"PyQt6 {QtCore.PYQT_VERSION_STR}, Qt {QtCore.QT_VERSION_STR}"


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=REPO_ROOT,
                        help="the plugin folder (the one with metadata.txt)")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    install_stand_in()
    versions = _pyqt6_versions()
    if versions is None:
        return 1
    print(f"qt6_import_check: importing {', '.join(CHECKED_PACKAGES)} of {root} with "
          f"{versions} behind qgis.PyQt (Python {sys.version.split()[0]})")
    # QGIS has its application before any plugin code runs; widgets need one too.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from qgis.PyQt.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])  # noqa: F841 - kept alive to the end
    register_plugin_package(root)
    results = import_all(root)
    check_forms(root, results)
    for label, key in (("imported", "imported"), ("built", "built"),
                       ("needs QGIS", "needs_qgis"), ("FAILED", "failed")):
        for shown, detail in results[key]:
            print(f"  {label:<11} {shown}" + (f": {detail}" if detail else ""))
    print(f"qt6_import_check: {len(results['imported'])} module(s) imported, "
          f"{len(results['built'])} form(s) built, {len(results['needs_qgis'])} skipped as "
          f"needing QGIS (not checked), {len(results['failed'])} failed")
    return 1 if results["failed"] else 0


if __name__ == "__main__":
    sys.exit(main())
