"""Windows portability check of the code the plugin zip ships (run by `make lint` and a test).

Most QGIS users are on Windows (OSGeo4W, standalone installer), which cannot run here, so
the code is kept portable by construction and checked statically: the rules are in
scripts/windows_rules.py (W001 ... W010, printed by every run). sandbox/, tests/, bench/
and scripts/ are not shipped (scripts/package.py decides), so the rules apply to the rest:
W001-W009 to its Python code, W010 to the name of every file in the zip.

Guarded places are not reported: code under an ``if`` on sys.platform / os.name /
platform.system() / hasattr(os|signal, ...), a POSIX import, call or signal inside a ``try``
that catches ImportError/AttributeError, and a line that says ``# windows-ok: <reason>``.

Usage: python scripts/windows_check.py [paths...] [--names LIST]
       (default: the zip's .py files and file names; LIST: file names, one a line)
Exit 0 when there is no finding, 1 otherwise.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Iterable, List, Optional, Sequence

if __package__ in (None, ""):  # run as a file: make `scripts` importable, as in the tests
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from scripts.package import TOP_LEVEL_DIRS, TOP_LEVEL_FILES, belongs_in_plugin
from scripts.plugin_sources import REPO_ROOT, Finding, iter_files, shown_path
from scripts.windows_rules import RULES, check_source
from scripts.windows_rules import check_names as check_names_of


def shipped_files(root: Path = REPO_ROOT, suffixes: Optional[Sequence[str]] = None
                  ) -> List[Path]:
    """The files scripts/package.py puts in the zip (only ``suffixes`` when given)."""
    tops = sorted(root / name for name in TOP_LEVEL_FILES | TOP_LEVEL_DIRS)
    candidates = [path for top in tops
                  for path in ([top] if top.is_file() else sorted(top.rglob("*")))
                  if path.is_file() and (suffixes is None or path.suffix in suffixes)]
    return [path for path in candidates if belongs_in_plugin(shown_path(path, root), root)]


def check_names(names: Iterable[str]) -> List[Finding]:
    return [Finding(name, 0, 0, "W010", problem) for name, problem in check_names_of(names)]


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
    parser.add_argument("--names", type=Path,
                        help="check the file names listed in this file (one a line) as if "
                             "shipped, instead of the zip's (W010)")
    args = parser.parse_args(argv)
    print(f"windows_check: rules checked ({len(RULES)}):")
    for rule, description in RULES.items():
        print(f"  {rule} {description}")
    if args.paths or args.names:
        files = list(iter_files(args.paths))
        names = args.names.read_text(encoding="utf-8").split() if args.names else []
        what = "the given paths and names"
    else:
        shipped = shipped_files()
        files = [path for path in shipped if path.suffix == ".py"]
        names = [shown_path(path) for path in shipped]
        what = "the .py files the plugin zip ships; W010 on all its file names"
    findings = check_files(files) + check_names(names)
    for finding in findings:
        print(finding)
    print(f"windows_check: {len(files)} file(s) and {len(names)} name(s) checked ({what}), "
          f"{len(findings)} finding(s)")
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
