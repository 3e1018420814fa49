"""Every error kind has its own translated line (plugin/error_messages.py, issue 14 hole 6)."""

from __future__ import annotations

import pytest
from gpf_wmts_publisher.plugin.entrepot import errors
from gpf_wmts_publisher.plugin.error_messages import KIND_TEXTS, user_error_text
from gpf_wmts_publisher.plugin.publish.errors import PublishError
from gpf_wmts_publisher.ui.background import error_text

ERROR_CLASSES = [cls for cls in vars(errors).values()
                 if isinstance(cls, type) and issubclass(cls, errors.EntrepotError)]


@pytest.mark.parametrize("cls", ERROR_CLASSES, ids=lambda cls: cls.__name__)
def test_every_kind_has_its_text_then_status_and_platform_words(qgis_app, cls):
    assert cls.kind in KIND_TEXTS
    text = user_error_text(cls(status=500, details=["les mots"]))
    assert text.startswith(KIND_TEXTS[cls.kind]) and "HTTP 500" in text and "les mots" in text
    assert error_text(cls(status=500)) == user_error_text(cls(status=500))  # tasks, docks


def test_other_exceptions_give_one_line_without_path_or_traceback(qgis_app):
    too_long = OSError(36, "File name too long", "/home/someone/" + "x" * 300)
    assert "/home/someone" not in user_error_text(too_long)
    assert "File name too long" in user_error_text(too_long)
    assert user_error_text(PublishError("nom déjà pris", step="wmts")) == "[wmts] nom déjà pris"
    assert "KeyError" not in user_error_text(ValueError("valeur")) == "valeur"
    assert "RuntimeError" in user_error_text(RuntimeError("boom"))


def test_the_kind_texts_are_french_under_the_french_catalogue(qgis_app):
    import subprocess
    from pathlib import Path

    from gpf_wmts_publisher.plugin.entrepot.errors import ConnectionFailed, TokenError
    from qgis.PyQt.QtCore import QCoreApplication, QTranslator

    qm = Path(__file__).resolve().parents[2] / "i18n" / "gpf_wmts_publisher_fr.qm"
    if not qm.exists():
        subprocess.run(["lrelease", "-silent", str(qm.with_suffix(".ts")), "-qm", str(qm)],
                       check=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    try:
        assert user_error_text(ConnectionFailed()).startswith("Impossible de joindre")
        assert "a refusé les identifiants" in user_error_text(TokenError(status=401))
    finally:
        QCoreApplication.removeTranslator(translator)
