"""Taking a service down: the platform unpublishes an offering asynchronously, and refuses
(409) to delete a configuration while an offering still uses it. One place waits for both;
the workflow (an UNSTABLE offering replaced), undo and the published-services dock use it.

``wait`` has the signature of ``PublishContext.wait``: ``wait(poll, done, timeout_s=, what=)``.
"""

from __future__ import annotations

from typing import Callable, Iterable

from ..entrepot.errors import Conflict, NotFound
from ..i18n import tr

UNPUBLISH_TIMEOUT_S = 300.0


def unpublish_offering(api, offering_id: str, wait: Callable,
                       timeout_s: float = UNPUBLISH_TIMEOUT_S) -> None:
    """Unpublishes ``offering_id`` and waits until the platform no longer lists it."""
    try:
        api.delete_offering(offering_id)
    except NotFound:
        return

    def gone() -> bool:
        try:
            return api.offering(offering_id).status == "DELETED"
        except NotFound:
            return True

    wait(gone, bool, timeout_s=timeout_s, what=tr("the unpublication"))


def delete_configuration(api, configuration_id: str, wait: Callable,
                         timeout_s: float = UNPUBLISH_TIMEOUT_S) -> None:
    """Deletes the configuration, retrying while the platform still finishes an
    unpublication (409)."""

    def attempt() -> bool:
        try:
            api.delete_configuration(configuration_id)
        except Conflict:
            return False
        except NotFound:
            pass
        return True

    wait(attempt, bool, timeout_s=timeout_s, what=tr("the configuration's deletion"))


def take_down(api, offering_ids: Iterable[str], configuration_id: str, wait: Callable, *,
              delete_config: bool) -> None:
    """Unpublishes every offering of a configuration, then deletes it when asked."""
    for offering_id in offering_ids:
        unpublish_offering(api, offering_id, wait)
    if delete_config:
        delete_configuration(api, configuration_id, wait)
