"""The Designer forms, compiled ahead by scripts/compile_forms.py (one module per .ui file).

``form_class(ui_path)`` gives the form class of a .ui file: the compiled one when it was
compiled from this very file (same SHA-256), else compiled now with ``uic.loadUiType`` (a
form edited in Designer and not recompiled is slower to open, never wrong). Compiling at run
time parses XML on the GUI thread and stalls QGIS for tens of milliseconds per window.
"""

from __future__ import annotations

import hashlib
import importlib
import logging
import os

LOG = logging.getLogger(__name__)


def compiled_form(ui_path: str):
    """The compiled form class of ``ui_path`` when it is up to date, else ``None``."""
    name = os.path.splitext(os.path.basename(ui_path))[0]
    with open(ui_path, "rb") as handle:
        # LF line ends, as scripts/compile_forms.py hashes: a CRLF checkout is the same form
        digest = hashlib.sha256(handle.read().replace(b"\r\n", b"\n")).hexdigest()
    try:
        module = importlib.import_module(f"{__name__}.{name}")
    except ImportError:
        return None
    if getattr(module, "SOURCE_SHA256", "") != digest:
        LOG.debug("%s changed since it was compiled: compiling it now", ui_path)
        return None
    return next(getattr(module, attribute) for attribute in dir(module)
                if attribute.startswith("Ui_"))


def form_class(ui_path: str):
    """The form class of the Designer file ``ui_path`` (what ``uic.loadUiType`` returns
    first), compiled ahead when possible."""
    form = compiled_form(ui_path)
    if form is None:
        from qgis.PyQt import uic

        form, _base = uic.loadUiType(ui_path)
    return form
