"""The publication workflow: current layer → WMS-V → raster pyramid → WMTS.

One module per step under ``steps/``; a journal records every created id so a run can resume
after a crash or a cancel without creating anything twice, and can be undone.
"""
