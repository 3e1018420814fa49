"""Install a plugin zip into a fresh QGIS profile and start a real QGIS desktop on Xvfb.

The check that the packaged plugin loads as a user gets it: unzip into
<profile>/python/plugins, enable it in QGIS3.ini, start ``qgis`` on a virtual display we start
ourselves (so it runs in CI, where there is no display), and let two small scripts run inside
QGIS: qgis_smoke_hook.py (PYQGIS_STARTUP: records the message log from the very start) and
qgis_smoke_check.py (``--code``: checks the plugin, its actions, takes the screenshot, unloads
and restarts it, quits). Python errors in the message log fail the run.

Usage: python scripts/qgis_smoke.py [--zip dist/x.zip] [--screenshot docs/screenshots/x.png]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, Iterator, List, Optional

SCRIPTS_DIR = Path(__file__).resolve().parent
REPO_ROOT = SCRIPTS_DIR.parent
PLUGIN_SLUG = "gpf_wmts_publisher"
PROFILE_NAME = "test"
DEFAULT_SCREENSHOT = REPO_ROOT / "docs" / "screenshots" / "plugin_loaded.png"
SCREEN = "1280x800x24"
PYTHON_ERROR_TAG = "Python error"
# Variables that would make QGIS's embedded Python import the plugin from the repository (or
# the venv) instead of from the profile we installed it into.
LEAKY_ENV = ("PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP", "VIRTUAL_ENV", "QGIS_PLUGINPATH",
             "QGIS_CUSTOM_CONFIG_PATH", "PYQGIS_STARTUP")


class SmokeSetupError(Exception):
    """The machine lacks what the smoke run needs (Xvfb, qgis); bootstrap installs them."""


@dataclass
class SmokeResult:
    """What one QGIS run showed; ``failures()`` is empty when the plugin loaded cleanly."""

    slug: str
    plugins_dir: Path
    screenshot: Path
    report: Dict = field(default_factory=dict)      # result.json written inside QGIS
    messages: List[Dict] = field(default_factory=list)  # every QgsMessageLog message
    returncode: Optional[int] = None
    timed_out: bool = False
    qgis_output: str = ""

    @property
    def python_errors(self) -> List[str]:
        return [m["message"] for m in self.messages if m.get("tag") == PYTHON_ERROR_TAG]

    def failures(self) -> List[str]:
        problems: List[str] = []
        if self.timed_out:
            problems.append("QGIS did not finish in time (killed)")
        if not self.report:
            problems.append(f"QGIS wrote no result (exit code {self.returncode}); output:\n"
                            f"{self.qgis_output[-2000:]}")
            return problems + [f"Python error: {e}" for e in self.python_errors]
        report = self.report
        if report.get("check_error"):
            problems.append(f"the in-QGIS check raised:\n{report['check_error']}")
        if not report.get("loaded"):
            problems.append(f"plugin {self.slug} is not in qgis.utils.plugins "
                            f"(active: {report.get('active_plugins')})")
        else:
            module_file = Path(report.get("module_file") or "/")
            if self.plugins_dir.resolve() not in module_file.resolve().parents:
                problems.append(f"plugin imported from {module_file}, not from the profile")
            actions = report.get("actions", [])
            if not actions:
                problems.append("the plugin created no action")
            for action in actions:
                if not any(p["kind"] == "menu" for p in action["places"]):
                    problems.append(f"action {action['object_name']!r} is in no menu")
            if not any(p["kind"] == "toolbar" for a in actions for p in a["places"]):
                problems.append("no plugin action is on a toolbar")
            shipped_provider = self.plugins_dir / self.slug / "plugin/processing/provider.py"
            if shipped_provider.is_file() and not report.get("processing_provider"):
                problems.append("the zip ships a Processing provider but none was registered")
            if not report.get("screenshot_saved"):
                problems.append("the screenshot was not written")
            if not report.get("unloaded"):
                problems.append("qgis.utils.unloadPlugin() failed")
            if report.get("actions_left_after_unload"):
                problems.append(f"actions left in menus after unload: "
                                f"{report['actions_left_after_unload']}")
            if not (report.get("restarted") and report.get("loaded_after_restart")):
                problems.append("the plugin did not start again after being unloaded")
        problems.extend(f"Python error: {error}" for error in self.python_errors)
        return problems


def install_plugin_zip(zip_path: Path, profiles_root: Path, *, slug: str = PLUGIN_SLUG,
                       profile: str = PROFILE_NAME) -> Path:
    """Unzip into <root>/profiles/<profile>/python/plugins and enable the plugin there.

    QGIS's --profiles-path names the folder that holds ``profiles/``, hence the extra level.
    """
    profile_dir = profiles_root / "profiles" / profile
    plugins_dir = profile_dir / "python" / "plugins"
    plugins_dir.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(zip_path) as archive:
        tops = {name.split("/", 1)[0] for name in archive.namelist()}
        if tops != {slug}:
            raise ValueError(f"{zip_path} must hold one top folder {slug}/, not {sorted(tops)}")
        archive.extractall(plugins_dir)
    settings_dir = profile_dir / "QGIS"
    settings_dir.mkdir(parents=True, exist_ok=True)
    # English UI so the log tag reads "Python error"; no version check (no network here).
    (settings_dir / "QGIS3.ini").write_text(
        "[PythonPlugins]\n"
        f"{slug}=true\n"
        "\n[locale]\noverrideFlag=true\nuserLocale=en_US\n"
        "\n[qgis]\ncheckVersion=false\n",
        encoding="utf-8",
    )
    return plugins_dir


@contextlib.contextmanager
def virtual_display(screen: str = SCREEN, start_timeout_s: float = 20.0) -> Iterator[str]:
    """Start Xvfb on a free display number (Xvfb picks it: -displayfd) and yield ":N"."""
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        raise SmokeSetupError("Xvfb not found: run `make bootstrap` (Debian package xvfb)")
    read_fd, write_fd = os.pipe()
    process = subprocess.Popen(
        [xvfb, "-displayfd", str(write_fd), "-screen", "0", screen, "-nolisten", "tcp",
         "-noreset"],
        pass_fds=(write_fd,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    try:
        number = b""
        while not number.endswith(b"\n"):
            ready, _, _ = select.select([read_fd], [], [], start_timeout_s)
            chunk = os.read(read_fd, 16) if ready else b""
            if not chunk:
                raise SmokeSetupError(f"Xvfb gave no display within {start_timeout_s} s")
            number += chunk
        yield f":{int(number)}"
    finally:
        os.close(read_fd)
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _qgis_environment(work_dir: Path, display: str, screenshot: Path, slug: str,
                      load_wait_s: float) -> Dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in LEAKY_ENV}
    home = work_dir / "home"
    runtime = work_dir / "runtime"
    for folder in (home, runtime):
        folder.mkdir(parents=True, exist_ok=True)
    runtime.chmod(0o700)
    env.update({
        "DISPLAY": display,
        "QT_QPA_PLATFORM": "xcb",  # a real window, not the offscreen platform of the tests
        "HOME": str(home),  # nothing from the developer's own QGIS can leak in
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "XDG_RUNTIME_DIR": str(runtime),
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
        "PYQGIS_STARTUP": str(SCRIPTS_DIR / "qgis_smoke_hook.py"),
        "GPF_SMOKE_DIR": str(work_dir),
        "GPF_SMOKE_SLUG": slug,
        "GPF_SMOKE_SCREENSHOT": str(screenshot),
        "GPF_SMOKE_WAIT_S": str(load_wait_s),
    })
    return env


def run_smoke(zip_path: Path, screenshot: Path = DEFAULT_SCREENSHOT, *,
              work_dir: Optional[Path] = None, slug: str = PLUGIN_SLUG,
              timeout_s: float = 180.0, load_wait_s: float = 60.0) -> SmokeResult:
    """Install ``zip_path`` in a fresh profile, run QGIS once, return what it showed."""
    qgis = shutil.which("qgis")
    if qgis is None:
        raise SmokeSetupError("qgis not found: run `make bootstrap` (Debian package qgis)")
    own_dir = work_dir is None
    work = Path(tempfile.mkdtemp(prefix="gpf-qgis-smoke-")) if own_dir else Path(work_dir)
    work.mkdir(parents=True, exist_ok=True)
    try:
        profiles_root = work / "profiles-root"
        plugins_dir = install_plugin_zip(Path(zip_path), profiles_root, slug=slug)
        result = SmokeResult(slug=slug, plugins_dir=plugins_dir, screenshot=Path(screenshot))
        command = [qgis, "--profiles-path", str(profiles_root), "--profile", PROFILE_NAME,
                   "--nologo", "--noversioncheck", "--code",
                   str(SCRIPTS_DIR / "qgis_smoke_check.py")]
        output_path = work / "qgis-output.txt"
        with virtual_display() as display, open(output_path, "wb") as output:
            env = _qgis_environment(work, display, Path(screenshot).resolve(), slug,
                                    load_wait_s)
            process = subprocess.Popen(command, env=env, cwd=work, stdout=output,
                                       stderr=subprocess.STDOUT, start_new_session=True)
            try:
                result.returncode = process.wait(timeout=timeout_s)
            except subprocess.TimeoutExpired:
                result.timed_out = True
                os.killpg(process.pid, signal.SIGKILL)
                result.returncode = process.wait()
        result.qgis_output = output_path.read_text(encoding="utf-8", errors="replace")
        report_path = work / "result.json"
        if report_path.is_file():
            result.report = json.loads(report_path.read_text(encoding="utf-8"))
        messages_path = work / "messages.jsonl"
        if messages_path.is_file():
            result.messages = [json.loads(line) for line in
                               messages_path.read_text(encoding="utf-8").splitlines() if line]
        return result
    finally:
        if own_dir:
            shutil.rmtree(work, ignore_errors=True)


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--zip", type=Path, help="plugin zip (default: build one now)")
    parser.add_argument("--screenshot", type=Path, default=DEFAULT_SCREENSHOT)
    parser.add_argument("--timeout", type=float, default=180.0)
    args = parser.parse_args(argv)
    sys.path.insert(0, str(SCRIPTS_DIR))
    import package

    with tempfile.TemporaryDirectory(prefix="gpf-smoke-zip-") as tmp:
        zip_path = args.zip or package.build_zip(REPO_ROOT, Path(tmp))
        result = run_smoke(zip_path, args.screenshot, timeout_s=args.timeout)
    failures = result.failures()
    print(json.dumps({"zip": str(zip_path), "screenshot": str(args.screenshot),
                      "report": result.report, "failures": failures}, indent=1))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
