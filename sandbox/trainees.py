"""A class's accounts: ``stagiaire01`` … ``stagiaireNN``, one random password each.

The passwords are made here, returned once (``python -m sandbox --trainees N`` prints them on
the trainer's terminal, never to a log) and stored only as salted PBKDF2 hashes, so the data
dir holds nothing a trainee could log in with. The seed's documented training accounts keep
their public passwords in clear: they are part of the sandbox's documentation.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from typing import List, Optional, Tuple

from .seed import ALL_RIGHTS, SANDBOX_RIGHTS
from .store import Store, new_id, now_iso

TRAINEE_PREFIX = "stagiaire"
MAX_TRAINEES = 99          # two digits in the account names
PBKDF2_ITERATIONS = 60_000  # a login per token request: slow enough for a hash, fast enough here
PASSWORD_BYTES = 9          # 12 URL-safe characters, easy to copy from a board


def trainee_name(number: int) -> str:
    return f"{TRAINEE_PREFIX}{number:02d}"


def hash_password(password: str, salt: Optional[bytes] = None) -> dict:
    salt = salt or secrets.token_bytes(16)
    digest = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, PBKDF2_ITERATIONS)
    return {"algorithm": "pbkdf2_sha256", "iterations": PBKDF2_ITERATIONS,
            "salt": base64.b64encode(salt).decode("ascii"),
            "hash": base64.b64encode(digest).decode("ascii")}


def password_matches(user: dict, password: str) -> bool:
    """The user's clear training password or, for a trainee, its stored hash."""
    given = (password or "").encode("utf-8")
    if user.get("password"):
        return hmac.compare_digest(user["password"].encode("utf-8"), given)
    stored = user.get("password_hash")
    if not stored or not password:
        return False
    digest = hashlib.pbkdf2_hmac("sha256", given, base64.b64decode(stored["salt"]),
                                 int(stored["iterations"]))
    return hmac.compare_digest(base64.b64encode(digest).decode("ascii"), stored["hash"])


def _community_ids(store: Store) -> List[Tuple[str, List[str]]]:
    """Trainees work like the trainer: the sandbox datastore and the own one, all rights
    there (each keeps to their own names through the plugin's per-account prefix)."""
    by_name = {c["technical_name"]: c["_id"] for c in store.all("communities")}
    return [(by_name["decouverte"], SANDBOX_RIGHTS), (by_name["formation_ign"], ALL_RIGHTS)]


def add_trainees(store: Store, count: int) -> List[Tuple[str, str]]:
    """Create the accounts ``stagiaire01..count`` that do not exist yet; returns
    ``[(username, password)]`` for those created (existing ones keep their password)."""
    if not 0 <= count <= MAX_TRAINEES:
        raise ValueError(f"between 0 and {MAX_TRAINEES} trainees")
    created = []
    communities = _community_ids(store)
    for number in range(1, count + 1):
        username = trainee_name(number)
        if next(store.find("users", username=username), None):
            continue
        password = secrets.token_urlsafe(PASSWORD_BYTES)
        store.put("users", {
            "_id": new_id(), "username": username, "password": None,
            "password_hash": hash_password(password), "totp_secret": None,
            "first_name": "Stagiaire", "last_name": f"{number:02d}",
            "email": f"{username}@sandbox.invalid", "trainee": True,
            "communities": [{"community": c, "rights": r} for c, r in communities],
            "creation": now_iso(),
        })
        created.append((username, password))
    return created
