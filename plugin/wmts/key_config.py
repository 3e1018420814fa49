"""Where the restricted service's key lives: QGIS's encrypted auth database, never a URL.

A key on the layer URL (``apikey=…``) was saved in clear in every project holding the layer
and logged by urllib3 at DEBUG. The plugin's ``BASIC`` user key is kept instead as a QGIS
"Basic" authentication configuration; the layer carries only its id (``authcfg=…``), and
QGIS's Basic method sends ``Authorization: Basic`` on each request of the layer (that the
private WMTS accepts a BASIC key this way is an assumption, see sandbox/README.md).
One configuration per key (found again by its name and login), however often it is used.
"""

from __future__ import annotations

import base64
from typing import Dict, Optional, Tuple

from qgis.core import QgsApplication, QgsAuthMethodConfig

from ..entrepot.secret import Secret

KEY_CONFIG_NAME = "Géoplateforme service key (gpf_wmts_publisher)"
BASIC_METHOD = "Basic"


class KeyStoreError(RuntimeError):
    """QGIS's auth database cannot hold the key (locked, or the write failed)."""

    user_facing = True  # plugin/error_messages.py shows its words as they are


def _manager():
    manager = QgsApplication.authManager()
    if manager.isDisabled():
        raise KeyStoreError("QGIS's authentication database is not available")
    if not manager.masterPasswordIsSet() and not manager.setMasterPassword(True):
        raise KeyStoreError("QGIS's authentication database is locked: set its master "
                            "password first")
    return manager


def find_key_config(login: str) -> Optional[str]:
    """The id of the configuration holding the key whose login is ``login``, if any."""
    manager = _manager()
    for config_id, config in manager.availableAuthMethodConfigs().items():
        if config.name() != KEY_CONFIG_NAME or config.method() != BASIC_METHOD:
            continue
        found, full = manager.loadAuthenticationConfig(config_id, QgsAuthMethodConfig(), True)
        if found and full.config("username") == login:
            return config_id
    return None


def store_key_config(login: str, password: Secret) -> str:
    """The configuration for this key (created once, its password kept up to date)."""
    manager = _manager()
    config_id = find_key_config(login)
    config = QgsAuthMethodConfig(BASIC_METHOD)
    if config_id:
        _, config = manager.loadAuthenticationConfig(config_id, config, True)
    config.setName(KEY_CONFIG_NAME)
    config.setConfig("username", login)
    config.setConfig("password", password.reveal())
    if config_id:
        if not manager.updateAuthenticationConfig(config):
            raise KeyStoreError("the key could not be updated in QGIS's auth database")
        return config_id
    ok, stored = manager.storeAuthenticationConfig(config)
    if not ok:
        raise KeyStoreError("the key could not be stored in QGIS's auth database")
    return stored.id()


def key_credentials(config_id: str) -> Optional[Tuple[str, Secret]]:
    """(login, password) held by a key configuration, None when it is not one."""
    if not config_id:
        return None
    found, config = _manager().loadAuthenticationConfig(config_id, QgsAuthMethodConfig(), True)
    if not found or config.method() != BASIC_METHOD or not config.config("username"):
        return None
    return config.config("username"), Secret(config.config("password"))


def basic_headers(config_id: str) -> Dict[str, str]:
    """The ``Authorization`` header for the plugin's own requests (capabilities, the zoom
    inspector's tiles); an empty dict when the configuration is unknown."""
    credentials = key_credentials(config_id)
    if credentials is None:
        return {}
    login, password = credentials
    token = base64.b64encode(f"{login}:{password.reveal()}".encode()).decode("ascii")
    return {"Authorization": f"Basic {token}"}


def restricted_capabilities_copy(url: str, config_id: str) -> str:
    """A local file with the capabilities of a restricted service, read with its key: the
    browser then shows them without the key travelling on a URL (history, proxies, logs)."""
    import tempfile

    from .capabilities import _fetch, capabilities_url

    data = _fetch(capabilities_url(url), None, basic_headers(config_id), None)
    handle, path = tempfile.mkstemp(prefix="gpf_wmts_capabilities_", suffix=".xml")
    with open(handle, "wb") as file:
        file.write(data)
    return path
