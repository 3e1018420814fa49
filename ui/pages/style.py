"""Page 2: the SLD pipeline's findings and the fidelity preview (QGIS vs exported SLD)."""

from __future__ import annotations

from qgis.PyQt.QtGui import QColor, QPixmap
from qgis.PyQt.QtWidgets import QListWidgetItem, QWizardPage

from ..background import run_in_task
from ..layer_copy import layer_factory
from . import language, load_form

FORM = load_form("style_page")
PREVIEW_LEVELS = (12, 14, 16)

SEVERITY_COLOURS = {"ERROR": QColor(192, 0, 0), "WARNING": QColor(179, 89, 0),
                    "FIXED": QColor(0, 110, 0)}


def check_style(make_layer, lang: str, data_name: str = ""):
    """QGIS's SLD export, the platform's rules and the symbology report, on a copy of the
    layer that only this task uses (the original belongs to the GUI thread). The style is
    checked against the table and columns the integration will create (GDAL's names for the
    data name and the layer's fields), so a style that would fail is caught before upload."""
    from ...plugin.sld.names import predicted_table
    from ...plugin.sld.pipeline import predicted_attributes, prepare_sld

    copy = make_layer()
    table = predicted_table(data_name or copy.name())
    return prepare_sld(copy, table_name=table, attributes=predicted_attributes(copy, table),
                       lang=lang)


class StylePage(QWizardPage, FORM):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setupUi(self)
        self.result = None
        self.preview = None
        self.task = None
        self.preview_task = None
        self.map_sources = ()
        self.checkButton.clicked.connect(self.check_style)

    def initializePage(self) -> None:
        self.check_style()

    def check_style(self) -> None:
        layer = self.wizard().source_layer()
        self.findingsList.clear()
        self.result = None
        self.preview = None
        self.completeChanged.emit()
        if self.wizard().map_layers():
            self._check_map()
            return
        if layer is None:
            self.scoreLabel.setText(self.tr("A stored data is reused: its style is not checked "
                                            "here; the layer's style is used when available."))
            return
        self.scoreLabel.setText(self.tr("Checking the style…"))
        self.checkButton.setEnabled(False)
        make_layer, lang = layer_factory(layer), language()
        data_name = self.wizard().datasheet_name()  # the GeoPackage table the upload holds
        self.task = run_in_task(self.tr("Checking the style"),
                                lambda _task: check_style(make_layer, lang, data_name),
                                self._show_result, self._show_failure)

    def _check_map(self) -> None:
        """A map: every layer's style (findings named after their layer), then the preview
        of the whole map. The layers are snapshotted here, reopened in the task."""
        from ...plugin.publish.map_source import sources_of

        sources, lang = sources_of(self.wizard().map_layers()), language()
        self.map_sources = sources
        self.scoreLabel.setText(self.tr("Checking the style…"))
        self.checkButton.setEnabled(False)

        def check(_task):
            from ...plugin.sld.map_check import check_map_style

            return check_map_style(sources, lang)

        self.task = run_in_task(self.tr("Checking the style"), check, self._show_result,
                                self._show_failure)

    def _show_result(self, result) -> None:
        self.checkButton.setEnabled(True)
        self.result = result
        lang = language()
        for item in result.findings:
            entry = QListWidgetItem(item.text(lang))
            entry.setForeground(SEVERITY_COLOURS.get(item.severity.value, QColor(0, 0, 0)))
            self.findingsList.addItem(entry)
        if not result.findings:
            self.findingsList.addItem(self.tr("No problem found: the SLD is ready."))
        self._update_score_label()
        self.completeChanged.emit()
        self._start_preview(result)

    def _show_failure(self, message: str) -> None:
        self.checkButton.setEnabled(True)
        self.scoreLabel.setText(self.tr("The style could not be checked: {0}").format(message))

    # -- fidelity preview: the layer rendered by QGIS and with the exported SLD ----------
    def _start_preview(self, result) -> None:
        """Renders in a task, on a clone of the layer (the original belongs to the GUI)."""
        if getattr(result, "results", None) is not None:   # a map: the composite
            sources = self.map_sources

            def render_map(_task):
                from ...plugin.sld.map_check import preview_map

                return preview_map(sources, result, PREVIEW_LEVELS)

            self.preview_task = run_in_task(self.tr("Rendering the style preview"),
                                            render_map, self._show_preview, lambda m: None)
            return
        layer = self.wizard().source_layer()
        if layer is None or not result.sld_bytes:
            return
        make_layer = layer_factory(layer)
        sld, field_map = result.sld_bytes, result.field_map
        # Icons still to upload (and marks drawn as SVG annexes) show from their local file.
        annex_paths = {annex.placeholder: annex.local_path for annex in result.annexes}

        def render(_task):
            # Imported here, in the worker: the first import (numpy) took ~50 ms, which
            # the GUI thread must not spend.
            from ...plugin.sld.preview import preview_fidelity_of

            return preview_fidelity_of(make_layer, sld, PREVIEW_LEVELS, field_map=field_map,
                                       annex_paths=annex_paths)

        self.preview_task = run_in_task(self.tr("Rendering the style preview"), render,
                                        self._show_preview, lambda message: None)

    def _show_preview(self, preview) -> None:
        self.preview = preview
        shown = preview.worst  # the level the score comes from
        if shown is not None:
            for label, image in ((self.localPreview, shown.original),
                                 (self.sldPreview, shown.from_sld)):
                label.setPixmap(QPixmap.fromImage(image))
            self.localCaption.setText(self.tr("QGIS rendering (level {0})").format(shown.level))
        self._update_score_label()

    def _update_score_label(self) -> None:
        if self.result is None:
            return
        errors = sum(1 for f in self.result.findings if f.severity.value == "ERROR")
        warnings = sum(1 for f in self.result.findings if f.severity.value == "WARNING")
        text = self.tr("{0} error(s), {1} warning(s).").format(errors, warnings)
        if self.preview is not None:
            worst = self.preview.worst
            text += " " + self.tr("Fidelity score: {0:.0%} (faithful from {1:.0%}; worst: "
                                  "level {2}, shown).").format(
                self.preview.score, self.preview.threshold,
                worst.level if worst is not None else "–")
            if self.preview.load_error:
                text += " " + self.preview.load_error
        self.scoreLabel.setText(text)

    def isComplete(self) -> bool:
        if self.wizard() is not None and self.wizard().source_layer() is None:
            return True
        return self.result is not None and self.result.ok
