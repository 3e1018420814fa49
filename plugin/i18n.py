"""Translation of module-level strings.

pylupdate5 files every bare ``tr("…")`` call outside a class under the ``@default`` context,
so this helper must look them up there (classes use ``self.tr`` and their own context).
"""

from __future__ import annotations

from qgis.PyQt.QtCore import QCoreApplication

DEFAULT_CONTEXT = "@default"


def tr(text: str) -> str:
    return QCoreApplication.translate(DEFAULT_CONTEXT, text)
