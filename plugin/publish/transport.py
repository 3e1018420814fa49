"""Temporary: ui migration (see gateway.py): ui/publish_wizard.py imports ClientTransport
from here."""

from .gateway import ClientTransport

__all__ = ["ClientTransport"]
