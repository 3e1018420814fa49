"""Everything that is not a widget: testable without a window.

No QtWidgets or qgis.gui import in this package (tests/packaging/test_rooms.py checks it): the
QGIS glue that adds the actions is ``ui/main.py``; ``entrepot`` does not even import Qt.
"""

PLUGIN_SLUG = "gpf_wmts_publisher"
