"""What a user reads in a window (labels, buttons, group titles, tooltips, combo items, table
and tree headers and cells, placeholders, window titles), and the English it must not be.

The English side is every source string of the plugin's catalogue (a ``{0}`` matches any
text, so a formatted message is caught too), Qt's own button words, and the raw codes of the
platform and of ISO 19115 that the interface must show as words.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Iterator, List, Tuple

from lxml import etree

ROOT = Path(__file__).resolve().parents[2]
ENGLISH_TS = ROOT / "i18n" / "gpf_wmts_publisher_en.ts"

# Qt's own words in the wizard, message boxes and button boxes (qtbase's sources).
QT_ENGLISH = ("< &Back", "&Next >", "Cancel", "&Finish", "&Commit", "&Help", "Back",
              "Next", "Finish", "Help", "OK", "&Yes", "&No", "Yes", "No", "Close", "Apply",
              "Reset", "Save", "&OK", "&Cancel", "&Close", "Open", "Discard")

# Words spelt the same in both languages (or names), allowed when a French string equals them.
SAME_IN_BOTH = {
    "WMTS", "WMS", "WMS-V", "WMTS-TMS", "Type", "Source", "Style", "Description", "Publication",
    "Configuration", "Date", "Format", "Zoom", "Organisation", "Attribution", "Service",
    "Services", "Documentation", "Url", "URL", "E-mail", "Extent", "Sandbox", "OK", "Version",
    "Total", "Minimum", "Maximum", "Distance", "Image", "Code", "Identifiant", "Instance",
    "Zone", "Rotation", "Position", "Message", "Note", "Structure", "Environnement", "Local",
    "PNG", "JPEG", "Validation", "Transport", "Contact", "Support", "Production", "Licence",
    "Géoplateforme (data.geopf.fr)", "Verdict",
}

_PLACEHOLDER = re.compile(r"\\\{\d+(?::[^}]*)?\\\}")
_TAG = re.compile(r"<[^>]+>")


def normalised(text: str) -> str:
    """Without HTML tags, accelerator ampersands and extra blanks."""
    text = html.unescape(_TAG.sub(" ", text or ""))
    text = re.sub(r"&(?=\S)", "", text)
    return " ".join(text.split())


def english_patterns() -> List[Tuple[str, re.Pattern]]:
    from gpf_wmts_publisher.plugin import code_labels
    from gpf_wmts_publisher.plugin.metadata.codelists import TOPIC_CATEGORIES, UPDATE_FREQUENCIES

    sources = [m.findtext("source") for m in etree.parse(str(ENGLISH_TS)).iter("message")]
    codes = [*TOPIC_CATEGORIES, *UPDATE_FREQUENCIES, *code_labels._statuses()]
    patterns = []
    for source in {*sources, *QT_ENGLISH, *codes}:
        text = normalised(source)
        if len(text) < 2 or text in SAME_IN_BOTH:
            continue
        regex = _PLACEHOLDER.sub(".+", re.escape(text))
        patterns.append((text, re.compile(regex, re.DOTALL)))
    return patterns


def visible_strings(root) -> Iterator[Tuple[str, str]]:
    """(where, text) for each string a user sees in ``root`` as it is now shown."""
    from qgis.PyQt.QtWidgets import (
        QAbstractButton,
        QComboBox,
        QGroupBox,
        QLabel,
        QLineEdit,
        QListWidget,
        QPlainTextEdit,
        QTabWidget,
        QTextEdit,
        QTreeWidget,
        QWidget,
    )

    yield f"{root.objectName()} window title", root.windowTitle()
    for widget in [root, *root.findChildren(QWidget)]:
        if widget is not root and not widget.isVisibleTo(root):
            continue
        where = f"{type(widget).__name__} {widget.objectName()}"
        yield f"{where} tooltip", widget.toolTip()
        if isinstance(widget, QLabel):
            yield where, widget.text()
        elif isinstance(widget, QAbstractButton):
            yield where, widget.text()
        elif isinstance(widget, QGroupBox):
            yield where, widget.title()
        elif isinstance(widget, QComboBox):
            for index in range(widget.count()):
                yield f"{where} item {index}", widget.itemText(index)
        elif isinstance(widget, QLineEdit):
            yield f"{where} placeholder", widget.placeholderText()
        elif isinstance(widget, (QPlainTextEdit, QTextEdit)):
            yield f"{where} placeholder", widget.placeholderText()
        elif isinstance(widget, QListWidget):
            for index in range(widget.count()):
                yield f"{where} item {index}", widget.item(index).text()
        elif isinstance(widget, QTabWidget):
            for index in range(widget.count()):
                yield f"{where} tab {index}", widget.tabText(index)
        if isinstance(widget, QTreeWidget):
            header = widget.headerItem()
            for column in range(header.columnCount()):
                yield f"{where} header {column}", header.text(column)
            items = [widget.topLevelItem(i) for i in range(widget.topLevelItemCount())]
            while items:
                item = items.pop()
                items.extend(item.child(i) for i in range(item.childCount()))
                for column in range(item.columnCount()):
                    yield f"{where} cell", item.text(column)
                    yield f"{where} cell tooltip", item.toolTip(column)
        elif hasattr(widget, "model") and hasattr(widget, "horizontalHeader"):
            model = widget.model()
            if model is not None:
                from qgis.PyQt.QtCore import Qt

                for column in range(model.columnCount()):
                    yield f"{where} header {column}", str(
                        model.headerData(column, Qt.Orientation.Horizontal) or "")


# A message tagged with an English code ("[WARNING] …") reads as English whatever follows.
_ENGLISH_TAG = re.compile(r"^\[(ERROR|WARNING|FIXED|INFO)\]")


def english_left(root, patterns) -> List[str]:
    """The visible strings of ``root`` that are still their English source."""
    found = []
    for where, text in visible_strings(root):
        shown = normalised(text)
        if len(shown) < 2 or shown in SAME_IN_BOTH:
            continue
        if _ENGLISH_TAG.match(shown):
            found.append(f"{where}: {shown[:60]!r} (an English code as its tag)")
            continue
        for source, regex in patterns:
            if regex.fullmatch(shown):
                found.append(f"{where}: {shown!r} (English source {source!r})")
                break
    return found
