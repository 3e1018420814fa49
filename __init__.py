"""QGIS entry point: QGIS calls classFactory() when the plugin is enabled."""


def classFactory(iface):  # noqa: N802 (name imposed by QGIS)
    from .plugin.main import GpfWmtsPublisherPlugin

    return GpfWmtsPublisherPlugin(iface)
