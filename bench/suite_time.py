"""Wall time of the host test suite, as `make test` runs it (pytest with the project's
options: six workers), judged against the goal of issue 17 (≤ 100 s on 2 cores).

The load average before and after is printed beside it: on a shared machine the figure moves
with the neighbours. Run alone: .venv/bin/python bench/suite_time.py
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench._util import verdict  # noqa: E402

GOAL_S = 100.0


def main() -> int:
    load_before = os.getloadavg()[0]
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-m", "pytest", "-q"], cwd=ROOT,
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                          check=False)
    seconds = time.monotonic() - started
    last = [line for line in done.stdout.splitlines() if line.strip()][-1:]
    print(f"test suite (pytest -q, {os.cpu_count()} CPUs): wall {seconds:.0f} s, exit "
          f"{done.returncode}, load average {load_before:.1f} before, "
          f"{os.getloadavg()[0]:.1f} after; {last[0] if last else ''}")
    green = done.returncode == 0
    print(verdict("suite", f"{seconds:.0f} s" + ("" if green else " (tests failed)"),
                  f"≤ {GOAL_S:.0f} s", green and seconds <= GOAL_S))
    return 0 if green else 1


if __name__ == "__main__":
    sys.exit(main())
