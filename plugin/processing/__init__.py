"""Processing provider: the publication as algorithms (Graphical Modeler, qgis_process)."""
