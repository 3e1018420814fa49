"""GetTile polled in a thread while an update runs: every status and the colour seen."""

from __future__ import annotations

import io
import threading
from typing import Dict, List, Optional, Tuple

import requests
from osgeo import osr

from tests.e2e.layers import ORIGIN_X, ORIGIN_Y, SIDE

RED, BLUE, GREEN = (200, 30, 30), (30, 30, 200), (30, 160, 30)
COLOURS: Dict[str, Tuple[int, int, int]] = {"red": RED, "blue": BLUE, "green": GREEN}


def square_tile(level: int, index_x: float = 0.5, index_y: float = 0.5) -> Tuple[int, int]:
    """(col, row) of the ``level`` tile holding a point of the first square (fractions of
    its side from its south-west corner)."""
    from sandbox import pm_grid

    lambert, mercator = osr.SpatialReference(), osr.SpatialReference()
    lambert.ImportFromEPSG(2154)
    mercator.ImportFromEPSG(3857)
    for ref in (lambert, mercator):
        ref.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    x, y, _ = osr.CoordinateTransformation(lambert, mercator).TransformPoint(
        ORIGIN_X + SIDE * index_x, ORIGIN_Y + SIDE * index_y)
    tiles = pm_grid.tile_range(level, (x, y, x, y))
    return tiles.min_col, tiles.min_row


def get_tile(base_url: str, layer_name: str, level: int, col: int, row: int,
             fmt: str = "image/png") -> requests.Response:
    return requests.get(f"{base_url}/wmts", timeout=30, params={
        "SERVICE": "WMTS", "REQUEST": "GetTile", "VERSION": "1.0.0", "LAYER": layer_name,
        "STYLE": "normal", "TILEMATRIXSET": "PM", "TILEMATRIX": str(level),
        "TILEROW": str(row), "TILECOL": str(col), "FORMAT": fmt})


def colour_of(content: bytes, tolerance: int = 12) -> str:
    """The name of the COLOURS found in the tile (the first one), or "none"."""
    from PIL import Image

    pixels = set(Image.open(io.BytesIO(content)).convert("RGB").getdata())
    for name, colour in COLOURS.items():
        if any(all(abs(p - c) <= tolerance for p, c in zip(pixel, colour)) for pixel in pixels):
            return name
    return "none"


class TilePoller:
    """Polls one tile until stopped; ``samples`` holds (status, colour) in order."""

    def __init__(self, base_url: str, layer_name: str, level: int):
        self.base_url, self.layer_name, self.level = base_url, layer_name, level
        self.col, self.row = square_tile(level)
        self.samples: List[Tuple[int, str]] = []
        self._stop = threading.Event()
        self._thread: Optional[threading.Thread] = None

    def sample(self) -> Tuple[int, str]:
        reply = get_tile(self.base_url, self.layer_name, self.level, self.col, self.row)
        colour = colour_of(reply.content) if reply.status_code == 200 else reply.text[:200]
        return reply.status_code, colour

    def _loop(self) -> None:
        while not self._stop.is_set():
            self.samples.append(self.sample())
            self._stop.wait(0.02)

    def __enter__(self) -> TilePoller:
        self._thread = threading.Thread(target=self._loop, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join(timeout=30)
        self.samples.append(self.sample())   # one more, after the update returned

    def mark(self) -> int:
        """How many samples were taken so far (to split before/after an event)."""
        return len(self.samples)
