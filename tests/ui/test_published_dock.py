"""The services list shows the newest listing only, and keeps the selected service selected."""

from __future__ import annotations

from gpf_wmts_publisher.ui import session as session_module
from gpf_wmts_publisher.ui.published_dock import PublishedServicesDock, ServiceRow

from tests.ui.conftest import dispose


def _row(name: str, configuration_id: str) -> ServiceRow:
    return ServiceRow(datasheet="fiche", configuration_id=configuration_id, name=name,
                      layer_name=name, type="WMTS-TMS", status="PUBLISHED")


def test_a_late_older_listing_does_not_replace_the_newest(qgis_app):
    dock = PublishedServicesDock(None, session=session_module.Session())
    try:
        dock._listing = 2  # two listings asked for; the first one ends last
        dock._show_rows([_row("newest", "c2")], 2)
        dock._show_rows([_row("stale", "c1")], 1)
        assert [row.layer_name for row in dock.rows] == ["newest"]
    finally:
        dispose(dock)


def test_the_selected_service_stays_selected_after_a_refresh(qgis_app):
    dock = PublishedServicesDock(None, session=session_module.Session())
    try:
        dock._show_rows([_row("a", "c1"), _row("b", "c2")])
        assert dock.select_layer_name("b")
        dock._show_rows([_row("new", "c0"), _row("a", "c1"), _row("b", "c2")])
        assert dock.selected_row().configuration_id == "c2"
    finally:
        dispose(dock)
