"""A private virtual environment holding the platform's official Python client.

``sdk-entrepot-gpf`` brings its own ``requests``, ``jsonschema``, ``shapely``, ``toml``… Installed
in the project's .venv (which sees Debian's packages) they would shadow the ``requests`` and
``lxml`` the plugin is tested with. So the SDK lives in a plain venv of its own, outside the
clone (a fresh clone on the same machine reuses it), driven only through subprocesses.

The venv is keyed by the SDK version; it is built in a scratch directory and renamed into place
once the install is verified, so an interrupted build never leaves a half venv behind.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

SDK_PACKAGE = "sdk-entrepot-gpf"
SDK_VERSION = "0.1.46"
READY_MARK = "sdk-ready"


def cache_root() -> Path:
    """``$GPF_WMTS_CACHE`` or the user's cache directory (``~/.cache`` by default)."""
    configured = os.environ.get("GPF_WMTS_CACHE")
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "gpf-wmts"


def venv_dir() -> Path:
    return cache_root() / f"sdk-venv-{SDK_VERSION}"


def venv_python(venv: Path) -> Path:
    if os.name == "nt":
        return venv / "Scripts" / "python.exe"
    return venv / "bin" / "python"


def base_python() -> str:
    """The interpreter the venv is made from: Debian's Python 3.11 when present."""
    debian = Path("/usr/bin/python3")
    return str(debian) if debian.exists() else sys.executable


def clean_env() -> dict:
    """The environment for the SDK's processes: nothing of the project's Python set-up leaks in."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "PYTHONSTARTUP")}
    env["PYTHONNOUSERSITE"] = "1"
    env["PYTHONIOENCODING"] = "utf-8"
    return env


def _installed_version(venv: Path) -> str:
    reply = subprocess.run(
        [str(venv_python(venv)), "-c",
         "import importlib.metadata as m; print(m.version('sdk-entrepot-gpf'))"],
        capture_output=True, text=True, env=clean_env(), timeout=120, check=False)
    return reply.stdout.strip() if reply.returncode == 0 else ""


def _is_ready(venv: Path) -> bool:
    return (venv / READY_MARK).is_file() and _installed_version(venv) == SDK_VERSION


def _build(target: Path) -> None:
    """Create a plain venv (no system site packages) in ``target`` and install the SDK."""
    subprocess.run([base_python(), "-m", "venv", str(target)], check=True, timeout=300,
                   env=clean_env())
    install = subprocess.run(
        [str(venv_python(target)), "-m", "pip", "install", "--disable-pip-version-check",
         "--no-input", "--quiet", f"{SDK_PACKAGE}=={SDK_VERSION}"],
        capture_output=True, text=True, env=clean_env(), timeout=1200, check=False)
    if install.returncode != 0:
        raise RuntimeError(f"pip could not install {SDK_PACKAGE}=={SDK_VERSION}:\n"
                           f"{install.stdout[-3000:]}\n{install.stderr[-3000:]}")
    if _installed_version(target) != SDK_VERSION:
        raise RuntimeError(f"{SDK_PACKAGE} {SDK_VERSION} does not import in {target}")
    (target / READY_MARK).write_text(SDK_VERSION, encoding="utf-8")


def ensure_sdk_venv() -> Path:
    """The ready venv of the pinned SDK, built on first use (about a minute)."""
    final = venv_dir()
    if _is_ready(final):
        return final
    final.parent.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=f".{final.name}-", dir=final.parent))
    try:
        _build(scratch)
        if final.exists() and not _is_ready(final):
            shutil.rmtree(final, ignore_errors=True)  # a broken earlier build
        try:
            # python -m … works from a renamed venv: pyvenv.cfg names the base, not the venv.
            os.rename(scratch, final)
        except OSError:
            if not _is_ready(final):  # another run finished first: use its venv
                raise
    finally:
        if scratch.exists():
            shutil.rmtree(scratch, ignore_errors=True)
    if not _is_ready(final):
        raise RuntimeError(f"the SDK venv {final} is not usable")
    return final
