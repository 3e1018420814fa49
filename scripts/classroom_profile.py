"""A throw-away QGIS profile for a class: the plugin installed, enabled, pointed at the sandbox.

``make_profile(profiles_root, sandbox_url)`` writes ``<root>/profiles/classroom/``:
- ``python/plugins/gpf_wmts_publisher/``: the files the plugin zip holds (same selection,
  translations compiled), copied rather than linked so it also works where symlinks do not;
- ``QGIS/QGIS3.ini``: the plugin enabled (``[PythonPlugins]``), the plugin's own settings set
  to the sandbox (``platform/use_sandbox``, ``platform/sandbox_url``, the keys
  ``plugin/settings.py`` reads), no version check (classrooms are often offline).
QGIS is then started with ``--profiles-path <root> --profile classroom``. No secret is written:
each trainee types their own account in the login dialog.
"""

from __future__ import annotations

import configparser
import shutil
from pathlib import Path

from scripts.package import PLUGIN_SLUG, collect_plugin_files

PROFILE_NAME = "classroom"
SETTINGS_GROUP = "gpf_wmts_publisher"   # plugin/settings.py SETTINGS_GROUP


def profile_dir(profiles_root: Path, profile: str = PROFILE_NAME) -> Path:
    # QGIS's --profiles-path names the folder that holds ``profiles/``.
    return Path(profiles_root) / "profiles" / profile


def install_plugin(plugins_dir: Path) -> Path:
    """The plugin's files (as the zip ships them) into ``plugins_dir/<slug>``."""
    target = plugins_dir / PLUGIN_SLUG
    if target.exists():
        shutil.rmtree(target)
    for name, data in collect_plugin_files().items():
        path = target / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return target


def write_settings(settings_dir: Path, sandbox_url: str, locale: str = "") -> Path:
    """QGIS3.ini as QSettings writes it: ``[group]`` then ``key\\sub=value``."""
    ini = configparser.ConfigParser(interpolation=None)
    ini.optionxform = str   # QSettings keys are case sensitive
    ini["PythonPlugins"] = {PLUGIN_SLUG: "true"}
    ini["qgis"] = {"checkVersion": "false"}
    ini[SETTINGS_GROUP] = {"platform\\use_sandbox": "true",
                           "platform\\sandbox_url": sandbox_url.rstrip("/")}
    if locale:
        ini["locale"] = {"overrideFlag": "true", "userLocale": locale}
    settings_dir.mkdir(parents=True, exist_ok=True)
    path = settings_dir / "QGIS3.ini"
    with path.open("w", encoding="utf-8") as handle:
        ini.write(handle, space_around_delimiters=False)
    return path


def make_profile(profiles_root: Path, sandbox_url: str, *, locale: str = "",
                 profile: str = PROFILE_NAME) -> Path:
    """A fresh profile (an earlier one of the same name is replaced); returns its folder."""
    folder = profile_dir(profiles_root, profile)
    if folder.exists():
        shutil.rmtree(folder)
    install_plugin(folder / "python" / "plugins")
    write_settings(folder / "QGIS", sandbox_url, locale)
    return folder


def qgis_command(profiles_root: Path, *extra: str, profile: str = PROFILE_NAME) -> list:
    return ["qgis", "--profiles-path", str(profiles_root), "--profile", profile,
            "--noversioncheck", *extra]
