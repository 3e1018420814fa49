"""Everything that is not a widget: testable without a window.

No QtWidgets import in this package; ``entrepot`` does not even import Qt.
"""

PLUGIN_SLUG = "gpf_wmts_publisher"
