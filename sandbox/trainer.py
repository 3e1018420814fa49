"""The trainer's commands against a running sandbox, with the trainer token.

``python -m sandbox.trainer reset [--url http://127.0.0.1:8765] [--data-dir .sandbox-data]``
puts the sandbox back in the class's first state (``POST /admin/reset-data``). The token is
``SANDBOX_TRAINER_TOKEN`` or the data dir's ``trainer.token``; it is never printed.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

import requests

from .admin import TRAINER_TOKEN_FILE

RETRIES_WHILE_BUSY = 30   # a reset waits for running jobs: retry for about a minute


def _token(data_dir: Path) -> str:
    given = os.environ.get("SANDBOX_TRAINER_TOKEN")
    if given:
        return given.strip()
    return (data_dir / TRAINER_TOKEN_FILE).read_text(encoding="ascii").strip()


def reset(url: str, token: str, wait_s: float = 2.0) -> dict:
    for _attempt in range(RETRIES_WHILE_BUSY):
        reply = requests.post(f"{url.rstrip('/')}/admin/reset-data", timeout=60,
                              headers={"Authorization": f"Bearer {token}"})
        if reply.status_code != 409:
            break
        time.sleep(wait_s)
    if reply.status_code != 200:
        raise RuntimeError(f"{reply.status_code} {reply.text[:300]}")
    return reply.json()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sandbox.trainer")
    commands = parser.add_subparsers(dest="command", required=True)
    reset_parser = commands.add_parser("reset", help="back to the class's first state")
    reset_parser.add_argument("--url", default="http://127.0.0.1:8765")
    reset_parser.add_argument("--data-dir", type=Path, default=Path(".sandbox-data"))
    args = parser.parse_args(argv)
    try:
        answer = reset(args.url, _token(args.data_dir))
    except (OSError, RuntimeError, requests.RequestException) as error:
        print(f"Échec de la remise à zéro : {error}", file=sys.stderr)
        return 1
    removed = ", ".join(f"{n} {name}" for name, n in sorted(answer["removed"].items()))
    print(f"Bac à sable remis à son état initial ({removed or 'rien à retirer'}).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
