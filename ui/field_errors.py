"""Validation messages shown right under the field they are about, in a QFormLayout."""

from __future__ import annotations

from typing import Dict, Iterable

from qgis.PyQt.QtWidgets import QFormLayout, QLabel, QWidget

ERROR_STYLE = "color: #c00000;"


class FieldErrors:
    """One hidden red label per field, inserted under its row; ``show`` fills and reveals it."""

    def __init__(self, form: QFormLayout, fields: Dict[str, QWidget]):
        self.fields = dict(fields)
        self.labels: Dict[str, QLabel] = {}
        for name, widget in self.fields.items():
            label = QLabel(widget.parentWidget())
            label.setObjectName(f"{name}Error")
            label.setStyleSheet(ERROR_STYLE)
            label.setWordWrap(True)
            label.hide()
            row, _role = form.getWidgetPosition(widget)
            if row < 0:  # the field sits inside a sub-layout: find its row through the parent
                row = _row_of_nested(form, widget)
            form.insertRow(row + 1, "", label)
            self.labels[name] = label

    def clear(self) -> None:
        for label in self.labels.values():
            label.clear()
            label.hide()

    def show(self, name: str, messages: Iterable[str]) -> None:
        text = "\n".join(m for m in messages if m)
        label = self.labels[name]
        label.setText(text)
        label.setVisible(bool(text))

    def show_all(self, found: Dict[str, Iterable[str]]) -> bool:
        """Replace what is shown by ``found`` (field name -> messages); True when empty."""
        self.clear()
        for name, messages in found.items():
            self.show(name, messages)
        return not found

    def messages(self) -> Dict[str, str]:
        """Field → message currently shown (tests read this)."""
        return {name: label.text() for name, label in self.labels.items() if label.text()}


def _row_of_nested(form: QFormLayout, widget: QWidget) -> int:
    for row in range(form.rowCount()):
        item = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
        layout = item.layout() if item is not None else None
        if layout is not None and layout.indexOf(widget) >= 0:
            return row
    return form.rowCount() - 1
