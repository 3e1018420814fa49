"""The windows' .ui forms are compiled soon after plugin start, not on the first click
(issue 17, P3): initGui starts the warm-up, and the warm-up imports every window module on the
GUI thread (uic is not thread-safe: QGIS's own plugins compile forms there at start-up)."""

from __future__ import annotations

import importlib
import subprocess
import sys
import textwrap


def test_init_gui_starts_the_background_warm_up(qgis_iface, monkeypatch):
    from gpf_wmts_publisher.ui import actions

    started = []
    monkeypatch.setattr(actions, "warm_up_windows", lambda: started.append(True))
    plugin = importlib.import_module("gpf_wmts_publisher").classFactory(qgis_iface)
    plugin.initGui()
    try:
        assert started == [True]
    finally:
        plugin.unload()


def test_the_warm_up_imports_every_window_module_on_the_gui_thread_once_events_run():
    # A fresh interpreter: in this one the modules may already be imported by other tests.
    script = textwrap.dedent("""
        import sys, threading
        from qgis.core import QgsApplication
        app = QgsApplication([], True)
        app.initQgis()
        from gpf_wmts_publisher.ui import actions
        names = [f"gpf_wmts_publisher.ui.{n}" for n in actions.WINDOW_MODULES]
        assert not [n for n in names if n in sys.modules], "imported before the warm-up"
        importers = set()
        real_import = __import__
        def spying_import(name, *args, **kwargs):
            if "publish_wizard" in name or "pages" in name:
                importers.add(threading.current_thread().name)
            return real_import(name, *args, **kwargs)
        import builtins
        builtins.__import__ = spying_import
        actions.warm_up_windows()
        assert not [n for n in names if n in sys.modules], "imported before events ran"
        import time
        deadline = time.monotonic() + 120
        while [n for n in names if n not in sys.modules] and time.monotonic() < deadline:
            app.processEvents()
        builtins.__import__ = real_import
        assert [n for n in names if n not in sys.modules] == []
        assert importers == {threading.main_thread().name}, importers
        assert sys.modules["gpf_wmts_publisher.ui.pages.source"].FORM is not None
        print("warm-up ok")
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=180, check=False)
    assert "warm-up ok" in done.stdout, done.stdout[-2000:] + done.stderr[-3000:]
