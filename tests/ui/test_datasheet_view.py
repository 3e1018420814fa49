"""The datasheet view: a datasheet drawn as a tree (data, services, pyramid levels and size,
metadata, permissions, key accesses), and Delete datasheet from the dock after the summary,
leaving the datastore as it was before the publication."""

from __future__ import annotations

from gpf_wmts_publisher.plugin.entrepot.account import fetch_account
from gpf_wmts_publisher.plugin.publish.datasheet import (
    Datasheet,
    Item,
    Relation,
    ServiceRow,
)
from gpf_wmts_publisher.plugin.publish.inventory import KINDS, datastore_inventory
from gpf_wmts_publisher.plugin.publish.layer_source import LayerSource
from gpf_wmts_publisher.plugin.publish.session import password_api
from gpf_wmts_publisher.plugin.publish.spec import Publication
from gpf_wmts_publisher.plugin.publish.workflow import Workflow
from gpf_wmts_publisher.ui import session as session_module
from gpf_wmts_publisher.ui.published_dock import PublishedServicesDock

from tests.e2e.layers import make_polygon_gpkg, open_styled_layer
from tests.ui.conftest import dispose, list_services_of, wait_until


def _texts(item):
    """Every line under ``item``, depth first, columns joined by " | "."""
    lines = [" | ".join(item.text(c) for c in range(item.columnCount()))]
    for index in range(item.childCount()):
        lines += _texts(item.child(index))
    return lines


def _sheet() -> Datasheet:
    wmts = ServiceRow(
        datasheet="fiche", configuration_id="c2", name="Parcelles", layer_name="parcelles_wmts",
        type="WMTS-TMS", status="PUBLISHED", creation="2026-12-01T10:20:30+00:00",
        offerings=[{"id": "o2", "status": "PUBLISHED", "open": False,
                    "urls": [("WMTS", "https://wmts.example/private/wmts")]}],
        permissions=[Item("permissions", "p1", "Utilisation de parcelles_wmts",
                          status="2027-06-01T23:59:00+02:00")],
        key_accesses=[Item("key_accesses", "a1", "ma clé")])
    wmsv = ServiceRow(datasheet="fiche", configuration_id="c1", name="Parcelles",
                      layer_name="parcelles_wmsv", type="WMS-VECTOR", status="UNPUBLISHED")
    return Datasheet(
        "fiche", uploads=[Item("uploads", "u1", "parcelles", size=2048)],
        stored_data=[Item("stored_data", "v1", "parcelles", type="VECTOR-DB",
                          status="GENERATED"),
                     Item("stored_data", "p1", "parcelles_pyramide",
                          type="ROK4-PYRAMID-RASTER", status="GENERATED",
                          levels=("10", "11", "12"), size=3 * 1024 * 1024)],
        services=[wmsv, wmts], metadata=[Item("metadata", "m1", "fiche-parcelles")])


def test_a_datasheet_is_drawn_as_a_tree_with_its_levels_permissions_and_dates(qgis_app):
    untagged = Datasheet("—", services=[ServiceRow(
        datasheet="—", configuration_id="c9", name="x", layer_name="sans_fiche",
        type="WMS-VECTOR", status="UNPUBLISHED")])
    dock = PublishedServicesDock(None, session=session_module.Session())
    try:
        dock._show_sheets([_sheet(), untagged])
        tree = dock.servicesTree
        assert tree.topLevelItemCount() == 2
        lines = _texts(tree.topLevelItem(0))
        text = "\n".join(lines)
        assert lines[0].startswith("fiche")
        for expected in ("Vector data (1)", "WMS-V (1)", "Pyramids (1)", "WMTS (1)",
                         "Metadata (1)", "Uploads (1)", "levels 10–12, 3.0 MiB",
                         "Permission: Utilisation de parcelles_wmts", "until 2027-06-01",
                         "Key access: ma clé", "2026-12-01 10:20", "restricted"):
            assert expected in text, (expected, text)
        assert [r.layer_name for r in dock.rows] == ["parcelles_wmsv", "parcelles_wmts",
                                                     "sans_fiche"]
        assert dock.select_layer_name("parcelles_wmts")
        assert dock.selected_datasheet() == "fiche"
        assert dock.addButton.isEnabled() and dock.unpublishButton.isEnabled()
        assert dock.deleteButton.isEnabled()
        assert dock.select_layer_name("sans_fiche")  # no datasheet: nothing to delete
        assert dock.selected_datasheet() is None and not dock.deleteButton.isEnabled()
    finally:
        dispose(dock)


def test_a_maps_wmsv_shows_one_child_per_table_with_its_style(qgis_app):
    sheet = _sheet()
    sheet.services[0].relations = [Relation("occupation_du_sol", "s0", "carte_occupation"),
                                   Relation("routes", "s1", "carte_routes"),
                                   Relation("villages", "s2", "")]
    dock = PublishedServicesDock(None, session=session_module.Session())
    try:
        dock._show_sheets([sheet])
        lines = _texts(dock.servicesTree.topLevelItem(0))
        wmsv = next(i for i, line in enumerate(lines) if line.startswith("parcelles_wmsv"))
        assert [line.split(" | ")[0] for line in lines[wmsv + 1:wmsv + 4]] == [
            "Table: occupation_du_sol", "Table: routes", "Table: villages"]
        assert "style carte_routes" in lines[wmsv + 2] and "style gone" in lines[wmsv + 3]
    finally:
        dispose(dock)


def _publish(sandbox, api, datastore_id, tmp_path) -> Publication:
    layer = LayerSource.from_layer(open_styled_layer(make_polygon_gpkg(str(tmp_path))))
    spec = Publication(datastore_id=datastore_id, datasheet_name="fiche_vue_ui",
                       wmsv_name="vue_ui_wmsv", wmts_name="vue_ui_wmts",
                       pyramid_name="vue_ui_pyramide", wmsv_title="Parcelles",
                       wmts_title="Parcelles (WMTS)", abstract="Parcelles de test",
                       layer=layer, top_level=12, bottom_level=12, restricted=True,
                       wmsv_private=False)
    Workflow(api, spec, journal_dir=str(tmp_path / "journals"), poll_first_s=0.05,
             poll_max_s=0.5).run()
    return spec


def test_the_dock_deletes_a_datasheet_after_the_summary(qgis_iface, sandbox, tmp_path):
    account = sandbox.accounts["formateur"]
    api = password_api(sandbox.api_url, sandbox.token_url, account["username"],
                       account["password"])
    datastore_id = sandbox.datastores()["own"]
    store = api.in_datastore(datastore_id)
    before = {kind: set(ids) for kind, ids in datastore_inventory(store).items()}
    spec = _publish(sandbox, api, datastore_id, tmp_path)
    session = session_module.Session()
    session.client, session.user = api.client, fetch_account(api)
    dock = PublishedServicesDock(qgis_iface, session=session)
    try:
        list_services_of(dock, datastore_id, store.configurations(
            tags={"datasheet_name": spec.datasheet_name}, config_type="WMTS-TMS")[0].layer_name)
        assert dock.select_datasheet(spec.datasheet_name) and dock.deleteButton.isEnabled()

        asked = []
        dock.confirm = lambda text: asked.append(text) or False  # the user says No
        dock.deleteButton.click()
        wait_until(lambda: asked, what=lambda: "the summary: " + dock.statusLabel.text())
        summary = asked[0]
        for expected in (spec.datasheet_name, "2 stored data", "2 configurations",
                         "2 offerings", "1 permissions", "1 metadata", "style files",
                         "Your other keys are kept"):
            assert expected in summary, (expected, summary)
        assert dock.delete_task is None
        assert {k: set(v) for k, v in datastore_inventory(store).items()} != before

        dock.confirm = lambda text: True
        dock.deleteButton.click()
        wait_until(lambda: dock.delete_task is not None, what="the deletion's start")
        assert dock.progressBar.isVisibleTo(dock) and dock.cancelButton.isEnabled()
        started = dock._listing
        wait_until(lambda: dock.delete_task is None and dock.shown_listing == dock._listing
                   and dock._listing > started, timeout_s=240,
                   what=lambda: "the deletion: " + dock.statusLabel.text())
        assert "is deleted" in dock.statusLabel.text()
        assert all(sheet.name != spec.datasheet_name for sheet in dock.sheets)
        assert not dock.progressBar.isVisibleTo(dock)
        after = datastore_inventory(store)
        assert {kind: set(after[kind]) for kind in KINDS} == before
    finally:
        dispose(dock)
