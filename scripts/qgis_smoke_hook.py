"""Runs inside QGIS before any plugin loads (through PYQGIS_STARTUP); part of qgis_smoke.py.

It records every QgsMessageLog message to a JSON-lines file, so Python errors raised while
QGIS loads the plugin are seen, and it turns QGIS's modal "Python error" stack dialog into a
log entry, so a broken plugin fails the smoke run instead of hanging it. QGIS executes this
file twice (it tries the path relative to its prefix, then as given), hence the guard.
"""

import builtins
import json
import os

if not getattr(builtins, "_gpf_smoke_hook_installed", False):
    builtins._gpf_smoke_hook_installed = True

    import qgis.utils
    from qgis.core import QgsApplication

    _messages_path = os.path.join(os.environ["GPF_SMOKE_DIR"], "messages.jsonl")
    _messages_file = open(_messages_path, "a", encoding="utf-8")

    def _record(message, tag, level):
        _messages_file.write(json.dumps({"tag": tag, "level": int(level), "message": message})
                             + "\n")
        _messages_file.flush()

    def _stack_dialog_as_log(type_, value, tb, msg, pop_error=True):
        # The traceback itself was logged under "Python error" just before this is called.
        _record(f"{msg or ''} (blocking stack dialog suppressed by the smoke test)",
                "Python error", 2)

    QgsApplication.messageLog().messageReceived.connect(_record)
    qgis.utils.open_stack_dialog = _stack_dialog_as_log
