"""``make classroom``'s building blocks: the throw-away profile (plugin installed, enabled,
pointed at the sandbox), read from its files, then opened by a real QGIS under Xvfb."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from gpf_wmts_publisher.plugin.settings import PluginSettings
from qgis.PyQt.QtCore import QSettings

from scripts import qgis_smoke
from scripts.classroom_profile import PROFILE_NAME, make_profile, qgis_command

ROOT = Path(__file__).resolve().parents[2]
SANDBOX_URL = "http://127.0.0.1:8799"


def test_the_profile_holds_the_plugin_enabled_and_pointed_at_the_sandbox(tmp_path):
    folder = make_profile(tmp_path, SANDBOX_URL + "/")
    assert folder == tmp_path / "profiles" / PROFILE_NAME
    plugin = folder / "python" / "plugins" / "gpf_wmts_publisher"
    for shipped in ("metadata.txt", "__init__.py", "plugin/settings.py", "ui/login_dialog.ui"):
        assert (plugin / shipped).is_file(), shipped
    assert not (plugin / "sandbox").exists() and not (plugin / "tests").exists()
    ini = QSettings(str(folder / "QGIS" / "QGIS3.ini"), QSettings.Format.IniFormat)
    assert ini.value("PythonPlugins/gpf_wmts_publisher") == "true"
    platform = PluginSettings(ini).platform()   # the plugin's own reading of its settings
    assert platform.sandbox and platform.api_url == f"{SANDBOX_URL}/api"
    assert platform.token_url.startswith(SANDBOX_URL)
    assert "password" not in (folder / "QGIS" / "QGIS3.ini").read_text(encoding="utf-8")
    # Built again (next class): a fresh profile, the same content.
    (plugin / "stale.txt").write_text("x", encoding="utf-8")
    make_profile(tmp_path, SANDBOX_URL)
    assert not (plugin / "stale.txt").exists()


@pytest.mark.slow
def test_qgis_opens_the_profile_with_the_plugin_loaded_and_the_login_on_the_sandbox(tmp_path):
    if shutil.which("qgis") is None:
        pytest.fail("qgis is not installed: run `make bootstrap`")
    make_profile(tmp_path / "root", SANDBOX_URL, locale="en_US")
    home, runtime = tmp_path / "home", tmp_path / "runtime"
    home.mkdir()
    runtime.mkdir(mode=0o700)
    with qgis_smoke.virtual_display() as display:
        env = {k: v for k, v in os.environ.items() if k not in qgis_smoke.LEAKY_ENV}
        env.update(DISPLAY=display, QT_QPA_PLATFORM="xcb", HOME=str(home),
                   XDG_RUNTIME_DIR=str(runtime), GPF_SANDBOX_URL=SANDBOX_URL,
                   GPF_CLASSROOM_CHECK_DIR=str(tmp_path), LANG="C.UTF-8",
                   # A Python error while QGIS loads the plugin opens a modal stack dialog that
                   # nobody closes under Xvfb: QGIS then never reaches the check script and is
                   # killed at the timeout with nothing said (seen on 3.40 and 3.44 when the
                   # window warm-up raced Processing). The smoke hook logs it instead.
                   PYQGIS_STARTUP=str(ROOT / "scripts" / "qgis_smoke_hook.py"),
                   GPF_SMOKE_DIR=str(tmp_path))
        command = qgis_command(tmp_path / "root", "--nologo", "--code",
                               str(ROOT / "scripts" / "classroom_check.py"))
        subprocess.run(command, env=env, cwd=tmp_path, timeout=240, check=False,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    messages = tmp_path / "messages.jsonl"
    logged = messages.read_text(encoding="utf-8") if messages.exists() else ""
    result = json.loads((tmp_path / "result.json").read_text(encoding="utf-8"))
    assert result["loaded"], (result, logged)
    assert "Python error" not in logged, logged
    assert str(tmp_path / "root") in result["plugin_file"]   # the profile's copy, not the repo
    assert result["api_url"] == f"{SANDBOX_URL}/api"
    assert result["dialog_sandbox_checked"] and result["dialog_sandbox_url"] == SANDBOX_URL
    assert (tmp_path / "classroom.png").stat().st_size > 10_000
