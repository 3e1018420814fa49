"""Every benchmark under bench/, one after the other, then one table of the figures printed.

Each script runs in its own child process (its own QGIS, its own sandbox when it needs one)
with small default sizes; its whole output goes to bench-output/<script>.txt, and the lines
that carry figures (ratios, medians, peaks, throughputs) go to the summary printed at the end
and written to bench-output/summary.md. A script that fails or times out is reported as such;
the others still run. Scripts added later are picked up by themselves (run with no argument).

    .venv/bin/python bench/run_all.py [--only NAME ...] [--upload-mb 2048] [--timeout 900]
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Dict, List, Optional

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(ROOT))

from bench._util import VERDICT_PREFIX  # noqa: E402

OUTPUT = ROOT / "bench-output"
# Not benchmarks: helpers, this runner, the soak with its parts (its own target: make soak)
# and the P6 reference sequence.
NOT_BENCHMARKS = {"_util.py", "run_all.py", "soak.py", "soak_plan.py", "soak_child.py",
                  "cartes_gouv_sequence.py"}
# Known scripts first, in this order (quick ones first); others follow alphabetically.
PREFERRED_ORDER = ["pyramid_estimate", "estimate_vs_harvest", "sld_pipeline",
                   "similarity_calibration", "sandbox_render", "e2e_overhead",
                   "first_level_drawn", "gui_stall", "upload_throughput", "upload_vs_curl",
                   "scale", "suite_time"]
# The figures, in the order of the closing verdict lines, with their goals: a figure
# whose bench printed no VERDICT line (failed, timed out, not run) is MISSED, never skipped.
GOALS = {"P1": "≥ 0.90 of curl", "P2": "≤ 3 s", "P2-deep": "≤ 5%", "P3": "≤ 50 ms",
         "P4": "≤ 0.5 s", "P5": "≤ 2 s", "P6": "≤ 1.0×", "memory-1M": "≤ 300 MB",
         "suite": "≤ 100 s"}
# A line carries a figure when it says one of these (ratio, latency, throughput, memory...).
FIGURE_LINE = re.compile(
    r"ratio|\bvs\b|speed-?up|overhead|peak|stall|longest|median|p95|MB/s|tiles/s|"
    r"requests?\b|wall|first level|drawn|similarity|margin|→|estimated/produced|accepted|"
    r"\d\s*(?:x|×)\b", re.IGNORECASE)
NOISE = re.compile(r"^(QStandardPaths|Warning 1:|\"Loading native module|Qt:|qt\.)")


@dataclass
class BenchRun:
    name: str
    args: List[str]
    returncode: Optional[int] = None   # None: timed out
    seconds: float = 0.0
    figures: List[str] = field(default_factory=list)
    tail: List[str] = field(default_factory=list)
    verdicts: List[str] = field(default_factory=list)   # "P1 0.95 of curl goal ... MET"

    @property
    def status(self) -> str:
        if self.returncode is None:
            return "timed out"
        if self.returncode == 0:
            return "ok"
        if self.returncode < 0 and self.figures:
            # QGIS now and then crashes while tearing down, after every figure was printed.
            return f"ok (crashed at exit, signal {-self.returncode})"
        return f"failed (exit {self.returncode})"


def discover(only: Optional[List[str]] = None) -> List[str]:
    names = sorted(p.stem for p in BENCH.glob("*.py") if p.name not in NOT_BENCHMARKS)
    ordered = [n for n in PREFERRED_ORDER if n in names] + [
        n for n in names if n not in PREFERRED_ORDER]
    return [n for n in ordered if not only or n in only]


def figures_of(output: str) -> List[str]:
    lines = [line.rstrip() for line in output.splitlines()
             if line.strip() and not NOISE.match(line.strip())]
    return [line.strip() for line in lines if FIGURE_LINE.search(line)]


def run_one(name: str, args: List[str], timeout_s: float) -> BenchRun:
    run = BenchRun(name, args)
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
               PYTHONUNBUFFERED="1")
    started = time.monotonic()
    log_path = OUTPUT / f"{name}.txt"
    with log_path.open("w", encoding="utf-8") as log:
        log.write(f"$ {sys.executable} bench/{name}.py {' '.join(args)}\n")
        log.flush()
        process = subprocess.Popen([sys.executable, str(BENCH / f"{name}.py"), *args],
                                   cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
        try:
            run.returncode = process.wait(timeout=timeout_s)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    run.seconds = time.monotonic() - started
    output = log_path.read_text(encoding="utf-8", errors="replace")
    run.figures = figures_of(output.split("\n", 1)[1] if "\n" in output else "")
    run.tail = [line for line in output.splitlines()[-5:] if line.strip()]
    run.verdicts = [line.strip()[len(VERDICT_PREFIX):] for line in output.splitlines()
                    if line.strip().startswith(VERDICT_PREFIX)]
    return run


def verdict_lines(runs: List[BenchRun]) -> List[str]:
    """One line per figure: the last verdict a bench printed for it, else MISSED."""
    found: Dict[str, str] = {}
    for run in runs:
        for line in run.verdicts:
            found[line.split(" ", 1)[0]] = line
    return [found.get(name, f"{name} not measured goal {goal} MISSED")
            for name, goal in GOALS.items()]


def summary_markdown(runs: List[BenchRun], started_at: str) -> str:
    lines = [f"# Benchmarks ({started_at}, {os.uname().nodename}, {os.cpu_count()} CPUs)", "",
             "Figures measured in this run by `make bench` (bench/run_all.py); full outputs in "
             "bench-output/<script>.txt.", "",
             "| benchmark | status | seconds | figure |", "|---|---|---:|---|"]
    for run in runs:
        command = f"`bench/{run.name}.py{(' ' + ' '.join(run.args)) if run.args else ''}`"
        figures = run.figures or [f"(no figure; last line: {run.tail[-1] if run.tail else ''})"]
        for index, figure in enumerate(figures):
            first = index == 0
            lines.append(f"| {command if first else ''} | {run.status if first else ''} | "
                         f"{f'{run.seconds:.0f}' if first else ''} | "
                         f"{figure.replace('|', '/')} |")
    lines += ["", "## Verdicts", "", *verdict_lines(runs)]
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", help="benchmark names (without .py)")
    parser.add_argument("--upload-mb", type=int, default=2048,
                        help="file size of bench/upload_throughput.py (the 2 GB figure)")
    parser.add_argument("--timeout", type=float, default=900.0, help="seconds per script")
    args = parser.parse_args()
    arguments: Dict[str, List[str]] = {"upload_throughput": ["--size-mb", str(args.upload_mb)]}

    OUTPUT.mkdir(exist_ok=True)
    started_at = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    runs = []
    for name in discover(args.only):
        print(f"== {name} ...", flush=True)
        run = run_one(name, arguments.get(name, []), args.timeout)
        runs.append(run)
        print(f"   {run.status}, {run.seconds:.0f} s", flush=True)
        for figure in run.figures:
            print(f"   {figure}", flush=True)

    summary = summary_markdown(runs, started_at)
    (OUTPUT / "summary.md").write_text(summary, encoding="utf-8")
    print()
    print(summary)
    print(f"written: {OUTPUT / 'summary.md'}")
    return 0 if all(run.status.startswith("ok") for run in runs) else 1


if __name__ == "__main__":
    sys.exit(main())
