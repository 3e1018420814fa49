"""The Windows portability rules, read from a Python file's AST (see windows_check.py).

Most QGIS users run Windows (OSGeo4W, standalone installer); these rules catch, without a
Windows machine, the code that works on Linux and breaks or silently misbehaves there.
"""

from __future__ import annotations

import ast
import re
from typing import Dict, List, Optional, Sequence, Set, Tuple

from scripts.plugin_sources import dotted_name

RULES: Dict[str, str] = {
    "W001": "file path built by string concatenation with a separator: os.path.join/pathlib",
    "W002": "POSIX-only os call (os.fork, os.getuid, os.chown, preexec_fn ...)",
    "W003": "POSIX-only module (fcntl, pwd, grp, resource, termios, pty ...)",
    "W004": "POSIX-only signal (SIGKILL, SIGHUP, SIGUSR1, signal.alarm ...)",
    "W005": "permission bits (chmod 0o600, umask, mkdir mode=): Windows ignores them, so a "
            "'private' file is not private there",
    "W006": "POSIX absolute path literal (/tmp, /dev/null, /etc ...): tempfile, os.devnull",
    "W007": "file name invalid on Windows (< > : \" | ? *, trailing dot or space, CON/NUL ..."
            ", a timestamp with ':')",
    "W008": "text file opened without encoding=: Windows reads and writes it as cp1252",
    "W009": "os.rename fails on Windows when the target exists: os.replace",
    "W010": "shipped file name invalid on Windows, equal to another but for case (one "
            "overwrites the other), or too long for a Windows plugins folder",
}
POSIX_RULES = {"W002", "W003", "W004", "W005", "W006"}

POSIX_OS_CALLS = {
    "fork", "forkpty", "getuid", "geteuid", "getgid", "getegid", "getgroups", "setuid",
    "setgid", "seteuid", "setegid", "setsid", "setpgrp", "setpgid", "getpgid", "getpgrp",
    "killpg", "nice", "chown", "lchown", "fchown", "mkfifo", "mknod", "statvfs", "uname",
    "getloadavg", "sysconf", "pathconf", "wait3", "wait4", "openpty", "ttyname", "sync",
    "WNOHANG", "getpwuid", "chroot",
}
POSIX_MODULES = {"fcntl", "pwd", "grp", "resource", "termios", "tty", "pty", "posix",
                 "crypt", "syslog", "spwd", "nis", "readline"}
# Windows' signal module has SIGINT, SIGTERM, SIGABRT, SIGFPE, SIGILL, SIGSEGV, SIGBREAK.
POSIX_SIGNALS = {
    "SIGKILL", "SIGHUP", "SIGQUIT", "SIGUSR1", "SIGUSR2", "SIGALRM", "SIGCHLD", "SIGPIPE",
    "SIGSTOP", "SIGCONT", "SIGTSTP", "SIGTTIN", "SIGTTOU", "SIGWINCH", "SIGPROF",
    "SIGVTALRM", "SIGIO", "SIGPOLL", "SIGSYS", "SIGTRAP", "SIGURG", "SIGXCPU", "SIGXFSZ",
    "SIGBUS", "alarm", "setitimer", "getitimer", "pause", "siginterrupt", "sigwait",
    "sigpending", "pthread_kill", "pthread_sigmask",
}
# The one permission Windows honours is the read-only flag (clearing it before a delete).
WINDOWS_MEANINGFUL_MODES = {"S_IREAD", "S_IWRITE", "S_IRUSR", "S_IWUSR"}
MODE_CALLS = {"os.chmod", "os.lchmod", "os.fchmod"}
MODE_METHODS = {"chmod", "lchmod"}
POSIX_PATH = re.compile(r"^/(tmp|var|dev|proc|etc|usr|home|root|run|opt|bin|sbin|lib|mnt|"
                        r"media|srv|sys)(/|$)")
INVALID_CHARS = re.compile(r'[<>:"|?*\x00-\x1f]')
RESERVED_NAMES = re.compile(r"^(con|prn|aux|nul|com[1-9]|lpt[1-9])(\.|$)", re.IGNORECASE)
# Calls whose positional arguments (all of them) are file paths.
PATH_CALLS = {
    "open", "io.open", "os.open", "os.makedirs", "os.mkdir", "os.remove", "os.unlink",
    "os.rmdir", "os.removedirs", "os.rename", "os.replace", "os.listdir", "os.scandir",
    "os.stat", "os.lstat", "os.walk", "os.startfile", "pathlib.Path", "pathlib.PurePath",
    "shutil.copy", "shutil.copy2", "shutil.copyfile", "shutil.copytree", "shutil.move",
    "shutil.rmtree", "glob.glob", "zipfile.ZipFile", "sqlite3.connect",
}
QT_PATH_CLASSES = {"QFile", "QDir", "QFileInfo", "QSaveFile"}
PATH_CALL_PREFIXES = ("os.path.",)
PATH_KEYWORDS = {"path", "file", "filename", "file_name", "dir", "directory", "prefix",
                 "suffix", "dst", "src"}
PATH_METHODS = {"joinpath", "with_name", "with_suffix", "with_stem"}
TEMPFILE_CALLS = {"tempfile.mkstemp", "tempfile.mkdtemp", "tempfile.NamedTemporaryFile",
                  "tempfile.TemporaryDirectory", "tempfile.TemporaryFile",
                  "tempfile.SpooledTemporaryFile"}
TEXT_OPEN_METHODS = {"read_text": 0, "write_text": 1}  # where a positional encoding goes
MODE_LITERAL = re.compile(r"^[rwxabt+]+$")
GUARD_EXCEPTIONS = {"ImportError", "ModuleNotFoundError", "AttributeError"}
MARKER = re.compile(r"#\s*windows-ok:\s*\S")

# The plugin unpacks into C:\Users\<name>\AppData\Roaming\QGIS\QGIS3\profiles\<profile>\
# python\plugins\gpf_wmts_publisher\ (about 110 characters for a long user name); Windows
# paths stop at 260 unless long paths are switched on.
MAX_SHIPPED_PATH = 130

Finding = Tuple[int, int, str, str]  # line, column, rule, message




def _is_platform_test(test: ast.AST) -> bool:
    """sys.platform / os.name / platform.system() / hasattr(os|signal, ...) in a condition."""
    for node in ast.walk(test):
        name = dotted_name(node) if isinstance(node, ast.Attribute) else None
        if name in ("sys.platform", "os.name", "platform.system"):
            return True
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                and node.func.id == "hasattr" and node.args
                and dotted_name(node.args[0]) in ("os", "signal")):
            return True
    return False


def _catches_guard(handlers: Sequence[ast.ExceptHandler]) -> bool:
    for handler in handlers:
        types = handler.type.elts if isinstance(handler.type, ast.Tuple) else [handler.type]
        if any(dotted_name(t) in GUARD_EXCEPTIONS for t in types if t is not None):
            return True
    return False


def _strings(node: ast.AST) -> List[str]:
    """The literal text pieces of a path expression (constants, f-string parts, + operands)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.JoinedStr):
        return [v.value for v in node.values if isinstance(v, ast.Constant)]
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Mod)):
        return _strings(node.left) + _strings(node.right)
    return []


def _is_string_built(node: ast.AST) -> bool:
    """An f-string, a + or % of strings, or a str.format(): not os.path.join/pathlib."""
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Mod)):
        return bool(_strings(node))
    return (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
            and node.func.attr == "format" and isinstance(node.func.value, ast.Constant))


def _has_separator(pieces: Sequence[str]) -> bool:
    return any(("/" in p or "\\" in p) and "://" not in p for p in pieces)


def _bad_file_name(pieces: Sequence[str]) -> Optional[str]:
    for piece in pieces:
        match = INVALID_CHARS.search(piece)
        if match and not re.match(r"^[A-Za-z]:[\\/]", piece):  # C:\ is a drive, not a name
            return f"{match.group(0)!r} is not allowed in a Windows file name"
        for part in re.split(r"[\\/]", piece):
            if RESERVED_NAMES.match(part):
                return f"{part!r} is a reserved device name on Windows"
            if part not in (".", "..") and part.endswith((".", " ")) and part.strip(". "):
                return f"{part!r}: Windows drops a trailing dot or space"
    return None


def _timestamp_with_colon(node: ast.AST) -> bool:
    for inner in ast.walk(node):
        if isinstance(inner, ast.Call) and isinstance(inner.func, ast.Attribute):
            method = inner.func.attr
            if method in ("isoformat", "ctime", "asctime"):
                return True
            if method == "strftime" and any(":" in s for a in inner.args for s in _strings(a)):
                return True
    return False


class Visitor(ast.NodeVisitor):
    """Collects the findings of one file; guards and markers are applied here."""

    def __init__(self, lines: Sequence[str]):
        self.lines = lines
        self.findings: List[Finding] = []
        self.aliases: Dict[str, str] = {}  # local name -> canonical dotted name
        self.platform_guard = 0
        self.import_guard = 0
        self._docstrings: Set[int] = set()

    def _add(self, node: ast.AST, rule: str, detail: str) -> None:
        if self.platform_guard or (self.import_guard and rule in ("W002", "W003", "W004")):
            return
        first, last = node.lineno, getattr(node, "end_lineno", node.lineno) or node.lineno
        if any(MARKER.search(self.lines[n - 1]) for n in range(first, last + 1)
               if 0 < n <= len(self.lines)):
            return
        self.findings.append((node.lineno, node.col_offset + 1, rule, detail))

    def _canonical(self, node: ast.AST) -> Optional[str]:
        name = dotted_name(node)
        if name is None:
            return None
        head, _, rest = name.partition(".")
        head = self.aliases.get(head, head)
        return f"{head}.{rest}" if rest else head

    # -- guards ------------------------------------------------------------------------
    def visit_If(self, node: ast.If) -> None:
        guarded = _is_platform_test(node.test)
        self.platform_guard += guarded
        self.generic_visit(node)
        self.platform_guard -= guarded

    visit_IfExp = visit_If  # noqa: N815 - ast.NodeVisitor's naming

    def visit_Try(self, node: ast.Try) -> None:
        guarded = _catches_guard(node.handlers)
        self.import_guard += guarded
        for statement in node.body:
            self.visit(statement)
        self.import_guard -= guarded
        for part in (*node.handlers, *node.orelse, *node.finalbody):
            self.visit(part)

    # -- imports -----------------------------------------------------------------------
    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            if alias.name.split(".")[0] in POSIX_MODULES:
                self._add(node, "W003", f"import {alias.name}: not on Windows")
            self.aliases[(alias.asname or alias.name).split(".")[0]] = (
                alias.name if alias.asname else alias.name.split(".")[0])

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        module = node.module or ""
        if node.level == 0 and module.split(".")[0] in POSIX_MODULES:
            self._add(node, "W003", f"from {module} import ...: not on Windows")
        for alias in node.names:
            canonical = f"{module}.{alias.name}" if node.level == 0 else alias.name
            self.aliases[alias.asname or alias.name] = canonical
            if module == "os" and alias.name in POSIX_OS_CALLS:
                self._add(node, "W002", f"os.{alias.name} does not exist on Windows")
            if module == "signal" and alias.name in POSIX_SIGNALS:
                self._add(node, "W004", f"signal.{alias.name} does not exist on Windows")

    # -- names and literals ------------------------------------------------------------
    def visit_Attribute(self, node: ast.Attribute) -> None:
        name = self._canonical(node)
        if name and name.startswith("os.") and name[3:] in POSIX_OS_CALLS:
            self._add(node, "W002", f"{name} does not exist on Windows")
        elif name and name.startswith("signal.") and name[7:] in POSIX_SIGNALS:
            self._add(node, "W004", f"{name} does not exist on Windows")
        self.generic_visit(node)

    def visit_Expr(self, node: ast.Expr) -> None:
        if isinstance(node.value, ast.Constant) and isinstance(node.value.value, str):
            self._docstrings.add(id(node.value))  # prose, not a path
        self.generic_visit(node)

    def visit_Constant(self, node: ast.Constant) -> None:
        if (isinstance(node.value, str) and id(node) not in self._docstrings
                and POSIX_PATH.match(node.value)):
            self._add(node, "W006", f"{node.value!r} does not exist on Windows")

    def visit_BinOp(self, node: ast.BinOp) -> None:
        if isinstance(node.op, ast.Div):  # a str operand makes it pathlib's `/`
            for side in (node.left, node.right):
                if _strings(side) or isinstance(side, ast.JoinedStr):
                    self._check_path(side)
        self.generic_visit(node)

    # -- calls -------------------------------------------------------------------------
    def visit_Call(self, node: ast.Call) -> None:
        name = self._canonical(node.func) or ""
        method = node.func.attr if isinstance(node.func, ast.Attribute) else ""
        is_path_call = (name in PATH_CALLS or name.startswith(PATH_CALL_PREFIXES)
                        or name.split(".")[-1] in QT_PATH_CLASSES)
        if is_path_call or method in PATH_METHODS:
            for argument in node.args:
                self._check_path(argument)
        if is_path_call or name in TEMPFILE_CALLS:
            for keyword in node.keywords:
                if keyword.arg in PATH_KEYWORDS:
                    self._check_path(keyword.value)
        self._check_mode(node, name, method)
        self._check_encoding(node, name, method)
        if name == "os.rename":
            self._add(node, "W009", "os.rename fails on Windows if the target exists")
        if name.startswith("subprocess.") and any(k.arg == "preexec_fn" for k in node.keywords):
            self._add(node, "W002", "preexec_fn is not supported on Windows")
        self.generic_visit(node)

    def _check_path(self, node: ast.AST) -> None:
        pieces = _strings(node)
        if _is_string_built(node) and _has_separator(pieces):
            self._add(node, "W001", "path joined with a '/' or '\\' in a string")
        problem = _bad_file_name(pieces)
        if problem:
            self._add(node, "W007", problem)
        elif _timestamp_with_colon(node):
            self._add(node, "W007", "a timestamp with ':' in a file name")

    def _check_mode(self, node: ast.Call, name: str, method: str) -> None:
        if name == "os.umask":
            self._add(node, "W005", "os.umask: Windows has no permission bits")
            return
        mode = _mode_argument(node, name, method)
        if mode is None:
            return
        names = {n.attr if isinstance(n, ast.Attribute) else n.id for n in ast.walk(mode)
                 if isinstance(n, (ast.Attribute, ast.Name))}
        has_number = any(isinstance(n, ast.Constant) and isinstance(n.value, int)
                         for n in ast.walk(mode))
        if has_number or names - WINDOWS_MEANINGFUL_MODES - {"stat"}:
            self._add(node, "W005", "permission bits mean nothing on Windows (only read-only)")

    def _check_encoding(self, node: ast.Call, name: str, method: str) -> None:
        if any(k.arg == "encoding" for k in node.keywords):
            return
        if name in ("open", "io.open", "os.fdopen"):  # open(path, mode), fdopen(fd, mode)
            mode = _keyword(node, "mode") or _arg(node, 1)
            if name != "os.fdopen" or mode is not None:
                self._check_text_mode(node, mode)
        elif method == "open" and node.args and MODE_LITERAL.match(
                "".join(_strings(node.args[0])) or "-"):  # Path.open("w")
            self._check_text_mode(node, node.args[0])
        elif method in TEXT_OPEN_METHODS and len(node.args) <= TEXT_OPEN_METHODS[method]:
            self._add(node, "W008", f"{method}() without encoding= (cp1252 on Windows)")

    def _check_text_mode(self, node: ast.Call, mode: Optional[ast.AST]) -> None:
        if mode is not None and not _strings(mode):
            return  # a computed mode: cannot tell
        if "b" not in ("".join(_strings(mode)) if mode is not None else "r"):
            self._add(node, "W008", "text mode without encoding= (cp1252 on Windows)")


def _arg(node: ast.Call, index: int) -> Optional[ast.AST]:
    return node.args[index] if len(node.args) > index else None


def _keyword(node: ast.Call, name: str) -> Optional[ast.AST]:
    return next((k.value for k in node.keywords if k.arg == name), None)


def _mode_argument(node: ast.Call, name: str, method: str) -> Optional[ast.AST]:
    """The permission-bits argument of a call, None for a call that takes none."""
    if name in MODE_CALLS or name in ("os.makedirs", "os.mkdir"):  # os.chmod(path, mode)
        return _keyword(node, "mode") or _arg(node, 1)
    if name == "os.open":  # os.open(path, flags, mode)
        return _keyword(node, "mode") or _arg(node, 2)
    if method in MODE_METHODS or method in ("mkdir", "touch"):  # Path.chmod(mode) ...
        return _keyword(node, "mode") or _arg(node, 0)
    return None


def check_names(names: Sequence[str]) -> List[Tuple[str, str]]:
    """(name, problem) for the relative file names (``a/b.py``) a zip would unpack."""
    problems = []
    by_case: Dict[str, List[str]] = {}
    for name in names:
        by_case.setdefault(name.lower(), []).append(name)
        problem = _bad_file_name([name])
        if problem:
            problems.append((name, problem))
        if len(name) > MAX_SHIPPED_PATH:
            problems.append((name, f"{len(name)} characters: over {MAX_SHIPPED_PATH}, the "
                                   f"room left by a Windows plugins folder"))
    for same in by_case.values():
        for name in same[1:]:
            problems.append((name, f"same name as {same[0]!r} on a case-blind file system"))
    return problems


def check_source(source: str) -> List[Finding]:
    """(line, column, rule, message) for one Python source; syntax errors are ruff's."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return []
    visitor = Visitor(source.splitlines())
    visitor.visit(tree)
    return sorted(set(visitor.findings))
