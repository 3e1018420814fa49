"""What the checks in scripts/ (Qt6, Windows) share: where the plugin's own source files are,
how a path is shown, the finding they report and how they read a dotted name in the syntax tree.

The checks walk the same folders and print paths the same way; keeping that here means a
new top-level package or a new file kind is added once, not once per check.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator, Optional, Sequence

REPO_ROOT = Path(__file__).resolve().parent.parent
PLUGIN_SLUG = "gpf_wmts_publisher"
# The code QGIS loads: the entry point and the two packages (sandbox/, tests/, bench/ and
# scripts/ never reach a user's QGIS).
PLUGIN_CODE = ("__init__.py", "plugin", "ui")


def default_targets(root: Path = REPO_ROOT) -> list:
    return [root / target for target in PLUGIN_CODE]


def iter_files(paths: Iterable[Path], suffixes: Sequence[str] = (".py",)) -> Iterator[Path]:
    """Files with one of ``suffixes`` under ``paths`` (folders walked in sorted order)."""
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if (child.suffix in suffixes and child.is_file()
                        and "__pycache__" not in child.parts):
                    yield child
        elif path.suffix in suffixes and path.is_file():
            yield path


def shown_path(path: Path, root: Path = REPO_ROOT) -> str:
    """``path`` relative to ``root`` with forward slashes when inside it, as given otherwise."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)


@dataclass(frozen=True)
class Finding:
    """One rule broken at ``path:line:column`` (line 0: the file or name as a whole)."""

    path: str
    line: int
    column: int
    rule: str
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}:{self.column}" if self.line else self.path
        return f"{where}: {self.rule} {self.message}"


def dotted_name(node: ast.AST) -> Optional[str]:
    """'a.b.c' for a chain of names, None for anything else (calls, subscripts ...)."""
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
        return ".".join(reversed(parts))
    return None
