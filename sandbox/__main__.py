"""``python -m sandbox --port N --data-dir DIR [--token-lifetime S] [--seed N]
[--trainer-token T] [--trainees N]``"""

from __future__ import annotations

import argparse
import logging
import os
import re
import signal
import sys
import threading
import time
from pathlib import Path

from werkzeug.serving import WSGIRequestHandler, make_server

SECRET_PARAMS = re.compile(r"(?i)((?:apikey|api_key|access_token|code|refresh_token)=)[^&\s]+")


class RedactingRequestHandler(WSGIRequestHandler):
    """The access log without keys or tokens found in query strings."""

    def log_request(self, code="-", size="-") -> None:
        self.path = SECRET_PARAMS.sub(r"\1***", self.path)
        super().log_request(code, size)


def parse_args(argv=None):
    parser = argparse.ArgumentParser(prog="python -m sandbox",
                                     description="The local Géoplateforme (127.0.0.1 only).")
    parser.add_argument("--port", type=int, default=8765, help="0 picks a free port")
    parser.add_argument("--data-dir", type=Path, default=Path(".sandbox-data"))
    parser.add_argument("--token-lifetime", type=float, default=300.0, help="seconds")
    parser.add_argument("--seed", type=int, default=0, help="seed of the fault injection")
    parser.add_argument("--step-delay", type=float, default=0.2,
                        help="seconds between two statuses of a job")
    parser.add_argument("--quiet", action="store_true", help="no request log")
    parser.add_argument("--trainer-token", default=None,
                        help="token of the /admin/* knobs (default: DIR/trainer.token, made at"
                             " the first start)")
    parser.add_argument("--harvest-render-limit", type=int, default=None, metavar="N",
                        help="draw at most N GetMaps per harvest; the rest of its tiles is"
                             " walked without drawing (training server, benchmarks)")
    parser.add_argument("--trainees", type=int, default=0, metavar="N",
                        help="make the accounts stagiaire01..N that do not exist yet; their"
                             " passwords are printed once, here, and stored only as hashes")
    parser.add_argument("--exit-with-parent", action="store_true",
                        help="stop when the process that started it dies (tests: no orphans)")
    return parser.parse_args(argv)


def _watch_parent(stop) -> None:
    parent = os.getppid()

    def watch():
        while os.getppid() == parent:
            time.sleep(0.5)
        stop()

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def _make_trainees(store, count: int) -> None:
    """Create the class's accounts and print their passwords on this terminal only (print, not
    logging: a log may be kept in a file; the data dir keeps only hashes)."""
    from .reset import add_to_initial_state
    from .trainees import add_trainees, trainee_name

    created = add_trainees(store, count)
    add_to_initial_state(store, "users", [next(store.find("users", username=name))
                                          for name, _ in created])
    if created:
        print("Comptes des stagiaires (mots de passe affichés une seule fois) :")
        for username, password in created:
            print(f"  {username}  {password}")
    kept = [trainee_name(n) for n in range(1, count + 1)
            if trainee_name(n) not in dict(created)]
    if kept:
        print(f"Comptes déjà créés, mots de passe inchangés : {', '.join(kept)}")
    sys.stdout.flush()


def main(argv=None) -> int:
    started = time.perf_counter()
    args = parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    if args.quiet:
        logging.getLogger("werkzeug").setLevel(logging.WARNING)
    from .app import build

    # Bind first: with --port 0 the base URL is only known once the socket exists.
    server = make_server("127.0.0.1", args.port, app=None, threaded=True,
                         request_handler=RedactingRequestHandler)
    base_url = f"http://127.0.0.1:{server.server_port}"
    app, sb = build(args.data_dir, base_url, token_lifetime=args.token_lifetime,
                    seed_value=args.seed, step_delay_s=args.step_delay,
                    trainer_token=args.trainer_token,
                    harvest_render_limit=args.harvest_render_limit)
    server.app = app
    if args.trainees:
        _make_trainees(sb.store, args.trainees)

    def stop(*_):
        threading.Thread(target=server.shutdown, daemon=True).start()

    if args.exit_with_parent:
        _watch_parent(stop)
    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    elapsed = time.perf_counter() - started
    print(f"Sandbox ready at {base_url} (data in {args.data_dir}, started in {elapsed:.2f} s)",
          flush=True)
    try:
        server.serve_forever()
    finally:
        sb.workers.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
