"""Compile the plugin's Designer forms (ui/**/*.ui) ahead, into ui/forms/<name>.py.

Why: ``uic.loadUiType`` parses the XML and generates Python at run time (~65 ms for the wizard's
pages), on the GUI thread (PyQt's uic is not thread-safe), so the first opening of a window
stalls QGIS. A compiled form is an ordinary import.

How: PyQt6's uic generates the code (its enums are fully scoped, which PyQt5 5.15 reads too,
so the Qt 6 check passes), then its ``from PyQt6 import`` becomes ``from qgis.PyQt import`` and
the header records the .ui file's SHA-256. At run time ui/forms/__init__.py uses a compiled
form only when that hash matches the .ui beside it, else compiles the .ui as before: a form
edited in Designer and not recompiled is slow, never wrong; tests/ui/test_compiled_forms.py
fails until this script is run again.

    .venv/bin/python scripts/compile_forms.py          # write ui/forms/*.py
    .venv/bin/python scripts/compile_forms.py --check  # exit 1 when one is missing or stale
"""

from __future__ import annotations

import argparse
import hashlib
import re
import subprocess
import sys
from pathlib import Path
from typing import Dict, List

ROOT = Path(__file__).resolve().parents[1]
UI_ROOT = ROOT / "ui"
FORMS = UI_ROOT / "forms"
HASH_LINE = re.compile(r"^# source: (\S+) sha256 ([0-9a-f]{64})$", re.MULTILINE)
# PyQt6's uic, run in a process of its own: PyQt5 (QGIS) and PyQt6 in one process conflict.
COMPILE = ("import sys, io\nfrom PyQt6 import uic\nout = io.StringIO()\n"
           "uic.compileUi(sys.argv[1], out)\nsys.stdout.write(out.getvalue())\n")


def ui_files() -> List[Path]:
    return sorted(path for path in UI_ROOT.rglob("*.ui") if FORMS not in path.parents)


def form_module(ui_file: Path) -> Path:
    return FORMS / f"{ui_file.stem}.py"


def source_hash(ui_file: Path) -> str:
    """SHA-256 of the .ui text with LF line ends (a Windows checkout's CRLF is the same form);
    ui/forms/__init__.py computes it the same way."""
    return hashlib.sha256(ui_file.read_bytes().replace(b"\r\n", b"\n")).hexdigest()


def recorded_hash(module: Path) -> str:
    match = HASH_LINE.search(module.read_text(encoding="utf-8")) if module.exists() else None
    return match.group(2) if match else ""


def generated_code(ui_file: Path) -> str:
    raw = subprocess.run([sys.executable, "-c", COMPILE, str(ui_file)], check=True,
                         capture_output=True, text=True, encoding="utf-8").stdout
    body = raw[raw.index("\nfrom PyQt6 import"):].lstrip("\n")
    body = body.replace("from PyQt6 import", "from qgis.PyQt import", 1)
    relative = ui_file.relative_to(ROOT).as_posix()
    header = (f'"""The form of {relative}, compiled ahead by scripts/compile_forms.py (do not '
              f'edit: edit the .ui and run the script)."""\n'
              f"# source: {relative} sha256 {source_hash(ui_file)}\n"
              "# ruff: noqa\n\n")
    return header + body.rstrip("\n") + f'\n\n\nSOURCE_SHA256 = "{source_hash(ui_file)}"\n'


def stale_forms() -> Dict[str, str]:
    """{.ui path: why} for every form whose compiled module is missing or out of date."""
    found = {}
    for ui_file in ui_files():
        module = form_module(ui_file)
        if not module.exists():
            found[ui_file.relative_to(ROOT).as_posix()] = "not compiled"
        elif recorded_hash(module) != source_hash(ui_file):
            found[ui_file.relative_to(ROOT).as_posix()] = "changed since compiled"
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report stale forms")
    args = parser.parse_args()
    if args.check:
        stale = stale_forms()
        for path, why in stale.items():
            print(f"{path}: {why} (run scripts/compile_forms.py)")
        return 1 if stale else 0
    FORMS.mkdir(exist_ok=True)
    init = FORMS / "__init__.py"
    if not init.exists():
        raise SystemExit(f"{init} is missing (it loads the forms)")
    for ui_file in ui_files():
        module = form_module(ui_file)
        code = generated_code(ui_file)
        with open(module, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(code)
        print(f"{module.relative_to(ROOT).as_posix()} <- {ui_file.relative_to(ROOT).as_posix()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
