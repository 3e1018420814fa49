"""Draws datasheets (plugin/publish/datasheet.py) in the datasheet view's tree: one top item
per datasheet, then its vector data, WMS-V, pyramids, WMTS, metadata and uploads; a service
shows its offerings' access, its permissions and the key accesses to it. Presentation only:
what a datasheet holds is read in plugin/."""

from __future__ import annotations

from typing import Iterable, List, Optional

from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QTreeWidget, QTreeWidgetItem

from ..plugin.code_labels import status_label
from ..plugin.i18n import tr
from ..plugin.publish.datasheet import NO_DATASHEET, Datasheet, Item, ServiceRow

ROW_ROLE = Qt.ItemDataRole.UserRole             # a service item: its index in the dock's rows
SHEET_ROLE = Qt.ItemDataRole.UserRole + 1       # every item: its datasheet's name
COLUMNS = 5                                     # name, type, status, details, date


def size_text(size: Optional[int]) -> str:
    if size is None:
        return ""
    value = float(size)
    for unit in ("B", "KiB", "MiB", "GiB"):
        if value < 1024 or unit == "GiB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return ""


def levels_text(levels: Iterable[str]) -> str:
    levels = list(levels)
    if not levels:
        return ""
    return tr("levels {0}–{1}").format(levels[0], levels[-1]) if len(levels) > 1 else \
        tr("level {0}").format(levels[0])


def date_text(stamp: str) -> str:
    return (stamp or "")[:16].replace("T", " ")


def _node(parent, sheet: str, texts: List[str]) -> QTreeWidgetItem:
    item = QTreeWidgetItem([*texts, *[""] * (COLUMNS - len(texts))])
    item.setData(0, SHEET_ROLE, sheet)
    if isinstance(parent, QTreeWidget):
        parent.addTopLevelItem(item)
    else:
        parent.addChild(item)
    return item


def _group(parent, sheet: str, title: str, count: int) -> QTreeWidgetItem:
    return _node(parent, sheet, [f"{title} ({count})"])


def _resource(parent, sheet: str, item: Item, details: str = "") -> QTreeWidgetItem:
    return _node(parent, sheet, [item.name or item.id, item.type, status_label(item.status)
                                 if item.status else "", details, date_text(item.creation)])


def access_text(row: ServiceRow) -> str:
    return ", ".join(tr("open to all") if o["open"] else tr("restricted")
                     for o in row.offerings) or "–"


def _service(parent, sheet: str, row: ServiceRow, index: int) -> QTreeWidgetItem:
    item = _node(parent, sheet, [row.layer_name or row.name, row.type, status_label(row.status),
                                 access_text(row), date_text(row.creation)])
    item.setData(0, ROW_ROLE, index)
    for relation in row.relations:   # a map's WMS-V: one table per layer, bottom first
        _node(item, sheet, [tr("Table: {0}").format(relation.table), "", "",
                            tr("style {0}").format(relation.style_name)
                            if relation.style_name else tr("style gone"), ""])
    for permission in row.permissions:
        until = tr("until {0}").format(permission.status[:10]) if permission.status else ""
        _node(item, sheet, [tr("Permission: {0}").format(permission.name), "", "", until,
                            date_text(permission.creation)])
    for access in row.key_accesses:
        _node(item, sheet, [tr("Key access: {0}").format(access.name), "", "", "",
                            date_text(access.creation)])
    return item


def fill(tree: QTreeWidget, sheets: Iterable[Datasheet], rows: List[ServiceRow]) -> int:
    """Clears ``tree`` and draws ``sheets``; ``rows`` receives every service in the order
    their items carry (ROW_ROLE). Returns the number of datasheets drawn."""
    tree.clear()
    rows.clear()
    drawn = 0
    for sheet in sheets:
        drawn += 1
        label = sheet.name if sheet.is_tagged else tr("Services without a datasheet")
        top = _node(tree, sheet.name, [label, "", "", tr("{0} services").format(
            len(sheet.services))])
        groups = ((tr("Vector data"), sheet.vector_data, lambda i: size_text(i.size)),
                  (tr("Pyramids"), sheet.pyramids,
                   lambda i: ", ".join(t for t in (levels_text(i.levels), size_text(i.size))
                                       if t)),
                  (tr("Other stored data"), sheet.other_data, lambda i: size_text(i.size)))
        for title, items, details in groups[:1]:
            _add_items(top, sheet.name, title, items, details)
        _add_services(top, sheet.name, "WMS-V", sheet.services_of("WMS-VECTOR"), rows)
        for title, items, details in groups[1:]:
            _add_items(top, sheet.name, title, items, details)
        _add_services(top, sheet.name, "WMTS", sheet.services_of("WMTS-TMS"), rows)
        others = [s for s in sheet.services if s.type not in ("WMS-VECTOR", "WMTS-TMS")]
        _add_services(top, sheet.name, tr("Other services"), others, rows)
        _add_items(top, sheet.name, tr("Metadata"), sheet.metadata, lambda _i: "")
        _add_items(top, sheet.name, tr("Uploads"), sheet.uploads, lambda i: size_text(i.size))
    tree.expandAll()
    return drawn


def _add_items(top, sheet: str, title: str, items: List[Item], details) -> None:
    if items:
        group = _group(top, sheet, title, len(items))
        for item in items:
            _resource(group, sheet, item, details(item))


def _add_services(top, sheet: str, title: str, services: List[ServiceRow],
                  rows: List[ServiceRow]) -> None:
    if services:
        group = _group(top, sheet, title, len(services))
        for row in services:
            rows.append(row)
            _service(group, sheet, row, len(rows) - 1)


def sheet_name_of(item: Optional[QTreeWidgetItem]) -> Optional[str]:
    """The datasheet an item belongs to (None for the untagged services' group)."""
    if item is None:
        return None
    name = item.data(0, SHEET_ROLE)
    return name if name and name != NO_DATASHEET else None
