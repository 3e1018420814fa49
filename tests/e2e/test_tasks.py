"""PublishTask / UndoTask in QGIS's task manager: the work runs off the GUI thread, results
come back on it through signals, progress is determinate, cancel stops the platform's work."""

from __future__ import annotations

import threading
import time

from gpf_wmts_publisher.plugin.publish.session import password_api
from gpf_wmts_publisher.plugin.tasks import PublishTask, UndoTask, start
from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QCoreApplication, QThread

from tests.e2e.counting import ONE_OF_EACH, platform_counts


def _factory(sandbox, threads):
    account = sandbox.accounts["formateur"]

    def build(cancelled):
        threads.append(threading.current_thread() is threading.main_thread())
        return password_api(sandbox.api_url, sandbox.token_url, account["username"],
                            account["password"], cancelled=cancelled)

    return build


def _start_and_wait(task, limit_s=120.0):
    """Start through the task manager; pump the GUI event loop until the task ends (the
    manager deletes the C++ task then, so completion is read from its signals)."""
    ended = []
    task.taskCompleted.connect(lambda: ended.append("completed"))
    task.taskTerminated.connect(lambda: ended.append("terminated"))
    start(task)
    assert task in QgsApplication.taskManager().tasks()
    deadline = time.monotonic() + limit_s
    while not ended and time.monotonic() < deadline:
        QCoreApplication.processEvents()
        time.sleep(0.01)
    for _ in range(20):  # let the queued signals arrive
        QCoreApplication.processEvents()
    assert ended
    return ended[0]


def test_publish_task_runs_off_the_gui_thread_and_reports_on_it(
        qgis_app, sandbox, api, datastores, make_spec, tmp_path):
    spec = make_spec(datastores["own"], wmsv_private=False)
    built_on_main_thread, received, progress = [], [], []
    task = PublishTask(_factory(sandbox, built_on_main_thread), spec,
                       journal_dir=str(tmp_path), poll_first_s=0.05, poll_max_s=0.5)
    task.published.connect(lambda result: received.append(
        (result, QThread.currentThread() == QCoreApplication.instance().thread())))
    task.progressChanged.connect(progress.append)
    assert _start_and_wait(task) == "completed"

    assert built_on_main_thread == [False]
    assert len(received) == 1 and received[0][1] is True
    assert received[0][0].levels == [12, 13]
    assert progress and max(progress) == 100.0
    assert platform_counts(api, spec) == ONE_OF_EACH

    removed = []
    undo = UndoTask(_factory(sandbox, []), spec, journal_dir=str(tmp_path))
    undo.undone.connect(removed.extend)
    assert _start_and_wait(undo) == "completed"
    assert "upload" in removed and "offering_wmts" in removed
    assert all(v == 0 for v in platform_counts(api, spec).values())


def test_cancelling_the_task_reports_a_resumable_stop_and_leaves_nothing_running(
        qgis_app, sandbox, api, datastores, make_spec, tmp_path):
    spec = make_spec(datastores["own"], wmsv_private=False)
    failures = []
    task = PublishTask(_factory(sandbox, []), spec, journal_dir=str(tmp_path),
                       poll_first_s=0.05, poll_max_s=0.5)
    task.step_progress.connect(lambda step, message: task.cancel() if step == "integration"
                               else None)
    task.failed.connect(lambda message, logs: failures.append(message))
    assert _start_and_wait(task) == "terminated"
    assert task.was_cancelled
    assert len(failures) == 1 and "resume" in failures[0]
    running = [e for e in api.in_datastore(spec.datastore_id).executions()
               if e.status in ("CREATED", "WAITING", "PROGRESS")]
    assert running == []
