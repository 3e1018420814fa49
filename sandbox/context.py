"""What every route and worker shares: the store, the base URL, the signer, faults, workers."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from flask import current_app

from .faults import Faults
from .store import Store
from .tokens import TokenSigner


@dataclass
class Sandbox:
    store: Store
    base_url: str
    signer: TokenSigner
    faults: Faults
    token_lifetime: float = 300.0
    refresh_lifetime: float = 1800.0
    step_delay_s: float = 0.2          # pause between statuses so clients see them move
    workers: object = None             # sandbox.workers.Workers, set by the app factory
    trainer_token: str = field(default="", repr=False)  # opens /admin (sandbox.admin)
    harvest_render_limit: Optional[int] = None  # GetMaps drawn per harvest (None: all)

    @property
    def data_dir(self) -> Path:
        return self.store.data_dir

    def access_lifetime(self) -> float:
        override = self.faults.config.token_lifetime
        return float(override) if override else self.token_lifetime


def sandbox() -> Sandbox:
    """The Sandbox of the current Flask app."""
    return current_app.extensions["sandbox"]
