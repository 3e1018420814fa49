"""QGIS entry point: QGIS calls classFactory() when the plugin is enabled."""


def classFactory(iface):  # name imposed by QGIS
    from .ui.main import GpfWmtsPublisherPlugin

    return GpfWmtsPublisherPlugin(iface)
