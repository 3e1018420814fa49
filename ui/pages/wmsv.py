"""Page 3: the WMS-V's technical name, title, summary and keywords, prefilled from the layer."""

from __future__ import annotations

from qgis.PyQt.QtWidgets import QWizardPage

from ...plugin.publish.default_names import technical_slug as suggest_name
from ..field_errors import FieldErrors
from . import language, load_form

FORM = load_form("wmsv_page")


def split_keywords(text: str):
    return tuple(k.strip() for k in text.split(",") if k.strip())


class WmsvPage(QWizardPage, FORM):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setupUi(self)
        self.errors = FieldErrors(self.form, {"wmsv_name": self.wmsvNameEdit,
                                              "wmsv_title": self.wmsvTitleEdit,
                                              "abstract": self.abstractEdit})
        self._prefilled_for = None
        from ..name_watch import NameWatch

        self.name_watch = NameWatch(self, "wmsv_name", self.wmsvNameEdit, "wmsv_name")

    def initializePage(self) -> None:
        self.name_watch.soon()   # the proposed name too, once the page has filled it
        layer = self.wizard().source_layer()
        key = layer.id() if layer is not None else self.wizard().datasheet_name()
        if key == self._prefilled_for:
            return
        self._prefilled_for = key
        base = self.wizard().datasheet_name()
        self.wmsvNameEdit.setText(f"{base}_wmsv")
        if layer is not None:
            metadata = layer.metadata()
            self.wmsvTitleEdit.setText(metadata.title() or layer.name())
            self.abstractEdit.setPlainText(metadata.abstract() or layer.abstract())
            words = [w for group in metadata.keywords().values() for w in group]
            self.keywordsEdit.setText(", ".join(words or [suggest_name(layer.name())]))
        else:
            self.wmsvTitleEdit.setText(base)

    def problems(self):
        from ...plugin.publish.naming import check_technical_name, check_text

        prefix = self.wizard().layer_name_prefix()
        lang = language()
        found = {}
        for name, problems in (
            ("wmsv_name", check_technical_name(self.wmsvNameEdit.text(), "wmsv_name", prefix)),
            ("wmsv_title", check_text(self.wmsvTitleEdit.text(), "wmsv_title")),
            ("abstract", check_text(self.abstractEdit.toPlainText(), "abstract")),
        ):
            if problems:
                found[name] = [p.message(lang) for p in problems]
        if "wmsv_name" not in found and self.name_watch.refusal():
            found["wmsv_name"] = [self.name_watch.refusal()]
        return found

    def validatePage(self) -> bool:
        return self.errors.show_all(self.problems())
