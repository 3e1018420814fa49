"""The harvest's tile count, judged once for the wizard and Processing.

Two thresholds, one of them the platform's:

- beyond ``HARVEST_TILE_CAP`` tiles the harvest is refused, whatever the user says: it is the
  platform's quota (the sandbox's ``sandbox/tile_plan.HARVEST_TILE_CAP`` mirrors this one
  constant, which is also where the advice warns, ``advice.DEFAULT_MAX_TILES``);
- the other advice (levels much finer than the data, mostly empty tiles) is a warning: the
  wizard shows it beside the levels, Processing stops on it unless ``FORCE`` is set.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import List, Optional

from .advice import DEFAULT_MAX_TILES, Advice, advise
from .grid import Bbox3857, Bbox4326
from .zoom_range import ZoomRange

HARVEST_TILE_CAP = DEFAULT_MAX_TILES
OVER_CAP = "TOO_MANY_TILES"


@dataclass(frozen=True)
class TileVerdict:
    refusals: List[Advice] = field(default_factory=list)   # never passable
    warnings: List[Advice] = field(default_factory=list)   # passable with FORCE

    def blocking(self, force: bool) -> List[Advice]:
        return self.refusals + ([] if force else self.warnings)


def judge_tiles(zoom_range: ZoomRange, bbox: Bbox3857 | Bbox4326, *,
                feature_count: Optional[int] = None) -> TileVerdict:
    advice = advise(zoom_range, bbox, feature_count=feature_count,
                    max_tiles=HARVEST_TILE_CAP)
    return TileVerdict(refusals=[a for a in advice if a.code == OVER_CAP],
                       warnings=[a for a in advice if a.code != OVER_CAP])


def tile_stop_message(top: int, bottom: int, bbox_wgs84, feature_count: Optional[int],
                      force: bool, language: str) -> str:
    """Why a harvest without a window (Processing) must not start; empty when it may."""
    from ..i18n import tr

    if bbox_wgs84 is None or top > bottom:
        return ""  # no extent to judge; the naming rules report an inverted range
    verdict = judge_tiles(ZoomRange(top, bottom), Bbox4326(*bbox_wgs84),
                          feature_count=feature_count)
    blocking = verdict.blocking(force)
    if not blocking:
        return ""
    hint = "" if verdict.refusals else " " + tr("Set FORCE to harvest these levels anyway.")
    return " ".join(a.message(language) for a in blocking) + hint
