"""``User-Agent: gpf-wmts-publisher/<version> (QGIS <version>)``."""

from __future__ import annotations

import configparser
import sys
from functools import lru_cache
from pathlib import Path

PRODUCT = "gpf-wmts-publisher"
METADATA_FILE = Path(__file__).resolve().parents[2] / "metadata.txt"


@lru_cache(maxsize=1)
def plugin_version(metadata_file: Path = METADATA_FILE) -> str:
    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read(metadata_file, encoding="utf-8")
        return parser.get("general", "version", fallback="0")
    except (OSError, configparser.Error):
        return "0"


def qgis_version() -> str:
    """QGIS's version when running inside it (never imports QGIS just to ask)."""
    core = sys.modules.get("qgis.core")
    if core is None:
        return ""
    full = str(getattr(getattr(core, "Qgis", None), "QGIS_VERSION", "") or "")
    return full.split("-")[0]


def user_agent() -> str:
    qgis = qgis_version()
    return f"{PRODUCT}/{plugin_version()}" + (f" (QGIS {qgis})" if qgis else "")
