"""``qgis_process`` (the plugin enabled in a throw-away profile) turns each failure into one
clear line too (issue 14, hole 6): the platform down, a wrong password, a 500, a timeout."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.fixtures.failing_platform import EXPECTED_WORDS, MODES, failing_platform

pytestmark = pytest.mark.slow   # long: handed to a worker first (tests/conftest.py)

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def qgis_process_env(tmp_path_factory):
    """An environment where qgis_process loads this working copy as the plugin."""
    binary = shutil.which("qgis_process.bin") or shutil.which("qgis_process")
    assert binary, "qgis_process is part of the test environment (QGIS 3.22)"
    base = tmp_path_factory.mktemp("qgis_process")
    (base / "plugins").mkdir()
    (base / "plugins" / "gpf_wmts_publisher").symlink_to(ROOT, target_is_directory=True)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QGIS_PLUGINPATH=str(base / "plugins"),
               QGIS_CUSTOM_CONFIG_PATH=str(base / "profile"), GPF_USERNAME="someone",
               GPF_PASSWORD="wrong-or-right", GPF_HTTP_TIMEOUT_S="0.5",
               GPF_HTTP_MAX_ATTEMPTS="1")
    subprocess.run([binary, "plugins", "enable", "gpf_wmts_publisher"], env=env,
                   capture_output=True, timeout=180, check=False)
    return binary, env, base


@pytest.mark.parametrize("mode", MODES)
def test_qgis_process_reports_each_failure_in_one_line(qgis_process_env, mode):
    binary, env, base = qgis_process_env
    with failing_platform(mode) as base_url:
        run = subprocess.run(
            [binary, "run", "gpf_wmts:undo", "--", f"PLATFORM_URL={base_url}",
             "DATASHEET=fiche", "WMTS_NAME=err_wmts", f"JOURNAL_DIR={base}"],
            env=env, capture_output=True, text=True, timeout=180)
    output = run.stdout + run.stderr
    errors = [line for line in output.splitlines() if line.startswith("ERROR:")]
    assert len(errors) == 1 and EXPECTED_WORDS[mode] in errors[0], output
    assert "Traceback" not in output and "wrong-or-right" not in output
