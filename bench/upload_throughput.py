"""Upload throughput of the entrepôt client against curl, on loopback.

Starts a receiver that reads and discards POST bodies (own process), uploads a generated
sparse file with ``EntrepotApi.push_data`` (streamed multipart + MD5 in the same pass) and
with ``curl -F file=@…``, then prints MB/s for both, the ratio client/curl and the peak RSS
growth of this process during the client's upload. curl does not hash; the client must (the
md5 file of the standard check), so the MD5 speed alone and "curl then a separate MD5 pass"
are printed as references too.

    .venv/bin/python bench/upload_throughput.py [--size-mb 1024] [--repeat 2]
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil
from _util import serve_in_subprocess, write_sparse_file  # bench/ is the script's folder
from gpf_wmts_publisher.plugin.entrepot import EntrepotApi, EntrepotClient

MB = 1 << 20


class PeakRss:
    """Samples this process's RSS every few milliseconds while active."""

    def __init__(self, interval_s: float = 0.005):
        self._process = psutil.Process()
        self._interval_s = interval_s
        self._stop = threading.Event()
        self.start_rss = self.peak_rss = self._process.memory_info().rss
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        while not self._stop.wait(self._interval_s):
            self.peak_rss = max(self.peak_rss, self._process.memory_info().rss)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()
        self.peak_rss = max(self.peak_rss, self._process.memory_info().rss)

    @property
    def growth_mb(self) -> float:
        return (self.peak_rss - self.start_rss) / MB


def upload_with_client(url: str, path: Path) -> float:
    client = EntrepotClient(url + "/api")
    try:
        started = time.perf_counter()
        EntrepotApi(client, "bench").push_data("upload", path)
        return time.perf_counter() - started
    finally:
        client.close()


def upload_with_curl(url: str, path: Path) -> float:
    command = ["curl", "-sS", "-o", "/dev/null", "-H", "Expect:", "-F", f"file=@{path}",
               f"{url}/api/datastores/bench/uploads/upload/data?path=data/{path.name}"]
    started = time.perf_counter()
    subprocess.run(command, check=True)
    return time.perf_counter() - started


def md5_alone(path: Path) -> float:
    """The ceiling of a one-pass upload: hashing the file without sending it."""
    digest = hashlib.md5()
    started = time.perf_counter()
    with open(path, "rb") as stream:
        for chunk in iter(lambda: stream.read(MB), b""):
            digest.update(chunk)
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=int, default=1024)
    parser.add_argument("--repeat", type=int, default=2, help="best of N runs each")
    args = parser.parse_args()
    if shutil.which("curl") is None:
        print("curl is not installed", file=sys.stderr)
        return 1
    size = args.size_mb * MB
    server, url = serve_in_subprocess()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "bench.gpkg"
            write_sparse_file(path, size)
            upload_with_curl(url, path)  # warm the page cache and the receiver
            client_s, curl_s, md5_s, growth = [], [], [], 0.0
            for _ in range(args.repeat):
                with PeakRss() as rss:
                    client_s.append(upload_with_client(url, path))
                growth = max(growth, rss.growth_mb)
                curl_s.append(upload_with_curl(url, path))
                md5_s.append(md5_alone(path))
    finally:
        server.terminate()
        server.wait(5)
    client_rate = size / MB / min(client_s)
    curl_rate = size / MB / min(curl_s)
    md5_rate = size / MB / min(md5_s)
    two_pass_rate = size / MB / (min(curl_s) + min(md5_s))
    print(f"file: {args.size_mb} MB (sparse), best of {args.repeat}")
    print(f"client (streamed multipart + md5): {client_rate:8.1f} MB/s")
    print(f"curl -F file=@...:                 {curl_rate:8.1f} MB/s")
    print(f"ratio client/curl:                 {client_rate / curl_rate:8.2f}")
    print(f"md5 alone (one-pass ceiling):      {md5_rate:8.1f} MB/s "
          f"(client/md5: {client_rate / md5_rate:.2f})")
    print(f"curl + separate md5 pass:          {two_pass_rate:8.1f} MB/s "
          f"(client/that: {client_rate / two_pass_rate:.2f})")
    print(f"client peak RSS growth:            {growth:8.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
