"""A multipart/form-data body streamed from disk in constant memory.

``requests``' ``files=`` builds the whole body in memory; a 2 GB GeoPackage would need 2 GB
of RAM. :class:`MultipartBody` is an iterable with a known length: requests sends it with a
``Content-Length`` header, chunk by chunk, while the body hashes the file (MD5, same pass),
reports progress and checks for cancellation between chunks.
"""

from __future__ import annotations

import hashlib
import os
import uuid
from collections import deque
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Callable, Deque, Dict, Iterator, Optional, Sequence, Union

from .errors import Cancelled, EntrepotError

DEFAULT_CHUNK_SIZE = 1 << 20  # 1 MiB: large enough for speed, small enough for quick cancel
# Chunks the hashing thread may lag behind the socket (memory: at most this many MiB held).
# A short leash made the sender wait for MD5 whenever the CPU was busy elsewhere (2 cores
# shared with the platform's side): a long one lets each go at its own pace, the hasher
# catching up while the server reads the tail and stores the file.
HASH_AHEAD = 16

ProgressCallback = Callable[[int, int], None]  # (file bytes sent, file size)
FileSource = Union[str, "os.PathLike[str]", bytes]
FieldValue = Union[str, Sequence[str]]  # a list repeats the field


def _quote(value: str) -> str:
    # HTML5 form-data escaping of quoted header parameters
    return value.replace("\\", "\\\\").replace('"', "%22").replace("\r", "%0D").replace(
        "\n", "%0A")


class MultipartBody:
    """One file part (plus optional text fields sent before it), re-iterable: every
    iteration re-reads the file, so a retry sends the same bytes again.

    After a complete iteration, :attr:`md5_hex` is the MD5 of the file's bytes.
    """

    def __init__(
        self,
        source: FileSource,
        *,
        field: str = "file",
        filename: Optional[str] = None,
        content_type: str = "application/octet-stream",
        fields: Optional[Dict[str, FieldValue]] = None,
        chunk_size: int = DEFAULT_CHUNK_SIZE,
        on_progress: Optional[ProgressCallback] = None,
        cancelled: Optional[Callable[[], bool]] = None,
    ):
        self._source = source
        if isinstance(source, bytes):
            self.file_size = len(source)
            default_name = "file"
        else:
            self.file_size = os.path.getsize(source)
            default_name = os.path.basename(os.fspath(source))
        self.filename = filename or default_name
        self.boundary = uuid.uuid4().hex
        self._chunk_size = chunk_size
        self._on_progress = on_progress
        self._cancelled = cancelled or (lambda: False)
        self.md5_hex: Optional[str] = None
        self.bytes_sent = 0
        self._head = self._build_head(fields or {}, field, content_type)
        self._tail = f"\r\n--{self.boundary}--\r\n".encode()

    @property
    def content_type(self) -> str:
        return f"multipart/form-data; boundary={self.boundary}"

    def _build_head(self, fields: Dict[str, FieldValue], field: str, content_type: str) -> bytes:
        parts = []
        for name, values in fields.items():
            for value in [values] if isinstance(values, str) else values:
                parts.append(
                    f"--{self.boundary}\r\n"
                    f'Content-Disposition: form-data; name="{_quote(name)}"\r\n\r\n'
                    f"{value}\r\n"
                )
        parts.append(
            f"--{self.boundary}\r\n"
            f'Content-Disposition: form-data; name="{_quote(field)}"; '
            f'filename="{_quote(self.filename)}"\r\n'
            f"Content-Type: {content_type}\r\n\r\n"
        )
        return "".join(parts).encode("utf-8")

    def __len__(self) -> int:
        return len(self._head) + self.file_size + len(self._tail)

    def __iter__(self) -> Iterator[bytes]:
        digest = hashlib.md5()  # noqa: S324 - the platform's md5sum check, not security
        self.md5_hex = None
        self.bytes_sent = 0
        self._report()
        yield self._head
        # MD5 runs on a helper thread while the socket sends (both release the GIL): the
        # upload then goes at the speed of the slower of the two instead of their sum.
        # At most HASH_AHEAD chunks wait for the hasher, so memory stays bounded.
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="md5") as hasher:
            pending: Deque[Future] = deque()
            for chunk in self._chunks():
                if self._cancelled():
                    raise Cancelled(details=["upload cancelled"])
                pending.append(hasher.submit(digest.update, chunk))
                while len(pending) > HASH_AHEAD:
                    pending.popleft().result()
                yield chunk
                self.bytes_sent += len(chunk)
                self._report()
            if self.bytes_sent != self.file_size:
                raise EntrepotError(details=[
                    f"{self.filename} changed size while it was being sent"])
            # The closing boundary goes out first: the server stores the file while the
            # hasher finishes (the MD5 is read only once the reply has come).
            yield self._tail
            for future in pending:
                future.result()
        self.md5_hex = digest.hexdigest()

    def _chunks(self) -> Iterator[bytes]:
        if isinstance(self._source, bytes):
            view = memoryview(self._source)
            for start in range(0, len(view), self._chunk_size):
                yield bytes(view[start:start + self._chunk_size])
            return
        with open(self._source, "rb") as stream:
            while True:
                chunk = stream.read(self._chunk_size)
                if not chunk:
                    return
                yield chunk

    def _report(self) -> None:
        if self._on_progress is not None:
            self._on_progress(self.bytes_sent, self.file_size)


def md5_of_file(path: FileSource, chunk_size: int = DEFAULT_CHUNK_SIZE) -> str:
    """MD5 hex of a file (or bytes), read in chunks."""
    digest = hashlib.md5()  # noqa: S324 - the platform's md5sum check, not security
    if isinstance(path, bytes):
        digest.update(path)
        return digest.hexdigest()
    with open(path, "rb") as stream:
        for chunk in iter(lambda: stream.read(chunk_size), b""):
            digest.update(chunk)
    return digest.hexdigest()


def md5sum_line(md5_hex: str, remote_path: str) -> bytes:
    """One line of an ``md5sum`` file as the platform's standard check reads it."""
    return f"{md5_hex}  {remote_path}\n".encode()
