"""The order of a login: the platform first, QGIS's auth database only after it said yes.

Storing the credentials before asking the platform left one orphan auth configuration per
failed first login, and a typo on re-login overwrote the working stored password. Here a
failed login changes nothing stored:

- login/password: sign in with the typed credentials held in memory, then write them;
- OAuth2: QGIS signs in through a configuration, which must exist first; one created for
  this attempt is removed again when the attempt fails (one the user already had is kept).
"""

from __future__ import annotations

from typing import Callable, Tuple, TypeVar

Signed = TypeVar("Signed")


def sign_in_then_store(sign_in: Callable[[], Signed],
                       store: Callable[[], str]) -> Tuple[str, Signed]:
    """``sign_in()`` (raises when refused), then ``store()`` → (stored config id, result)."""
    result = sign_in()
    return store(), result


def sign_in_with_config(config_id: str, create: Callable[[], str],
                        sign_in: Callable[[str], Signed],
                        remove: Callable[[str], None]) -> Tuple[str, Signed]:
    """Signs in with the configuration ``create()`` returns (``config_id`` when it is kept);
    a configuration created for this attempt does not outlive its failure."""
    used = create()
    try:
        return used, sign_in(used)
    except BaseException:
        if used and used != config_id:
            remove(used)
        raise
