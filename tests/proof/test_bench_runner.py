"""bench/run_all.py finds every benchmark, keeps the lines that carry figures and tells a
failed script from one QGIS crashed while exiting; bench/soak.py plans are replayable."""

from __future__ import annotations

from bench import run_all
from bench.soak import KINDS, RunPlan
from bench.soak_plan import KILL_POINTS

OUTPUT = """QStandardPaths: XDG_RUNTIME_DIR not set, defaulting to '/tmp/runtime-root'
Warning 1: Unable to find driver ECW to unload from GDAL_SKIP environment variable.
layer: communes_demo.gpkg, 300 features
ratio client/curl:                     0.33
client peak RSS growth:                 3.1 MB
meta-tiles 4x4 vs single tiles: 1.56x tiles/s
"""


def test_figure_lines_are_kept_and_qgis_noise_dropped():
    assert run_all.figures_of(OUTPUT) == [
        "ratio client/curl:                     0.33",
        "client peak RSS growth:                 3.1 MB",
        "meta-tiles 4x4 vs single tiles: 1.56x tiles/s"]


def test_a_crash_at_exit_after_the_figures_is_not_a_failure_but_is_said():
    crashed = run_all.BenchRun("x", [], returncode=-11, figures=["ratio: 1.0"])
    assert crashed.status == "ok (crashed at exit, signal 11)"
    assert run_all.BenchRun("x", [], returncode=-11).status == "failed (exit -11)"
    assert run_all.BenchRun("x", [], returncode=None).status == "timed out"
    assert run_all.BenchRun("x", [], returncode=2, figures=["a"]).status == "failed (exit 2)"


def test_every_bench_script_but_the_helpers_and_the_soak_is_run():
    names = run_all.discover()
    assert "estimate_vs_harvest" in names and "upload_throughput" in names
    assert not {"_util", "run_all", "soak", "soak_plan", "soak_child"} & set(names)
    assert run_all.discover(["upload_throughput"]) == ["upload_throughput"]


def test_summary_table_names_each_script_with_its_arguments_and_status():
    runs = [run_all.BenchRun("upload_throughput", ["--size-mb", "2048"], returncode=0,
                             seconds=21.6, figures=["ratio client/curl: 0.33", "a | b"]),
            run_all.BenchRun("gui_stall", [], returncode=1, tail=["Traceback: boom"])]
    table = run_all.summary_markdown(runs, "now")
    assert "| `bench/upload_throughput.py --size-mb 2048` | ok | 22 | ratio client/curl: 0.33 |" \
        in table
    assert "|  |  |  | a / b |" in table
    assert "| `bench/gui_stall.py` | failed (exit 1) |" in table and "Traceback: boom" in table


def test_soak_plans_are_replayable_from_the_seed_and_rotate_the_kinds():
    first = [RunPlan.draw(5, i) for i in range(2 * len(KINDS))]
    assert first == [RunPlan.draw(5, i) for i in range(2 * len(KINDS))]
    assert [p.kind for p in first] == list(KINDS) * 2
    assert first != [RunPlan.draw(6, i) for i in range(2 * len(KINDS))]
    for plan in first:
        assert (plan.cancel_step is not None) == (plan.kind == "cancel")
        assert (plan.fail_step is None) == (plan.kind in ("cancel", "kill"))
        assert bool(plan.kill_points) == (plan.kind in ("kill", "transient"))
        assert plan.kind != "transient" or plan.fail_step != "checks"


def test_twenty_soak_runs_deal_every_kill_point_at_least_once_for_any_seed():
    for seed in (1, 8, 9, 10):
        dealt = {p for i in range(20) for p in RunPlan.draw(seed, i).kill_points}
        assert dealt == set(KILL_POINTS)
