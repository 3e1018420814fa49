"""UpdateTask in QGIS's task manager: off the GUI thread, determinate progress, the result
on the GUI thread; a cancel mid-harvest stops it, and its undo task gives the old version
back."""

from __future__ import annotations

from gpf_wmts_publisher.plugin.publish.update import (
    UpdateChanges,
    UpdateTask,
    record_in_publication,
    request_for,
)
from qgis.PyQt.QtCore import QCoreApplication, QThread

from tests.e2e.test_tasks import _factory, _start_and_wait
from tests.e2e.tile_poller import get_tile, square_tile


def test_update_task_reports_progress_and_its_result_on_the_gui_thread(
        qgis_app, sandbox, datastores, make_spec, workflow_for, tmp_path):
    spec = make_spec(datastores["sandbox"], image_format="image/png")
    workflow = workflow_for(spec)
    workflow.run()
    try:
        threads, received, progress = [], [], []
        task = UpdateTask(_factory(sandbox, threads), request_for(
            spec, workflow.journal, UpdateChanges(top_level=12, bottom_level=14)),
            journal_dir=str(tmp_path / "updates"), poll_first_s=0.05, poll_max_s=0.5)
        task.updated.connect(lambda done: received.append(
            (done, QThread.currentThread() == QCoreApplication.instance().thread())))
        task.progressChanged.connect(progress.append)
        assert _start_and_wait(task) == "completed"
        assert threads == [False]
        assert len(received) == 1 and received[0][1] is True
        assert received[0][0].levels == ("12", "14")
        assert progress == sorted(progress) and max(progress) == 100.0
        record_in_publication(workflow.journal, received[0][0])
    finally:
        workflow.undo()


def test_a_cancelled_update_task_is_undone_by_its_undo_task(
        qgis_app, sandbox, datastores, make_spec, workflow_for, tmp_path):
    spec = make_spec(datastores["sandbox"], image_format="image/png")
    workflow = workflow_for(spec)
    result = workflow.run()
    col, row = square_tile(14)
    try:
        task = UpdateTask(_factory(sandbox, []), request_for(
            spec, workflow.journal, UpdateChanges(top_level=12, bottom_level=14)),
            journal_dir=str(tmp_path / "updates"), poll_first_s=0.05, poll_max_s=0.5)
        failures = []
        task.failed.connect(lambda message, _logs: failures.append(message))
        # Cancelled once the harvest runs on the platform (its status is reported).
        task.step_progress.connect(
            lambda step, message: task.cancel() if step == "pyramid"
            and message not in ("started", "done") else None)
        assert _start_and_wait(task) == "terminated"
        assert task.was_cancelled and failures
        assert get_tile(sandbox.base_url, result.wmts_layer_name, 14, col, row).status_code == 400

        removed = []
        undo = task.undo_task()
        undo.undone.connect(removed.extend)
        assert _start_and_wait(undo) == "completed"
        assert "stored_data_pyramid" in removed
        assert get_tile(sandbox.base_url, result.wmts_layer_name, 13,
                        *square_tile(13)).status_code == 200
    finally:
        workflow.undo()
