"""The publication wizard's pages, one module each, each driving its Designer .ui file."""

from __future__ import annotations

import os

from qgis.PyQt import uic

HERE = os.path.dirname(__file__)


def load_form(name: str):
    """The generated form class of ``<name>.ui`` (uic.loadUiType)."""
    form, _base = uic.loadUiType(os.path.join(HERE, f"{name}.ui"))
    return form


def language() -> str:
    """'fr' or 'en', as QGIS runs."""
    from ...plugin.publish.naming import default_language

    return default_language()
