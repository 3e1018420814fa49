"""The publication wizard's pages, one module each, each driving its Designer .ui file."""

from __future__ import annotations

import os

from ..forms import form_class

HERE = os.path.dirname(__file__)


def load_form(name: str):
    """The form class of ``<name>.ui``, compiled ahead (ui/forms)."""
    return form_class(os.path.join(HERE, f"{name}.ui"))


def language() -> str:
    """'fr' or 'en', as QGIS runs."""
    from ...plugin.publish.naming import default_language

    return default_language()
