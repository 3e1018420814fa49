"""The project's own style corpus: QGIS styles built in code on small layers."""
