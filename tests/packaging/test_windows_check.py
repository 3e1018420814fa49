"""scripts/windows_check.py: the shipped code stays portable to Windows, checked statically."""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts import windows_check
from scripts.windows_rules import RULES, check_source

REPO_ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "windows"


def _fixture_of(rule: str) -> Path:
    matches = sorted(FIXTURES.glob(f"{rule.lower()}_*"))
    assert len(matches) == 1, f"one planted fixture per rule, {rule}: {matches}"
    return matches[0]


def _rules(source: str):
    return [rule for _, _, rule, _ in check_source(source)]


@pytest.mark.parametrize("rule", sorted(RULES))
def test_each_rule_fires_on_its_planted_fixture_and_only_that_rule(rule):
    fixture = _fixture_of(rule)
    if fixture.suffix == ".txt":  # W010 is about the names the zip ships: a list of them
        findings = windows_check.check_names(fixture.read_text(encoding="utf-8").split())
    else:
        findings = windows_check.check_files([fixture])
    assert findings, f"{rule} missed its planted violation"
    assert {f.rule for f in findings} == {rule}, [str(f) for f in findings]


def test_guarded_violations_are_not_reported():
    assert [str(f) for f in windows_check.check_files([FIXTURES / "guarded.py"])] == []


def test_the_shipped_code_passes_and_the_run_says_what_it_checked(capsys):
    assert windows_check.main([]) == 0
    out = capsys.readouterr().out
    for rule in RULES:
        assert f"  {rule} " in out
    count = int(out.rsplit("windows_check: ", 1)[1].split(" file(s)")[0])
    assert count >= 50, out  # plugin/ and ui/ are really read
    assert "0 finding(s)" in out


def test_findings_are_printed_with_file_and_line(capsys):
    assert windows_check.main([str(_fixture_of("W009"))]) == 1
    assert ("tests/packaging/fixtures/windows/w009_os_rename.py:7:5: W009"
            in capsys.readouterr().out)


def test_every_kind_of_bad_shipped_name_is_reported(capsys):
    fixture = _fixture_of("W010")
    assert windows_check.main(["--names", str(fixture)]) == 1
    out = capsys.readouterr().out
    for name in ("resources/icons/icon.svg: W010 same name as 'resources/icons/Icon.svg'",
                 "docs/report:final.md: W010 ':'", "resources/aux.png: W010 'aux.png'",
                 "resources/draft./x.gpkg: W010 'draft.'", "x.svg: W010 147 characters"):
        assert name in out
    assert "plugin/fine.py" not in out and "5 finding(s)" in out


def test_only_what_the_zip_ships_is_checked():
    shipped = {p.relative_to(REPO_ROOT).as_posix()
               for p in windows_check.shipped_files(REPO_ROOT)}
    assert {"__init__.py", "ui/main.py", "ui/session.py", "metadata.txt",
            "ui/login_dialog.ui"} <= shipped
    assert not {p for p in shipped if p.split("/")[0] in ("sandbox", "tests", "scripts",
                                                          "bench")}


@pytest.mark.parametrize(("source", "rule"), [
    ("from pathlib import Path\np = Path(folder) / 'CON.txt'\n", "W007"),
    ("import os\np = os.path.join(d, 'draft.')\n", "W007"),
    ("import os\np = os.path.join(d, 'a?.txt')\n", "W007"),
    ("import os\np = os.path.join(d, now.strftime('%H:%M') + '.log')\n", "W007"),
    ("import tempfile\ntempfile.mkstemp(prefix='job:')\n", "W007"),
    ("from os import fork\nfork()\n", "W002"),
    ("import subprocess\nsubprocess.Popen(['x'], preexec_fn=f)\n", "W002"),
    ("from signal import SIGHUP\n", "W004"),
    ("import os\nos.umask(0o077)\n", "W005"),
    ("from pathlib import Path\nPath(d).mkdir(mode=0o700)\n", "W005"),
    ("from pathlib import Path\nPath(p).write_text('x')\n", "W008"),
    ("from pathlib import Path\nPath(p).open('w')\n", "W008"),
    ("f = open(p, 'w')\n", "W008"),
    ("f = open(p, 'w')  # windows-ok\n", "W008"),  # a marker needs its reason
])
def test_more_violations_are_caught(source, rule):
    assert rule in _rules(source)


@pytest.mark.parametrize("source", [
    "url = base + '/datastores/' + ds\n",                 # a URL, not a file path
    "import os\np = os.path.join(d, 'a', 'b.txt')\n",
    "f = open(p, 'rb')\n",
    "f = open(p, 'w', encoding='utf-8')\n",
    "def f():\n    '''Writes to /tmp/x when asked.'''\n",  # prose
    "import os, stat\nos.chmod(p, stat.S_IWRITE | stat.S_IREAD)\n",
    "import signal\ntry:\n    s = signal.SIGKILL\nexcept AttributeError:\n    s = None\n",
    "import os\nif hasattr(os, 'fork'):\n    os.fork()\n",
    "dialog.open()\n",
    "f = open(p, 'w')  # windows-ok: test helper, ASCII only\n",
    "from qgis.PyQt.QtCore import QDir\nQDir(d).mkdir('sub')\n",
])
def test_portable_code_is_not_reported(source):
    assert _rules(source) == []
