"""Tells the user when a restricted layer's key was moved off its URL (plugin/wmts/
key_migration.py), and where the key lives now."""

from __future__ import annotations

from qgis.PyQt.QtCore import QCoreApplication


def move_keys_off_urls(iface, layers) -> list:
    """Slot of QgsProject.layersAdded (a project read adds its layers too)."""
    from ..plugin.wmts.key_migration import existing_key_config, migrate_layers

    names = migrate_layers(layers, existing_key_config)
    if names and iface is not None:
        iface.messageBar().pushWarning(
            QCoreApplication.translate("KeyNotice", "Géoplateforme WMTS"),
            QCoreApplication.translate(
                "KeyNotice",
                "The access key of {0} was on the layer's URL, so it was saved in clear in the "
                "project. It has been removed: the layer now reads the plugin's key from QGIS's "
                "authentication database (Settings › Options › Authentication, configuration "
                "“Géoplateforme service key”). Save the project to drop the old key; if the "
                "layer stays empty, add it again from “Published services”.").format(
                    ", ".join(names)))
    return names
