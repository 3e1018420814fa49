"""Build the installable plugin zip: dist/gpf_wmts_publisher-<version>.zip.

Why not qgis-plugin-ci: it expects the plugin in a sub-folder of the repository (here the
repository root IS the plugin folder, and its path rewriting ``name.replace(plugin_path, slug)``
mangles every file name when plugin_path is "."), it rewrites metadata.txt in the working tree
and ends with ``git checkout -- .`` (which would throw away the uncommitted work of everyone
sharing the tree), and it pulls PyQt5 from PyPI, which would shadow Debian's PyQt5 that QGIS
3.22 is built against in our --system-site-packages venv. So this script does the same job
with git + the metadata: git says which files exist (tracked, or untracked but not ignored; or
exactly a commit with --ref), an allow-list says which of them belong in the plugin, the
translations are compiled fresh with lrelease, and the zip gets one top folder named after the
plugin's slug with reproducible timestamps.

Usage: python scripts/package.py [--output-dir dist] [--ref HEAD]
"""

from __future__ import annotations

import argparse
import configparser
import io
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
import zipfile
from pathlib import Path, PurePosixPath
from typing import Dict, Iterable, List, Optional

PLUGIN_SLUG = "gpf_wmts_publisher"
REPO_ROOT = Path(__file__).resolve().parent.parent

# What QGIS needs at run time; everything else (sandbox/, tests/, bench/, scripts/, .ci/,
# docs/, dot-files, Makefile, pyproject.toml, ...) stays out.
TOP_LEVEL_FILES = {"metadata.txt", "__init__.py", "LICENSE", "README.md"}
TOP_LEVEL_DIRS = {"plugin", "ui", "resources"}
# i18n/ ships only compiled translations, built by this script from the .ts sources.
EXCLUDED_NAMES = {"__pycache__", ".DS_Store", ".gitignore", ".gitkeep"}
EXCLUDED_SUFFIXES = {".pyc", ".pyo", ".ts", ".qrc", ".pro", ".orig", ".rej", ".swp"}
# Metadata keys the official plugin repository refuses to publish without.
REQUIRED_METADATA = (
    "name", "qgisMinimumVersion", "description", "about", "version", "author", "email",
    "repository",
)
# Zip entries carry this time when git cannot tell the last commit's (1980 is zip's epoch).
FALLBACK_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


class PackagingError(Exception):
    """The plugin cannot be packaged as it stands; the message says what to fix."""


def read_metadata(plugin_root: Path = REPO_ROOT) -> Dict[str, str]:
    """The [general] section of metadata.txt, checked for the keys QGIS's repository needs."""
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys such as qgisMinimumVersion are case-sensitive
    path = plugin_root / "metadata.txt"
    if not path.is_file():
        raise PackagingError(f"{path} is missing")
    parser.read(path, encoding="utf-8")
    if not parser.has_section("general"):
        raise PackagingError(f"{path} has no [general] section")
    general = dict(parser.items("general"))
    missing = [key for key in REQUIRED_METADATA if not general.get(key, "").strip()]
    if missing:
        raise PackagingError(f"{path} lacks required keys: {', '.join(missing)}")
    return general


def _is_sample_data_used(plugin_root: Path, folder_name: str) -> bool:
    """Sample data ships only when the plugin's own code names its folder as a path.

    "resources/sample" or a quoted "sample" path component counts; a mere word (sample_tiles)
    does not.
    """
    mentions = (f"resources/{folder_name}", f'"{folder_name}"', f"'{folder_name}'")
    sources = [plugin_root / "__init__.py"]
    for package in ("plugin", "ui"):
        sources.extend(sorted((plugin_root / package).rglob("*.py")))
    for source in sources:
        try:
            text = source.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        if any(mention in text for mention in mentions):
            return True
    return False


def belongs_in_plugin(relative_path: str, plugin_root: Path = REPO_ROOT) -> bool:
    """Whether a repository file (POSIX path relative to the root) goes into the zip."""
    parts = PurePosixPath(relative_path).parts
    if not parts:
        return False
    if any(part in EXCLUDED_NAMES for part in parts):
        return False
    if PurePosixPath(relative_path).suffix in EXCLUDED_SUFFIXES:
        return False
    if len(parts) == 1:
        return parts[0] in TOP_LEVEL_FILES
    if parts[0] not in TOP_LEVEL_DIRS:
        return False
    if parts[0] == "resources" and parts[1].lower().startswith("sample"):
        return _is_sample_data_used(plugin_root, parts[1])
    return True


def _git(plugin_root: Path, *args: str) -> bytes:
    try:
        return subprocess.run(
            ["git", "-C", str(plugin_root), *args], check=True, capture_output=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError) as exc:
        stderr = getattr(exc, "stderr", b"") or b""
        raise PackagingError(f"git {' '.join(args)} failed: {stderr.decode(errors='replace')}"
                             ) from exc


def _is_translation_source(name: str) -> bool:
    return name.startswith("i18n/") and name.endswith(".ts")


def _worktree_files(plugin_root: Path) -> Dict[str, bytes]:
    """Files git knows or would add (not ignored), read from the working tree.

    Only those the zip needs are read: a multi-GB benchmark file elsewhere costs nothing.
    """
    listing = _git(plugin_root, "ls-files", "-z", "--cached", "--others", "--exclude-standard")
    files: Dict[str, bytes] = {}
    for raw in listing.split(b"\0"):
        name = raw.decode("utf-8")
        if not name or not (belongs_in_plugin(name, plugin_root) or
                            _is_translation_source(name)):
            continue
        path = plugin_root / name
        # --cached still lists files deleted from the tree but not yet from the index.
        if path.is_file() and not path.is_symlink():
            files[name] = path.read_bytes()
    return files


def _commit_files(plugin_root: Path, ref: str) -> Dict[str, bytes]:
    """Files exactly as committed in ``ref`` (what a release built from a tag contains)."""
    archive = _git(plugin_root, "archive", "--format=tar", ref)
    files: Dict[str, bytes] = {}
    with tarfile.open(fileobj=io.BytesIO(archive), mode="r:") as tar:
        for member in tar.getmembers():
            if member.isfile():
                extracted = tar.extractfile(member)
                if extracted is not None:
                    files[member.name] = extracted.read()
    return files


def compile_translations(ts_files: Iterable[Path], work_dir: Path) -> Dict[str, bytes]:
    """Compile .ts sources with lrelease into work_dir; returns {"i18n/x.qm": bytes}."""
    ts_list = list(ts_files)
    if not ts_list:
        return {}
    lrelease = shutil.which("lrelease")
    if lrelease is None:
        raise PackagingError("lrelease not found: install qttools5-dev-tools (make bootstrap)")
    compiled: Dict[str, bytes] = {}
    for ts in ts_list:
        qm = work_dir / (ts.stem + ".qm")
        subprocess.run([lrelease, "-silent", str(ts), "-qm", str(qm)], check=True)
        compiled[f"i18n/{qm.name}"] = qm.read_bytes()
    return compiled


def _zip_time(plugin_root: Path, ref: Optional[str]) -> tuple:
    """Time of the last commit, so two builds of the same sources give the same zip."""
    try:
        stamp = int(_git(plugin_root, "log", "-1", "--format=%ct", ref or "HEAD").strip())
    except (PackagingError, ValueError):
        return FALLBACK_ZIP_TIME
    return max(time.gmtime(stamp)[:6], FALLBACK_ZIP_TIME)


def collect_plugin_files(plugin_root: Path = REPO_ROOT, ref: Optional[str] = None
                         ) -> Dict[str, bytes]:
    """Every file of the zip (relative paths, without the top folder) with its content."""
    sources = _commit_files(plugin_root, ref) if ref else _worktree_files(plugin_root)
    selected = {name: data for name, data in sources.items()
                if belongs_in_plugin(name, plugin_root)}
    with tempfile.TemporaryDirectory(prefix="gpf-i18n-") as tmp:
        ts_dir = Path(tmp) / "ts"
        ts_dir.mkdir()
        ts_paths = []
        for name, data in sorted(sources.items()):
            if _is_translation_source(name):
                ts_path = ts_dir / PurePosixPath(name).name
                ts_path.write_bytes(data)
                ts_paths.append(ts_path)
        selected.update(compile_translations(ts_paths, Path(tmp)))
    return selected


def check_plugin_files(files: Dict[str, bytes], metadata: Dict[str, str]) -> None:
    """Refuse a zip QGIS could not load: entry point, metadata and icon must be there."""
    for needed in ("__init__.py", "metadata.txt", "plugin/__init__.py"):
        if needed not in files:
            raise PackagingError(f"{needed} would be missing from the zip")
    icon = metadata.get("icon", "").strip()
    if icon and icon not in files:
        raise PackagingError(f"the icon named in metadata.txt ({icon}) would be missing")
    if b"def classFactory" not in files["__init__.py"]:
        raise PackagingError("__init__.py defines no classFactory(iface)")


def build_zip(plugin_root: Path = REPO_ROOT, output_dir: Optional[Path] = None, *,
              ref: Optional[str] = None) -> Path:
    """Write <output_dir>/gpf_wmts_publisher-<version>.zip and return its path."""
    plugin_root = Path(plugin_root).resolve()
    output_dir = Path(output_dir) if output_dir is not None else plugin_root / "dist"
    if ref:
        with tempfile.TemporaryDirectory(prefix="gpf-meta-") as tmp:
            (Path(tmp) / "metadata.txt").write_bytes(
                _git(plugin_root, "show", f"{ref}:metadata.txt"))
            metadata = read_metadata(Path(tmp))
    else:
        metadata = read_metadata(plugin_root)
    files = collect_plugin_files(plugin_root, ref)
    check_plugin_files(files, metadata)

    output_dir.mkdir(parents=True, exist_ok=True)
    target = output_dir / f"{PLUGIN_SLUG}-{metadata['version'].strip()}.zip"
    partial = target.with_name(target.name + ".part")
    zip_time = _zip_time(plugin_root, ref)
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(files):
            info = zipfile.ZipInfo(f"{PLUGIN_SLUG}/{name}", date_time=zip_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o100644 << 16  # regular file, rw-r--r--
            archive.writestr(info, files[name])
    partial.replace(target)  # a half-written zip never carries the final name
    return target


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output-dir", type=Path, default=REPO_ROOT / "dist")
    parser.add_argument("--ref", help="package this commit (git archive) instead of the tree")
    args = parser.parse_args(argv)
    try:
        target = build_zip(REPO_ROOT, args.output_dir, ref=args.ref)
    except PackagingError as exc:
        print(f"package: {exc}", file=sys.stderr)
        return 1
    with zipfile.ZipFile(target) as archive:
        count = len(archive.namelist())
    print(f"package: {target} ({target.stat().st_size / 1024:.1f} KiB, {count} files)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
