"""Every user-facing string has a French translation, the .ts files follow the code, and the
compiled French catalogue really changes the interface."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from lxml import etree
from qgis.PyQt.QtCore import QCoreApplication, QTranslator

ROOT = Path(__file__).resolve().parents[2]
I18N = ROOT / "i18n"


def _messages(path: Path):
    tree = etree.parse(str(path))
    for context in tree.iter("context"):
        for message in context.iter("message"):
            yield context.findtext("name"), message.findtext("source"), message.find(
                "translation")


@pytest.mark.parametrize("language", ["fr", "en"])
def test_every_string_is_translated(language):
    unfinished = [source for _ctx, source, translation in
                  _messages(I18N / f"gpf_wmts_publisher_{language}.ts")
                  if translation.get("type") == "unfinished" or not translation.text]
    assert unfinished == []


def test_english_catalogue_is_the_identity():
    for _ctx, source, translation in _messages(I18N / "gpf_wmts_publisher_en.ts"):
        assert translation.text == source


@pytest.mark.skipif(shutil.which("pylupdate5") is None, reason="pylupdate5 not installed")
def test_ts_files_follow_the_code(tmp_path):
    files = subprocess.run(["git", "ls-files", "plugin/*.py", "ui/*.py", "ui/*.ui",
                            "__init__.py"], cwd=ROOT, capture_output=True, text=True,
                           check=True).stdout.split()
    fresh = tmp_path / "fresh.ts"
    subprocess.run(["pylupdate5", "-noobsolete", *files, "-ts", str(fresh)], cwd=ROOT,
                   check=True, capture_output=True)
    in_code = {(ctx, source) for ctx, source, _t in _messages(fresh)}
    in_catalogue = {(ctx, source) for ctx, source, _t in
                    _messages(I18N / "gpf_wmts_publisher_fr.ts")}
    assert in_code - in_catalogue == set(), "run `make i18n` and translate the new strings"


def test_french_catalogue_changes_the_interface(qgis_app):
    qm = I18N / "gpf_wmts_publisher_fr.qm"
    if not qm.exists():
        subprocess.run(["lrelease", "-silent", str(I18N / "gpf_wmts_publisher_fr.ts"), "-qm",
                        str(qm)], check=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    try:
        from gpf_wmts_publisher.ui import session as session_module
        from gpf_wmts_publisher.ui.login_dialog import LoginDialog

        dialog = LoginDialog(session=session_module.Session())
        assert dialog.windowTitle() == "Se connecter à la Géoplateforme"
        assert dialog.connectButton.text() == "Se connecter"
        assert QCoreApplication.translate("LevelInspection", "empty") == "vide"
    finally:
        QCoreApplication.removeTranslator(translator)
