"""bench/run_all.py ends the summary with one verdict line per figure of issue 17: the one a
bench printed, or MISSED when no bench measured it."""

from __future__ import annotations

from bench import run_all
from bench._util import verdict


def test_a_verdict_line_says_value_goal_and_met_or_missed():
    assert verdict("P5", "0.52 s", "≤ 2 s", True) == "VERDICT P5 0.52 s goal ≤ 2 s MET"
    assert verdict("P3", "61 ms", "≤ 50 ms", False).endswith("goal ≤ 50 ms MISSED")


def test_the_summary_ends_with_one_verdict_per_figure_and_missed_when_unmeasured():
    measured = run_all.BenchRun("first_level_drawn", [], returncode=0,
                                verdicts=["P5 0.52 s goal ≤ 2 s MET"])
    failed = run_all.BenchRun("gui_stall", [], returncode=1)
    lines = run_all.summary_markdown([measured, failed], "now").rstrip("\n").splitlines()
    closing = lines[-len(run_all.GOALS):]
    assert [line.split(" ", 1)[0] for line in closing] == list(run_all.GOALS)
    assert "P5 0.52 s goal ≤ 2 s MET" in closing
    assert "P3 not measured goal ≤ 50 ms MISSED" in closing
    assert all(line.endswith(("MET", "MISSED")) for line in closing)
