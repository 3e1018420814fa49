"""``make classroom``: QGIS for a class, on the local sandbox.

Starts the sandbox unless one already answers at ``--port`` (``make sandbox TRAINEES=12`` in
another terminal is the usual set-up: it prints the trainees' passwords), builds a throw-away
profile with the plugin installed, enabled and pointed at the sandbox
(``scripts/classroom_profile.py``) and opens QGIS on it with the sample layer. Needs a
display. The profile is deleted when QGIS closes, unless ``--keep-profile``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "resources" / "sample" / "communes_demo.gpkg"
sys.path.insert(0, str(ROOT))   # `sandbox` and `scripts` are top-level packages of the repo

from scripts.classroom_profile import make_profile, qgis_command  # noqa: E402


def sandbox_answers(url: str) -> bool:
    try:
        return requests.get(url, timeout=2).ok
    except requests.RequestException:
        return False


def start_sandbox(port: int, data_dir: Path, trainees: int) -> subprocess.Popen:
    """The sandbox in the foreground's terminal (its passwords print there), until QGIS ends."""
    command = [sys.executable, "-m", "sandbox", "--port", str(port), "--data-dir",
               str(data_dir), "--quiet", "--trainees", str(trainees), "--exit-with-parent"]
    process = subprocess.Popen(command, cwd=ROOT)
    url = f"http://127.0.0.1:{port}"
    for _ in range(600):
        if sandbox_answers(url) or process.poll() is not None:
            break
        time.sleep(0.1)
    if process.poll() is not None:
        raise SystemExit(f"the sandbox did not start (exit {process.returncode})")
    return process


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--data-dir", type=Path, default=ROOT / ".sandbox-data")
    parser.add_argument("--trainees", type=int, default=0)
    parser.add_argument("--profiles-root", type=Path, default=None,
                        help="where to build the profile (default: a temporary folder)")
    parser.add_argument("--keep-profile", action="store_true")
    parser.add_argument("--locale", default="", help="e.g. fr or en_US (default: the system's)")
    args = parser.parse_args(argv)
    # Stopped by a signal (Ctrl-C, the session closing): still stop the sandbox and delete the
    # profile (the finally below).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    url = f"http://127.0.0.1:{args.port}"
    sandbox = None if sandbox_answers(url) else start_sandbox(args.port, args.data_dir,
                                                              args.trainees)
    root = args.profiles_root or Path(tempfile.mkdtemp(prefix="gpf-classroom-"))
    try:
        folder = make_profile(root, url, locale=args.locale)
        print(f"QGIS profile {folder} (plugin enabled, sandbox {url}); starting QGIS.")
        env = dict(os.environ, GPF_SANDBOX_URL=url)
        env.pop("QT_QPA_PLATFORM", None)   # the Makefile's offscreen default: a real window here
        return subprocess.call(qgis_command(root, str(SAMPLE)), env=env)
    finally:
        if sandbox is not None:
            sandbox.terminate()
            sandbox.wait(timeout=10)
        if not (args.keep_profile or args.profiles_root):
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
