"""The sandbox's peak memory during a harvest of 10⁴ and of 10⁶ requested tiles.

The harvest used to hold its whole tile list in memory (a 119-million-tile request reached
15 GB); it now streams it (sandbox/tile_plan.py). For each size this starts a fresh sandbox
with ``--harvest-render-limit`` (it draws a few GetMaps, then walks the rest of the tile list
through the same code without drawing: the list handling is the real path, the run takes
seconds), publishes a WMS-V layer, harvests a square of N tiles at one level through the API,
and samples the sandbox process's RSS (psutil) until the execution ends; on Linux the kernel's
own peak (VmHWM) is read too. Prints both peaks and the verdict "within 50 MB of each other",
then what the API answers to a request of about 120 million tiles (France, levels 5..18).

Run alone: ``.venv/bin/python bench/sandbox_harvest_memory.py [--sizes 10000 1000000]``.
"""

from __future__ import annotations

import argparse
import math
import os
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

LEVEL = 16
RENDER_LIMIT = 2
MB = 1024 * 1024
EARTH_RADIUS = 6378137.0


def lonlat(x: float, y: float):
    return (math.degrees(x / EARTH_RADIUS),
            math.degrees(2 * math.atan(math.exp(y / EARTH_RADIUS)) - math.pi / 2))


def square_of_tiles(side: int, z: int = LEVEL) -> str:
    """A lon/lat rectangle covering exactly side × side tiles of level z, near Paris."""
    from sandbox import pm_grid

    col0 = int((pm_grid.lonlat_to_mercator(2.35, 0)[0] - pm_grid.PM_ORIGIN_X)
               // pm_grid.tile_span(z)) - side // 2
    row0 = int((pm_grid.PM_ORIGIN_Y - pm_grid.lonlat_to_mercator(0, 48.85)[1])
               // pm_grid.tile_span(z)) - side // 2
    left, bottom, right, top = pm_grid.block_bbox(z, col0, row0, col0 + side - 1,
                                                  row0 + side - 1)
    inset = pm_grid.tile_span(z) * 1e-3  # stay off the neighbours' edges
    west, south = lonlat(left + inset, bottom + inset)
    east, north = lonlat(right - inset, top - inset)
    return f"POLYGON(({west} {south},{east} {south},{east} {north},{west} {north},{west} {south}))"


def kernel_peak_mb(pid: int):
    """VmHWM (the kernel's peak resident size) where /proc has it, else None."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


class RssSampler:
    """Samples a process's RSS every 20 ms in a thread; ``peak_mb`` is the largest seen."""

    def __init__(self, pid: int):
        import psutil

        self.process = psutil.Process(pid)
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        while not self._stop.is_set():
            self.peak = max(self.peak, self.process.memory_info().rss)
            time.sleep(0.02)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()

    @property
    def peak_mb(self) -> float:
        return self.peak / MB


def harvest_body(flow, wms_layer: str, area: str, name: str) -> dict:
    from sandbox.seed import HARVEST

    url = flow.endpoint("WMS-VECTOR")["urls"][0]["url"]
    return {"processing": flow.processing(HARVEST),
            "output": {"stored_data": {"name": name}},
            "parameters": {"harvest_layers": wms_layer, "harvest_url": url,
                           "harvest_levels": [str(LEVEL)], "bottom": str(LEVEL),
                           "top": str(LEVEL), "harvest_area": area,
                           "harvest_format": "image/jpeg"}}


def one_size(tiles: int, work: Path) -> dict:
    from sandbox.tile_plan import count_tiles
    from tests.fixtures.sandbox import start_sandbox
    from tests.sandbox.flow import Flow, published_wms

    side = round(math.sqrt(tiles))
    area = square_of_tiles(side)
    with start_sandbox(work / f"sandbox-{tiles}", harvest_render_limit=RENDER_LIMIT) as sb:
        flow = Flow(sb)
        layer = f"memory_{tiles}"
        published_wms(flow, layer)
        before_mb = RssSampler(sb.process.pid).process.memory_info().rss / MB
        with RssSampler(sb.process.pid) as sampler:
            started = time.monotonic()
            created = flow.post("/processings/executions",
                                json=harvest_body(flow, layer, area, f"{layer}_pyr"))
            assert created.status_code == 201, created.text
            execution_id = created.json()["_id"]
            assert flow.post(f"/processings/executions/{execution_id}/launch").ok
            finished = flow.wait_execution(execution_id)
            seconds = time.monotonic() - started
        reply = flow.get(f"/processings/executions/{execution_id}/logs")
        logs = reply.json() if reply.headers.get("Content-Type", "").startswith(
            "application/json") else reply.text.splitlines()
        assert finished["status"] == "SUCCESS", logs
        return {"tiles": count_tiles([LEVEL], area), "before_mb": before_mb,
                "sampled_peak_mb": sampler.peak_mb, "kernel_peak_mb": kernel_peak_mb(
                    sb.process.pid), "seconds": seconds, "logs": logs}


def cap_answer(work: Path) -> str:
    """What the API answers to a request the size of the one that took 15 GB (about 120
    million tiles: France, levels 5..18)."""
    from tests.fixtures.sandbox import start_sandbox
    from tests.sandbox.flow import Flow

    with start_sandbox(work / "sandbox-cap") as sb:
        flow = Flow(sb)
        body = harvest_body(flow, "any", "POLYGON((-5 42,8 42,8 51,-5 51,-5 42))", "france")
        body["parameters"].update(harvest_levels=["18"], bottom="18", top="5")
        reply = flow.post("/processings/executions", json=body)
        return f"HTTP {reply.status_code}: {' '.join(reply.json()['error_description'])}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 1_000_000],
                        help="requested tiles of each harvest (squares: rounded)")
    args = parser.parse_args()
    results = []
    with tempfile.TemporaryDirectory(prefix="bench-harvest-memory-") as tmp:
        for size in args.sizes:
            result = one_size(size, Path(tmp))
            results.append(result)
            kernel = result["kernel_peak_mb"]
            print(f"{result['tiles']:>9} requested tiles: sandbox RSS {result['before_mb']:.0f}"
                  f" MB before, peak {result['sampled_peak_mb']:.0f} MB sampled"
                  + (f", {kernel:.0f} MB kernel peak (VmHWM)" if kernel else "")
                  + f"; harvest {result['seconds']:.1f} s")
            walked = [line.split(" ", 1)[-1] for line in result["logs"]
                      if "tuiles" in line and "/" not in line.split(" ", 2)[1]]
            print("           sandbox log: " + " / ".join(walked))
        print("request of ~120 million tiles (France, levels 5..18): " + cap_answer(Path(tmp)))
    if len(results) >= 2:
        key = "kernel_peak_mb" if all(r["kernel_peak_mb"] for r in results) else \
            "sampled_peak_mb"
        small, large = results[0], results[-1]
        difference = large[key] - small[key]
        verdict = "within" if abs(difference) <= 50 else "NOT within"
        print(f"peak RSS {large['tiles']} vs {small['tiles']} tiles: {large[key]:.0f} MB vs"
              f" {small[key]:.0f} MB, difference {difference:+.0f} MB: {verdict} 50 MB of each"
              f" other ({key.replace('_mb', '').replace('_', ' ')})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
