"""Everything that is not a widget: testable without a window.

No QtWidgets import in this package except ``main.py``, the QGIS glue that adds the actions;
``entrepot`` does not even import Qt.
"""

PLUGIN_SLUG = "gpf_wmts_publisher"
