"""QGIS style → the SLD 1.0.0 the Géoplateforme accepts: export, transform, offline checks,
fidelity preview. ``prepare_sld`` is the one call; the pure-bytes functions need no layer.

The QGIS-dependent modules (export, pipeline.prepare_sld, preview, symbology) import
qgis lazily or on import of their own module, so transform/validate work without QGIS.
"""

from .findings import Finding, Severity
from .names import predicted_column, predicted_table, stored_field_name
from .pipeline import SldResult, prepare_sld, transform_and_validate
from .transform import ANNEX_SCHEME, Annex, TransformResult, rewrite_annex_urls, transform_sld
from .validate import validate_sld

__all__ = [
    "ANNEX_SCHEME",
    "Annex",
    "Finding",
    "Severity",
    "SldResult",
    "TransformResult",
    "predicted_column",
    "predicted_table",
    "prepare_sld",
    "rewrite_annex_urls",
    "stored_field_name",
    "transform_and_validate",
    "transform_sld",
    "validate_sld",
]
