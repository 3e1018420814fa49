"""Temporary: ui migration. Maps the one old call left in ui/publish_wizard.py,
``Gateway(ClientTransport(client, cancelled=cancelled))``, onto the entrepôt API, so the
wizard's task factory keeps working until it builds ``EntrepotApi`` itself. Nothing else may
import this module; delete it (and transport.py) once ui/ no longer does."""

from __future__ import annotations

from typing import Callable, Optional

from ..entrepot.api import EntrepotApi
from ..entrepot.client import EntrepotClient


def ClientTransport(client: EntrepotClient,
                    cancelled: Optional[Callable[[], bool]] = None) -> EntrepotClient:
    """The client whose requests stop on ``cancelled`` (was an adapter class)."""
    return client.with_cancel(cancelled) if cancelled is not None else client


def Gateway(client: EntrepotClient) -> EntrepotApi:
    """An EntrepotApi on ``client``; the Workflow binds it to the publication's datastore."""
    return EntrepotApi(client)
