"""Small helpers shared by the benchmarks (and the upload tests): a loopback receiver."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

READ_CHUNK = 1 << 20
VERDICT_PREFIX = "VERDICT "


def verdict(figure: str, value: str, goal: str, met: bool) -> str:
    """The one line per figure that bench/run_all.py copies to the end of the summary:
    ``VERDICT P1 0.95 of curl goal ≥ 0.90 MET``."""
    return f"{VERDICT_PREFIX}{figure} {value} goal {goal} {'MET' if met else 'MISSED'}"


class _DiscardingHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # so curl's "Expect: 100-continue" gets its answer

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        left = length
        while left > 0:
            chunk = self.rfile.read(min(READ_CHUNK, left))
            if not chunk:
                break
            left -= len(chunk)
        received = length - left
        self.server.record(self.path, length, received)
        body = json.dumps({"received": received}).encode()
        self.send_response(200 if left == 0 else 400)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format, *args):
        pass


class DiscardingReceiver(ThreadingHTTPServer):
    """An HTTP server on 127.0.0.1 that reads every POST body and throws it away, in
    constant memory, remembering (path, Content-Length, bytes actually read)."""

    daemon_threads = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), _DiscardingHandler)
        self.requests = []
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self.serve_forever, daemon=True)

    def record(self, path, length, received):
        with self._lock:
            self.requests.append((path, length, received))

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self.shutdown()
        self.server_close()
        self._thread.join(5)


def write_sparse_file(path, size_bytes: int) -> None:
    """A file of ``size_bytes`` zeros that takes no disk space (reads come from the kernel)."""
    with open(path, "wb") as stream:
        stream.truncate(size_bytes)


def serve_in_subprocess():
    """Starts a :class:`DiscardingReceiver` in its own process (so it takes no CPU or memory
    from the process being measured); returns (process, base url)."""
    import subprocess
    import sys

    process = subprocess.Popen(
        [sys.executable, "-c", "import sys; sys.path.insert(0, sys.argv[1]); "
         "from _util import _serve_forever; _serve_forever()", str(_here())],
        stdout=subprocess.PIPE, text=True)
    url = process.stdout.readline().strip()
    return process, url


def _here():
    from pathlib import Path

    return Path(__file__).resolve().parent


def _serve_forever():
    receiver = DiscardingReceiver()
    print(receiver.url, flush=True)
    receiver.serve_forever()
