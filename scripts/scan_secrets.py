"""Find known secrets (token, password, TOTP secret, API key) left in files after a run.

Looks for each secret as written and in the forms it takes when code "hides" it by accident:
URL-encoded, base64 (alone or inside a larger base64 blob such as an HTTP Basic header),
hex, JSON/XML-escaped, upper/lower case. Reads plain files, and the members of zip (.qgz
projects) and gzip files. Reports the file, line and which secret (by its label) in which
form; never the secret itself.

Python: ``scan_paths([logs, profile_dir, journal_dir, project], {"token": t, ...})`` -> hits.
Command line (secrets come from the environment, never argv, which ``ps`` shows):
    GPF_TOKEN=... python scripts/scan_secrets.py --secret-env token=GPF_TOKEN PATH...
    python scripts/scan_secrets.py --secrets-file secrets.json PATH...   ({"label": "value"})
Exit code: 0 nothing found, 1 secrets found, 2 bad usage.
"""

from __future__ import annotations

import argparse
import base64
import binascii
import gzip
import io
import json
import os
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, Iterable, Iterator, List, Mapping, Optional, Tuple
from urllib.parse import quote, quote_plus
from xml.sax.saxutils import escape as xml_escape

# Shorter strings match by chance (and a 6-digit TOTP *code* is not the secret).
MIN_SECRET_LENGTH = 6
# Base64 fragments shorter than this could appear by chance; a 6-byte secret gives 7+ chars.
MIN_FRAGMENT_LENGTH = 6  # 36 bits: a chance match is ~1 in 7e10 positions
MAX_ARCHIVE_MEMBER_BYTES = 256 * 1024 * 1024
GZIP_MAGIC = b"\x1f\x8b"


@dataclass(frozen=True)
class SecretHit:
    """One occurrence: where, which secret (label only) and in which form."""

    label: str
    form: str
    path: str
    line: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.label} ({self.form})"


def _base64_fragments(secret: bytes) -> Dict[str, bytes]:
    """Base64 text that appears whenever ``secret`` is encoded, alone or inside a blob.

    Inside a larger blob (``user:password`` in a Basic header) the secret starts at byte
    offset 0, 1 or 2 modulo 3; each offset gives a different text. Only characters made from
    the secret's bits alone are kept, so the neighbours' bytes do not matter.
    """
    fragments: Dict[str, bytes] = {}
    for offset in range(3):
        encoded = base64.b64encode(b"\0" * offset + secret)
        first = -(-8 * offset // 6)  # first character holding no bit of the prefix
        last = 8 * (offset + len(secret)) // 6  # characters after this mix in what follows
        fragment = encoded[first:last]
        if len(fragment) >= MIN_FRAGMENT_LENGTH:
            fragments[f"base64 (offset {offset})"] = fragment
            urlsafe = fragment.replace(b"+", b"-").replace(b"/", b"_")
            if urlsafe != fragment:
                fragments[f"base64url (offset {offset})"] = urlsafe
    return fragments


def encoded_forms(secret: str) -> Dict[str, bytes]:
    """Every byte pattern that betrays ``secret``, by a short name of its form."""
    if len(secret) < MIN_SECRET_LENGTH:
        raise ValueError(f"a secret must have at least {MIN_SECRET_LENGTH} characters to be "
                         f"searched for without false alarms")
    raw = secret.encode("utf-8")
    forms: Dict[str, bytes] = {"plain": raw}
    candidates = {
        "lowercase": secret.lower().encode("utf-8"),
        "uppercase": secret.upper().encode("utf-8"),
        "urlencoded": quote(secret, safe="").encode("ascii"),
        "urlencoded (plus)": quote_plus(secret).encode("ascii"),
        "json-escaped": json.dumps(secret)[1:-1].encode("ascii"),
        "xml-escaped": xml_escape(secret, {'"': "&quot;", "'": "&apos;"}).encode("utf-8"),
        "hex": binascii.hexlify(raw),
        "HEX": binascii.hexlify(raw).upper(),
        "utf-16": secret.encode("utf-16-le"),
    }
    candidates.update(_base64_fragments(raw))
    for name, pattern in candidates.items():
        if pattern not in forms.values():
            forms[name] = pattern
    return forms


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def scan_bytes(data: bytes, patterns: Mapping[str, Mapping[str, bytes]]
               ) -> List[Tuple[str, str, int]]:
    """(label, form, line) for every pattern found in ``data`` (first occurrence per line)."""
    found = []
    for label, forms in patterns.items():
        for form, pattern in forms.items():
            seen_lines = set()
            start = data.find(pattern)
            while start != -1:
                line = _line_of(data, start)
                if line not in seen_lines:
                    seen_lines.add(line)
                    found.append((label, form, line))
                start = data.find(pattern, start + 1)
    return found


def _contents(path: Path) -> Iterator[Tuple[str, bytes]]:
    """(shown name, bytes) of a file, and of its members when it is a zip or gzip file."""
    data = path.read_bytes()
    yield str(path), data
    if data.startswith(GZIP_MAGIC):
        try:
            with gzip.GzipFile(fileobj=io.BytesIO(data)) as unpacked:
                yield f"{path}!gunzip", unpacked.read(MAX_ARCHIVE_MEMBER_BYTES)
        except (OSError, EOFError):
            pass  # not really gzip: the raw bytes were scanned already
    elif zipfile.is_zipfile(io.BytesIO(data)):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                for info in archive.infolist():
                    if not info.is_dir() and info.file_size <= MAX_ARCHIVE_MEMBER_BYTES:
                        yield f"{path}!{info.filename}", archive.read(info)
        except (zipfile.BadZipFile, RuntimeError, NotImplementedError):
            pass  # encrypted or damaged members: the raw bytes were scanned already


def _files(paths: Iterable[Path]) -> Iterator[Path]:
    for path in paths:
        if path.is_symlink():
            continue
        if path.is_dir():
            for root, dirs, names in os.walk(path, followlinks=False):
                dirs.sort()
                for name in sorted(names):
                    child = Path(root) / name
                    if child.is_file() and not child.is_symlink():
                        yield child
        elif path.is_file():
            yield path


def scan_paths(paths: Iterable[os.PathLike], secrets: Mapping[str, str]) -> List[SecretHit]:
    """Every occurrence of the named secrets under ``paths`` (files or folders, recursively).

    Missing paths are skipped: a run that wrote no journal has no journal to leak into.
    """
    patterns = {label: encoded_forms(value) for label, value in secrets.items()}
    hits: List[SecretHit] = []
    for file in _files(Path(p) for p in paths):
        try:
            contents = list(_contents(file))
        except OSError:
            continue  # vanished or unreadable while scanning (a log being rotated)
        for shown, data in contents:
            hits.extend(SecretHit(label, form, shown, line)
                        for label, form, line in scan_bytes(data, patterns))
    return hits


def key_secrets(keys: Iterable) -> Dict[str, str]:
    """The secret of every user key the platform lists (``UserKey``-like objects with ``name``,
    ``type`` and ``raw["type_infos"]``): a HASH key's hash (the harvest of a private WMS-V
    carries one in its ``harvest_extras``), a BASIC key's password, a HEADER key's header
    values. Give ``api.key(id)`` results: listings may leave the values out."""
    secrets: Dict[str, str] = {}
    for key in keys:
        infos = (getattr(key, "raw", None) or {}).get("type_infos") or {}
        values = {"hash": infos.get("hash"), "password": infos.get("password")}
        values.update({f"header {n}": v for n, v in (infos.get("headers") or {}).items()})
        for what, value in values.items():
            if value:
                secrets[f"key '{key.name}' ({key.type}) {what}"] = str(value)
    return secrets


def _secrets_from_args(args: argparse.Namespace) -> Dict[str, str]:
    secrets: Dict[str, str] = {}
    if args.secrets_file:
        loaded = json.loads(Path(args.secrets_file).read_text(encoding="utf-8"))
        if not isinstance(loaded, dict):
            raise ValueError("the secrets file must hold a JSON object {label: value}")
        secrets.update({str(k): str(v) for k, v in loaded.items()})
    for item in args.secret_env or []:
        label, sep, variable = item.partition("=")
        if not sep or not label or not variable:
            raise ValueError(f"--secret-env wants LABEL=ENV_VARIABLE, not {item!r}")
        value = os.environ.get(variable)
        if not value:
            raise ValueError(f"environment variable {variable} (for {label}) is not set")
        secrets[label] = value
    if not secrets:
        raise ValueError("no secret given: use --secret-env or --secrets-file")
    return secrets


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--secret-env", action="append", metavar="LABEL=ENV_VARIABLE")
    parser.add_argument("--secrets-file", type=Path, help="JSON object {label: value}")
    args = parser.parse_args(argv)
    try:
        secrets = _secrets_from_args(args)
        hits = scan_paths(args.paths, secrets)
    except ValueError as exc:
        print(f"scan_secrets: {exc}", file=sys.stderr)
        return 2
    for hit in hits:
        print(hit)
    print(f"scan_secrets: {len(hits)} occurrence(s) of {len(secrets)} secret(s)",
          file=sys.stderr)
    return 1 if hits else 0


if __name__ == "__main__":
    sys.exit(main())
