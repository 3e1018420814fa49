"""The Processing side of the dry run (plugin/publish/dry_run.py): report in the log."""

from __future__ import annotations

from typing import Any, Dict, Optional

from qgis.core import QgsProcessingException

from ..publish.dry_run import dry_run
from ..publish.workflow import publication_error_text


def run_dry_run(api, spec, journal_dir: Optional[str], feedback) -> Dict[str, Any]:
    """Every check up to the first create call; each line of the report in the log. Problems
    make the algorithm fail (so ``qgis_process`` exits non-zero) with the whole report."""
    try:
        report = dry_run(api, spec, journal_dir=journal_dir)
    except Exception as error:  # the platform's own words
        raise QgsProcessingException(publication_error_text(error)) from error
    for line in report.lines():
        feedback.pushInfo(line)
    if not report.ok:
        raise QgsProcessingException(report.text())
    return {"DRY_RUN_REPORT": report.text(), "WMTS_LAYER_NAME": "", "CAPABILITIES_URL": "",
            "JOURNAL": ""}
