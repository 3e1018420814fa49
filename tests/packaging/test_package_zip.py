"""scripts/package.py: the zip holds the plugin QGIS needs and nothing of the tooling."""

from __future__ import annotations

import subprocess
import zipfile
from pathlib import Path

import pytest

from scripts import package

REPO_ROOT = Path(__file__).resolve().parents[2]
SLUG = "gpf_wmts_publisher"

METADATA = """[general]
name=Tiny
qgisMinimumVersion=3.22
description=d
about=a
version={version}
author=me
email=me@example.org
repository=https://example.org/r
icon=resources/icons/icon.svg
"""

TS_SOURCE = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>GpfWmtsPublisherPlugin</name>
    <message>
        <source>Published services</source>
        <translation>Services publiés</translation>
    </message>
</context>
</TS>
"""


def _git(root: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True)


def _make_plugin_repo(root: Path, version: str = "1.2.3") -> Path:
    """A small git repository laid out like ours (the root is the plugin folder)."""
    files = {
        "metadata.txt": METADATA.format(version=version),
        "__init__.py": "def classFactory(iface):\n    return None\n",
        "LICENSE": "GPL\n",
        "README.md": "# tiny\n",
        "Makefile": "all:\n",
        "pyproject.toml": "",
        ".gitignore": "*.qm\n__pycache__/\ndist/\n",
        "plugin/__init__.py": "",
        "plugin/main.py": "SAMPLE = 'resources/sample_used/x.gpkg'\n",
        "plugin/tiles.py": "def sample_data_tiles(): return 'sample'\n",
        "ui/dialog.ui": "<ui/>\n",
        "ui/__init__.py": "",
        "resources/icons/icon.svg": "<svg/>\n",
        "resources/schemas/a.xsd": "<xs/>\n",
        "resources/sample_used/x.gpkg": "data",
        "resources/sample_data/demo.gpkg": "demo only",
        "i18n/gpf_wmts_publisher_fr.ts": TS_SOURCE,
        "sandbox/app.py": "",
        "tests/test_x.py": "",
        "bench/b.py": "",
        "scripts/package.py": "",
        ".ci/run": "",
        "docs/screenshots/x.png": "png",
    }
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    _git(root, "init", "-q")
    _git(root, "add", ".")
    _git(root, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "x")
    return root


def _names(zip_path: Path):
    with zipfile.ZipFile(zip_path) as archive:
        return set(archive.namelist())


@pytest.fixture
def plugin_repo(tmp_path):
    return _make_plugin_repo(tmp_path / "repo")


def test_zip_of_this_repository_holds_the_plugin_under_one_top_folder(tmp_path):
    zip_path = package.build_zip(REPO_ROOT, tmp_path)
    names = _names(zip_path)
    version = package.read_metadata(REPO_ROOT)["version"]
    assert zip_path.name == f"{SLUG}-{version}.zip"
    assert {name.split("/", 1)[0] for name in names} == {SLUG}
    for needed in ("metadata.txt", "__init__.py", "LICENSE", "README.md", "plugin/__init__.py",
                   "ui/main.py", "resources/icons/icon.svg",
                   "resources/schemas/ogc/sld/1.0.0/StyledLayerDescriptor.xsd"):
        assert f"{SLUG}/{needed}" in names
    forbidden = ("sandbox/", "tests/", "bench/", "scripts/", ".ci/", "docs/", ".venv/", ".git/")
    assert not [n for n in names if n[len(SLUG) + 1:].startswith(forbidden)]
    assert not [n for n in names if "__pycache__" in n or n.endswith((".pyc", ".ts"))]


def test_tooling_folders_and_files_are_left_out(plugin_repo, tmp_path):
    names = _names(package.build_zip(plugin_repo, tmp_path / "dist"))
    inner = {name[len(SLUG) + 1:] for name in names}
    assert inner == {
        "metadata.txt", "__init__.py", "LICENSE", "README.md", "plugin/__init__.py",
        "plugin/main.py", "plugin/tiles.py", "ui/dialog.ui", "ui/__init__.py",
        "resources/icons/icon.svg",
        "resources/schemas/a.xsd", "resources/sample_used/x.gpkg",
        "i18n/gpf_wmts_publisher_fr.qm",
    }


def test_sample_data_ships_only_when_plugin_code_names_its_folder(plugin_repo):
    """plugin/tiles.py says sample_data_tiles (a word), plugin/main.py a path."""
    assert package.belongs_in_plugin("resources/sample_used/x.gpkg", plugin_repo)
    assert not package.belongs_in_plugin("resources/sample_data/demo.gpkg", plugin_repo)


def test_translations_are_compiled_into_the_zip(plugin_repo, tmp_path):
    zip_path = package.build_zip(plugin_repo, tmp_path)
    with zipfile.ZipFile(zip_path) as archive:
        qm = archive.read(f"{SLUG}/i18n/gpf_wmts_publisher_fr.qm")
    assert qm.startswith(bytes.fromhex("3cb86418caef9c95cd211cbf60a1bddd"))  # .qm magic
    assert "Services publiés".encode("utf-16-be") in qm


def test_two_builds_of_the_same_sources_are_byte_identical(plugin_repo, tmp_path):
    first = package.build_zip(plugin_repo, tmp_path / "a").read_bytes()
    second = package.build_zip(plugin_repo, tmp_path / "b").read_bytes()
    assert first == second


def test_untracked_work_is_packaged_but_ignored_files_are_not(plugin_repo, tmp_path):
    (plugin_repo / "plugin" / "new_step.py").write_text("X = 1\n", encoding="utf-8")
    (plugin_repo / "plugin" / "__pycache__").mkdir()
    (plugin_repo / "plugin" / "__pycache__" / "main.cpython-311.pyc").write_bytes(b"\0")
    (plugin_repo / "i18n" / "stale.qm").write_bytes(b"old")  # ignored: rebuilt from .ts
    inner = {n[len(SLUG) + 1:] for n in _names(package.build_zip(plugin_repo, tmp_path))}
    assert "plugin/new_step.py" in inner
    assert "i18n/stale.qm" not in inner
    assert not [n for n in inner if "__pycache__" in n]


def test_ref_mode_packages_exactly_the_commit(plugin_repo, tmp_path):
    (plugin_repo / "plugin" / "uncommitted.py").write_text("X = 1\n", encoding="utf-8")
    (plugin_repo / "metadata.txt").write_text(METADATA.format(version="9.9.9"), "utf-8")
    zip_path = package.build_zip(plugin_repo, tmp_path, ref="HEAD")
    assert zip_path.name == f"{SLUG}-1.2.3.zip"
    assert f"{SLUG}/plugin/uncommitted.py" not in _names(zip_path)


def test_metadata_without_required_keys_is_refused(plugin_repo, tmp_path):
    (plugin_repo / "metadata.txt").write_text("[general]\nname=Tiny\nversion=1\n", "utf-8")
    with pytest.raises(package.PackagingError, match="qgisMinimumVersion"):
        package.build_zip(plugin_repo, tmp_path)


def test_missing_icon_is_refused(plugin_repo, tmp_path):
    (plugin_repo / "resources" / "icons" / "icon.svg").unlink()
    with pytest.raises(package.PackagingError, match="icon"):
        package.build_zip(plugin_repo, tmp_path)


def test_command_line_writes_into_dist_and_prints_the_size(tmp_path, capsys):
    assert package.main(["--output-dir", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert str(tmp_path) in out and "KiB" in out
    assert list(tmp_path.glob(f"{SLUG}-*.zip"))
