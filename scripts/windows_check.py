"""Windows portability check of the code the plugin zip ships (run by `make lint` and a test).

Most QGIS users are on Windows (OSGeo4W, standalone installer), which cannot run here, so
the code is kept portable by construction and checked statically: the rules are in
scripts/windows_rules.py (W001 ... W009, printed by every run). sandbox/, tests/, bench/
and scripts/ are not shipped (scripts/package.py decides), so the rules apply to the rest.

Guarded places are not reported: code under an ``if`` on sys.platform / os.name /
platform.system() / hasattr(os|signal, ...), a POSIX import, call or signal inside a ``try``
that catches ImportError/AttributeError, and a line that says ``# windows-ok: <reason>``.

Usage: python scripts/windows_check.py [paths...]   (default: the .py files of the zip)
Exit 0 when there is no finding, 1 otherwise.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Iterable, List, Optional

if __package__ in (None, ""):  # run as a file: make `scripts` importable, as in the tests
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from scripts.package import TOP_LEVEL_DIRS, TOP_LEVEL_FILES, belongs_in_plugin
from scripts.plugin_sources import REPO_ROOT, iter_files, shown_path
from scripts.windows_rules import RULES, check_source


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    column: int
    rule: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.rule} {self.message}"


def shipped_python_files(root: Path = REPO_ROOT) -> List[Path]:
    """The .py files scripts/package.py puts in the zip."""
    candidates = iter_files(sorted(root / name for name in TOP_LEVEL_FILES | TOP_LEVEL_DIRS))
    return [path for path in candidates
            if belongs_in_plugin(PurePosixPath(shown_path(path, root)).as_posix(), root)]


def check_files(files: Iterable[Path], root: Path = REPO_ROOT) -> List[Finding]:
    findings = []
    for path in files:
        source = path.read_text(encoding="utf-8", errors="replace")
        shown = shown_path(path, root)
        findings.extend(Finding(shown, line, column, rule, message)
                        for line, column, rule, message in check_source(source))
    return findings


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path)
    args = parser.parse_args(argv)
    files = list(iter_files(args.paths)) if args.paths else shipped_python_files()
    what = "the given paths" if args.paths else "the .py files the plugin zip ships"
    print(f"windows_check: rules checked ({len(RULES)}):")
    for rule, description in RULES.items():
        print(f"  {rule} {description}")
    findings = check_files(files)
    for finding in findings:
        print(finding)
    print(f"windows_check: {len(files)} file(s) checked ({what}), "
          f"{len(findings)} finding(s)")
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
